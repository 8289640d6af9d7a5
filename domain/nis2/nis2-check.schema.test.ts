import { describe, expect, it } from 'vitest';
import { nis2CheckSchema } from './nis2-check.schema.ts';

const valid = {
  sector: 'healthcare_provider',
  kritisOperator: false,
  staffAwu: 67.5,
  annualTurnoverEur: 8_000_000,
  balanceSheetTotalEur: 4_000_000,
};
const enterprise = { staffAwu: 10, annualTurnoverEur: 1_000_000, balanceSheetTotalEur: 500_000 };
const heads = { fullTimeHeads: 60, partTimeHeads: 15, partTimeFraction: 0.5, apprentices: 6 };

function failingPaths(input: unknown): string[] {
  const result = nis2CheckSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.')).sort();
}

describe('NIS2 check input', () => {
  it('accepts the minimal input and fills the optional lists', () => {
    expect(nis2CheckSchema.parse(valid)).toEqual({ ...valid, partnerEnterprises: [], linkedEnterprises: [], independentOfGroup: false });
  });

  it('accepts staff as heads instead of AWU', () => {
    const { staffAwu: _omitted, ...rest } = valid;
    expect(nis2CheckSchema.safeParse({ ...rest, staff: heads }).success).toBe(true);
  });

  // Recommendation 2003/361/EC, Annex Art. 3(2): partners hold 25 % up to 50 %; Art. 3(3): linked means control (> 50 %).
  // Shares below 25 % and linked entries at 50 % or less are accepted and explained by the classification, not refused.
  it.each([
    [{ partnerEnterprises: [{ ...enterprise, holdingPercent: 25 }] }, []],
    [{ partnerEnterprises: [{ ...enterprise, holdingPercent: 50 }] }, []],
    [{ partnerEnterprises: [{ ...enterprise, holdingPercent: 24.9 }] }, []], // not a partner: accepted, not counted
    [{ partnerEnterprises: [{ ...enterprise, holdingPercent: 0 }] }, []],
    [{ partnerEnterprises: [{ ...enterprise, holdingPercent: 50.1 }] }, ['partnerEnterprises.0.holdingPercent']], // linked, not partner
    [{ partnerEnterprises: [{ ...enterprise, holdingPercent: 120 }] }, ['partnerEnterprises.0.holdingPercent']],
    [{ partnerEnterprises: [{ ...enterprise, holdingPercent: -5 }] }, ['partnerEnterprises.0.holdingPercent']],
    [{ partnerEnterprises: [{ ...enterprise }] }, ['partnerEnterprises.0.holdingPercent']],
    [{ linkedEnterprises: [{ ...enterprise }] }, []], // control without a stated share
    [{ linkedEnterprises: [{ ...enterprise, holdingPercent: 100 }] }, []],
    [{ linkedEnterprises: [{ ...enterprise, holdingPercent: 50 }] }, []], // accepted, counted as a partner
    [{ linkedEnterprises: [{ ...enterprise, holdingPercent: -1 }] }, ['linkedEnterprises.0.holdingPercent']],
    [{ linkedEnterprises: [{ ...enterprise, holdingPercent: 101 }] }, ['linkedEnterprises.0.holdingPercent']],
  ])('holdings %j fail at %j', (lists, paths) => {
    expect(failingPaths({ ...valid, ...lists })).toEqual(paths);
  });

  it.each([
    [{ staffAwu: -1 }, ['staffAwu']],
    [{ staffAwu: '12' }, ['staffAwu']],
    [{ annualTurnoverEur: '8000000' }, ['annualTurnoverEur']],
    [{ balanceSheetTotalEur: -0.01 }, ['balanceSheetTotalEur']],
    [{ sector: 'pharmacy' }, ['sector']],
    [{ kritisOperator: undefined }, ['kritisOperator']],
    [{ independentOfGroup: 'yes' }, ['independentOfGroup']],
    [{ figuresBasis: 'guess' }, ['figuresBasis']],
    [
      { partnerEnterprises: [{ holdingPercent: 30, staffAwu: -3, annualTurnoverEur: 1 }] },
      ['partnerEnterprises.0.balanceSheetTotalEur', 'partnerEnterprises.0.staffAwu'],
    ],
    [{ staffAwu: undefined, staff: { ...heads, fullTimeHeads: 2.5, partTimeFraction: 2 } }, ['staff.fullTimeHeads', 'staff.partTimeFraction']],
  ])('%j fails at %j', (change, paths) => {
    expect(failingPaths({ ...valid, ...change })).toEqual(paths);
  });

  it.each([
    ['neither', { staffAwu: undefined }],
    ['both', { staff: heads }],
  ])('%s of staffAwu and staff names staffAwu', (_label, change) => {
    const result = nis2CheckSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['staffAwu'], message: 'staff_awu_or_staff' })]);
  });

  it('reports the staff choice together with other field errors', () => {
    expect(failingPaths({ sector: 'healthcare_provider', kritisOperator: false })).toEqual(['annualTurnoverEur', 'balanceSheetTotalEur', 'staffAwu']);
  });
});
