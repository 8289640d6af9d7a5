import { z } from 'zod';
import { plainText, safeText } from '../common/input.ts';
import { listQuerySchema } from '../common/list.ts';

/**
 * Access and on-/offboarding (issue 10, part 2): the accounts, cards and keys each person holds, and the checklists
 * worked through when someone joins or leaves. KBV Anlage 1 Nr. 1 asks for a regulated onboarding, Nr. 2 for a
 * regulated departure in which every access is withdrawn; § 30 Abs. 2 Satz 2 Nr. 9 BSIG for access control over the
 * staff life cycle, Nr. 10 for multi-factor authentication. Never a password or PIN: only that the access exists.
 */

/** Where the access is: the practice software, the Windows login, mail, remote access, the TI cards and so on. */
export const accountSystems = [
  'pvs',
  'windows_ad',
  'email',
  'vpn_remote',
  'ti_ehba',
  'ti_smcb',
  'ti_connector',
  'cloud_service',
  'mobile_device',
  'key_or_badge',
  'other',
] as const;
export type AccountSystem = (typeof accountSystems)[number];

export const accountStatuses = ['active', 'disabled'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const checklistKinds = ['onboarding', 'offboarding'] as const;
export type ChecklistKind = (typeof checklistKinds)[number];

export const ACCOUNT_NAME_MAX = 200;
export const ACCOUNT_NOTES_MAX = 2000;
export const CHECKLIST_ITEMS_MAX = 50;
export const CHECKLIST_TITLE_MAX = 200;
export const CHECKLIST_HINT_MAX = 500;

export const accessIssueCodes = {
  assetUnknown: 'access.asset_unknown',
} as const;

const accountFields = {
  system: z.enum(accountSystems),
  /** An asset of the register the access belongs to (the PVS, a cloud service), when it is recorded there. */
  assetId: z.uuid().nullable().default(null),
  /** The login name or card number, never the secret. */
  accountName: plainText(ACCOUNT_NAME_MAX),
  isAdmin: z.boolean().default(false),
  /** Multi-factor authentication: yes, no, or not known (null). */
  mfa: z.boolean().nullable().default(null),
  notes: plainText(ACCOUNT_NOTES_MAX),
};

/** A new account of a person; it starts active. */
export const accountInputSchema = z.object(accountFields);
export type AccountInput = z.output<typeof accountInputSchema>;

/** A change: the whole record, its status, and the revision it was based on (409 when someone changed it meanwhile). */
export const accountUpdateSchema = z.object({
  ...accountFields,
  status: z.enum(accountStatuses),
  revision: z.int().min(1).max(2_147_483_647),
});
export type AccountUpdate = z.output<typeof accountUpdateSchema>;

const flag = () =>
  z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'));

/** All accounts across people: by system, only admin accounts without MFA, only active accounts of leavers. */
export const accountListQuerySchema = listQuerySchema({
  sort: ['person', 'system', 'accountName', 'updatedAt'],
  defaultSort: 'person',
  defaultOrder: 'asc',
  search: true,
  filters: {
    system: z.enum(accountSystems).optional(),
    status: z.enum(accountStatuses).optional(),
    adminWithoutMfa: flag(),
    leaver: flag(),
    /** The location of the person holding the account. */
    locationId: z.uuid().optional(),
  },
});
export type AccountListQuery = z.output<typeof accountListQuerySchema>;

/** One item of a checklist template: a short title and an optional hint how to do it. */
export const checklistItemSchema = z.object({
  title: safeText().trim().min(1).max(CHECKLIST_TITLE_MAX),
  hint: plainText(CHECKLIST_HINT_MAX),
});
export type ChecklistItemInput = z.output<typeof checklistItemSchema>;

/** The organisation's own template of one kind: 1 to 50 items in their order. */
export const checklistTemplateInputSchema = z.object({
  items: z.array(checklistItemSchema).min(1).max(CHECKLIST_ITEMS_MAX),
});

/** The language of the built-in defaults when the organisation has no template of its own. */
export const checklistLocaleQuerySchema = z.object({ locale: z.enum(['de', 'en']).default('de') });

/** Start a checklist for a person from the template as it stands. */
export const checklistStartSchema = z.object({
  kind: z.enum(checklistKinds),
  locale: z.enum(['de', 'en']).default('de'),
});

/** Tick or untick one item. */
export const checklistItemDoneSchema = z.object({ done: z.boolean() });
