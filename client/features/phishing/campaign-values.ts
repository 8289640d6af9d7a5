import { DateTime } from 'luxon';
import type { PersonRole } from '../../../domain/people/people.schema.ts';
import type { CampaignInput, PhishingGrouping, PhishingLocale, PhishingMode } from '../../../domain/phishing/phishing.schema.ts';
import { RETENTION_DAYS_DEFAULT } from '../../../domain/phishing/phishing.schema.ts';
import type { PhishingTemplateId } from '../../../domain/phishing/templates.data.ts';
import type { Campaign, PhishingTemplate } from './phishing.api.ts';

const BERLIN = 'Europe/Berlin';

/** What the campaign form holds: the request's fields, the audience as three inputs, the start as Berlin date and time. */
export interface CampaignValues extends Record<string, unknown> {
  name: string;
  templateId: PhishingTemplateId;
  locale: PhishingLocale;
  subject: string;
  senderName: string;
  senderAddress: string;
  bodyHtml: string;
  bodyText: string;
  audience: { kind: 'all' | 'locations' | 'roles'; locationIds: string[]; roles: PersonRole[] };
  groupBy: PhishingGrouping;
  mode: PhishingMode;
  /** "now": sending starts when the campaign is started; "later": at the Berlin date and time below. */
  startChoice: 'now' | 'later';
  startDate: string;
  startTime: string;
  spreadMinutes: number;
  retentionDays: number;
}

/** The texts a template brings in one language. */
export function templateTexts(template: PhishingTemplate, locale: PhishingLocale) {
  const text = template[locale];
  return { subject: text.subject, senderName: text.senderName, senderAddress: text.senderAddress, bodyHtml: text.bodyHtml, bodyText: text.bodyText };
}

/** The instant of a Berlin date (YYYY-MM-DD) and time (HH:MM); the typed text when it makes none (the schema names it). */
export function berlinInstant(date: string, time: string): string {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(time.trim());
  if (!date || !match) return `${date}T${time}`;
  // fromISO refuses 25:00 and 31.02.; set() would roll them over into the next day or month.
  const value = DateTime.fromISO(`${date}T${match[1]!.padStart(2, '0')}:${match[2]}`, { zone: BERLIN });
  return value.isValid ? value.toUTC().toISO()! : `${date}T${time}`;
}

export function berlinDateTime(instant: string): { date: string; time: string } {
  const value = DateTime.fromISO(instant).setZone(BERLIN);
  return { date: value.toISODate() ?? '', time: value.toFormat('HH:mm') };
}

/** The request body of the form's values. */
export function toCampaignInput(values: CampaignValues): CampaignInput {
  const { audience: a } = values;
  const audience: CampaignInput['audience'] =
    a.kind === 'locations' ? { kind: 'locations', locationIds: a.locationIds } : a.kind === 'roles' ? { kind: 'roles', roles: a.roles } : { kind: 'all' };
  return {
    name: values.name,
    templateId: values.templateId,
    locale: values.locale,
    subject: values.subject,
    senderName: values.senderName,
    senderAddress: values.senderAddress,
    bodyHtml: values.bodyHtml,
    bodyText: values.bodyText,
    audience,
    groupBy: values.groupBy,
    mode: values.mode,
    startsAt: values.startChoice === 'later' ? berlinInstant(values.startDate, values.startTime) : null,
    spreadMinutes: values.spreadMinutes,
    retentionDays: values.retentionDays,
  } as CampaignInput;
}

/** The form's values for a stored draft, or for a new campaign from the first template. */
export function campaignValues(campaign: Campaign | null, template: PhishingTemplate, locale: PhishingLocale): CampaignValues {
  if (campaign) {
    const start = campaign.startsAt ? berlinDateTime(campaign.startsAt) : null;
    const a = campaign.audience;
    return {
      name: campaign.name,
      templateId: campaign.templateId,
      locale: campaign.locale,
      subject: campaign.subject,
      senderName: campaign.senderName,
      senderAddress: campaign.senderAddress,
      bodyHtml: campaign.bodyHtml,
      bodyText: campaign.bodyText,
      audience: { kind: a.kind, locationIds: a.kind === 'locations' ? a.locationIds : [], roles: a.kind === 'roles' ? a.roles : [] },
      groupBy: campaign.groupBy,
      mode: campaign.mode,
      startChoice: start ? 'later' : 'now',
      startDate: start?.date ?? '',
      startTime: start?.time ?? '08:00',
      spreadMinutes: campaign.spreadMinutes,
      retentionDays: campaign.retentionDays,
    };
  }
  const tomorrow = DateTime.now().setZone(BERLIN).plus({ days: 1 }).toISODate() ?? '';
  return {
    name: template[locale].title,
    templateId: template.id,
    locale,
    ...templateTexts(template, locale),
    audience: { kind: 'all', locationIds: [], roles: [] },
    groupBy: 'location',
    mode: 'anonymous',
    startChoice: 'now',
    startDate: tomorrow,
    startTime: '08:00',
    spreadMinutes: 0,
    retentionDays: RETENTION_DAYS_DEFAULT,
  };
}

/** What someone typed survives a reload until the draft is saved or discarded. */
export const draftKey = (organisationId: string, campaignId: string | null) => `praxisschild.phishingCampaign.${organisationId}.${campaignId ?? 'new'}`;

export function restoreDraft(key: string): Partial<CampaignValues> {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? '{}') as Partial<CampaignValues>;
  } catch {
    return {};
  }
}

export function keepDraft(key: string, values: CampaignValues | null) {
  try {
    if (values) sessionStorage.setItem(key, JSON.stringify(values));
    else sessionStorage.removeItem(key);
  } catch {
    // Without storage the values live as long as the page.
  }
}

/** Spreading the mails over a window: all at once, or over hours or days (minutes, as the request counts them). */
export const spreadChoices = [0, 60, 120, 240, 480, 1440, 2880, 7200, 10080] as const;
