import { z } from 'zod';
import { calendarDate, eventDate, plainText, safeText } from '../common/input.ts';
import { listQuerySchema } from '../common/list.ts';

/**
 * The supplier register (issue 9, part 2): the IT service provider, the PVS vendor, the cloud and the TI providers a
 * practice depends on. § 30 Abs. 2 Satz 2 Nr. 4 BSIG asks for the security of the supply chain including the relations
 * with direct suppliers and service providers; Art. 28 DSGVO for a processor agreement (AVV) with everyone who
 * processes patient data on the practice's behalf; § 393 SGB V (KBV Anlage 1 Nr. 50) for a current BSI C5 attestation
 * or a documented C5 equivalence before health data is processed in the cloud.
 */

/** How much the practice depends on the supplier: what stops when it fails. */
export const supplierCriticalities = ['low', 'medium', 'high', 'critical'] as const;
export type SupplierCriticality = (typeof supplierCriticalities)[number];

/**
 * Where the processor agreement under Art. 28 DSGVO stands. "not_required" is a documented decision (e.g. the supplier
 * is a controller of its own, not a processor); it answers the warning, so the reason belongs in the notes.
 */
export const avvStatuses = ['missing', 'requested', 'signed', 'not_required'] as const;
export type AvvStatus = (typeof avvStatuses)[number];

/** How § 393 SGB V is met: a BSI C5 attestation, or a documented equivalence of the provider's own evidence. */
export const c5Bases = ['attestation', 'equivalence'] as const;
export type C5Basis = (typeof c5Bases)[number];

/** C5 type 1 attests the design at one date, type 2 the operating effectiveness over a period. */
export const c5Types = ['type1', 'type2'] as const;
export type C5Type = (typeof c5Types)[number];

export const SUPPLIER_NAME_MAX = 200;
export const SUPPLIER_TEXT_MAX = 200;
export const SUPPLIER_LONG_TEXT_MAX = 2000;
export const SUPPLIER_NOTES_MAX = 4000;
/** The assets one supplier can be linked to in one request. */
export const SUPPLIER_ASSETS_MAX = 500;

export const supplierIssueCodes = {
  c5ValidBeforeReport: 'supplier.c5_valid_before_report',
  nameTaken: 'supplier.name_taken',
  assetUnknown: 'supplier.asset_unknown',
  evidenceUnknown: 'supplier.evidence_unknown',
} as const;

/** Yes, no, or not known yet (null): a register is made before every answer is known. */
const answer = () => z.boolean().nullable().default(null);
const optionalDate = (schema: z.ZodType<string>) => schema.nullable().default(null);
const email = () => z.union([z.literal(''), z.email().max(254)]).default('');

const supplierFields = {
  name: safeText().trim().min(1).max(SUPPLIER_NAME_MAX),
  /** What the supplier does for the practice (IT support, PVS hosting, cloud backup …). */
  services: plainText(SUPPLIER_LONG_TEXT_MAX),
  criticality: z.enum(supplierCriticalities).default('medium'),
  /** Whether the supplier can see or reach patient data: then it is a processor under Art. 28 DSGVO. */
  patientDataAccess: answer(),
  avvStatus: z.enum(avvStatuses).nullable().default(null),
  avvSignedOn: optionalDate(eventDate()),
  /** The signed AVV as an evidence file of the compliance module (uploaded there, linked here). */
  avvEvidenceId: z.uuid().nullable().default(null),
  /** Whether the supplier processes health data in the cloud: then § 393 SGB V asks for C5. */
  cloudHealthData: answer(),
  c5Basis: z.enum(c5Bases).nullable().default(null),
  c5Type: z.enum(c5Types).nullable().default(null),
  c5Scope: plainText(SUPPLIER_LONG_TEXT_MAX),
  c5ReportDate: optionalDate(eventDate()),
  c5ValidUntil: optionalDate(calendarDate()),
  /** Security agreement (incident notification, security duties) beyond the AVV, § 30 Abs. 2 Nr. 4 BSIG. */
  securityAgreement: answer(),
  auditRights: answer(),
  contactName: plainText(SUPPLIER_TEXT_MAX),
  contactEmail: email(),
  contactPhone: plainText(60),
  emergencyContact: plainText(SUPPLIER_TEXT_MAX),
  emergencyPhone: plainText(60),
  subProcessors: plainText(SUPPLIER_LONG_TEXT_MAX),
  nextReviewOn: optionalDate(calendarDate()),
  notes: plainText(SUPPLIER_NOTES_MAX),
};

/** Checks across fields, at the field a person corrects. */
function checkDates(value: { c5ReportDate: string | null; c5ValidUntil: string | null }, ctx: z.RefinementCtx) {
  if (value.c5ReportDate && value.c5ValidUntil && value.c5ValidUntil < value.c5ReportDate) {
    ctx.addIssue({ code: 'custom', path: ['c5ValidUntil'], message: supplierIssueCodes.c5ValidBeforeReport });
  }
}

/** The body that creates or replaces a supplier. Dates are calendar days; signing and report dates lie in the past. */
export const supplierInputSchema = z.object(supplierFields).superRefine(checkDates);
export type SupplierInput = z.output<typeof supplierInputSchema>;

/** A change: the whole record plus the revision it was based on, so that a concurrent edit is a 409, not lost. */
export const supplierUpdateSchema = z.object({ ...supplierFields, revision: z.int().min(1).max(2_147_483_647) }).superRefine(checkDates);

/** The assets and services the supplier provides or looks after: the whole set, replacing the previous one. */
export const supplierAssetsInputSchema = z.object({
  assetIds: z.array(z.uuid()).max(SUPPLIER_ASSETS_MAX),
});

export const supplierWarningKinds = ['avv_missing', 'c5_missing', 'c5_expiring', 'review_overdue'] as const;
export type SupplierWarningKind = (typeof supplierWarningKinds)[number];

/** The supplier list: filtered by criticality, warning and patient-data access, searched by name, services, contact. */
export const supplierListQuerySchema = listQuerySchema({
  sort: ['name', 'criticality', 'nextReviewOn', 'c5ValidUntil', 'updatedAt'],
  defaultSort: 'name',
  defaultOrder: 'asc',
  search: true,
  filters: {
    criticality: z.enum(supplierCriticalities).optional(),
    warning: z.enum(supplierWarningKinds).optional(),
    patientDataAccess: z.enum(['yes', 'no', 'unknown']).optional(),
  },
});
export type SupplierListQuery = z.output<typeof supplierListQuerySchema>;

/** The register as a file: the list's filters, the format and the language of titles and labels. */
export const supplierExportQuerySchema = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  locale: z.enum(['de', 'en']).default('de'),
  criticality: z.enum(supplierCriticalities).optional(),
  warning: z.enum(supplierWarningKinds).optional(),
  patientDataAccess: z.enum(['yes', 'no', 'unknown']).optional(),
  q: supplierListQuerySchema.shape.q,
});
export type SupplierExportQuery = z.output<typeof supplierExportQuerySchema>;
