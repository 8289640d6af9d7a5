import { z } from 'zod';
import { assetKinds } from '../assets/assets.schema.ts';
import { listPageSchema } from '../common/list.ts';
import { instantSchema, type ResponseOf } from '../common/response.ts';
import { avvStatuses, c5Bases, c5Types, supplierCriticalities, supplierWarningKinds } from './suppliers.schema.ts';

const warningSchema = z.object({
  kind: z.enum(supplierWarningKinds),
  requirementIds: z.array(z.string()),
  days: z.int().optional(),
});

/** A supplier as the register answers it, with the warnings of today (Europe/Berlin). */
export const supplierSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  services: z.string(),
  criticality: z.enum(supplierCriticalities),
  patientDataAccess: z.boolean().nullable(),
  avvStatus: z.enum(avvStatuses).nullable(),
  avvSignedOn: z.string().nullable(),
  avvEvidenceId: z.uuid().nullable(),
  cloudHealthData: z.boolean().nullable(),
  c5Basis: z.enum(c5Bases).nullable(),
  c5Type: z.enum(c5Types).nullable(),
  c5Scope: z.string(),
  c5ReportDate: z.string().nullable(),
  c5ValidUntil: z.string().nullable(),
  securityAgreement: z.boolean().nullable(),
  auditRights: z.boolean().nullable(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  emergencyContact: z.string(),
  emergencyPhone: z.string(),
  subProcessors: z.string(),
  nextReviewOn: z.string().nullable(),
  notes: z.string(),
  revision: z.int(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  warnings: z.array(warningSchema),
});

/** An asset or service the supplier provides, by name, so the detail page needs no second request. */
export const supplierAssetSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(assetKinds),
});

/** The AVV evidence file, without its content (downloaded through the evidence route). */
export const supplierEvidenceSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  uploadedAt: instantSchema,
});

/** One supplier with the assets it provides and its AVV document. */
export const supplierDetailSchema = supplierSchema.extend({
  assets: z.array(supplierAssetSchema),
  avvEvidence: supplierEvidenceSchema.nullable(),
});

export const supplierPageSchema = listPageSchema(supplierSchema);

/** Counts for the register's views and the dashboard, counted in SQL. */
export const supplierSummarySchema = z.object({
  total: z.int(),
  patientDataAccess: z.int(),
  byCriticality: z.array(z.object({ criticality: z.enum(supplierCriticalities), count: z.int() })),
  warnings: z.object({
    avv_missing: z.int(),
    c5_missing: z.int(),
    c5_expiring: z.int(),
    review_overdue: z.int(),
  }),
});

export type Supplier = ResponseOf<typeof supplierSchema>;
export type SupplierDetail = ResponseOf<typeof supplierDetailSchema>;
export type SupplierAsset = ResponseOf<typeof supplierAssetSchema>;
export type SupplierPage = ResponseOf<typeof supplierPageSchema>;
export type SupplierSummary = ResponseOf<typeof supplierSummarySchema>;
