import { describe, expect, it } from 'vitest';
import type { SignificanceAnswers } from './incident.schema.ts';
import { assessSignificance } from './significance.ts';

const none: SignificanceAnswers = {
  severeDisruption: 'no',
  financialLoss: 'no',
  considerableHarmToOthers: 'no',
  maliciousSuspected: false,
  crossBorderImpact: false,
  personalDataBreach: false,
  gdprRisk: 'none',
  encryptedWithUncompromisedKeys: false,
};

// § 2 Nr. 11 BSIG: significant = has caused or can cause severe disruption or financial loss, or considerable damage to others.
describe('significance of an incident', () => {
  it.each<[string, Partial<SignificanceAnswers>, boolean]>([
    ['nothing serious', {}, false],
    ['practice cannot treat patients (ransomware)', { severeDisruption: 'yes' }, true],
    ['any financial loss for the practice, not only a considerable one', { financialLoss: 'yes' }, true],
    ['patients harmed, e.g. health data published', { considerableHarmToOthers: 'yes' }, true],
    ['unsure about disruption: report on suspicion', { severeDisruption: 'unsure' }, true],
    ['malicious but without effect is not significant by itself', { maliciousSuspected: true }, false],
    ['a personal-data breach alone is a GDPR matter, not § 32 BSIG', { personalDataBreach: true, gdprRisk: 'high' }, false],
  ])('%s → significant: %s', (_label, answers, expected) => {
    const result = assessSignificance({ ...none, ...answers });
    expect(result.significant).toBe(expected);
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(result.reasons.every((r) => r.legalBasis.includes('§ 2 Nr. 11 BSIG'))).toBe(true);
  });

  // § 2 Nr. 11 BSIG (reference: /work/shared/reference/nis2-bsig.json, incident_reporting.trigger): "severe operational
  // disruption of services or financial loss for the entity" (Buchst. a) — the adjective "considerable" belongs to the
  // damage to others (Buchst. b) only.
  it.each<[string, 'yes' | 'unsure', RegExp, RegExp]>([
    ['financial loss that happened', 'yes', /finanzieller Verlust für die Praxis/, /financial loss for the practice/],
    ['financial loss that may happen', 'unsure', /finanzieller Verlust für die Praxis/, /financial loss for the practice/],
  ])('%s counts without being "erheblich" (§ 2 Nr. 11 Buchst. a BSIG)', (_label, level, de, en) => {
    const result = assessSignificance({ ...none, financialLoss: level });
    expect(result.significant).toBe(true);
    const [reason] = result.reasons;
    expect(reason?.de).toMatch(de);
    expect(reason?.en).toMatch(en);
    expect(reason?.de).not.toMatch(/erhebliche[rn]? finanzielle/);
    expect(reason?.en).not.toMatch(/considerable financial/);
  });

  it('says "kein finanzieller Verlust", not "kein erheblicher Verlust", when nothing is met', () => {
    const [reason] = assessSignificance(none).reasons;
    expect(reason?.de).toContain('kein finanzieller Verlust');
    expect(reason?.de).toContain('kein erheblicher Schaden für andere');
    expect(reason?.en).toContain('no financial loss');
  });

  it('names every criterion that is met', () => {
    const result = assessSignificance({ ...none, severeDisruption: 'yes', considerableHarmToOthers: 'unsure' });
    expect(result.reasons.map((r) => r.code)).toEqual(['incident.significance_criterion_met', 'incident.significance_unsure']);
  });
});
