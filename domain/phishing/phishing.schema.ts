import { z } from 'zod';
import { emailSchema } from '../auth/auth.schema.ts';
import { eventDate, eventInstant, plainText, safeText } from '../common/input.ts';
import { personRoles } from '../people/people.schema.ts';
import { phishingTemplateIds } from './templates.data.ts';

/**
 * Phishing simulation (issue 13): request schemas. § 30 Abs. 2 Satz 2 Nr. 7 BSIG (Art. 21 Abs. 2 lit. g NIS2) asks for
 * basic cyber hygiene and training in IT security, the KBV-IT-Sicherheitsrichtlinie (Anlage 1 Nr. 8 to 10) for
 * awareness of all staff; a simulated phishing mail with a lesson behind the link is one such training. Anonymous by
 * default (decision 036): results only per group of at least five recipients, the link from token to person removed at
 * the close, named results only under a works agreement the organisation recorded.
 */

export const phishingLocales = ['de', 'en'] as const;
export type PhishingLocale = (typeof phishingLocales)[number];

/** anonymous: groups of at least five only; named: per person while the campaign runs, under a works agreement. */
export const phishingModes = ['anonymous', 'named'] as const;
export type PhishingMode = (typeof phishingModes)[number];

/** The one dimension a campaign's report is grouped by (fixed before the start, see decision 036: no differencing). */
export const phishingGroupings = ['location', 'role'] as const;
export type PhishingGrouping = (typeof phishingGroupings)[number];

export const campaignStatuses = ['draft', 'scheduled', 'sending', 'sent', 'closed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

/** What a recipient's link recorded: the pixel loaded, the link followed, the fake form sent, the mail reported. */
export const phishingEventKinds = ['open', 'click', 'submit', 'report'] as const;
export type PhishingEventKind = (typeof phishingEventKinds)[number];

export const CAMPAIGN_NAME_MAX = 200;
export const SUBJECT_MAX = 200;
export const SENDER_NAME_MAX = 100;
export const BODY_HTML_MAX = 50_000;
export const BODY_TEXT_MAX = 20_000;
/** Spread the mails over at most a week (planned send time per recipient). */
export const SPREAD_MINUTES_MAX = 7 * 24 * 60;
/** The token → person mapping is kept at most this long after sending ends (issue 13, item 3). */
export const RETENTION_DAYS_MAX = 30;
export const RETENTION_DAYS_DEFAULT = 14;
export const AGREEMENT_REFERENCE_MAX = 200;
export const SMTP_URL_MAX = 500;

/** The placeholders a subject or body may use; anything else in double braces is refused at the field. */
export const phishingPlaceholders = ['firstName', 'name', 'organisation', 'date', 'senderName', 'link', 'reportLink'] as const;
export type PhishingPlaceholder = (typeof phishingPlaceholders)[number];

export const phishingIssueCodes = {
  placeholderUnknown: 'phishing.placeholder_unknown',
  linkMissing: 'phishing.link_missing',
  scriptInHtml: 'phishing.script_in_html',
  locationUnknown: 'phishing.location_unknown',
  namedModeOff: 'phishing.named_mode_off',
  duplicate: 'phishing.duplicate',
  smtpUrlInvalid: 'phishing.smtp_url_invalid',
} as const;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders a text uses that are not offered (the text as written, for the error). */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(phishingPlaceholders);
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.has(name));
}

export function usesPlaceholder(text: string, name: PhishingPlaceholder): boolean {
  return [...text.matchAll(PLACEHOLDER)].some((m) => m[1] === name);
}

const templatedText = (max: number, options: { requireLink?: boolean; html?: boolean } = {}) =>
  safeText()
    .trim()
    .min(1)
    .max(max)
    .superRefine((text, ctx) => {
      if (unknownPlaceholders(text).length > 0) ctx.addIssue({ code: 'custom', message: phishingIssueCodes.placeholderUnknown });
      if (options.requireLink && !usesPlaceholder(text, 'link')) ctx.addIssue({ code: 'custom', message: phishingIssueCodes.linkMissing });
      // Mail clients drop scripts anyway; refusing them keeps the stored HTML harmless in the app's preview as well.
      if (options.html && /<\s*(script|iframe|object|embed)\b|\son\w+\s*=|javascript:/i.test(text)) {
        ctx.addIssue({ code: 'custom', message: phishingIssueCodes.scriptInHtml });
      }
    });

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .min(1)
    .max(max)
    .superRefine((list, ctx) => {
      const seen = new Set<unknown>();
      list.forEach((value, index) => {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index], message: phishingIssueCodes.duplicate });
        seen.add(value);
      });
    });

/** Who receives the campaign: everyone in the people register with an e-mail address, or chosen locations or roles. */
export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('locations'), locationIds: uniqueList(z.uuid(), 300) }),
  z.object({ kind: z.literal('roles'), roles: uniqueList(z.enum(personRoles), personRoles.length) }),
]);
export type Audience = z.output<typeof audienceSchema>;

/** A comma-separated list in a query string ("a,b"), as the audience size is asked while the form is being filled. */
const commaList = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter((part) => part !== '') : value), uniqueList(item, max));

