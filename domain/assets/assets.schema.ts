import { z } from 'zod';
import { calendarDate, eventDate, plainText, safeText } from '../common/input.ts';
import { listQuerySchema } from '../common/list.ts';

/**
 * The kinds of things a practice inventories in weeks 1–2 of the roadmap: the IT it runs, the telematics
 * infrastructure (TI connector or gateway, card terminals, the practice card SMC-B and the physicians' eHBA), the
 * practice management system (PVS) and KIM, medical devices (Anlage 4 of the KBV guideline for major devices), and
 * the services it uses in the cloud.
 */
export const assetKinds = [
  'server',
  'workstation',
  'laptop',
  'mobile',
  'network',
  'ti_connector',
  'card_terminal',
  'ehba',
  'smcb',
  'pvs',
  'kim',
  'major_medical_device',
  'medical_device',
  'printer',
  'cloud_service',
  'software',
  'backup',
  'other',
] as const;
export type AssetKind = (typeof assetKinds)[number];

/** Kinds that are carried around and get lost: their data at rest must be encrypted (KBV Anlage 1 Nr. 31, 43). */
export const mobileKinds: readonly AssetKind[] = ['laptop', 'mobile'];

/** Kinds of the telematics infrastructure (KBV Anlage 5). */
export const tiKinds: readonly AssetKind[] = ['ti_connector', 'card_terminal', 'ehba', 'smcb', 'kim'];

/** Kinds with an administrator login whose protection § 30 Abs. 2 Nr. 10 BSIG (MFA) is about. */
export const adminLoginKinds: readonly AssetKind[] = [
  'server',
  'workstation',
  'laptop',
  'network',
  'ti_connector',
  'pvs',
  'cloud_service',
  'software',
  'backup',
];

/** Schutzbedarf as the BSI IT-Grundschutz names its categories. */
export const protectionNeeds = ['normal', 'high', 'very_high'] as const;
export type ProtectionNeed = (typeof protectionNeeds)[number];

/** How two assets depend on each other: A runs on B, A's data is stored in B, A is used by B. */
export const assetRelationKinds = ['runs_on', 'stored_in', 'used_by'] as const;
export type AssetRelationKind = (typeof assetRelationKinds)[number];

export const ASSET_NAME_MAX = 200;
export const ASSET_TEXT_MAX = 200;
export const ASSET_NOTES_MAX = 4000;

/** Yes, no, or not known yet (null): an inventory is made before every answer is known. */
const answer = () => z.boolean().nullable().default(null);
const optionalDate = (schema: z.ZodType<string>) => schema.nullable().default(null);

/** The body that creates or replaces an asset. Dates are calendar days; the patch date cannot lie in the future. */
export const assetInputSchema = z.object({
  name: safeText().trim().min(1).max(ASSET_NAME_MAX),
  kind: z.enum(assetKinds),
  locationId: z.uuid().nullable().default(null),
  owner: plainText(ASSET_TEXT_MAX),
  inventoryNumber: plainText(100),
  manufacturer: plainText(ASSET_TEXT_MAX),
  model: plainText(ASSET_TEXT_MAX),
  version: plainText(100),
  operatingSystem: plainText(ASSET_TEXT_MAX),
  supportEndsOn: optionalDate(calendarDate()),
  protectionNeed: z.enum(protectionNeeds).default('normal'),
  lastPatchedOn: optionalDate(eventDate()),
  adminMfa: answer(),
  encryptedAtRest: answer(),
  networkSegment: plainText(100),
  notes: plainText(ASSET_NOTES_MAX),
});
export type AssetInput = z.output<typeof assetInputSchema>;

/** A change: the whole record plus the revision it was based on, so that a concurrent edit is a 409, not lost. */
export const assetUpdateSchema = assetInputSchema.extend({ revision: z.int().min(1).max(2_147_483_647) });

export const assetRelationInputSchema = z.object({
  kind: z.enum(assetRelationKinds),
  targetId: z.uuid(),
});

export const assetWarningKinds = ['unsupported', 'support_ending', 'admin_mfa_missing', 'encryption_missing'] as const;
export type AssetWarningKind = (typeof assetWarningKinds)[number];

/** The asset list: filtered by location, kind and warning, searched by name, inventory number, model, owner. */
export const assetListQuerySchema = listQuerySchema({
  sort: ['name', 'kind', 'inventoryNumber', 'supportEndsOn', 'updatedAt'],
  defaultSort: 'name',
  defaultOrder: 'asc',
  search: true,
  filters: {
    kind: z.enum(assetKinds).optional(),
    locationId: z.uuid().optional(),
    warning: z.enum(assetWarningKinds).optional(),
  },
});
export type AssetListQuery = z.output<typeof assetListQuerySchema>;

/** The register as a file: the list's filters, the format and the language of titles and labels. */
export const assetExportQuerySchema = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  locale: z.enum(['de', 'en']).default('de'),
  kind: z.enum(assetKinds).optional(),
  locationId: z.uuid().optional(),
  warning: z.enum(assetWarningKinds).optional(),
  q: assetListQuerySchema.shape.q,
});
export type AssetExportQuery = z.output<typeof assetExportQuerySchema>;
