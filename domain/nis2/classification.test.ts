import { describe, expect, it } from 'vitest';
import { awuFromHeads, classifyNis2, maxFineEur } from './classification.ts';
import type { Nis2CheckInput } from './nis2-check.schema.ts';

const M = 1_000_000;

function practice(overrides: Partial<Nis2CheckInput> = {}): Nis2CheckInput {
  return {
    sector: 'healthcare_provider',
    kritisOperator: false,
    staffAwu: 10,
    annualTurnoverEur: 2 * M,
    balanceSheetTotalEur: 1 * M,
    figuresBasis: 'approved_accounts',
    ...overrides,
  };
}

const codes = (items: { code: string }[]) => items.map((i) => i.code);

describe('NIS2 classification by size (§ 28(1) Nr. 4, § 28(2) Nr. 3 BSIG)', () => {
  // Staff: "mindestens 50 / 250 Mitarbeiter" (≥), counted in AWU and never rounded.
  it.each([
    [49.5, 'not_affected'],
    [49.9, 'not_affected'], // not rounded up to 50
    [49.999999, 'not_affected'],
    [50, 'important'],
    [50.5, 'important'],
    [249.99, 'important'],
    [250, 'particularly_important'],
  ])('%f AWU with small finances: %s', (staffAwu, category) => {
    expect(classifyNis2(practice({ staffAwu })).category).toBe(category);
  });

  // Money: "Jahresumsatz von über … und zudem eine Jahresbilanzsumme von über …" (both strictly greater).
  it.each([
    [10 * M, 10 * M, 'not_affected'], // exactly 10 M is not above 10 M
    [10 * M + 1, 10 * M, 'not_affected'], // balance not above
    [10 * M, 10 * M + 1, 'not_affected'], // turnover not above
    [10_000_001, 10_000_001, 'important'],
    [50 * M, 43 * M, 'important'], // exactly at the particularly-important figures: not above
    [50 * M + 1, 43 * M, 'important'],
    [50 * M, 43 * M + 1, 'important'],
    [50 * M + 1, 43 * M + 1, 'particularly_important'],
    [400 * M, 20 * M, 'important'], // turnover alone never suffices
  ])('turnover %i and balance sheet %i with 10 AWU: %s', (annualTurnoverEur, balanceSheetTotalEur, category) => {
    expect(classifyNis2(practice({ annualTurnoverEur, balanceSheetTotalEur })).category).toBe(category);
  });

  it('cites the provision that decided, in reasons and in the sources', () => {
    const result = classifyNis2(practice({ staffAwu: 60 }));
    const decisive = result.reasons.find((r) => r.code === 'nis2.staff_threshold_important');
    expect(decisive).toMatchObject({ params: { staffAwu: 60, threshold: 50 }, legalBasis: ['§ 28 Abs. 2 Nr. 3 BSIG'] });
    expect(decisive?.de).toMatch(/60 JAE/);
    expect(result.legalBasis.map((s) => s.citation)).toEqual(expect.arrayContaining(['§ 28 Abs. 2 Nr. 3 BSIG', '§ 65 BSIG']));
    for (const item of [...result.reasons, ...result.warnings]) expect(item.legalBasis.length).toBeGreaterThan(0);
  });

  it('gives both the staff and the financial reason when both are met', () => {
    const result = classifyNis2(practice({ staffAwu: 300, annualTurnoverEur: 60 * M, balanceSheetTotalEur: 50 * M }));
    expect(codes(result.reasons)).toEqual(
      expect.arrayContaining(['nis2.staff_threshold_particularly_important', 'nis2.financial_threshold_particularly_important']),
    );
  });

  // § 28(1) Nr. 1 BSIG: KRITIS operators are particularly important irrespective of size.
  it('a small KRITIS operator is particularly important', () => {
    const result = classifyNis2(practice({ kritisOperator: true, staffAwu: 4 }));
    expect(result.category).toBe('particularly_important');
    expect(codes(result.reasons)).toContain('nis2.kritis_operator');
    expect(result.maxFineEur).toBe(10 * M);
    expect(codes(result.warnings)).not.toContain('nis2.near_threshold');
  });
});

