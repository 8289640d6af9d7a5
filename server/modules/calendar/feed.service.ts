import { and, eq, sql } from 'drizzle-orm';
import ical from 'ical-generator';
import type { MemberRole } from '../../../domain/auth/permissions.ts';
import type { Role } from '../../../domain/auth/roles.ts';
import { isFeedToken } from '../../../domain/calendar/calendar.schema.ts';
import {
  buildFeedEvents,
  FEED_AHEAD_DAYS,
  FEED_MAX_TASKS,
  FEED_PAST_DAYS,
  type FeedEvent,
  type FeedEventKind,
  type FeedSources,
  feedKinds,
} from '../../../domain/calendar/feed.ts';
import { addDays, practiceDay } from '../../../domain/calendar/reminders.ts';
import { registrationReadiness, storedRegistrationSetupSchema } from '../../../domain/registration/registration.ts';
import type { AppContext } from '../../context.ts';
import { hashToken } from '../../crypto.ts';
import { queryRows, type Tx } from '../../db/connect.ts';
import { calendarFeeds, organisations, users } from '../../db/schema.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { type Locale, translator } from '../../i18n/texts.ts';
import { publicUrlFromEnvironment } from '../../public-url.ts';
import { latestCheckSummaries } from '../compliance/compliance.ts';
import { incidentsWithPendingDeadlines } from '../incidents/incidents.ts';
import { feedDirectors, feedSuppliers, feedTasks, feedTrainingDue, storedRegistration } from './calendar.queries.ts';
import { Kept } from './kept.ts';

/** A feed as found by its token: the organisation, the scope, whose it is and in which language it speaks. */
interface FoundFeed {
  organisationId: string;
  id: string;
  scope: 'personal' | 'organisation';
  userId: string;
  locale: Locale;
  tokenHash: string;
  lastFetchedAt: Date | null;
  /** The owner's membership (personal feeds): what their role answers for. */
  member: MemberRole;
  /** The organisation's version (its audit head) and the stored address of the app, read in the same statement. */
  version: string;
  storedPublicUrl: string | null;
}

/**
 * The working feed of a token, looked up by its hash outside any organisation (the address is the credential), with
 * what decides whether a kept rendering still holds: one statement, so that a fetch of an unchanged feed costs one
 * round trip. A revoked feed, and a personal feed whose member has left the organisation, are not found.
 */
async function findFeed(ctx: AppContext, token: string): Promise<FoundFeed | null> {
  if (!isFeedToken(token)) return null;
  // System work (the owner, no organisation set): which organisation the token belongs to is what is being found out.
  const [row] = await queryRows<{
    organisation_id: string;
    id: string;
    scope: 'personal' | 'organisation';
    user_id: string;
    locale: string;
    token_hash: string;
    last_fetched_at: Date | string | null;
    role: Role | null;
    is_admin: boolean | null;
    version: string | null;
    public_url: string | null;
  }>(
    ctx.db,
    sql`select f.organisation_id, f.id, f.scope, f.user_id, f.locale, f.token_hash, f.last_fetched_at, m.role, m.is_admin,
               h.seq::text || ':' || h.hash as version, (select public_url from instance_settings where id) as public_url
          from calendar_feeds f
          left join memberships m on m.organisation_id = f.organisation_id and m.user_id = f.user_id
          left join audit_heads h on h.organisation_id = f.organisation_id
         where f.token_hash = ${hashToken(token)} and f.revoked_at is null`,
  );
  if (!row) return null;
  if (row.scope === 'personal' && row.role === null) return null;
  return {
    organisationId: row.organisation_id,
    id: row.id,
    scope: row.scope,
    userId: row.user_id,
    locale: row.locale === 'en' ? 'en' : 'de',
    tokenHash: row.token_hash,
    lastFetchedAt: row.last_fetched_at === null ? null : new Date(row.last_fetched_at),
    member: { role: row.role ?? 'staff', isAdmin: row.is_admin ?? false },
    version: row.version ?? '0',
    storedPublicUrl: row.public_url,
  };
}

