import { z } from 'zod';
import { listPageSchema } from '../common/list.ts';
import { instantSchema, type ResponseOf } from '../common/response.ts';
import { assetKinds, assetRelationKinds, assetWarningKinds, protectionNeeds } from './assets.schema.ts';

const warningSchema = z.object({
  kind: z.enum(assetWarningKinds),
  requirementIds: z.array(z.string()),
  days: z.int().optional(),
});

/** An asset as the register answers it, with the warnings of today (Europe/Berlin). */
export const assetSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(assetKinds),
  locationId: z.uuid().nullable(),
  owner: z.string(),
  inventoryNumber: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  version: z.string(),
  operatingSystem: z.string(),
  supportEndsOn: z.string().nullable(),
  protectionNeed: z.enum(protectionNeeds),
  lastPatchedOn: z.string().nullable(),
  adminMfa: z.boolean().nullable(),
  encryptedAtRest: z.boolean().nullable(),
  networkSegment: z.string(),
  notes: z.string(),
  revision: z.int(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  warnings: z.array(warningSchema),
});

export const assetRelationSchema = z.object({
  id: z.uuid(),
  sourceId: z.uuid(),
  kind: z.enum(assetRelationKinds),
  targetId: z.uuid(),
  /** The asset at the other end, by name, so the detail page needs no second request. */
  otherName: z.string(),
  otherKind: z.enum(assetKinds),
});

/** One asset with its relations in both directions and the suppliers that provide or look after it. */
export const assetDetailSchema = assetSchema.extend({
  relations: z.array(assetRelationSchema),
  suppliers: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

export const assetPageSchema = listPageSchema(assetSchema);

/** Counts for the register's views and the dashboard, counted in SQL. */
export const assetSummarySchema = z.object({
  total: z.int(),
  byKind: z.array(z.object({ kind: z.enum(assetKinds), count: z.int() })),
  byLocation: z.array(z.object({ locationId: z.uuid().nullable(), count: z.int() })),
  warnings: z.object({
    unsupported: z.int(),
    support_ending: z.int(),
    admin_mfa_missing: z.int(),
    encryption_missing: z.int(),
  }),
});

export type Asset = ResponseOf<typeof assetSchema>;
export type AssetDetail = ResponseOf<typeof assetDetailSchema>;
export type AssetRelation = ResponseOf<typeof assetRelationSchema>;
export type AssetPage = ResponseOf<typeof assetPageSchema>;
export type AssetSummary = ResponseOf<typeof assetSummarySchema>;
