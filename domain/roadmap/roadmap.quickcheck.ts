import { findQuestion, QUICK_CHECK_VERSION, type QuickCheckAnswer } from '../quickcheck/questions.ts';

/**
 * What the quick check carried into the organisation says about a proposed task (decision 032, addendum of
 * 2026-12-08; the quick check itself is decision 030):
 *
 * - `confirm`: every question the item asks (`asks` in roadmap.items.ts) was answered "yes", and those questions ask
 *   about every requirement the task still serves. The practice says it is in place; what an auditor still misses is
 *   the evidence, so the task is "Bestätigen und Nachweis ablegen: …" with its own, smaller to-do.
 * - `gap`: one of its questions was answered "no". The task keeps its wording, says so and comes first in its week
 *   (after the checks that decide the plan's scope).
 * - `contradicted`: all "yes", but a register names records that say otherwise (an administrator account without a
 *   second factor, a supplier without a processor agreement). What is recorded wins over a self-assessment: the task
 *   keeps the register's wording and says that the answer does not match.
 *
 * "Teilweise", "weiß nicht", "trifft nicht zu" and unanswered questions change nothing (as in decision 030, "trifft
 * nicht zu" is not the written reason "not applicable" needs), nor does a "yes" to questions that ask about only part
 * of what the task serves: the plan never confirms more than was asked.
 */
export const ROADMAP_QUICK_CHECK_OUTCOMES = ['confirm', 'gap', 'contradicted'] as const;
export type RoadmapQuickCheckOutcome = (typeof ROADMAP_QUICK_CHECK_OUTCOMES)[number];

export interface RoadmapQuickCheck {
  outcome: RoadmapQuickCheckOutcome;
  /** The questions it rests on, in the item's order: those answered "no" for a gap, else those answered "yes". */
  questionIds: string[];
}

/** The stored answer set of the organisation (quickCheckOf of the quickcheck module). */
export interface QuickCheckFacts {
  version: string;
  answers: Readonly<Record<string, QuickCheckAnswer>>;
}

/** The answers the plan reads: those of the current question set only (another version's ids may mean other things). */
export function usableAnswers(quickCheck: QuickCheckFacts | null | undefined): QuickCheckFacts['answers'] | null {
  return quickCheck && quickCheck.version === QUICK_CHECK_VERSION ? quickCheck.answers : null;
}

/**
 * The quick check's word on one item. `openIds` are the catalog ids the task serves and that are still open (what it
 * asks the practice to do); `variant` is the register's to-do variant, if any (`flagged` names records).
 */
export function quickCheckOutcome(
  asks: readonly string[] | undefined,
  answers: QuickCheckFacts['answers'] | null,
  openIds: readonly string[],
  variant: string | undefined,
): RoadmapQuickCheck | null {
  if (!answers || !asks || asks.length === 0) return null;
  const given = asks.flatMap((questionId) => {
    const answer = answers[questionId];
    return answer === undefined || answer === 'not_applicable' ? [] : [{ questionId, answer }];
  });
  const no = given.filter((g) => g.answer === 'no');
  if (no.length > 0) return { outcome: 'gap', questionIds: no.map((g) => g.questionId) };
  if (given.length === 0 || !given.every((g) => g.answer === 'yes')) return null;
  const questionIds = given.map((g) => g.questionId);
  if (variant === 'flagged') return { outcome: 'contradicted', questionIds };
  // Another register variant (no director recorded, assets incomplete) is missing data, not a contradiction: no change.
  if (variant !== undefined) return null;
  const asked = new Set(questionIds.flatMap((id) => findQuestion(id)?.requirementIds ?? []));
  return openIds.every((id) => asked.has(id)) ? { outcome: 'confirm', questionIds } : null;
}

/** Order within a week: the scope checks, then the known gaps, then the rest, each in the table's order. */
export function weekRank(pinned: boolean | undefined, quickCheck: RoadmapQuickCheck | null): number {
  if (pinned) return 0;
  return quickCheck?.outcome === 'gap' ? 1 : 2;
}

/**
 * A task's title in the reader's language: "Bestätigen und Nachweis ablegen: <title>" where the quick check said it
 * is in place. Shared by the page and the server (which writes it into the task on acceptance).
 */
export function roadmapTitle(
  item: { text: { title: string }; quickCheck: RoadmapQuickCheck | null },
  translate: (key: string, values?: Record<string, string>) => string,
): string {
  const title = translate(item.text.title);
  return item.quickCheck?.outcome === 'confirm' ? translate('roadmap.quickCheck.confirmTitle', { title }) : title;
}

/** The locale key of the line that says what the quick check said (`roadmap.quickCheck.<outcome>`, with {{questions}}). */
export const quickCheckLineKey = (quickCheck: RoadmapQuickCheck) => `roadmap.quickCheck.${quickCheck.outcome}`;