/** The sources of a feed's events: everything for the organisation feed, what is the member's for a personal one. */
async function feedSources(tx: Tx, feed: FoundFeed, kinds: Set<FeedEventKind>, today: string, now: Date): Promise<FeedSources> {
  const mine = feed.scope === 'personal' ? feed.userId : null;
  const window = { from: addDays(today, -FEED_PAST_DAYS), to: addDays(today, FEED_AHEAD_DAYS) };
  let registration: FeedSources['registration'] = null;
  if (kinds.has('registration_due')) {
    const setup = storedRegistrationSetupSchema.parse((await storedRegistration(tx, feed.organisationId)) ?? {});
    const { nis2 } = await latestCheckSummaries(tx, feed.organisationId);
    const readiness = registrationReadiness(setup, nis2?.category ?? null, today);
    if (readiness.required && !setup.checklist.registeredInPortal) registration = { dueDate: readiness.dueDate };
  }
  return {
    tasks: kinds.has('task') ? await feedTasks(tx, feed.organisationId, { ...window, limit: FEED_MAX_TASKS }, mine) : [],
    incidents: kinds.has('incident_deadline') ? await incidentsWithPendingDeadlines(tx, feed.organisationId, now) : [],
    registration,
    suppliers: kinds.has('c5_expiry') ? await feedSuppliers(tx, feed.organisationId) : [],
    training: kinds.has('training_due') ? await feedTrainingDue(tx, feed.organisationId, today, window, mine) : [],
    directors: kinds.has('management_training_due') ? await feedDirectors(tx, feed.organisationId, today, mine) : [],
  };
}

/** The summary and description of an event in the feed's language. */
function eventTexts(locale: Locale, event: FeedEvent, link: string): { summary: string; description: string } {
  const t = translator(locale);
  const v = event.values;
  const open = t('calendar.feed.open', { link });
  switch (event.kind) {
    case 'task':
      return {
        summary: t('calendar.feed.task.summary', { title: v.title! }),
        description: [v.owner ? t('calendar.feed.task.owner', { name: v.owner }) : t('calendar.feed.task.noOwner'), open].join('\n'),
      };
    case 'incident_deadline': {
      const report = t(`mail.incidentReminder.report.${v.report}`);
      return {
        summary: t('calendar.feed.incident.summary', { report, number: v.number! }),
        description: [t('calendar.feed.incident.description', { number: v.number!, title: v.title!, report }), open].join('\n'),
      };
    }
    case 'registration_due':
      return { summary: t('calendar.feed.registration.summary'), description: [t('calendar.feed.registration.description'), open].join('\n') };
    case 'c5_expiry':
      return {
        summary: t('calendar.feed.c5.summary', { supplier: v.supplier! }),
        description: [t('calendar.feed.c5.description', { supplier: v.supplier! }), open].join('\n'),
      };
    case 'training_due':
      return {
        summary: t('calendar.feed.training.summary', { course: v.course!, count: v.count! }),
        description: [t('calendar.feed.training.description', { course: v.course!, count: v.count! }), open].join('\n'),
      };
    case 'management_training_due':
      return {
        summary: t('calendar.feed.management.summary', { name: v.name! }),
        description: [t('calendar.feed.management.description', { name: v.name! }), open].join('\n'),
      };
  }
}

/**
 * Folds content lines at 75 octets (RFC 5545 § 3.1), as ical-generator's own toString does, but measuring the UTF-8
 * length of a whole line at once: the library's folding constructs a TextEncoder for every character and took about a
 * second for a feed of 5 000 events here, the rest of the rendering some 50 ms.
 */
export function foldLines(text: string): string {
  const lines = text.split('\r\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (Buffer.byteLength(line) <= 75) continue;
    let folded = '';
    let octets = 0;
    for (const char of line) {
      const code = char.codePointAt(0)!;
      const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      if (octets + size > 75) {
        folded += '\r\n ';
        octets = 1;
      }
      folded += char;
      octets += size;
    }
    lines[i] = folded;
  }
  return lines.join('\r\n');
}

