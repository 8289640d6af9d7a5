import { DateTime } from 'luxon';
import { TASK_ACTIVE_STATUSES, type TaskRhythm, type TaskStatus } from './tasks.schema.ts';

/**
 * The calendar rules of tasks. Days are the practice's calendar days (Europe/Berlin), written YYYY-MM-DD; no time of
 * day is involved once a day is known.
 */

const PRACTICE_ZONE = 'Europe/Berlin';

/** The practice's calendar day at an instant. */
export function practiceDay(now: Date): string {
  return DateTime.fromJSDate(now).setZone(PRACTICE_ZONE).toISODate()!;
}

/**
 * Calendar months per rhythm: quarterly 3, yearly 12, biennial 24 (seed article, "after the roadmap": quarterly risk
 * register and emergency plan, a yearly phishing simulation and tabletop exercise, an external assessment every two
 * years; § 38 Abs. 3 BSIG training read as yearly, as in domain/management; KBV Anlage 1 Nr. 25 restore test yearly).
 */
export const RHYTHM_MONTHS: Record<TaskRhythm, number> = { quarterly: 3, yearly: 12, biennial: 24 };

function day(value: string): DateTime {
  return DateTime.fromISO(value, { zone: 'utc' });
}

/**
 * The day one rhythm after `from`. A month without that day ends at its last day (31 January + 3 months = 30 April;
 * 29 February + 12 months = 28 February), as PostgreSQL's `date + interval` does.
 */
export function addRhythm(from: string, rhythm: TaskRhythm): string {
  return day(from).plus({ months: RHYTHM_MONTHS[rhythm] }).toISODate()!;
}

/**
 * When the next occurrence of a recurring task is due: one rhythm after the day the previous one was completed. Counting
 * from the completion (not from the old due day) keeps the promise the rules make: a tabletop exercise "at least once a
 * year" (seed article), training "regularly" (§ 38 Abs. 3 BSIG), a restore test at regular intervals (KBV Anlage 1
 * Nr. 25) never lie more than one rhythm apart while nothing is overdue, however early or late the last one was done.
 */
export function nextOccurrenceOn(completedOn: string, rhythm: TaskRhythm): string {
  return addRhythm(completedOn, rhythm);
}

/**
 * The first occurrence when the cycle starts on `startOn` (the end of the roadmap): one rhythm later, since the roadmap
 * has just produced the register, the plan and the training; never before today, since a task is not due before it
 * exists.
 */
export function firstOccurrenceOn(startOn: string, rhythm: TaskRhythm, today: string): string {
  const first = addRhythm(startOn, rhythm);
  return first < today ? today : first;
}

/** Whether a task still needs doing and its due day has passed. A task due today is not overdue yet. */
export function isOverdue(task: { status: TaskStatus | string; dueOn: string | null }, today: string): boolean {
  return task.dueOn !== null && task.dueOn < today && (TASK_ACTIVE_STATUSES as readonly string[]).includes(task.status);
}

/**
 * Whether a due day lies before the day the task was created: a task cannot have been due before it existed. Both are
 * practice days (the creation instant read in Europe/Berlin).
 */
export function isDueBeforeCreated(dueOn: string, createdOn: string): boolean {
  return dueOn < createdOn;
}

/** The ISO 8601 week of a day, e.g. 2026-W53 for 31 December 2026 and for 1 January 2027 (weeks from Monday; ISO 8601). */
export function isoWeekOf(value: string): string {
  const d = day(value);
  return `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;
}

/** Monday and Sunday of an ISO week. */
export function weekRange(week: string): { from: string; to: string } {
  const monday = DateTime.fromISO(week, { zone: 'utc' });
  if (!monday.isValid) throw new RangeError(`not an ISO week: ${week}`);
  return { from: monday.toISODate()!, to: monday.plus({ days: 6 }).toISODate()! };
}

/** `count` consecutive ISO weeks from `first`, across year ends (2026-W53 is followed by 2027-W01). */
export function weeksFrom(first: string, count: number): string[] {
  const monday = DateTime.fromISO(weekRange(first).from, { zone: 'utc' });
  return Array.from({ length: count }, (_, index) => isoWeekOf(monday.plus({ weeks: index }).toISODate()!));
}
