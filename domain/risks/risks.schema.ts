import { z } from 'zod';
import { calendarDate, plainText, safeText } from '../common/input.ts';
import { listQuerySchema } from '../common/list.ts';

/**
 * The risk register (issue 9, part 3): risks rated on a 5 × 5 matrix of likelihood and impact, before (inherent) and
 * after the planned measures (residual), with a treatment and, for an accepted risk, the acceptance by management.
 * § 30 Abs. 2 Satz 2 Nr. 1 BSIG (risk analysis), § 38 Abs. 1 BSIG (management approves the measures), KBV-Richtlinie
 * Präambel (state of the art of data security).
 */
export const RISK_SCALE = 5;
export const riskTreatments = ['reduce', 'accept', 'transfer', 'avoid'] as const;
export type RiskTreatment = (typeof riskTreatments)[number];
export const riskLevels = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof riskLevels)[number];

export const RISK_TITLE_MAX = 200;
export const RISK_TEXT_MAX = 4000;
export const RISK_REQUIREMENTS_MAX = 20;

/** A catalog id as the catalog writes them: KBV-A1-16, BSIG-30-2-10. */
export const requirementIdSchema = z.string().regex(/^(KBV-A[1-5]-\d{2}|BSIG-30-2-(0[1-9]|10))$/, { message: 'requirement_id' });

const rating = () => z.int().min(1).max(RISK_SCALE);

/** The body that creates or replaces a risk. The residual rating is optional until measures are planned. */
export const riskInputSchema = z
  .object({
    title: safeText().trim().min(1).max(RISK_TITLE_MAX),
    description: plainText(RISK_TEXT_MAX),
    owner: plainText(200),
    likelihood: rating(),
    impact: rating(),
    residualLikelihood: rating().nullable().default(null),
    residualImpact: rating().nullable().default(null),
    treatment: z.enum(riskTreatments).default('reduce'),
    measures: plainText(RISK_TEXT_MAX),
    requirementIds: z
      .array(requirementIdSchema)
      .max(RISK_REQUIREMENTS_MAX)
      .default([])
      .transform((ids) => [...new Set(ids)]),
    reviewOn: calendarDate().nullable().default(null),
    /** The template it was adopted from, kept for "what is new in the library". */
    templateId: z
      .string()
      .regex(/^RT-\d{2}$/)
      .nullable()
      .default(null),
  })
  .superRefine((risk, context) => {
    // Both halves of the residual rating or neither: a score needs both.
    if ((risk.residualLikelihood === null) !== (risk.residualImpact === null)) {
      const path = risk.residualLikelihood === null ? 'residualLikelihood' : 'residualImpact';
      context.addIssue({ code: 'custom', path: [path], message: 'residual_pair' });
    }
  });
export type RiskInput = z.output<typeof riskInputSchema>;

export const riskUpdateSchema = z.intersection(riskInputSchema, z.object({ revision: z.int().min(1).max(2_147_483_647) }));

/** The five labels of each axis, editable per organisation (e.g. "selten … fast sicher"). */
export const riskMatrixLabelsSchema = z.object({
  likelihood: z.array(safeText().trim().min(1).max(40)).length(RISK_SCALE),
  impact: z.array(safeText().trim().min(1).max(40)).length(RISK_SCALE),
});
export type RiskMatrixLabels = z.output<typeof riskMatrixLabelsSchema>;

/** GET …/risks/matrix-labels?locale=de|en: the language of the default labels when the organisation has none. */
export const riskMatrixLabelsQuerySchema = z.object({ locale: z.enum(['de', 'en']).default('de') });

/**
 * PUT …/risks/matrix-labels: the organisation's own labels, or null to go back to the defaults. The revision is the one
 * read (0 while none are stored); a write based on an older one is refused with 409.
 */
export const riskMatrixLabelsUpdateSchema = z.object({
  labels: riskMatrixLabelsSchema.nullable(),
  revision: z.int().min(0).max(2_147_483_647),
});
export type RiskMatrixLabelsUpdate = z.output<typeof riskMatrixLabelsUpdateSchema>;

/** Codes of the refusals at a field of a risk (translated under "issues." in client/locales). */
export const riskIssueCodes = {
  requirementUnknown: 'risk.requirement_unknown',
  templateUnknown: 'risk.template_unknown',
  templateAdopted: 'risk.template_adopted',
  notAcceptTreatment: 'risk.not_accept_treatment',
  /** Import: a number that no risk of this organisation has. */
  numberUnknown: 'risk.number_unknown',
} as const;

/** The languages the template library is written in. */
export const riskTemplateLocales = ['de', 'en'] as const;
export type RiskTemplateLocale = (typeof riskTemplateLocales)[number];

/** GET …/risks/templates?locale=de|en */
export const riskTemplatesQuerySchema = z.object({ locale: z.enum(riskTemplateLocales).default('de') });

/** POST …/risks/templates/:templateId/adopt: the language the adopted risk is written in. */
export const riskAdoptSchema = z.object({ locale: z.enum(riskTemplateLocales).default('de') });

/** POST …/risks/:riskId/acceptance: the revision management saw and accepts (409 when it changed meanwhile). */
export const riskAcceptanceSchema = z.object({ revision: z.int().min(1).max(2_147_483_647) });

/** The risk list: filtered by current level, treatment, need of a management decision and acceptance; searched. */
export const riskListQuerySchema = listQuerySchema({
  sort: ['score', 'title', 'reviewOn', 'updatedAt', 'number'],
  defaultSort: 'score',
  defaultOrder: 'desc',
  search: true,
  filters: {
    level: z.enum(riskLevels).optional(),
    treatment: z.enum(riskTreatments).optional(),
    needsDecision: z.enum(['yes', 'no']).optional(),
    accepted: z.enum(['yes', 'no']).optional(),
  },
});
export type RiskListQuery = z.output<typeof riskListQuerySchema>;

/** The register as a file: the list's filters, the format and the language of titles and labels. */
export const riskExportQuerySchema = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  locale: z.enum(['de', 'en']).default('de'),
  level: z.enum(riskLevels).optional(),
  treatment: z.enum(riskTreatments).optional(),
  needsDecision: z.enum(['yes', 'no']).optional(),
  accepted: z.enum(['yes', 'no']).optional(),
  q: riskListQuerySchema.shape.q,
});
export type RiskExportQuery = z.output<typeof riskExportQuerySchema>;