describe('staff in annual work units (Recommendation 2003/361/EC, Annex Art. 5)', () => {
  it.each([
    [{ fullTimeHeads: 60, partTimeHeads: 15, partTimeFraction: 0.5, apprentices: 6 }, 67.5],
    [{ fullTimeHeads: 45, partTimeHeads: 15, partTimeFraction: 0.3, apprentices: 0 }, 49.5], // 0.3 × 15 without float noise
    [{ fullTimeHeads: 35, partTimeHeads: 50, partTimeFraction: 0.3, apprentices: 2 }, 50],
    [{ fullTimeHeads: 0, partTimeHeads: 7, partTimeFraction: 1 / 3, apprentices: 3, parentalLeaveHeads: 2 }, 2.333333],
  ])('%j is %f AWU', (staff, awu) => {
    expect(awuFromHeads(staff)).toBe(awu);
  });

  it('classifies from heads and explains the count, excluding apprentices and parental leave', () => {
    const result = classifyNis2(
      practice({ staffAwu: undefined, staff: { fullTimeHeads: 45, partTimeHeads: 15, partTimeFraction: 0.3, apprentices: 4, parentalLeaveHeads: 1 } }),
    );
    expect(result.aggregated.staffAwu).toBe(49.5);
    expect(result.category).toBe('not_affected');
    const reason = result.reasons.find((r) => r.code === 'nis2.staff_from_heads');
    expect(reason).toMatchObject({ params: { staffAwu: 49.5, apprentices: 4, parentalLeaveHeads: 1 }, legalBasis: ['Empfehlung 2003/361/EG, Anhang Art. 5'] });
  });

  // Heads vs AWU: 40 + 20 × 0.4 = 48 AWU (not affected), but 65 heads would read as "important".
  it('warns when counting heads would give another result', () => {
    const result = classifyNis2(practice({ staffAwu: undefined, staff: { fullTimeHeads: 40, partTimeHeads: 20, partTimeFraction: 0.4, apprentices: 5 } }));
    expect(result.category).toBe('not_affected');
    const warning = result.warnings.find((w) => w.code === 'nis2.head_count_differs');
    expect(warning?.params).toMatchObject({ headCount: 65, staffAwu: 48, headCountCategory: 'important' });
  });

  it('does not warn about heads when both counts give the same result', () => {
    const result = classifyNis2(practice({ staffAwu: undefined, staff: { fullTimeHeads: 60, partTimeHeads: 15, partTimeFraction: 0.5, apprentices: 6 } }));
    expect(result.category).toBe('important');
    expect(codes(result.warnings)).not.toContain('nis2.head_count_differs');
  });
});

