import { z } from 'zod';
import { instantSchema, type ResponseOf } from '../common/response.ts';
import { legalSourceSchema } from '../kbv/explanation.ts';
import { quickCheckAnswers, quickCheckLevers } from './questions.ts';
import { scoreBands } from './scoring.ts';

/** A text in both languages of the app, from the locale files. */
const bilingualSchema = z.object({ de: z.string(), en: z.string() });

export const quickCheckQuestionSetSchema = z.object({
  version: z.string(),
  levers: z.array(z.object({ id: z.enum(quickCheckLevers), title: bilingualSchema })),
  answers: z.array(z.object({ id: z.enum(quickCheckAnswers), label: bilingualSchema })),
  questions: z.array(
    z.object({
      id: z.string(),
      lever: z.enum(quickCheckLevers),
      weight: z.int(),
      options: z.array(z.enum(quickCheckAnswers)),
      text: bilingualSchema,
      hint: bilingualSchema,
      step: bilingualSchema,
      requirementIds: z.array(z.string()),
      citations: z.array(legalSourceSchema),
    }),
  ),
});
export type QuickCheckQuestionSet = ResponseOf<typeof quickCheckQuestionSetSchema>;

const leverResultSchema = z.object({
  lever: z.enum(quickCheckLevers),
  score: z.int().nullable(),
  questions: z.int(),
  notApplicable: z.int(),
  gaps: z.int(),
});

const nextStepSchema = z.object({
  questionId: z.string(),
  lever: z.enum(quickCheckLevers),
  answer: z.enum(quickCheckAnswers),
  weight: z.int(),
  gap: z.number(),
  priority: z.number(),
  requirementIds: z.array(z.string()),
  citations: z.array(legalSourceSchema),
});

/** The result as scoreQuickCheck computes it (and as it is stored with an organisation). */
export const quickCheckResultSchema = z.object({
  version: z.string(),
  score: z.int().min(0).max(100),
  band: z.enum(scoreBands),
  levers: z.array(leverResultSchema),
  steps: z.array(nextStepSchema),
  gapCount: z.int(),
});

/** The public answer: the result with each next step's text in both languages. */
export const quickCheckScoreSchema = quickCheckResultSchema.extend({
  steps: z.array(nextStepSchema.extend({ text: bilingualSchema })),
});
export type QuickCheckScore = ResponseOf<typeof quickCheckScoreSchema>;

/** The answers an organisation carried over at its creation, re-scored by the server, or null. */
export const storedQuickCheckSchema = z
  .object({
    version: z.string(),
    answers: z.record(z.string(), z.enum(quickCheckAnswers)),
    result: quickCheckResultSchema,
    /** Catalog ids set to "in progress" from the answers. */
    prefilledRequirementIds: z.array(z.string()),
    carriedAt: instantSchema,
    carriedByUserId: z.uuid().nullable(),
  })
  .nullable();
export type StoredQuickCheckResponse = ResponseOf<typeof storedQuickCheckSchema>;
