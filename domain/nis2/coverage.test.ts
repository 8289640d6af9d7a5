import { describe, expect, it } from 'vitest';
import { kbvRequirements } from '../kbv/requirements.data.ts';
import { type KbvStatus, nis2Coverage, nis2CoverageSchema } from './coverage.ts';
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
      const mapped = [...m.kbvCore, ...m.kbvPartial];
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
  it('has no KBV part done when nothing is implemented, or nothing is known', () => {
    expect(nis2Coverage(allWith('open')).kbvPartDoneMeasures).toBe(0);
    expect(nis2Coverage(new Map()).kbvPartDoneMeasures).toBe(0);
  });

  // KBV cores exist for Nr. 3 (backups), 5 (patching), 7 (hygiene, training), 9 (personnel, access).
  it('marks at most the KBV part of the four measures with a KBV core done, even with everything implemented', () => {
    const result = nis2Coverage(allWith('implemented'));
    expect(result.kbvPartDoneMeasures).toBe(4);
    expect(result.kbvCoreMeasures).toBe(4);
    expect(result.totalMeasures).toBe(10);
    expect(result.measures.filter((m) => m.kbvPartDone).map((m) => m.measureId)).toEqual(['BSIG-30-2-03', 'BSIG-30-2-05', 'BSIG-30-2-07', 'BSIG-30-2-09']);
  });

  // § 30 Abs. 2 Satz 2 BSIG (titles as in the reference snapshot): Nr. 3 "… und Krisenmanagement", Nr. 5
  // "Sicherheitsmaßnahmen bei Erwerb, Entwicklung und Wartung … einschließlich Management und Offenlegung von
  // Schwachstellen", Nr. 9 "… und Management von Anlagen".
  it.each([
    ['BSIG-30-2-03', /Krisenmanagement/],
    ['BSIG-30-2-05', /Erwerb.*Schwachstellen/],
    ['BSIG-30-2-09', /Management von Anlagen/],
  ])('%s: a done KBV part still names what the statute asks beyond it (%s)', (id, missing) => {
    const result = measure(id, allWith('implemented'));
    expect(result.kbvPartDone).toBe(true);
    expect(result.beyondKbv?.de).toMatch(missing);
  });

  it('never claims a measure is covered: the sentence says "KBV-Anteil umgesetzt" and names what is missing', () => {
    const result = nis2Coverage(allWith('implemented'));
    expect(result.summary.de).toBe(
      'KBV-Anteil umgesetzt bei 4 von 4 Maßnahmen, deren Kern die KBV-Richtlinie abdeckt (§ 30 Abs. 2 Satz 2 Nr. 3, 5, 7, 9 BSIG). Auch mit umgesetztem KBV-Anteil fehlt dort noch: ' +
        'Krisenmanagement und Notfallplanung über die Datensicherung hinaus (Nr. 3); Sicherheitsanforderungen beim Erwerb (sichere Beschaffung) sowie Management und Offenlegung von Schwachstellen (Nr. 5); Management von Anlagen (ein vollständiges Verzeichnis der IT-Werte) (Nr. 9).',
    );
    expect(result.summary.en).toMatch(/^KBV part done for 4 of 4 measures/);
    for (const text of [result.summary.de, result.summary.en, result.remaining.de, result.remaining.en])
      expect(text).not.toMatch(/deckt .* ab\.|covers \d+ of/);
    expect(result.summary.legalBasis).toEqual(['§ 30 Abs. 2 Satz 2 BSIG']);
    expect(result.remaining.de).toMatch(/übrigen 6 Maßnahmen \(Nr\. 1, 2, 4, 6, 8, 10\)/);
  });

  it.each([
    // § 30(2) Nr. 3: backups A1-21..25 are the core, A3-16 (own mail server) partial.
    ['all core ones implemented, the partial one open', ['KBV-A3-16', 'open'], true],
    ['one core requirement in progress', ['KBV-A1-25', 'in_progress'], false],
    ['one core requirement open', ['KBV-A1-21', 'open'], false],
  ] satisfies [string, [string, KbvStatus], boolean][])('Nr. 3 with %s: KBV part done %s', (_label, override, done) => {
    const statuses = allWith('open', [
      ['KBV-A1-21', 'implemented'],
      ['KBV-A1-22', 'implemented'],
      ['KBV-A1-23', 'implemented'],
      ['KBV-A1-24', 'implemented'],
      ['KBV-A1-25', 'implemented'],
      override,
    ]);
    expect(measure('BSIG-30-2-03', statuses).kbvPartDone).toBe(done);
  });

  it('leaves not-applicable requirements out of the count and out of the rule', () => {
    // § 30(2) Nr. 7: KBV-A1-41 concerns e-mail; a practice without e-mail marks it not applicable.
    const statuses = allWith('implemented', [
      ['KBV-A1-41', 'not_applicable'],
      ['KBV-A1-31', 'not_applicable'],
    ]);
    const result = measure('BSIG-30-2-07', statuses);
    expect(result).toMatchObject({ kbvPartDone: true, total: 7, implementedCount: 7, kbvCoverage: 'core', beyondKbv: null });
    expect(result.coveredBy).toHaveLength(9);
  });

  it('does not mark the KBV part done when all core counterparts are not applicable', () => {
    const core = nis2Measures.find((m) => m.id === 'BSIG-30-2-05')?.kbvCore ?? [];
    expect(core.length).toBeGreaterThan(0);
    const statuses = allWith(
      'implemented',
      core.map((id): [string, KbvStatus] => [id, 'not_applicable']),
    );
    expect(measure('BSIG-30-2-05', statuses).kbvPartDone).toBe(false);
  });

  it('counts partial counterparts but never marks the KBV part of a partial-only measure done', () => {
    // § 30(2) Nr. 10: MFA and secured communication have only partial KBV counterparts.
    const result = measure('BSIG-30-2-10', allWith('implemented'));
    expect(result).toMatchObject({ kbvCoverage: 'partial', kbvPartDone: false, implementedCount: 4, total: 4 });
  });

  it('matches its response schema', () => {
    expect(nis2CoverageSchema.parse(nis2Coverage(allWith('implemented')))).toEqual(nis2Coverage(allWith('implemented')));
  });
});