describe('partner and linked enterprises (§ 28(4) BSIG; Recommendation 2003/361/EC, Annex Art. 3, 6(2))', () => {
  const partner = (holdingPercent: number) => ({ holdingPercent, staffAwu: 100, annualTurnoverEur: 20 * M, balanceSheetTotalEur: 15 * M });

  it.each([
    [25, 40 + 25, 'important'], // exactly 25 %: a partner, added pro rata
    [30, 40 + 30, 'important'],
    [50, 40 + 50, 'important'], // exactly 50 %: still a partner, not linked
  ])('a partner held at %i %% adds that share: %f AWU', (holding, awu, category) => {
    const result = classifyNis2(practice({ staffAwu: 40, partnerEnterprises: [partner(holding)] }));
    expect(result.aggregated.staffAwu).toBe(awu);
    expect(result.aggregated.annualTurnoverEur).toBe(2 * M + (20 * M * holding) / 100);
    expect(result.category).toBe(category);
    expect(codes(result.reasons)).toContain('nis2.partner_enterprises_added');
  });

  // Annex Art. 3(1), (2): below 25 % the enterprise stays autonomous; accepted and explained, never a 400.
  it.each([
    [0, 40],
    [10, 40],
    [24.99, 40],
    [25, 65],
  ])('a shareholder at %f %% entered as partner gives %f AWU', (holding, awu) => {
    const result = classifyNis2(practice({ staffAwu: 40, partnerEnterprises: [partner(holding)] }));
    expect(result.aggregated.staffAwu).toBe(awu);
    const note = result.reasons.find((r) => r.code === 'nis2.holding_below_partner_share');
    if (holding < 25) {
      expect(note?.de).toMatch(/kein Partnerunternehmen, wird nicht mitgezählt/);
      expect(note?.en).toMatch(/not a partner enterprise, not counted/);
      expect(note?.legalBasis).toEqual(['Empfehlung 2003/361/EG, Anhang Art. 3 Abs. 1', 'Empfehlung 2003/361/EG, Anhang Art. 3 Abs. 2']);
      expect(codes(result.reasons)).not.toContain('nis2.partner_enterprises_added');
    } else {
      expect(note).toBeUndefined();
    }
  });

  // Annex Art. 3(3)(a): linked needs the majority of the voting rights; 50 % is none. Control on other grounds: no share.
  it.each([
    [50, 40 + 50, 'nis2.partner_enterprises_added'],
    [30, 40 + 30, 'nis2.partner_enterprises_added'],
    [20, 40, 'nis2.holding_below_partner_share'],
    [50.01, 40 + 100, 'nis2.linked_enterprises_added'],
    [undefined, 40 + 100, 'nis2.linked_enterprises_added'],
  ])('an enterprise entered as linked at %s %% gives %f AWU (%s)', (holding, awu, code) => {
    const result = classifyNis2(practice({ staffAwu: 40, linkedEnterprises: [{ ...partner(0), holdingPercent: holding }] }));
    expect(result.aggregated.staffAwu).toBe(awu);
    expect(codes(result.reasons)).toContain(code);
    const note = result.reasons.find((r) => r.code === 'nis2.linked_without_majority');
    expect(note !== undefined).toBe(holding !== undefined && holding <= 50);
    if (note) expect(note.legalBasis).toContain('Empfehlung 2003/361/EG, Anhang Art. 3 Abs. 3');
  });

  it('a linked enterprise adds 100 %', () => {
    const result = classifyNis2(practice({ staffAwu: 20, linkedEnterprises: [{ staffAwu: 240, annualTurnoverEur: 30 * M, balanceSheetTotalEur: 25 * M }] }));
    expect(result.aggregated).toEqual({ staffAwu: 260, annualTurnoverEur: 32 * M, balanceSheetTotalEur: 26 * M });
    expect(result.category).toBe('particularly_important');
    expect(codes(result.reasons)).toContain('nis2.linked_enterprises_added');
  });

  // § 28(4) sentence 2 BSIG: independence in IT matters keeps group figures out.
  it('independence of the group ignores partners and linked enterprises, with a warning to document it', () => {
    const result = classifyNis2(
      practice({
        staffAwu: 20,
        partnerEnterprises: [partner(40)],
        linkedEnterprises: [{ staffAwu: 3000, annualTurnoverEur: 400 * M, balanceSheetTotalEur: 350 * M }],
        independentOfGroup: true,
      }),
    );
    expect(result.aggregated).toEqual({ staffAwu: 20, annualTurnoverEur: 2 * M, balanceSheetTotalEur: 1 * M });
    expect(result.category).toBe('not_affected');
    expect(codes(result.reasons)).toContain('nis2.group_independent');
    expect(result.warnings.find((w) => w.code === 'nis2.independence_needs_evidence')?.legalBasis).toContain('§ 28 Abs. 4 Satz 2 BSIG');
  });

  // The worked example of the API: 67.5 + 30 % × 100 + 3000 = 3097.5 AWU.
  it('works the example of the check', () => {
    const result = classifyNis2({
      sector: 'healthcare_provider',
      kritisOperator: false,
      staffAwu: 67.5,
      annualTurnoverEur: 8 * M,
      balanceSheetTotalEur: 4 * M,
      partnerEnterprises: [{ holdingPercent: 30, staffAwu: 100, annualTurnoverEur: 20 * M, balanceSheetTotalEur: 15 * M }],
      linkedEnterprises: [{ staffAwu: 3000, annualTurnoverEur: 400 * M, balanceSheetTotalEur: 350 * M }],
      independentOfGroup: false,
    });
    expect(result.aggregated).toEqual({ staffAwu: 3097.5, annualTurnoverEur: 414 * M, balanceSheetTotalEur: 358.5 * M });
    expect(result.category).toBe('particularly_important');
    expect(result.maxFineEur).toBe(10 * M); // 2 % of 414 M = 8.28 M < 10 M
  });
});

