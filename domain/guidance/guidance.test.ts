import { describe, expect, it } from 'vitest';
import { kbvRequirements } from '../kbv/requirements.data.ts';
import { bsig30Source, nis2Measures } from '../nis2/measures.data.ts';
import { guidanceAnswer, guidanceFor, requirementGuidance, roadmapFitOf, weekRanges } from './guidance.ts';
import { GUIDANCE_VERSION, type RequirementGuidance } from './guidance.types.ts';

const catalogIds = [...kbvRequirements.map((r) => r.id), ...nis2Measures.map((m) => m.id)];
const texts = (g: RequirementGuidance) => [...g.stepsDe, ...g.stepsEn, ...g.evidenceDe, ...g.evidenceEn];

/** The requirement's own source: KBV IT-Sicherheitsrichtlinie (§ 390 SGB V) at its annex and number, or § 30 BSIG. */
function expectedOwnSource(id: string) {
  const requirement = kbvRequirements.find((r) => r.id === id);
  if (requirement) return { citation: `KBV IT-Sicherheitsrichtlinie, ${requirement.kbvReference}`, url: requirement.sourceUrl };
  const measure = nis2Measures.find((m) => m.id === id);
  return { citation: measure?.legalBasis, url: bsig30Source.url };
}

describe('guidance on every requirement (issue 12)', () => {
  it('the catalog has the 92 KBV requirements and the ten measures of § 30 Abs. 2 Satz 2 BSIG', () => {
    expect(kbvRequirements).toHaveLength(92);
    expect(nis2Measures).toHaveLength(10);
  });

  it.each(catalogIds)('%s has exactly one guidance entry', (id) => {
    expect(requirementGuidance.filter((g) => g.requirementId === id)).toHaveLength(1);
  });

  it('names only catalog ids, each once, in catalog order', () => {
    const ids = requirementGuidance.map((g) => g.requirementId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !catalogIds.includes(id))).toEqual([]);
    expect(ids).toEqual(catalogIds.filter((id) => ids.includes(id)));
  });

  describe.each(requirementGuidance.map((g) => [g.requirementId, g] as const))('%s', (_id, g) => {
    it('has 3–6 steps and 1–4 evidence items, the same number in German and English', () => {
      expect(g.stepsDe.length).toBeGreaterThanOrEqual(3);
      expect(g.stepsDe.length).toBeLessThanOrEqual(6);
      expect(g.stepsEn).toHaveLength(g.stepsDe.length);
      expect(g.evidenceDe.length).toBeGreaterThanOrEqual(1);
      expect(g.evidenceDe.length).toBeLessThanOrEqual(4);
      expect(g.evidenceEn).toHaveLength(g.evidenceDe.length);
    });

    it('has no empty text and no placeholder', () => {
      for (const text of texts(g)) {
        expect(text.trim().length).toBeGreaterThan(10);
        expect(text).toBe(text.trim());
        expect(text).not.toMatch(/\{\{|\}\}|\[ergänzen\]|\[add\]|\bTODO\b|\bTBD\b|\bXXX\b|lorem ipsum/i);
      }
    });

    it('writes each step as a sentence (capital letter, full stop or question mark) of at most two sentences’ length', () => {
      for (const step of [...g.stepsDe, ...g.stepsEn]) {
        expect(step).toMatch(/^[A-ZÄÖÜ„“"]/);
        expect(step).toMatch(/[.?]$/);
        expect(step.length).toBeLessThanOrEqual(320);
      }
    });

    it('keeps German in the German texts and English in the English ones', () => {
      for (const text of [...g.stepsDe, ...g.evidenceDe]) expect(text).not.toMatch(/\b(the|and|with|your)\b/);
      for (const text of [...g.stepsEn, ...g.evidenceEn]) expect(text).not.toMatch(/\b(und|oder|der|die|das|Sie|mit)\b/);
    });

    it('is marked as our reading and cites its own source first; every source has a citation and an https address', () => {
      expect(g.confidence).toBe('inferred');
      expect(g.sources[0]).toEqual(expectedOwnSource(g.requirementId));
      for (const source of g.sources) {
        expect(source.citation.trim()).not.toBe('');
        expect(new URL(source.url).protocol).toBe('https:');
      }
    });
  });
});

describe('guidanceFor and guidanceAnswer', () => {
  it('answers null for an id without guidance', () => {
    expect(guidanceFor('KBV-A9-99')).toBeNull();
    expect(guidanceAnswer('KBV-A9-99')).toBeNull();
  });

  it('answers the entry with the data version and its place in the plan', () => {
    const answer = guidanceAnswer('KBV-A5-03');
    expect(answer?.requirementId).toBe('KBV-A5-03');
    expect(answer?.version).toBe(GUIDANCE_VERSION);
    expect(answer?.roadmap).toEqual(roadmapFitOf('KBV-A5-03'));
  });
});

describe('roadmapFitOf: where a requirement fits in the 8-week plan (domain/roadmap/roadmap.ts, decision 032)', () => {
  it.each([
    // [id, weeks, first serving item, recurring, source]
    ['KBV-A1-21', [3], 'backup-321', false, 'KBV Anlage 1 Nr. 21: backups, week 3'],
    ['KBV-A1-25', [4], 'backup-restore-test', false, 'KBV Anlage 1 Nr. 25: restore test, week 4'],
    ['KBV-A1-10', [3], 'phishing-kickoff', true, 'KBV Anlage 1 Nr. 10: awareness, repeated yearly'],
    ['KBV-A2-01', [4], 'network', false, 'KBV Anlage 2 Nr. 1: logging with the network task'],
    ['KBV-A3-10', [6], 'mobile-management', false, 'KBV Anlage 3 Nr. 10: remote wipe with device management'],
    ['KBV-A4-06', [6], 'medical-devices', false, 'KBV Anlage 4 Nr. 6: segmentation of major devices'],
    ['KBV-A5-03', [4], 'telematics', false, 'KBV Anlage 5 Nr. 3: telematics infrastructure'],
    ['BSIG-30-2-09', [1], 'inventory-assets', false, '§ 30 Abs. 2 Satz 2 Nr. 9 BSIG: asset inventory first'],
    ['BSIG-30-2-01', [5], 'security-policy', false, '§ 30 Abs. 2 Satz 2 Nr. 1 BSIG: policy and risk register'],
    ['BSIG-30-2-06', [8], 'effectiveness-review', true, '§ 30 Abs. 2 Satz 2 Nr. 6 BSIG: the cycle after the plan'],
  ] as const)('%s: weeks %j, served by %s, recurring %s (%s)', (id, weeks, firstKey, recurring, _source) => {
    const fit = roadmapFitOf(id);
    expect(fit.inPlan).toBe(true);
    expect(fit.weeks).toEqual(weeks);
    expect(fit.items[0]).toMatchObject({ key: firstKey, role: 'serves' });
    expect(fit.recurring).toBe(recurring);
  });

  it('lists the serving items before those that only cite the requirement, each by week', () => {
    const fit = roadmapFitOf('KBV-A2-01');
    expect(fit.items).toEqual([
      { key: 'network', week: 4, role: 'serves' },
      { key: 'incident-response', week: 6, role: 'cites' },
    ]);
    // The weeks are those of the serving items: the citing incident path does not move the requirement to week 6.
    expect(fit.weeks).toEqual([4]);
  });

  it('gives the weeks of several serving items (§ 30 Abs. 2 Satz 2 Nr. 1 BSIG: policy and risk register, both week 5)', () => {
    const fit = roadmapFitOf('BSIG-30-2-01');
    expect(fit.items.filter((i) => i.role === 'serves').map((i) => i.key)).toEqual(['security-policy', 'risk-register']);
  });

  it('says "not in the 8 weeks" for an id no item names', () => {
    expect(roadmapFitOf('KBV-A9-99')).toEqual({ inPlan: false, weeks: [], items: [], recurring: false });
  });

  it.each(catalogIds)('%s has a place in the plan', (id) => {
    const fit = roadmapFitOf(id);
    expect(fit.inPlan).toBe(true);
    expect(fit.weeks.length).toBeGreaterThan(0);
  });
});

describe('weekRanges', () => {
  it.each([
    [[3], '3'],
    [[3, 4], '3–4'],
    [[4, 1, 5, 6], '1, 4–6'],
    [[6, 6, 2], '2, 6'],
    [[], ''],
  ])('%j → "%s"', (weeks, text) => {
    expect(weekRanges(weeks)).toBe(text);
  });
});
