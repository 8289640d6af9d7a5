import { describe, expect, it } from 'vitest';
import { QUICK_CHECK_VERSION, quickCheckQuestions } from '../../../domain/quickcheck/questions.ts';
import { answersWith } from '../../../domain/quickcheck/test-answers.ts';
import { proposeRoadmap, quickCheckLineKey, type RegisterFacts, type RoadmapInput, roadmapDefinitions, roadmapKeys } from '../../../domain/roadmap/roadmap.ts';
import { allIds } from '../../../domain/roadmap/test-inputs.ts';
import { locales, lookupText, placeholdersOf, t } from '../../i18n/texts.ts';

const nothing = { count: 0, ids: [] };
const empty: RegisterFacts = {
  assets: 0,
  suppliers: 0,
  people: 0,
  accounts: 0,
  risks: 0,
  leaversWithAccess: nothing,
  adminsWithoutMfa: nothing,
  suppliersWithoutAvv: nothing,
  suppliersWithoutC5: nothing,
  lastAwarenessTrainingOn: null,
  directors: [],
  registeredWithBsi: false,
  escalationChainRecorded: false,
};
const flagged: RegisterFacts = {
  ...empty,
  assets: 3,
  accounts: 4,
  leaversWithAccess: { count: 2, ids: ['a', 'b'] },
  adminsWithoutMfa: { count: 1, ids: ['c'] },
  suppliersWithoutAvv: { count: 1, ids: ['d'] },
  suppliersWithoutC5: { count: 1, ids: ['e'] },
  directors: [{ personId: 'f', lastTrainingOn: null, hasApproval: false }],
};
const allAnnexes = { assessed: true, guidelineApplies: true, annexes: [1, 2, 3, 4, 5] };

/** Inputs that between them reach every text variant the generator can pick. */
const scenarios: RoadmapInput[] = [
  { today: '2026-03-04', nis2: null, kbv: { ...allAnnexes, assessed: false }, statuses: {}, registers: empty },
  { today: '2026-03-04', nis2: { category: 'important' }, kbv: allAnnexes, statuses: {}, registers: empty },
  { today: '2026-03-04', nis2: { category: 'important' }, kbv: allAnnexes, statuses: {}, registers: flagged },
  { today: '2026-03-04', nis2: { category: 'not_affected' }, kbv: allAnnexes, statuses: {}, registers: flagged },
];

/**
 * The quick check answered "yes" throughout, and everything its questions do not ask about done: every item that can be
 * confirmed is (todoConfirm); the same with "no" gives every gap, and "yes" with the registers flagging gives the
 * contradictions.
 */
const asked = new Set(quickCheckQuestions.flatMap((q) => q.requirementIds));
const onlyAskedOpen = Object.fromEntries(allIds.filter((id) => !asked.has(id)).map((id) => [id, 'implemented' as const]));
const quickCheck = (all: 'yes' | 'no') => ({ version: QUICK_CHECK_VERSION, answers: answersWith(all) });
const quickCheckScenarios: RoadmapInput[] = [
  { ...scenarios[1]!, statuses: onlyAskedOpen, quickCheck: quickCheck('yes') },
  { ...scenarios[3]!, registers: empty, statuses: onlyAskedOpen, quickCheck: quickCheck('yes') },
  { ...scenarios[1]!, quickCheck: quickCheck('no') },
  { ...scenarios[2]!, quickCheck: quickCheck('no') },
  { ...scenarios[3]!, quickCheck: quickCheck('no') },
  { ...scenarios[2]!, quickCheck: quickCheck('yes') },
];
const confirmable = [
  'mfa-admins',
  'backup-321',
  'phishing-kickoff',
  'backup-restore-test',
  'updates',
  'access-rights',
  'network',
  'telematics',
  'risk-register',
  'emergency-plan',
  'staff-lifecycle',
  'supplier-c5',
  'supplier-security',
  'incident-response',
  'training-programme',
  'management-approval',
  'leadership-awareness',
  'bsi-registration',
];

describe('the texts of the 8-week plan', () => {
  const items = [...scenarios, ...quickCheckScenarios].flatMap((input) => proposeRoadmap(input));

  it('reaches every item in the scenarios', () => {
    expect(new Set(items.map((i) => i.key))).toEqual(new Set(roadmapKeys));
  });

  it.each(locales)('has every title, reason and to-do in %s, with exactly the placeholders the plan fills', (locale) => {
    for (const item of items) {
      for (const key of [item.text.title, item.text.why, item.text.todo]) {
        const text = lookupText(locale, key);
        expect(text, `${locale} ${key}`).toBeTypeOf('string');
        expect(placeholdersOf(text!).sort(), `${locale} ${key}`).toEqual(key === item.text.todo ? Object.keys(item.params).sort() : []);
        expect(() => t(locale, key, item.params)).not.toThrow();
      }
    }
  });

  it('reaches the confirmation of every item whose questions can confirm it, a gap for every item with questions, and each contradiction', () => {
    const confirmed = new Set(items.filter((i) => i.quickCheck?.outcome === 'confirm').map((i) => i.key));
    expect([...confirmed].sort()).toEqual([...confirmable].sort());
    const gaps = new Set(items.filter((i) => i.quickCheck?.outcome === 'gap').map((i) => i.key));
    const withQuestions = roadmapDefinitions.filter((d) => (d.asks ?? []).length > 0).map((d) => d.key);
    expect([...gaps].sort()).toEqual([...withQuestions].sort());
    const contradicted = new Set(items.filter((i) => i.quickCheck?.outcome === 'contradicted').map((i) => i.key));
    expect([...contradicted].sort()).toEqual(['leavers-access', 'management-approval', 'management-training', 'mfa-admins', 'supplier-avv', 'supplier-c5']);
  });

  it.each(locales)('has the quick-check lines and the confirmation title in %s, with their placeholders', (locale) => {
    for (const outcome of ['confirm', 'gap', 'contradicted'] as const) {
      const key = quickCheckLineKey({ outcome, questionIds: [] });
      expect(placeholdersOf(lookupText(locale, key) ?? ''), key).toEqual(['questions']);
      expect(lookupText(locale, `roadmap.quickCheck.badge.${outcome}`), outcome).toBeTypeOf('string');
    }
    expect(placeholdersOf(lookupText(locale, 'roadmap.quickCheck.confirmTitle')!)).toEqual(['title']);
    for (const question of quickCheckQuestions) expect(lookupText(locale, `quickCheck.question.${question.id}.label`), question.id).toBeTypeOf('string');
  });

  it('keeps every task title within the 200 characters of a task, also as a confirmation', () => {
    for (const locale of locales) {
      for (const item of items) {
        const title = t(locale, item.text.title);
        expect(t(locale, 'roadmap.quickCheck.confirmTitle', { title }).length).toBeLessThanOrEqual(200);
      }
    }
  });
});
