import { z } from 'zod';
import { calendarDateSchema, instantSchema, type ResponseOf } from '../common/response.ts';
import { requirementGuidanceSchema } from '../guidance/guidance.response.ts';
import { deadlineKinds } from '../incidents/incidents.response.ts';
import { explanationSchema, legalSourceSchema } from '../kbv/explanation.ts';
import { nis2CoverageSchema } from '../nis2/coverage.ts';
import { nis2Categories, nis2ClassificationSchema } from '../nis2/nis2-check.schema.ts';
import { requirementStatusSchema } from './requirement-status.schema.ts';

// What the compliance routes answer. The server encodes every answer with these schemas (fields they do not name are
// dropped), the OpenAPI document describes them, and the client types its data with ResponseOf<…>.

const locationRefSchema = z.object({ id: z.uuid(), name: z.string() });
const statusCountsSchema = z.object({ open: z.number(), in_progress: z.number(), implemented: z.number(), not_applicable: z.number() });

/** What the catalog knows of the KBV check: whether it ran, whether the guideline applies, the annexes and target objects. */
export const organisationProfileSchema = z.object({
  assessed: z.boolean(),
  guidelineApplies: z.boolean(),
  annexes: z.array(z.number()),
  targetObjects: z.record(z.string(), z.boolean()).optional(),
});

/** The newest NIS2 check in brief: category and fine ceiling. */
export const nis2SummarySchema = z.object({
  category: z.enum(nis2Categories),
  maxFineEur: z.number().nullable(),
  financialYear: z.number().nullable(),
  checkedAt: instantSchema,
});

const requirementFields = {
  id: z.string(),
  framework: z.enum(['kbv', 'nis2']),
  annex: z.number().nullable(),
  number: z.number(),
  reference: z.string(),
  titleDe: z.string(),
  titleEn: z.string(),
  summaryDe: z.string(),
  summaryEn: z.string(),
  summaryConfidence: z.enum(['confirmed', 'inferred']),
  targetObjectDe: z.string().nullable(),
  targetObjectEn: z.string().nullable(),
  effectiveFrom: calendarDateSchema.nullable(),
  newInRevision: z.boolean(),
  sourceUrl: z.string().nullable(),
  applicable: z.boolean(),
  mandatory: z.boolean(),
  reason: explanationSchema,
  status: requirementStatusSchema,
  overdue: z.boolean(),
  evidenceCount: z.number(),
  /** Owner of the organisation-wide entry. */
  ownerUserId: z.uuid().nullable(),
  /** Earliest due date of an entry not yet done. */
  dueDate: calendarDateSchema.nullable(),
};

/** One requirement in the catalog, with counts per status over the locations. */
export const catalogRequirementSchema = z.object({
  ...requirementFields,
  locationCounts: statusCountsSchema.extend({ ownEntries: z.number() }),
});

export const catalogSchema = z.object({
  today: calendarDateSchema,
  profile: organisationProfileSchema,
  nis2: nis2SummarySchema.nullable(),
  locations: z.array(locationRefSchema),
  requirements: z.array(catalogRequirementSchema),
});

/** One status entry: organisation-wide (locationId null) or of one location. */
export const statusEntrySchema = z.object({
  id: z.uuid(),
  locationId: z.uuid().nullable(),
  status: requirementStatusSchema,
  notApplicableReason: z.string().nullable(),
  ownerUserId: z.uuid().nullable(),
  dueDate: calendarDateSchema.nullable(),
  notes: z.string().nullable(),
  updatedAt: instantSchema,
  evidenceCount: z.number(),
});

export const requirementDetailSchema = catalogRequirementSchema.extend({
  entries: z.array(statusEntrySchema),
  locations: z.array(locationRefSchema),
  profile: organisationProfileSchema,
  /** Practical guidance: steps, evidence, sources and the place in the 8-week plan (issue 12); null where there is none. */
  guidance: requirementGuidanceSchema.nullable(),
});

export const evidenceSchema = z.object({
  id: z.uuid(),
  locationId: z.uuid().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: instantSchema,
  uploadedBy: z.uuid().nullable(),
});

/** The answer to an upload: the stored file (its hash, the type detected from its content). */
export const storedEvidenceSchema = evidenceSchema.pick({ id: true, fileName: true, mediaType: true, sizeBytes: true, sha256: true });

