import { z } from 'zod';
import { answerOptions, findQuestion, QUICK_CHECK_VERSION, type QuickCheckAnswer, quickCheckAnswers, quickCheckQuestions } from './questions.ts';
import type { QuickCheckAnswerMap } from './scoring.ts';

/**
 * Issue codes of a refused answer set; they double as translation keys under "issues." in client/locales. A missing
 * answer is named by its question id (path ["answers", "<id>"]); everything else by the entry's index.
 */
export const quickCheckIssueCodes = {
  versionUnknown: 'quick_check.version_unknown',
  questionUnknown: 'quick_check.question_unknown',
  answerDuplicate: 'quick_check.answer_duplicate',
  answerInvalid: 'quick_check.answer_invalid',
  answerNotOffered: 'quick_check.answer_not_offered',
  answerMissing: 'quick_check.answer_missing',
} as const;

/** Far above the twenty questions: a longer list is no answer set, and its size is refused before anything else. */
const MAX_ENTRIES = 100;

/**
 * One entry per question. A list rather than an object keyed by question id: in a JSON object a key given twice
 * silently keeps the last value, so a tampered set with two answers to one question could not be refused.
 */
const answerEntrySchema = z.object({
  questionId: z.string().max(64),
  answer: z.string().max(32),
});

const answerSetShape = {
  version: z.string().max(40),
  answers: z.array(answerEntrySchema).max(MAX_ENTRIES),
};

type RawAnswerSet = { version: string; answers: { questionId: string; answer: string }[] };

/** Every problem of the set at once, each at its field: version, unknown ids, duplicates, values, missing answers. */
function checkAnswerSet(value: RawAnswerSet, ctx: z.core.$RefinementCtx<RawAnswerSet>) {
  if (value.version !== QUICK_CHECK_VERSION) {
    ctx.addIssue({ code: 'custom', path: ['version'], message: quickCheckIssueCodes.versionUnknown });
  }
  const seen = new Set<string>();
  value.answers.forEach((entry, index) => {
    const question = findQuestion(entry.questionId);
    if (!question) {
      ctx.addIssue({ code: 'custom', path: ['answers', index, 'questionId'], message: quickCheckIssueCodes.questionUnknown });
      return;
    }
    if (seen.has(question.id)) {
      ctx.addIssue({ code: 'custom', path: ['answers', index, 'questionId'], message: quickCheckIssueCodes.answerDuplicate });
      return;
    }
    seen.add(question.id);
    if (!(quickCheckAnswers as readonly string[]).includes(entry.answer)) {
      ctx.addIssue({ code: 'custom', path: ['answers', index, 'answer'], message: quickCheckIssueCodes.answerInvalid });
    } else if (!answerOptions(question).includes(entry.answer as QuickCheckAnswer)) {
      ctx.addIssue({ code: 'custom', path: ['answers', index, 'answer'], message: quickCheckIssueCodes.answerNotOffered });
    }
  });
  for (const question of quickCheckQuestions) {
    if (!seen.has(question.id)) ctx.addIssue({ code: 'custom', path: ['answers', question.id], message: quickCheckIssueCodes.answerMissing });
  }
}

/** A checked answer set: its version and one answer per question id. */
export interface QuickCheckAnswerSet {
  version: string;
  answers: QuickCheckAnswerMap;
}

const toAnswerSet = (value: RawAnswerSet): QuickCheckAnswerSet => ({
  version: value.version,
  answers: Object.fromEntries(value.answers.map((entry) => [entry.questionId, entry.answer as QuickCheckAnswer])),
});

/**
 * A complete answer set of the current question set, as the quick check page sends it: the version and one entry
 * `{ questionId, answer }` per question. Refuses a wrong version, unknown ids, an id answered twice, a value the
 * question does not offer and a missing answer, each at its field.
 */
export const quickCheckAnswerSetSchema = z.object(answerSetShape).superRefine(checkAnswerSet).transform(toAnswerSet);
export type QuickCheckAnswerSetInput = z.input<typeof quickCheckAnswerSetSchema>;

/** The PDF summary: the answer set and the language of the document. */
export const quickCheckPdfRequestSchema = z
  .object({ ...answerSetShape, lang: z.enum(['de', 'en']).default('de') })
  .superRefine(checkAnswerSet)
  .transform((value) => ({ ...toAnswerSet(value), lang: value.lang }));

/** An answer map as the list the API takes, in question order. */
export function answerEntries(answers: Readonly<Record<string, QuickCheckAnswer>>): { questionId: string; answer: QuickCheckAnswer }[] {
  return quickCheckQuestions.filter((q) => answers[q.id] !== undefined).map((q) => ({ questionId: q.id, answer: answers[q.id]! }));
}
