import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  approvalStanding,
  managementApprovalInputSchema,
  managementTrainingInputSchema,
  missingDuties,
  trainingStanding,
} from './management.ts';

describe('§ 38 Abs. 3 BSIG: a director’s training counts for twelve calendar months', () => {
  it.each([
    ['2026-03-15', 12, '2027-03-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-12-31', 2, '2027-02-28'],
  ])('%s + %i months = %s', (day, months, expected) => {
    expect(addCalendarMonths(day, months)).toBe(expected);
  });

  it.each([
    // [last training, today, state, due on, days left]
    [null, '2026-12-06', 'missing', null, null],
    ['2026-12-06', '2026-12-06', 'current', '2027-12-06', 365],
    ['2026-02-05', '2026-12-06', 'current', '2027-02-05', 61],
    ['2026-02-04', '2026-12-06', 'due_soon', '2027-02-04', 60],
    ['2025-12-07', '2026-12-06', 'due_soon', '2026-12-07', 1],
    ['2025-12-06', '2026-12-06', 'lapsed', '2026-12-06', 0],
    ['2024-06-01', '2026-12-06', 'lapsed', '2025-06-01', -553],
  ] as const)('last %s, on %s: %s', (last, today, state, dueOn, daysLeft) => {
    expect(trainingStanding(last, today)).toEqual({ state, dueOn, daysLeft });
  });
});

describe('§ 38 Abs. 1 BSIG: each director approves the measures as they stand', () => {
  it.each([
    [null, 7, 'missing', 0],
    [7, 7, 'current', 0],
    [4, 7, 'changed', 3],
    // A version can only grow; an approval "from the future" (restored backup) is treated as current.
    [9, 7, 'current', 0],
  ] as const)('approved version %s, now %i: %s', (approved, current, state, changesSince) => {
    expect(approvalStanding(approved, current)).toEqual({ state, changesSince });
  });

  it.each([
    ['missing', 'missing', ['training', 'approval']],
    ['lapsed', 'current', ['training']],
    ['due_soon', 'changed', []],
    ['current', 'missing', ['approval']],
  ] as const)('training %s, approval %s → missing %j', (training, approval, expected) => {
    expect(missingDuties(training, approval)).toEqual(expected);
  });
});

describe('input', () => {
  const valid = { heldOn: '2026-11-20', agenda: 'NIS2-Pflichten, Haftung, Meldewege', provider: 'Ärztekammer' };
  it('takes a training record and defaults the optional parts', () => {
    expect(managementTrainingInputSchema.parse(valid)).toEqual({ ...valid, durationMinutes: null, certificateEvidenceId: null, notes: '' });
  });
  it.each([
    ['the year 1', { ...valid, heldOn: '0001-01-01' }, 'heldOn'],
    ['an impossible date', { ...valid, heldOn: '2026-02-30' }, 'heldOn'],
    ['an empty agenda', { ...valid, agenda: '  ' }, 'agenda'],
    ['a NUL in the provider', { ...valid, provider: 'Kammer\u0000' }, 'provider'],
    ['ten minutes', { ...valid, durationMinutes: 10 }, 'durationMinutes'],
    ['a certificate that is no id', { ...valid, certificateEvidenceId: 'zertifikat.pdf' }, 'certificateEvidenceId'],
  ])('refuses %s at the field', (_label, input, field) => {
    const result = managementTrainingInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });
  it('takes an approval with or without a remark, never a control character', () => {
    expect(managementApprovalInputSchema.parse({})).toEqual({ remark: '' });
    expect(managementApprovalInputSchema.safeParse({ remark: 'ok\u0007' }).success).toBe(false);
  });
});
