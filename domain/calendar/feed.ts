import { DateTime } from 'luxon';
import { isAllowed, type MemberRole } from '../auth/permissions.ts';
import type { ReminderKind } from '../incidents/reminders.ts';
import { addCalendarMonths, MANAGEMENT_TRAINING_MONTHS } from '../management/management.ts';
import type { FeedScope } from './calendar.schema.ts';
import { PRACTICE_ZONE } from './reminders.ts';

/**
 * The events of a calendar feed (issue 11, item 4). Each kind names a date the practice must not miss; the server reads
 * the sources in SQL and renders the texts in the feed's language, this file decides which dates become which events.
 */
export const feedEventKinds = ['task', 'incident_deadline', 'registration_due', 'c5_expiry', 'training_due', 'management_training_due'] as const;
export type FeedEventKind = (typeof feedEventKinds)[number];

/** Tasks whose due date lies further back than this are left out of a feed: overdue work is the agenda's business. */
export const FEED_PAST_DAYS = 90;
/** …and further ahead than this. */
export const FEED_AHEAD_DAYS = 730;
/** A feed carries at most this many tasks (the nearest due first), so that it stays a file a calendar program reads. */
export const FEED_MAX_TASKS = 2000;

export interface FeedEvent {
  /** Stable across fetches, so that a calendar program updates the event instead of adding a second one. */
  uid: string;
  kind: FeedEventKind;
  /** An all-day event on this day (YYYY-MM-DD, the practice's calendar). */
  day: string | null;
  /** A timed event at this instant (ISO 8601 with offset). */
  at: string | null;
  /** The values the texts of its kind use. */
  values: Record<string, string | number>;
  /** Where to act in the app, below /o/<organisation>/. */
  path: string;
}

export interface FeedSources {
  /** Open tasks with a due date inside the window. */
  tasks: readonly { id: string; title: string; dueOn: string; ownerName: string | null }[];
  /** Running incidents and each report still owed, with its deadline (domain/incidents/reminders.ts pendingDeadlines). */
  incidents: readonly { id: string; number: number; title: string; deadlines: readonly { report: ReminderKind | 'intermediate_report'; due: string }[] }[];
  /** The § 33 BSIG registration day, when the organisation must register and has not yet done so. */
  registration: { dueDate: string } | null;
  /** Suppliers holding health data in their cloud, with the last day of their C5 attestation. */
  suppliers: readonly { id: string; name: string; c5ValidUntil: string }[];
  /** Mandatory courses by the day they fall due again, with how many active people fall due that day. */
  training: readonly { courseId: string; title: string; dueOn: string; people: number }[];
  /** Current directors with their last § 38 training. */
  directors: readonly { personId: string; name: string; lastTrainingOn: string }[];
}

/**
 * Whether an instant is the last moment of its Berlin day (§ 188 BGB "mit dem Ablauf des Tages", as the one-month
 * report deadlines are computed): such a deadline is a day, shown as an all-day event rather than at 23:59.
 */
export function isEndOfBerlinDay(instant: string): boolean {
  const local = DateTime.fromISO(instant, { setZone: true }).setZone(PRACTICE_ZONE);
  return local.hour === 23 && local.minute === 59 && local.second === 59;
}

/** The day a director's § 38 Abs. 3 BSIG training stops counting (twelve calendar months, domain/management). */
export function managementTrainingDueOn(lastTrainingOn: string): string {
  return addCalendarMonths(lastTrainingOn, MANAGEMENT_TRAINING_MONTHS);
}

/**
 * Which organisation-wide deadlines a member's personal feed carries besides their own tasks, their own training and
 * their own § 38 training: those their role answers for, by the same permission table as the routes. The report
 * deadlines of incidents go to the escalation chain (incidents.handle), the § 33 registration to whoever prepares it,
 * the C5 dates of suppliers to whoever keeps the registers.
 */
export function personalFeedKinds(member: MemberRole): Set<FeedEventKind> {
  const kinds = new Set<FeedEventKind>(['task', 'training_due', 'management_training_due']);
  if (isAllowed('incidents.handle', member)) kinds.add('incident_deadline');
  if (isAllowed('registration.edit', member)) kinds.add('registration_due');
  if (isAllowed('registers.edit', member)) kinds.add('c5_expiry');
  return kinds;
}

/** The kinds a feed of this scope may carry for this member. */
export function feedKinds(scope: FeedScope, member: MemberRole): Set<FeedEventKind> {
  return scope === 'organisation' ? new Set(feedEventKinds) : personalFeedKinds(member);
}

/** The events of a feed from its sources, in a stable order (by date, then uid). */
export function buildFeedEvents(organisationId: string, sources: FeedSources): FeedEvent[] {
  const uid = (key: string) => `${key}.${organisationId}@praxisschild`;
  const events: FeedEvent[] = [];
  for (const task of sources.tasks) {
    events.push({
      uid: uid(`task-${task.id}`),
      kind: 'task',
      day: task.dueOn,
      at: null,
      values: { title: task.title, owner: task.ownerName ?? '' },
      path: `tasks/${task.id}`,
    });
  }
  for (const incident of sources.incidents) {
    for (const deadline of incident.deadlines) {
      const allDay = isEndOfBerlinDay(deadline.due);
      events.push({
        uid: uid(`incident-${incident.id}-${deadline.report}-${deadline.due.slice(0, 10)}`),
        kind: 'incident_deadline',
        day: allDay ? DateTime.fromISO(deadline.due, { setZone: true }).setZone(PRACTICE_ZONE).toISODate()! : null,
        at: allDay ? null : deadline.due,
        values: { report: deadline.report, number: incident.number, title: incident.title },
        path: `incidents/${incident.id}`,
      });
    }
  }
  if (sources.registration) {
    events.push({ uid: uid('registration'), kind: 'registration_due', day: sources.registration.dueDate, at: null, values: {}, path: 'registration' });
  }
  for (const supplier of sources.suppliers) {
    events.push({
      uid: uid(`c5-${supplier.id}`),
      kind: 'c5_expiry',
      day: supplier.c5ValidUntil,
      at: null,
      values: { supplier: supplier.name },
      path: `suppliers/${supplier.id}`,
    });
  }
  for (const course of sources.training) {
    events.push({
      uid: uid(`training-${course.courseId}-${course.dueOn}`),
      kind: 'training_due',
      day: course.dueOn,
      at: null,
      values: { course: course.title, count: course.people },
      path: `training/courses/${course.courseId}`,
    });
  }
  for (const director of sources.directors) {
    events.push({
      uid: uid(`management-training-${director.personId}`),
      kind: 'management_training_due',
      day: managementTrainingDueOn(director.lastTrainingOn),
      at: null,
      values: { name: director.name },
      path: `management/${director.personId}`,
    });
  }
  const sortKey = (e: FeedEvent) => e.at ?? `${e.day}T00:00:00`;
  return events.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}