describe('fine ceilings (§ 65 BSIG)', () => {
  it.each([
    ['important', 5 * M, 7 * M],
    ['important', 500 * M, 7 * M], // 1.4 % of 500 M = 7 M exactly
    ['important', 1_000 * M, 14 * M],
    ['particularly_important', 100 * M, 10 * M],
    ['particularly_important', 500 * M, 10 * M],
    ['particularly_important', 600 * M, 12 * M], // 2 % > 10 M
    ['particularly_important', 123_456_789_012, 2_469_135_780],
    ['important', 123_456_789, 7 * M],
    ['not_affected', 900 * M, null],
  ] as const)('%s with turnover %i: %s', (category, turnover, fine) => {
    expect(maxFineEur(category, turnover)).toBe(fine);
  });

  it('uses the aggregated turnover', () => {
    const result = classifyNis2(practice({ staffAwu: 10, linkedEnterprises: [{ staffAwu: 300, annualTurnoverEur: 998 * M, balanceSheetTotalEur: 500 * M }] }));
    expect(result.category).toBe('particularly_important');
    expect(result.maxFineEur).toBe(20 * M);
    expect(result.reasons.find((r) => r.code === 'nis2.fine_ceiling')?.params).toMatchObject({ maxFineEur: 20 * M, percentOfTurnover: 2 });
  });

  it('has no fine for entities not affected, and says which other rules still apply', () => {
    const result = classifyNis2(practice());
    expect(result.maxFineEur).toBeNull();
    expect(codes(result.reasons)).toContain('nis2.not_affected_other_duties');
  });
});

describe('warnings where the answer is borderline or depends on interpretation', () => {
  it.each([
    [{ staffAwu: 46 }, 'staffAwu', 50],
    [{ staffAwu: 54 }, 'staffAwu', 50],
    [{ staffAwu: 240 }, 'staffAwu', 250],
    [{ staffAwu: 10, annualTurnoverEur: 10.5 * M, balanceSheetTotalEur: 12 * M }, 'annualTurnoverEur', 10 * M],
    [{ staffAwu: 10, annualTurnoverEur: 60 * M, balanceSheetTotalEur: 45 * M }, 'balanceSheetTotalEur', 43 * M],
  ])('%j is near the %s threshold %i', (figures, figure, threshold) => {
    const result = classifyNis2(practice(figures));
    expect(result.warnings.filter((w) => w.code === 'nis2.near_threshold').map((w) => [w.params.figure, w.params.threshold])).toContainEqual([
      figure,
      threshold,
    ]);
  });

  it('does not warn about a threshold whose other side would not change the result', () => {
    // Turnover near 10 M, but 120 AWU make the entity important anyway.
    const result = classifyNis2(practice({ staffAwu: 120, annualTurnoverEur: 10.5 * M, balanceSheetTotalEur: 12 * M }));
    expect(codes(result.warnings)).not.toContain('nis2.near_threshold');
  });

  // KBV/press shorthand "50 employees OR EUR 10 M turnover" vs the statutory AND (§ 28(2) Nr. 3 BSIG).
  it('warns when the press shorthand would say "affected" but the statute does not', () => {
    const result = classifyNis2(practice({ staffAwu: 30, annualTurnoverEur: 14 * M, balanceSheetTotalEur: 6 * M }));
    expect(result.category).toBe('not_affected');
    expect(codes(result.warnings)).toContain('nis2.simplified_rule_differs');
    expect(codes(classifyNis2(practice({ staffAwu: 60, annualTurnoverEur: 14 * M, balanceSheetTotalEur: 6 * M })).warnings)).not.toContain(
      'nis2.simplified_rule_differs',
    );
  });

  // Recommendation Annex Art. 4(1) and 4(3): last approved accounts; estimates only without approved accounts.
  it.each([
    [undefined, 'nis2.figures_basis'],
    ['estimate', 'nis2.figures_estimated'],
  ] as const)('figures basis %s gives %s', (figuresBasis, code) => {
    const result = classifyNis2({ ...practice(), figuresBasis });
    expect(codes(result.warnings)).toContain(code);
  });

  // Recommendation Annex Art. 4(2): a status changes only after two consecutive periods.
  it('always reminds of the two-consecutive-periods rule for a size-based result', () => {
    const result = classifyNis2(practice({ staffAwu: 80 }));
    expect(result.warnings.find((w) => w.code === 'nis2.two_consecutive_periods')?.legalBasis).toEqual(['Empfehlung 2003/361/EG, Anhang Art. 4 Abs. 2']);
  });

  it('every reason and warning has German and English text', () => {
    const result = classifyNis2(
      practice({ staff: { fullTimeHeads: 40, partTimeHeads: 20, partTimeFraction: 0.4, apprentices: 5 }, staffAwu: undefined, figuresBasis: 'estimate' }),
    );
    for (const item of [...result.reasons, ...result.warnings]) {
      expect(item.de.length).toBeGreaterThan(20);
      expect(item.en.length).toBeGreaterThan(20);
      expect(item.code).toMatch(/^nis2\.[a-z_]+$/);
    }
  });
});

