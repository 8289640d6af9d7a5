import { z } from 'zod';
import { listPageSchema } from '../common/list.ts';
import { instantSchema, type ResponseOf } from '../common/response.ts';
import { riskLevels, riskTreatments } from './risks.schema.ts';

const ratingSchema = z.int().min(1).max(5);

/**
 * A risk as the register answers it, with the rating computed by domain/risks/risk-rating.ts: the inherent score and
 * level, the residual score (once rated), the score that counts now and whether it lies above the acceptance line.
 */
export const riskSchema = z.object({
  id: z.uuid(),
  /** Per organisation, never reused: the stable key "R-7" of a later re-import. */
  number: z.int(),
  title: z.string(),
  description: z.string(),
  owner: z.string(),
  likelihood: ratingSchema,
  impact: ratingSchema,
  residualLikelihood: ratingSchema.nullable(),
  residualImpact: ratingSchema.nullable(),
  treatment: z.enum(riskTreatments),
  measures: z.string(),
  requirementIds: z.array(z.string()),
  reviewOn: z.string().nullable(),
  templateId: z.string().nullable(),
  score: z.int(),
  level: z.enum(riskLevels),
  residualScore: z.int().nullable(),
  currentScore: z.int(),
  currentLevel: z.enum(riskLevels),
  /** Above the acceptance line: management decides (treat further or accept on the record). */
  needsDecision: z.boolean(),
  /** Management's acceptance, cleared by any later change of the rating or the treatment. */
  acceptedByUserId: z.uuid().nullable(),
  acceptedAt: instantSchema.nullable(),
  acceptedRevision: z.int().nullable(),
  revision: z.int(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

export const riskPageSchema = listPageSchema(riskSchema);

const levelCounts = z.object({ low: z.int(), medium: z.int(), high: z.int(), critical: z.int() });

/** Counts for the register's views and the dashboard, grouped in SQL. */
export const riskSummarySchema = z.object({
  total: z.int(),
  /** [likelihood - 1][impact - 1] of the inherent rating. */
  inherentHeatMap: z.array(z.array(z.int())),
  /** The same for the rating that counts now (residual where rated). */
  currentHeatMap: z.array(z.array(z.int())),
  /** By the level of the current rating. */
  byLevel: levelCounts,
  byTreatment: z.object({ reduce: z.int(), accept: z.int(), transfer: z.int(), avoid: z.int() }),
  /** Above the acceptance line and not accepted by management: the open decisions. */
  openDecisions: z.int(),
  accepted: z.int(),
});

/** One template of the library in the requested language, and whether this organisation adopted it already. */
export const riskTemplateSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  measures: z.string(),
  likelihood: ratingSchema,
  impact: ratingSchema,
  score: z.int(),
  level: z.enum(riskLevels),
  requirementIds: z.array(z.string()),
  adopted: z.boolean(),
});

export const riskTemplateListSchema = z.object({
  version: z.string(),
  locale: z.enum(['de', 'en']),
  items: z.array(riskTemplateSchema),
});

/** The axis labels that count for the organisation: its own, or the defaults of the asked language (custom false). */
export const riskMatrixLabelsResponseSchema = z.object({
  likelihood: z.array(z.string()).length(5),
  impact: z.array(z.string()).length(5),
  custom: z.boolean(),
  /** 0 while the organisation has none of its own. */
  revision: z.int(),
});

export type Risk = ResponseOf<typeof riskSchema>;
export type RiskPage = ResponseOf<typeof riskPageSchema>;
export type RiskSummary = ResponseOf<typeof riskSummarySchema>;
export type RiskTemplateItem = ResponseOf<typeof riskTemplateSchema>;
export type RiskTemplateList = ResponseOf<typeof riskTemplateListSchema>;
export type RiskMatrixLabelsAnswer = ResponseOf<typeof riskMatrixLabelsResponseSchema>;
