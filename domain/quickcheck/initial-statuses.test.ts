import { describe, expect, it } from 'vitest';
import { initialStatuses } from './initial-statuses.ts';
import { quickCheckAnswers, quickCheckQuestions } from './questions.ts';
import { answersWith } from './test-answers.ts';

const byId = (answers: Parameters<typeof initialStatuses>[0]) => Object.fromEntries(initialStatuses(answers).map((s) => [s.requirementId, s]));

describe('catalog statuses carried over from the quick check (never more than "in progress")', () => {
  it('sets every requirement asked about to "in progress" when everything is yes, and none to "implemented"', () => {
    const statuses = initialStatuses(answersWith('yes'));
    const asked = new Set(quickCheckQuestions.flatMap((q) => q.requirementIds));
    expect(new Set(statuses.map((s) => s.requirementId))).toEqual(asked);
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['in_progress']));
    expect(new Set(statuses.map((s) => s.claim))).toEqual(new Set(['stated_implemented']));
  });

  it.each([
    // KBV Anlage 1 Nr. 22 (protection of backups) rests on the offline backup alone.
    ['KBV-A1-22', { backup_offline: 'yes' }, 'stated_implemented', ['backup_offline']],
    ['KBV-A1-22', { backup_offline: 'partly' }, 'stated_partly', ['backup_offline']],
    ['KBV-A1-22', { backup_offline: 'no' }, null, []],
    ['KBV-A1-22', { backup_offline: 'unknown' }, null, []],
    // KBV Anlage 1 Nr. 26 (secured access) is asked by two questions: one "no" keeps it open.
    ['KBV-A1-26', { admin_mfa: 'yes', everyday_accounts: 'no' }, null, []],
    ['KBV-A1-26', { admin_mfa: 'partly', everyday_accounts: 'yes' }, 'stated_partly', ['admin_mfa', 'everyday_accounts']],
    // § 30 Abs. 2 Satz 2 Nr. 10 BSIG (MFA): without remote access the admin MFA answer decides alone.
    ['BSIG-30-2-10', { admin_mfa: 'yes', remote_access: 'not_applicable' }, 'stated_implemented', ['admin_mfa']],
    ['BSIG-30-2-10', { admin_mfa: 'yes', remote_access: 'unknown' }, null, []],
    // § 30 Abs. 2 Satz 2 Nr. 3 BSIG (business continuity): four questions, the emergency plan among them.
    ['BSIG-30-2-03', { emergency_plan: 'no' }, null, []],
    // KBV Anlage 5 (TI): a practice without a connector gets nothing, not "not applicable".
    ['KBV-A5-09', { ti_connector: 'not_applicable', ti_admin_data: 'not_applicable' }, null, []],
    ['KBV-A1-50', { cloud_c5: 'not_applicable' }, null, []],
  ] as const)('%s with %j: %s', (requirementId, overrides, claim, basis) => {
    const status = byId(answersWith('yes', overrides))[requirementId];
    if (claim === null) {
      expect(status).toBeUndefined();
      return;
    }
    expect(status).toMatchObject({ status: 'in_progress', claim });
    expect(status!.basis.map((b) => b.questionId)).toEqual(basis);
  });

  it('writes nothing when every answer is no or unknown', () => {
    expect(initialStatuses(answersWith('no'))).toEqual([]);
    expect(initialStatuses(answersWith('unknown'))).toEqual([]);
  });

  it('never yields another status than "in progress", whatever the answers', () => {
    // Each question in turn gets each answer, the rest cycle through the values: 100 varied sets.
    for (let shift = 0; shift < 100; shift++) {
      const answers = Object.fromEntries(
        quickCheckQuestions.map((q, i) => {
          const offered = q.allowsNotApplicable ? quickCheckAnswers : quickCheckAnswers.filter((a) => a !== 'not_applicable');
          return [q.id, offered[(i * 7 + shift) % offered.length]!];
        }),
      );
      for (const status of initialStatuses(answers)) {
        expect(status.status).toBe('in_progress');
        expect(status.basis.every((b) => b.answer === 'yes' || b.answer === 'partly')).toBe(true);
      }
    }
  });
});
