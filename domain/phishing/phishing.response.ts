import { z } from 'zod';
import { instantSchema, type ResponseOf } from '../common/response.ts';
import { personRoles } from '../people/people.schema.ts';
import { ANONYMITY_MIN_GROUP } from './anonymity.ts';
import { audienceSchema, campaignStatuses, phishingGroupings, phishingLocales, phishingModes } from './phishing.schema.ts';
import { phishingTemplateIds } from './templates.data.ts';

const templateTextSchema = z.object({
  title: z.string(),
  subject: z.string(),
  senderName: z.string(),
  senderAddress: z.string(),
  bodyHtml: z.string(),
  bodyText: z.string(),
  clues: z.array(z.string()),
});

/** One template of the library in both languages. */
/** How many active people an audience reaches today: with an e-mail address (they get the mail) and without. */
export const audienceSizeSchema = z.object({ withEmail: z.int(), withoutEmail: z.int() });

export const phishingTemplateSchema = z.object({
  id: z.enum(phishingTemplateIds),
  difficulty: z.int(),
  landing: z.enum(['form', 'lesson']),
  de: templateTextSchema,
  en: templateTextSchema,
});
export const phishingTemplateListSchema = z.object({ version: z.string(), items: z.array(phishingTemplateSchema) });

/** The works agreement recorded for named mode, and who switched it on when. */
export const namedModeSchema = z.object({
  agreementReference: z.string(),
  agreementDate: z.string(),
  enabledByName: z.string().nullable(),
  enabledAt: instantSchema,
});

export const phishingSettingsSchema = z.object({
  /** Null: named mode is off (the default); every campaign is anonymous. */
  namedMode: namedModeSchema.nullable(),
  /** Which SMTP server campaigns go through: the organisation's own, the app's SMTP_URL, or none (sending refused). */
  smtp: z.object({ source: z.enum(['organisation', 'app', 'none']), host: z.string().nullable() }),
});

/** Delivery counts of a campaign's recipients. */
export const deliveryCountsSchema = z.object({
  recipients: z.int(),
  pending: z.int(),
  sent: z.int(),
  failed: z.int(),
});

/** A campaign in the list (no bodies). */
export const campaignSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  templateId: z.enum(phishingTemplateIds),
  locale: z.enum(phishingLocales),
  mode: z.enum(phishingModes),
  groupBy: z.enum(phishingGroupings),
  status: z.enum(campaignStatuses),
  startsAt: instantSchema.nullable(),
  closedAt: instantSchema.nullable(),
  /** When the campaign closes by itself (start + spread + retention days); null while a draft. */
  closesAt: instantSchema.nullable(),
  delivery: deliveryCountsSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
});

export const campaignSchema = campaignSummarySchema.extend({
  subject: z.string(),
  senderName: z.string(),
  senderAddress: z.string(),
  bodyHtml: z.string(),
  bodyText: z.string(),
  audience: audienceSchema,
  spreadMinutes: z.int(),
  retentionDays: z.int(),
  revision: z.int(),
  /** People the audience reaches today (active, with an e-mail address) and those it leaves out for lack of one. */
  audienceSize: audienceSizeSchema,
  /** The works agreement the campaign was started under (named mode only; kept with the campaign). */
  namedAgreement: z.object({ reference: z.string(), date: z.string() }).nullable(),
  sendingFinishedAt: instantSchema.nullable(),
});

export const testSendSchema = z.object({ sentTo: z.string() });

const resultCountsSchema = z.object({
  recipients: z.int(),
  sent: z.int(),
  opened: z.int(),
  clicked: z.int(),
  submitted: z.int(),
  reported: z.int(),
});

/**
 * One group of the report: a location, a role, or "other" (Weitere: the small groups together, decision 036). Groups
 * always hold at least `minimumGroupSize` recipients; in anonymous mode nothing smaller is ever answered.
 */
export const reportGroupSchema = resultCountsSchema.extend({
  kind: z.enum(['location', 'role', 'other']),
  /** The location id or role; null for "other". */
  key: z.string().nullable(),
  /** The location's name; null for roles (translated by the client) and "other". */
  label: z.string().nullable(),
  /** How many groups "other" holds. */
  mergedGroups: z.int(),
});

/** One person's results (named mode, while the campaign runs; deleted at the close). */
export const reportPersonSchema = z.object({
  personId: z.uuid().nullable(),
  name: z.string().nullable(),
  role: z.enum(personRoles).nullable(),
  sentAt: instantSchema.nullable(),
  openedAt: instantSchema.nullable(),
  clickedAt: instantSchema.nullable(),
  submittedAt: instantSchema.nullable(),
  reportedAt: instantSchema.nullable(),
  trainingCompletedAt: instantSchema.nullable(),
});

export const campaignReportSchema = z.object({
  campaignId: z.uuid(),
  status: z.enum(campaignStatuses),
  mode: z.enum(phishingModes),
  groupBy: z.enum(phishingGroupings),
  minimumGroupSize: z.literal(ANONYMITY_MIN_GROUP),
  closedAt: instantSchema.nullable(),
  closesAt: instantSchema.nullable(),
  /** Named mode: the works agreement the results rest on (shown on every report). */
  namedAgreement: z.object({ reference: z.string(), date: z.string(), enabledByName: z.string().nullable(), enabledAt: instantSchema.nullable() }).nullable(),
  totals: resultCountsSchema.extend({ trainingCompleted: z.int() }),
  groups: z.array(reportGroupSchema),
  /** Named mode while the campaign runs; null in anonymous mode and after the close. */
  people: z.array(reportPersonSchema).nullable(),
});

/** What the teaching page shows: the template's clues in the reader's language and the micro-training. */
export const lessonSchema = z.object({
  templateId: z.enum(phishingTemplateIds),
  locale: z.enum(phishingLocales),
  landing: z.enum(['form', 'lesson']),
  title: z.string(),
  subject: z.string(),
  clues: z.array(z.string()),
  training: z.object({
    title: z.string(),
    minutes: z.int(),
    intro: z.array(z.string()),
    questions: z.array(z.object({ id: z.string(), text: z.string(), options: z.array(z.object({ id: z.string(), text: z.string() })) })),
  }),
});

export const microTrainingResultSchema = z.object({
  correct: z.int(),
  total: z.int(),
  passed: z.boolean(),
  /** Per question: whether it was right and the explanation. */
  answers: z.array(z.object({ questionId: z.string(), correct: z.boolean(), explanation: z.string() })),
});

/** The public tracking routes' acknowledgement: the same for every token, known or not. */
export const trackingAckSchema = z.object({ ok: z.literal(true) });

export type PhishingTemplateView = ResponseOf<typeof phishingTemplateSchema>;
export type CampaignView = ResponseOf<typeof campaignSchema>;
export type CampaignSummaryView = ResponseOf<typeof campaignSummarySchema>;
export type CampaignReportView = ResponseOf<typeof campaignReportSchema>;
export type LessonView = ResponseOf<typeof lessonSchema>;
export type PhishingSettingsView = ResponseOf<typeof phishingSettingsSchema>;
