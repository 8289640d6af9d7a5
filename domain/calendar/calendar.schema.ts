import { z } from 'zod';

/**
 * Calendar feeds (issue 11, item 4): a personal feed shows what is one's own to do, the organisation feed everything.
 * Both are ICS files behind a secret address that can be renewed or revoked (docs/decisions/033-calendar-and-agenda.md).
 */
export const feedScopes = ['personal', 'organisation'] as const;
export type FeedScope = (typeof feedScopes)[number];

export const createFeedSchema = z.object({
  scope: z.enum(feedScopes).describe('personal: your own tasks and deadlines; organisation: everything (management or an administrator)'),
});
export type CreateFeed = z.output<typeof createFeedSchema>;

/** A member's reminder mails in one organisation. */
export const calendarPreferencesSchema = z.object({
  taskReminders: z.boolean().describe('A mail a week before and on the due date of each task one owns'),
  dailyDigest: z.boolean().describe("One mail each morning with one's overdue tasks and those due within a week"),
});
export type CalendarPreferences = z.output<typeof calendarPreferencesSchema>;

/** The secret part of a feed address: 256 random bits in base64url, 43 characters (server/crypto.ts newToken). */
const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Whether a path segment can be a feed token at all; anything else is answered like an unknown address. */
export function isFeedToken(value: string): boolean {
  return FEED_TOKEN.test(value);
}

/** How many agenda items the dashboard asks for by default, and the most one request may ask for. */
export const AGENDA_DEFAULT_LIMIT = 10;
export const AGENDA_MAX_LIMIT = 50;

export const agendaQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(AGENDA_MAX_LIMIT).default(AGENDA_DEFAULT_LIMIT),
});
export type AgendaQuery = z.output<typeof agendaQuerySchema>;
