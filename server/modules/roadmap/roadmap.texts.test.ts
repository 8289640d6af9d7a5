import { describe, expect, it } from 'vitest';
import { proposeRoadmap, type RegisterFacts, type RoadmapInput, roadmapKeys } from '../../../domain/roadmap/roadmap.ts';
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

describe('the texts of the 8-week plan', () => {
  const items = scenarios.flatMap((input) => proposeRoadmap(input));

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

  it('keeps every task title within the 200 characters of a task', () => {
    for (const locale of locales) for (const item of items) expect(t(locale, item.text.title).length).toBeLessThanOrEqual(200);
  });
});
