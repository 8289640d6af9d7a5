import { describe, expect, it } from 'vitest';
import { kbvRequirements } from '../kbv/requirements.data.ts';
import { nis2Measures } from '../nis2/measures.data.ts';
import { answerOptions, citationOf, citationsOf, findQuestion, quickCheckLevers, quickCheckQuestions } from './questions.ts';

const catalogIds = new Set([...kbvRequirements.map((r) => r.id), ...nis2Measures.map((m) => m.id)]);

describe('the quick-check question set', () => {
  it('has about twenty questions with unique snake_case ids and weights 1 to 3', () => {
    expect(quickCheckQuestions.length).toBeGreaterThanOrEqual(18);
    expect(quickCheckQuestions.length).toBeLessThanOrEqual(22);
    const ids = quickCheckQuestions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const question of quickCheckQuestions) {
      expect(question.id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect([1, 2, 3]).toContain(question.weight);
    }
  });

  it('asks at least one question per lever, grouped in lever order', () => {
    const levers = quickCheckQuestions.map((q) => q.lever);
    for (const lever of quickCheckLevers) expect(levers).toContain(lever);
    const firstSeen = [...new Set(levers)];
    expect(firstSeen).toEqual([...quickCheckLevers]);
  });

  it.each(quickCheckQuestions.map((q) => [q.id, q] as const))('%s points at catalog ids that exist and cites a source', (_id, question) => {
    for (const id of question.requirementIds) expect(catalogIds, id).toContain(id);
    expect(citationsOf(question).length).toBeGreaterThan(0);
    for (const source of citationsOf(question)) expect(source.url).toMatch(/^https:\/\//);
  });

  // The levers the issue names, each with the provision it rests on.
  it.each([
    ['admin_mfa', '§ 30 Abs. 2 Satz 2 Nr. 10 BSIG'], // multi-factor authentication
    ['backup_offline', 'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 1 Nr. 22'], // protection of backups
    ['ti_connector', 'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 5 Nr. 8'], // prompt updates of TI components
    ['supplier_contracts', 'Art. 28 DSGVO'], // processing on behalf
    ['supplier_contracts', '§ 30 Abs. 2 Satz 2 Nr. 4 BSIG'], // supply chain
    ['staff_training', 'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 1 Nr. 10'],
    ['management_training', '§ 38 Abs. 3 BSIG'],
    ['emergency_plan', '§ 30 Abs. 2 Satz 2 Nr. 3 BSIG'], // business continuity and crisis management
    ['nis2_registration', '§ 33 BSIG'], // registration with the BSI
  ])('%s cites %s', (id, citation) => {
    expect(citationsOf(findQuestion(id)!).map((s) => s.citation)).toContain(citation);
  });

  it.each([
    ['admin_mfa', ['yes', 'partly', 'no', 'unknown']],
    ['remote_access', ['yes', 'partly', 'no', 'unknown', 'not_applicable']],
    ['cloud_c5', ['yes', 'partly', 'no', 'unknown', 'not_applicable']],
  ])('%s offers %j', (id, options) => {
    expect(answerOptions(findQuestion(id)!)).toEqual(options);
  });

  it('links a KBV requirement to the guideline and a § 30 measure to the BSIG', () => {
    expect(citationOf('KBV-A1-26')).toEqual({
      citation: 'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 1 Nr. 26',
      url: 'https://www.kbv.de/documents/infothek/rechtsquellen/bekanntmachungen/richtlinien/IT-Sicherheitsrichtlinie_390_KBV.pdf',
    });
    expect(citationOf('BSIG-30-2-10')).toEqual({ citation: '§ 30 Abs. 2 Satz 2 Nr. 10 BSIG', url: 'https://www.gesetze-im-internet.de/bsig_2025/__30.html' });
    expect(() => citationOf('KBV-A9-99')).toThrow(/unknown/);
  });
});
