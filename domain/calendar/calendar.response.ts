import { z } from 'zod';
import { roles } from '../auth/roles.ts';
import { calendarDateSchema, instantSchema, type ResponseOf } from '../common/response.ts';
import { agendaKinds } from './agenda.ts';
import { feedScopes } from './calendar.schema.ts';

/** A calendar feed as its owner sees it: never the address itself, which only its creation or renewal shows. */
export const feedSchema = z.object({
  id: z.uuid(),
  scope: z.enum(feedScopes),
  createdAt: instantSchema,
  rotatedAt: instantSchema.nullable(),
  /** The last fetch by a calendar program (recorded at most once an hour). */
  lastFetchedAt: instantSchema.nullable(),
});

export const feedsSchema = z.object({
  personal: feedSchema.nullable(),
  organisation: feedSchema.nullable(),
  /** Whether this member may make, renew and revoke the organisation feed (management or an administrator). */
  canManageOrganisationFeed: z.boolean(),
});

/** A feed just made or renewed, with its secret address: shown this once. */
export const createdFeedSchema = feedSchema.extend({
  url: z.string().describe('The subscription address (…/api/v1/calendar/<token>.ics); only its hash is stored'),
});

export const calendarPreferencesResponseSchema = z.object({
  taskReminders: z.boolean(),
  dailyDigest: z.boolean(),
});

export const agendaItemSchema = z.object({
  kind: z.enum(agendaKinds),
  /** Stable key of the item. */
  key: z.string(),
  /** What it is about: the incident's title, the task's title, the person's or the supplier's name. */
  subject: z.string(),
  /** The report owed (incident clocks only): early_warning, notification, intermediate_report, progress_report, final_report, gdpr_art33. */
  report: z.string().nullable(),
  /** The incident's number (incident clocks only). */
  number: z.int().nullable(),
  /** Active accounts of a person who has left (leavers only). */
  count: z.int().nullable(),
  /** Who acts: a named person, or the role that answers for it when nobody is named. */
  who: z.object({ name: z.string().nullable(), role: z.enum(roles).nullable() }),
  /** By when: an instant for a report clock, a day for everything else. */
  dueAt: instantSchema.nullable(),
  dueOn: calendarDateSchema.nullable(),
  isOverdue: z.boolean(),
  /** Where to act, below /o/<organisation>/. */
  path: z.string(),
});

export const agendaSchema = z.object({
  /** The moment the agenda was made, and the practice's day then. */
  now: instantSchema,
  today: calendarDateSchema,
  items: z.array(agendaItemSchema),
  /** How many items of each kind there are in all (the list shows the most urgent only). */
  counts: z.object(Object.fromEntries(agendaKinds.map((kind) => [kind, z.int()])) as Record<(typeof agendaKinds)[number], z.ZodInt>),
  total: z.int(),
});

export type CalendarFeed = ResponseOf<typeof feedSchema>;
export type CalendarFeeds = ResponseOf<typeof feedsSchema>;
export type CreatedFeed = ResponseOf<typeof createdFeedSchema>;
export type CalendarPreferencesResponse = ResponseOf<typeof calendarPreferencesResponseSchema>;
export type AgendaItem = ResponseOf<typeof agendaItemSchema>;
export type Agenda = ResponseOf<typeof agendaSchema>;