/** The ICS text of a feed: the calendar with ical-generator, each event written by its own toString, folded once. */
export function renderCalendar(input: { name: string; locale: Locale; events: readonly FeedEvent[]; base: string; organisationId: string; now: Date }): string {
  const calendar = ical({
    name: input.name,
    prodId: { company: 'praxisschild', product: 'praxisschild', language: input.locale.toUpperCase() },
    // Calendar programs that honour it look again every hour.
    ttl: 3600,
  });
  let events = '';
  for (const event of input.events) {
    const link = `${input.base}/o/${input.organisationId}/${event.path}`;
    const { summary, description } = eventTexts(input.locale, event, link);
    const created = calendar.createEvent({
      id: event.uid,
      start: event.at ? new Date(event.at) : new Date(`${event.day}T00:00:00Z`),
      allDay: event.at === null,
      summary,
      description,
      url: link,
      stamp: input.now,
    });
    events += created.toString();
  }
  calendar.clear();
  const frame = calendar.toString();
  const end = frame.lastIndexOf('END:VCALENDAR');
  return foldLines(frame.slice(0, end) + events + frame.slice(end));
}

/**
 * Rendered feeds, kept per feed (decision 033): up to 50 feeds and 32 MB together, at most ten minutes (calendar
 * programs fetch about hourly; an audited change renders at once).
 */
export const keptFeeds = new Kept<Buffer>({ maxEntries: 50, maxAgeMs: 10 * 60_000, maxSize: 32 * 1024 * 1024, sizeOf: (bytes) => bytes.length });

const FETCH_NOTE_MS = 3600_000;

/**
 * The ICS file behind a feed address, or null for an unknown, malformed or revoked token (answered like any unknown
 * address). A kept rendering is answered after the one lookup; a new one reads the sources inside the organisation's
 * transaction as the app role, so row-level security holds there too. The version is read before the data: a write in
 * between makes the rendering newer than its key, and the next fetch renders once more, never older.
 */
export async function feedCalendar(ctx: AppContext, token: string, now = new Date()): Promise<Buffer | null> {
  const feed = await findFeed(ctx, token);
  if (!feed) return null;
  if (!feed.lastFetchedAt || now.getTime() - feed.lastFetchedAt.getTime() > FETCH_NOTE_MS) {
    await ctx.db
      .update(calendarFeeds)
      .set({ lastFetchedAt: now })
      .where(and(eq(calendarFeeds.organisationId, feed.organisationId), eq(calendarFeeds.id, feed.id)));
  }
  const today = practiceDay(now);
  const base = publicUrlFromEnvironment() ? ctx.config.publicUrl : (feed.storedPublicUrl ?? ctx.config.publicUrl);
  const key = [feed.version, today, feed.tokenHash, feed.locale, feed.member.role, feed.member.isAdmin, base].join('|');
  return keptFeeds.get(feed.id, key, () =>
    withOrganisation(ctx.db, feed.organisationId, async (tx) => {
      const kinds = feedKinds(feed.scope, feed.member);
      const events = buildFeedEvents(feed.organisationId, await feedSources(tx, feed, kinds, today, now));
      const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, feed.organisationId));
      const [owner] = await tx.select({ name: users.name }).from(users).where(eq(users.id, feed.userId));
      const t = translator(feed.locale);
      const name =
        feed.scope === 'organisation'
          ? t('calendar.feed.name.organisation', { organisation: organisation?.name ?? '' })
          : t('calendar.feed.name.personal', { organisation: organisation?.name ?? '', name: owner?.name ?? '' });
      return Buffer.from(renderCalendar({ name, locale: feed.locale, events, base, organisationId: feed.organisationId, now }), 'utf8');
    }),
  );
}