/**
 * The audience of a campaign being written, as a query: `kind=all` (also when no kind is given),
 * `kind=locations&locationIds=a,b` or `kind=roles&roles=physician,nurse`. A plain object, so that the OpenAPI document
 * lists each parameter; `audienceOfQuery` turns it into the audience the campaign stores.
 */
export const audienceQuerySchema = z.object({
  kind: z.enum(['all', 'locations', 'roles']).default('all'),
  locationIds: commaList(z.uuid(), 300).optional(),
  roles: commaList(z.enum(personRoles), personRoles.length).optional(),
});
export type AudienceQuery = z.output<typeof audienceQuerySchema>;

/** The audience a query names, or the parameter that is missing for its kind. */
export function audienceOfQuery(query: AudienceQuery): Audience | { missing: 'locationIds' | 'roles' } {
  if (query.kind === 'locations') return query.locationIds ? { kind: 'locations', locationIds: query.locationIds } : { missing: 'locationIds' };
  if (query.kind === 'roles') return query.roles ? { kind: 'roles', roles: query.roles } : { missing: 'roles' };
  return { kind: 'all' };
}

export const campaignFields = {
  name: safeText().trim().min(1).max(CAMPAIGN_NAME_MAX),
  templateId: z.enum(phishingTemplateIds),
  locale: z.enum(phishingLocales).default('de'),
  subject: templatedText(SUBJECT_MAX),
  senderName: safeText().trim().min(1).max(SENDER_NAME_MAX),
  senderAddress: emailSchema,
  bodyHtml: templatedText(BODY_HTML_MAX, { requireLink: true, html: true }),
  bodyText: templatedText(BODY_TEXT_MAX, { requireLink: true }),
  audience: audienceSchema,
  groupBy: z.enum(phishingGroupings).default('location'),
  mode: z.enum(phishingModes).default('anonymous'),
  /** When sending starts; null: when the campaign is scheduled. */
  startsAt: eventInstant().nullable().default(null),
  /** Spread the mails evenly over this many minutes after the start (0: all at once). */
  spreadMinutes: z.int().min(0).max(SPREAD_MINUTES_MAX).default(0),
  /** Days after the planned end of sending when the campaign closes by itself and every token is deleted. */
  retentionDays: z.int().min(1).max(RETENTION_DAYS_MAX).default(RETENTION_DAYS_DEFAULT),
};

export const campaignInputSchema = z.object(campaignFields);
export type CampaignInput = z.output<typeof campaignInputSchema>;

/** A change of a draft: the whole campaign plus the revision it was based on (409 when someone changed it since). */
export const campaignUpdateSchema = z.object({ ...campaignFields, revision: z.int().min(1).max(2_147_483_647) });
export type CampaignUpdate = z.output<typeof campaignUpdateSchema>;

/** Start (or plan) the sending of a draft as it stands at this revision. */
export const campaignScheduleSchema = z.object({ revision: z.int().min(1).max(2_147_483_647) });

/** The works agreement that allows named results (Betriebsvereinbarung, § 87 Abs. 1 Nr. 6 BetrVG); off needs nothing. */
export const namedModeInputSchema = z.discriminatedUnion('enabled', [
  z.object({
    enabled: z.literal(true),
    agreementReference: safeText().trim().min(1).max(AGREEMENT_REFERENCE_MAX),
    agreementDate: eventDate(),
  }),
  z.object({ enabled: z.literal(false) }),
]);
export type NamedModeInput = z.output<typeof namedModeInputSchema>;

/** smtp:// or smtps:// with host; user and password in the URL. Stored encrypted; null: the app's SMTP_URL. */
export const smtpSettingsInputSchema = z.object({
  smtpUrl: safeText()
    .trim()
    .max(SMTP_URL_MAX)
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname.length > 0;
        } catch {
          return false;
        }
      },
      { message: phishingIssueCodes.smtpUrlInvalid },
    )
    .nullable(),
});

export const phishingTemplateQuerySchema = z.object({ locale: z.enum(phishingLocales).optional() });

/** The tracking token of a recipient: 32 random bytes in base64url (43 characters). */
export const TRACKING_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export function isTrackingToken(value: unknown): value is string {
  return typeof value === 'string' && TRACKING_TOKEN_PATTERN.test(value);
}

/**
 * A public path parameter: anything up to the router's limit is accepted here and judged by `isTrackingToken` in the
 * handler, so a malformed token gets the same answer as an unknown one (never a 400 that tells the format apart).
 */
export const trackingTokenParamsSchema = z.object({ trackingToken: z.string().max(100) });

export const lessonQuerySchema = z.object({ lang: z.enum(phishingLocales).optional().catch(undefined) });

/** The micro-training's answers: one option per question (ids of domain/phishing/micro-training.ts). */
export const microTrainingAnswersSchema = z.object({
  locale: z.enum(phishingLocales).default('de'),
  answers: z
    .array(z.object({ questionId: z.string().max(40), optionId: z.string().max(40) }))
    .min(1)
    .max(20),
});
export type MicroTrainingAnswers = z.output<typeof microTrainingAnswersSchema>;

/** A forwarded mail for the intake as JSON (text/plain and message/rfc822 bodies are read as the raw mail). */
export const forwardedMailSchema = z.object({ raw: plainText(262_144) });