// § 28(3) BSIG: activities negligible compared with the entity's whole business may be disregarded when assigning
// the entity type (Anlagen 1 and 2).
describe('negligible health care (§ 28(3) BSIG)', () => {
  const large = { staffAwu: 4000, annualTurnoverEur: 900 * M, balanceSheetTotalEur: 700 * M };
  it.each([
    [undefined, false, 'particularly_important', 'nis2.staff_threshold_particularly_important'],
    [false, false, 'particularly_important', 'nis2.staff_threshold_particularly_important'],
    [true, false, 'not_affected', 'nis2.negligible_activity'],
    [true, true, 'particularly_important', 'nis2.kritis_operator'], // a critical installation is assigned by itself
  ])('negligible %s, KRITIS %s: %s because of %s', (healthcareNegligible, kritisOperator, category, code) => {
    const result = classifyNis2(practice({ ...large, kritisOperator, ...(healthcareNegligible === undefined ? {} : { healthcareNegligible }) }));
    expect(result.category).toBe(category);
    expect(codes(result.reasons)).toContain(code);
  });

  it('says so with the citation, names what the size alone would give, and asks to check the main sector', () => {
    const result = classifyNis2(practice({ ...large, healthcareNegligible: true }));
    const reason = result.reasons.find((r) => r.code === 'nis2.negligible_activity');
    expect(reason).toMatchObject({ params: { categoryBySize: 'particularly_important' }, legalBasis: ['§ 28 Abs. 3 BSIG'] });
    expect(reason?.de).toMatch(/vernachlässigbar/);
    expect(reason?.de).toMatch(/besonders wichtige Einrichtung/);
    expect(result.maxFineEur).toBeNull();
    expect(codes(result.warnings)).toEqual(['nis2.negligible_activity_other_sectors']);
    expect(codes(result.reasons)).not.toContain('nis2.not_affected_other_duties');
    expect(result.legalBasis.map((s) => s.citation)).toContain('§ 28 Abs. 3 BSIG');
  });

  it('warns that § 28(3) does not lift the KRITIS status', () => {
    const result = classifyNis2(practice({ ...large, kritisOperator: true, healthcareNegligible: true }));
    expect(codes(result.warnings)).toContain('nis2.negligible_not_for_kritis');
  });
});
