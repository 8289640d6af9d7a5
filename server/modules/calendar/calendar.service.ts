import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { isAllowed } from '../../../domain/auth/permissions.ts';
import type { CalendarPreferences, FeedScope } from '../../../domain/calendar/calendar.schema.ts';
import type { AppContext } from '../../context.ts';
import { hashToken, newToken } from '../../crypto.ts';
import type { Tx } from '../../db/connect.ts';
import { databaseErrorOf, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { calendarFeeds, calendarPreferences, users } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { asLocale } from '../../i18n/texts.ts';
import { publicUrl } from '../../public-url.ts';
import { appendAudit } from '../audit/audit.ts';

type FeedRow = typeof calendarFeeds.$inferSelect;

const asFeed = (row: FeedRow) => ({
  id: row.id,
  scope: row.scope,
  createdAt: row.createdAt,
  rotatedAt: row.rotatedAt,
  lastFetchedAt: row.lastFetchedAt,
});

/** The subscription address of a token: the only place it exists in full. */
async function feedUrl(ctx: AppContext, tx: Tx, token: string) {
  return `${await publicUrl(ctx, tx)}/api/v1/calendar/${token}.ics`;
}

async function localeOf(tx: Tx, userId: string) {
  const [row] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return asLocale(row?.locale);
}

const canManageOrganisationFeed = (actor: Actor) => isAllowed('calendar.organisation', actor);

/** The member's own working feed and the organisation's, without their addresses. */
export async function listFeeds(tx: Tx, actor: Actor) {
  const rows = await tx
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.organisationId, actor.organisationId), isNull(calendarFeeds.revokedAt)));
  const personal = rows.find((r) => r.scope === 'personal' && r.userId === actor.userId);
  const organisation = rows.find((r) => r.scope === 'organisation');
  return {
    personal: personal ? asFeed(personal) : null,
    organisation: organisation ? asFeed(organisation) : null,
    canManageOrganisationFeed: canManageOrganisationFeed(actor),
  };
}

/**
 * Makes a feed and answers its address once (only the token's SHA-256 is stored). One working feed per member and one
 * for the organisation: a second, also one sent at the same moment, is a 409 from the unique index.
 */
export async function createFeed(ctx: AppContext, tx: Tx, actor: Actor, scope: FeedScope) {
  if (scope === 'organisation' && !canManageOrganisationFeed(actor)) throw new AppError('auth.forbidden', 403);
  const token = newToken();
  const id = randomUUID();
  const locale = await localeOf(tx, actor.userId);
  const row = await tx
    .insert(calendarFeeds)
    .values({ organisationId: actor.organisationId, id, scope, userId: actor.userId, tokenHash: hashToken(token), locale })
    .returning()
    .then(
      ([inserted]) => inserted!,
      (error: unknown) => {
        throw databaseErrorOf(error)?.code === UNIQUE_VIOLATION ? new AppError('calendar.feed_exists', 409) : error;
      },
    );
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'calendar.feed_created',
    entityType: 'calendar_feed',
    entityId: id,
    data: { scope },
  });
  return { ...asFeed(row), url: await feedUrl(ctx, tx, token) };
}

/**
 * A working feed the member may manage, locked for the change: their own personal feed, or the organisation feed for
 * management and administrators. Another member's personal feed is not theirs to see: 404, as for an unknown id.
 */
async function manageableFeed(tx: Tx, actor: Actor, feedId: string): Promise<FeedRow> {
  const [row] = await tx
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.organisationId, actor.organisationId), eq(calendarFeeds.id, feedId), isNull(calendarFeeds.revokedAt)))
    .for('update');
  if (!row || (row.scope === 'personal' && row.userId !== actor.userId)) throw new AppError('calendar.feed_not_found', 404);
  if (row.scope === 'organisation' && !canManageOrganisationFeed(actor)) throw new AppError('auth.forbidden', 403);
  return row;
}

/** A new secret address for the feed: the old one stops working at once. */
export async function rotateFeed(ctx: AppContext, tx: Tx, actor: Actor, feedId: string) {
  await manageableFeed(tx, actor, feedId);
  const token = newToken();
  const [row] = await tx
    .update(calendarFeeds)
    .set({ tokenHash: hashToken(token), rotatedAt: new Date(), locale: await localeOf(tx, actor.userId) })
    .where(and(eq(calendarFeeds.organisationId, actor.organisationId), eq(calendarFeeds.id, feedId)))
    .returning();
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'calendar.feed_rotated',
    entityType: 'calendar_feed',
    entityId: feedId,
    data: { scope: row!.scope },
  });
  return { ...asFeed(row!), url: await feedUrl(ctx, tx, token) };
}

/** Revokes the feed: its address answers like any unknown address from now on. */
export async function revokeFeed(tx: Tx, actor: Actor, feedId: string) {
  const feed = await manageableFeed(tx, actor, feedId);
  await tx
    .update(calendarFeeds)
    .set({ revokedAt: new Date() })
    .where(and(eq(calendarFeeds.organisationId, actor.organisationId), eq(calendarFeeds.id, feedId)));
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'calendar.feed_revoked',
    entityType: 'calendar_feed',
    entityId: feedId,
    data: { scope: feed.scope },
  });
}

/** The member's reminder mails; without a stored choice, task reminders on and the digest off. */
export async function getPreferences(tx: Tx, actor: Actor): Promise<CalendarPreferences> {
  const [row] = await tx
    .select({ taskReminders: calendarPreferences.taskReminders, dailyDigest: calendarPreferences.dailyDigest })
    .from(calendarPreferences)
    .where(and(eq(calendarPreferences.organisationId, actor.organisationId), eq(calendarPreferences.userId, actor.userId)));
  return row ?? { taskReminders: true, dailyDigest: false };
}

/** Stores the member's choice in one statement (a first save sent twice at once stays one row). */
export async function savePreferences(tx: Tx, actor: Actor, input: CalendarPreferences): Promise<CalendarPreferences> {
  await tx
    .insert(calendarPreferences)
    .values({ organisationId: actor.organisationId, userId: actor.userId, ...input })
    .onConflictDoUpdate({
      target: [calendarPreferences.organisationId, calendarPreferences.userId],
      set: { taskReminders: input.taskReminders, dailyDigest: input.dailyDigest, updatedAt: sql`now()` },
    });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'calendar.preferences_changed',
    entityType: 'user',
    entityId: actor.userId,
    data: { ...input },
  });
  return input;
}
