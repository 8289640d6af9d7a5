import { z } from 'zod';
import { listPageSchema } from '../common/list.ts';
import { instantSchema, type ResponseOf } from '../common/response.ts';
import { accountStatuses, accountSystems, checklistKinds } from './access.schema.ts';

const warningSchema = z.object({
  kind: z.enum(['leaver_active', 'admin_mfa_missing']),
  requirementIds: z.array(z.string()),
  days: z.int().optional(),
});

/** One account, card or key of a person, with the warnings of today (Europe/Berlin). */
export const accountSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  system: z.enum(accountSystems),
  assetId: z.uuid().nullable(),
  assetName: z.string().nullable(),
  accountName: z.string(),
  isAdmin: z.boolean(),
  mfa: z.boolean().nullable(),
  status: z.enum(accountStatuses),
  disabledOn: z.string().nullable(),
  notes: z.string(),
  revision: z.int(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  warnings: z.array(warningSchema),
});

/** The leaver flag of a person (KBV Anlage 1 Nr. 2), null while none applies. */
export const leaverFlagSchema = z.object({ daysSinceLeaving: z.int(), activeAccounts: z.int() });

/** A person's accounts with the person's name and end date, so a section needs no second request. */
export const personAccountsSchema = z.object({
  person: z.object({ id: z.uuid(), name: z.string(), endsOn: z.string().nullable() }),
  leaver: leaverFlagSchema.nullable(),
  accounts: z.array(accountSchema),
});

/** An account in the list across people. */
export const accountListItemSchema = accountSchema.extend({
  personName: z.string(),
  personEndsOn: z.string().nullable(),
});
export const accountPageSchema = listPageSchema(accountListItemSchema);

/** The dashboard's access figures, counted in SQL. */
export const accessSummarySchema = z.object({
  leavers: z.object({
    count: z.int(),
    first: z.array(z.object({ personId: z.uuid(), name: z.string(), endsOn: z.string(), daysSinceLeaving: z.int(), activeAccounts: z.int() })),
  }),
  adminWithoutMfa: z.int(),
  activeAccounts: z.int(),
  /** Active and disabled: whether the register has been started at all. */
  totalAccounts: z.int(),
});

export const checklistTemplateSchema = z.object({
  kind: z.enum(checklistKinds),
  /** True while the organisation uses the built-in defaults (in the asked language). */
  isDefault: z.boolean(),
  items: z.array(z.object({ title: z.string(), hint: z.string() })),
  updatedAt: instantSchema.nullable(),
});

export const checklistSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  kind: z.enum(checklistKinds),
  startedAt: instantSchema,
  completedAt: instantSchema.nullable(),
  items: z.array(
    z.object({
      position: z.int(),
      title: z.string(),
      hint: z.string(),
      doneAt: instantSchema.nullable(),
      doneByName: z.string().nullable(),
    }),
  ),
});
export const checklistListSchema = z.array(checklistSchema);

export type Account = ResponseOf<typeof accountSchema>;
export type AccountListItem = ResponseOf<typeof accountListItemSchema>;
export type AccountPage = ResponseOf<typeof accountPageSchema>;
export type PersonAccounts = ResponseOf<typeof personAccountsSchema>;
export type AccessSummary = ResponseOf<typeof accessSummarySchema>;
export type ChecklistTemplate = ResponseOf<typeof checklistTemplateSchema>;
export type Checklist = ResponseOf<typeof checklistSchema>;
