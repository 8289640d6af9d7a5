import { describe, expect, it } from 'vitest';
import { bandOf, scoreQuickCheck } from './scoring.ts';
import { answersWith } from './test-answers.ts';

/** A practice with good access control, half a backup, nothing for emergencies, no TI and no cloud. */
const mixed = answersWith('yes', {
  backup_offline: 'no',
  restore_tested: 'partly',
  updates: 'partly',
  unsupported_systems: 'partly',
  firewall: 'partly',
  ti_connector: 'not_applicable',
  ti_admin_data: 'not_applicable',
  supplier_contracts: 'unknown',
  cloud_c5: 'not_applicable',
  emergency_plan: 'no',
  incident_reporting: 'no',
  nis2_registration: 'partly',
  risk_analysis: 'no',
});

describe('quick-check score (share of the weight earned; 44 points over twenty questions)', () => {
  it.each([
    ['every answer yes', answersWith('yes'), 100, 'good', 0],
    ['every answer no', answersWith('no'), 0, 'weak', 20],
    // "Don't know" is a gap like "no".
    ['every answer unknown', answersWith('unknown'), 0, 'weak', 20],
    ['every answer partly', answersWith('partly'), 50, 'fair', 20],
    // "Does not apply" leaves the question out of the weight: no remote access, no TI, no cloud.
    [
      'yes, with four questions not applicable',
      answersWith('yes', { remote_access: 'not_applicable', ti_connector: 'not_applicable', ti_admin_data: 'not_applicable', cloud_c5: 'not_applicable' }),
      100,
      'good',
      0,
    ],
    // 22.5 earned of 40 applicable points (44 less TI 3 and cloud 1) = 56.25 %.
    ['the mixed practice', mixed, 56, 'fair', 10],
    // Only the two weight-3 backup questions missing: 38 of 44 = 86.4 %.
    ['yes except daily and offline backup', answersWith('yes', { backup_daily: 'no', backup_offline: 'no' }), 86, 'good', 2],
  ] as const)('%s: score %i (%s), %i gaps', (_name, answers, score, band, gaps) => {
    const result = scoreQuickCheck(answers);
    expect(result.score).toBe(score);
    expect(result.band).toBe(band);
    expect(result.gapCount).toBe(gaps);
    expect(result.version).toBe('2026-1');
  });

  it.each([
    [0, 'weak'],
    [49, 'weak'],
    [50, 'fair'],
    [79, 'fair'],
    [80, 'good'],
    [100, 'good'],
  ] as const)('a score of %i is %s', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });

  it('scores each lever and leaves a lever out of the score when nothing of it applies', () => {
    const levers = Object.fromEntries(scoreQuickCheck(mixed).levers.map((l) => [l.lever, l]));
    expect(levers.access).toEqual({ lever: 'access', score: 100, questions: 4, notApplicable: 0, gaps: 0 });
    expect(levers.backup).toMatchObject({ score: 50, gaps: 2 });
    expect(levers.updates).toMatchObject({ score: 50, gaps: 3 });
    expect(levers.ti).toEqual({ lever: 'ti', score: null, questions: 2, notApplicable: 2, gaps: 0 });
    expect(levers.suppliers).toMatchObject({ score: 0, questions: 2, notApplicable: 1, gaps: 1 });
    expect(levers.training).toMatchObject({ score: 100 });
    expect(levers.emergency).toMatchObject({ score: 0, gaps: 2 });
    expect(levers.governance).toMatchObject({ score: 25 });
  });
});

describe('the next steps: the largest weight × gap first, then in question order', () => {
  it.each([
    // All "no": the five weight-3 questions in question order; the emergency plan (also weight 3) is sixth.
    ['every answer no', answersWith('no'), ['admin_mfa', 'remote_access', 'backup_daily', 'backup_offline', 'updates']],
    // Offline backup and emergency plan (3 × 1), then supplier contracts, reporting, risk analysis (2 × 1); the
    // "partly" answers of weight 3 (1.5) come after.
    ['the mixed practice', mixed, ['backup_offline', 'emergency_plan', 'supplier_contracts', 'incident_reporting', 'risk_analysis']],
    // A "no" of weight 2 (2) comes before a "partly" of weight 3 (1.5).
    ['no beats partly of a heavier question', answersWith('yes', { admin_mfa: 'partly', leavers: 'no' }), ['leavers', 'admin_mfa']],
    ['nothing to do', answersWith('yes'), []],
  ] as const)('%s: %j', (_name, answers, order) => {
    expect(scoreQuickCheck(answers).steps.map((s) => s.questionId)).toEqual(order);
  });

  it('cites the KBV requirement and the § 30 BSIG measure of each step', () => {
    const [mfa] = scoreQuickCheck(answersWith('yes', { admin_mfa: 'unknown' })).steps;
    expect(mfa).toMatchObject({ questionId: 'admin_mfa', lever: 'access', answer: 'unknown', weight: 3, gap: 1, priority: 3 });
    expect(mfa!.requirementIds).toEqual(['KBV-A1-26', 'KBV-A1-13', 'BSIG-30-2-10']);
    expect(mfa!.citations.map((c) => c.citation)).toEqual([
      'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 1 Nr. 26',
      'KBV-IT-Sicherheitsrichtlinie (2025), Anlage 1 Nr. 13',
      '§ 30 Abs. 2 Satz 2 Nr. 10 BSIG',
    ]);
    const [registration] = scoreQuickCheck(answersWith('yes', { nis2_registration: 'no' })).steps;
    expect(registration!.citations.map((c) => c.citation)).toEqual(['§ 28 BSIG', '§ 33 BSIG']);
  });

  it('gives a "partly" half the gap of a "no"', () => {
    const [step] = scoreQuickCheck(answersWith('yes', { updates: 'partly' })).steps;
    expect(step).toMatchObject({ gap: 0.5, priority: 1.5 });
  });

  it('refuses an incomplete set or "does not apply" where the question does not offer it', () => {
    const { admin_mfa: _left, ...incomplete } = answersWith('yes');
    expect(() => scoreQuickCheck(incomplete)).toThrow(/admin_mfa/);
    expect(() => scoreQuickCheck(answersWith('yes', { backup_daily: 'not_applicable' }))).toThrow(/backup_daily/);
  });
});
