import { describe, expect, it } from 'vitest';
import type { SignificanceAnswers } from './incident.schema.ts';
import { assessSignificance } from './significance.ts';

const none: SignificanceAnswers = {
  severeDisruption: 'no',
  considerableFinancialLoss: 'no',
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
    ['considerable financial loss', { considerableFinancialLoss: 'yes' }, true],
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

  it('names every criterion that is met', () => {
    const result = assessSignificance({ ...none, severeDisruption: 'yes', considerableHarmToOthers: 'unsure' });
    expect(result.reasons.map((r) => r.code)).toEqual(['incident.significance_criterion_met', 'incident.significance_unsure']);
  });
});
