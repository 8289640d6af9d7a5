import { z } from 'zod';
import type { ResponseOf } from '../common/response.ts';
import { legalSourceSchema } from '../kbv/explanation.ts';
import { roadmapKeys } from '../roadmap/roadmap.ts';

const week = z.number().int().min(1).max(8);

/** Where a requirement fits in the 8-week plan (guidance.ts, roadmapFitOf). */
export const roadmapFitSchema = z.object({
  inPlan: z.boolean(),
  weeks: z.array(week),
  items: z.array(z.object({ key: z.enum(roadmapKeys), week, role: z.enum(['serves', 'cites']) })),
  recurring: z.boolean(),
});

/** The practical guidance on one requirement, as the requirement detail answers it (null where there is none). */
export const requirementGuidanceSchema = z.object({
  requirementId: z.string(),
  stepsDe: z.array(z.string()),
  stepsEn: z.array(z.string()),
  evidenceDe: z.array(z.string()),
  evidenceEn: z.array(z.string()),
  /** 'inferred': written in our own words from the requirement, not the KBV's or the BSI's wording. */
  confidence: z.literal('inferred'),
  sources: z.array(legalSourceSchema),
  /** GUIDANCE_VERSION of the data the texts come from. */
  version: z.string(),
  roadmap: roadmapFitSchema,
});

export type RequirementGuidanceAnswer = ResponseOf<typeof requirementGuidanceSchema>;
export type RoadmapFitAnswer = ResponseOf<typeof roadmapFitSchema>;
