import { describe, expect, it } from 'vitest';
import { kbvRequirements } from '../kbv/requirements.data.ts';
import { nis2Coverage, type KbvStatus } from './coverage.ts';
import { nis2BeyondKbv, nis2Measures } from './measures.data.ts';

const allIds = kbvRequirements.map((r) => r.id);
const allWith = (status: KbvStatus, overrides: [string, KbvStatus][] = []) =>
  new Map<string, KbvStatus>([...allIds.map((id): [string, KbvStatus] => [id, status]), ...overrides]);

function measure(id: string, statuses: Map<string, KbvStatus>) {
  const found = nis2Coverage(statuses).measures.find((m) => m.measureId === id);
  if (!found) throw new Error(`no measure ${id}`);
  return found;
}

describe('§ 30(2) BSIG measures and their KBV mapping', () => {
  it('lists the ten measures in order, each citing its number in § 30(2) BSIG', () => {
    expect(nis2Measures.map((m) => m.id)).toEqual(Array.from({ length: 10 }, (_, i) => `BSIG-30-2-${String(i + 1).padStart(2, '0')}`));
    nis2Measures.forEach((m, i) => {
      expect(m.legalBasis).toBe(`§ 30 Abs. 2 Satz 2 Nr. ${i + 1} BSIG`);
      expect(m.titleDe && m.titleEn && m.summaryDe && m.summaryEn && m.gapDe && m.gapEn).toBeTruthy();
    });
  });

  it('maps only KBV requirement ids that exist, each at most once per measure', () => {
    const known = new Set(allIds);
    for (const m of nis2Measures) {
      const mapped = [...m.kbvFull, ...m.kbvPartial];
      for (const id of mapped) expect(known.has(id), `${m.id} → ${id}`).toBe(true);
      expect(new Set(mapped).size).toBe(mapped.length);
    }
  });

  it('lists what NIS2 adds beyond the KBV guideline, each with its provision', () => {
    expect(nis2BeyondKbv.map((a) => a.id)).toEqual(expect.arrayContaining(['incident_reporting', 'registration', 'management_duties']));
    for (const addition of nis2BeyondKbv) expect(addition.legalBasis).toMatch(/BSIG$/);
  });
});

describe('nis2Coverage', () => {
  it('covers nothing when nothing is implemented, or nothing is known', () => {
    expect(nis2Coverage(allWith('open')).coveredMeasures).toBe(0);
    expect(nis2Coverage(new Map()).coveredMeasures).toBe(0);
  });

  // Only measures with a full KBV counterpart can be covered: Nr. 3 (backups), 5 (patching), 7 (hygiene, training), 9 (personnel, access).
  it('covers at most the four measures with a full KBV counterpart, even with everything implemented', () => {
    const result = nis2Coverage(allWith('implemented'));
    expect(result.coveredMeasures).toBe(4);
    expect(result.coverableMeasures).toBe(4);
    expect(result.totalMeasures).toBe(10);
    expect(result.measures.filter((m) => m.covered).map((m) => m.measureId)).toEqual(['BSIG-30-2-03', 'BSIG-30-2-05', 'BSIG-30-2-07', 'BSIG-30-2-09']);
    expect(result.summary.de).toBe(
      'Ihre KBV-Umsetzung deckt 4 von 10 Maßnahmen nach § 30 BSIG ab. Mit der KBV-Richtlinie allein lassen sich höchstens 4 abdecken; für die übrigen verlangt NIS2 mehr.',
    );
  });

  it.each([
    // § 30(2) Nr. 3: backups A1-21..25 fully, A3-16 (own mail server) partially.
    ['all full ones implemented, the partial one open', ['KBV-A3-16', 'open'], true],
    ['one full requirement in progress', ['KBV-A1-25', 'in_progress'], false],
    ['one full requirement open', ['KBV-A1-21', 'open'], false],
  ] satisfies [string, [string, KbvStatus], boolean][])('Nr. 3 with %s: covered %s', (_label, override, covered) => {
    const statuses = allWith('open', [
      ['KBV-A1-21', 'implemented'],
      ['KBV-A1-22', 'implemented'],
      ['KBV-A1-23', 'implemented'],
      ['KBV-A1-24', 'implemented'],
      ['KBV-A1-25', 'implemented'],
      override,
    ]);
    expect(measure('BSIG-30-2-03', statuses).covered).toBe(covered);
  });

  it('leaves not-applicable requirements out of the count and out of the rule', () => {
    // § 30(2) Nr. 7: KBV-A1-41 concerns e-mail; a practice without e-mail marks it not applicable.
    const statuses = allWith('implemented', [['KBV-A1-41', 'not_applicable'], ['KBV-A1-31', 'not_applicable']]);
    const result = measure('BSIG-30-2-07', statuses);
    expect(result).toMatchObject({ covered: true, total: 7, implementedCount: 7, kbvCoverage: 'full' });
    expect(result.coveredBy).toHaveLength(9);
  });

  it('does not cover a measure whose full counterparts are all not applicable', () => {
    const m5 = nis2Measures.find((m) => m.id === 'BSIG-30-2-05')!;
    const statuses = allWith('implemented', m5.kbvFull.map((id): [string, KbvStatus] => [id, 'not_applicable']));
    expect(measure('BSIG-30-2-05', statuses).covered).toBe(false);
  });

  it('counts partial counterparts but never marks a partial-only measure covered', () => {
    // § 30(2) Nr. 10: MFA and secured communication have only partial KBV counterparts.
    const result = measure('BSIG-30-2-10', allWith('implemented'));
    expect(result).toMatchObject({ kbvCoverage: 'partial', covered: false, implementedCount: 4, total: 4 });
  });
});
