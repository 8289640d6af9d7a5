import { type QuickCheckAnswer, quickCheckQuestions } from './questions.ts';

/** A complete answer map for tests: one answer everywhere, then the exceptions. */
export function answersWith(
  all: Exclude<QuickCheckAnswer, 'not_applicable'>,
  overrides: Record<string, QuickCheckAnswer> = {},
): Record<string, QuickCheckAnswer> {
  return { ...Object.fromEntries(quickCheckQuestions.map((q) => [q.id, all])), ...overrides };
}