const progressCountSchema = z.object({ total: z.number(), done: z.number(), inProgress: z.number(), open: z.number(), ratio: z.number() });

export const dashboardSchema = z.object({
  today: calendarDateSchema,
  profile: organisationProfileSchema,
  nis2: nis2SummarySchema.nullable(),
  progress: z.object({
    kbv: progressCountSchema,
    nis2: progressCountSchema,
    byAnnex: z.array(progressCountSchema.extend({ annex: z.number() })),
    byLocation: z.array(progressCountSchema.extend({ locationId: z.uuid(), name: z.string() })),
  }),
  /** The oldest overdue entries (at most 50); overdueTotal counts them all. */
  overdue: z.array(
    z.object({
      requirementId: z.string(),
      titleDe: z.string(),
      titleEn: z.string(),
      dueDate: calendarDateSchema,
      locationId: z.uuid().nullable(),
      status: requirementStatusSchema,
    }),
  ),
  overdueTotal: z.number(),
  mandatoryOpen: z.array(
    z.object({
      requirementId: z.string(),
      framework: z.enum(['kbv', 'nis2']),
      titleDe: z.string(),
      titleEn: z.string(),
      status: requirementStatusSchema,
      effectiveFrom: calendarDateSchema.nullable(),
    }),
  ),
  coverage: nis2CoverageSchema,
  evidenceFiles: z.number(),
  /** Incidents whose next report is overdue or due within two days. */
  incidentDeadlines: z.array(
    z.object({
      incidentId: z.uuid(),
      number: z.number(),
      title: z.string(),
      next: z.object({
        kind: z.enum(deadlineKinds),
        due: instantSchema,
        isOverdue: z.boolean(),
        remainingMs: z.number(),
      }),
    }),
  ),
});

/** The KBV check's result (§ 390 SGB V practice size and annexes). */
export const kbvResultSchema = z.object({
  guidelineApplies: z.boolean(),
  size: z.enum(['small', 'medium', 'large']),
  annexes: z.array(z.number()),
  reasons: z.array(explanationSchema),
  legalBasis: z.array(legalSourceSchema),
});

const storedCheckFields = {
  id: z.uuid(),
  financialYear: z.number().nullable(),
  /** The answers as given, to pre-fill the next run. */
  inputs: z.record(z.string(), z.unknown()),
  checkedAt: instantSchema,
  checkedBy: z.uuid().nullable(),
};
export const storedNis2CheckSchema = z.object({ ...storedCheckFields, result: nis2ClassificationSchema });
export const storedKbvCheckSchema = z.object({ ...storedCheckFields, result: kbvResultSchema });

export const checkHistoryEntrySchema = z.object({
  id: z.uuid(),
  kind: z.enum(['nis2', 'kbv']),
  financialYear: z.number().nullable(),
  checkedAt: instantSchema,
  summary: z.object({
    category: z.enum(nis2Categories).optional(),
    size: z.enum(['small', 'medium', 'large']).optional(),
    annexes: z.array(z.number()).optional(),
  }),
});

export const applicabilitySchema = z.object({
  nis2: storedNis2CheckSchema.nullable(),
  kbv: storedKbvCheckSchema.nullable(),
  history: z.array(checkHistoryEntrySchema),
});

export type Catalog = ResponseOf<typeof catalogSchema>;
export type CatalogRequirement = ResponseOf<typeof catalogRequirementSchema>;
export type RequirementDetail = ResponseOf<typeof requirementDetailSchema>;
export type StatusEntry = ResponseOf<typeof statusEntrySchema>;
export type Evidence = ResponseOf<typeof evidenceSchema>;
export type StoredEvidence = ResponseOf<typeof storedEvidenceSchema>;
export type Dashboard = ResponseOf<typeof dashboardSchema>;
export type Applicability = ResponseOf<typeof applicabilitySchema>;
export type StoredNis2Check = ResponseOf<typeof storedNis2CheckSchema>;
export type StoredKbvCheck = ResponseOf<typeof storedKbvCheckSchema>;
export type CheckHistoryEntry = ResponseOf<typeof checkHistoryEntrySchema>;
