import { DateTime } from 'luxon';

/** Days are the practice's calendar days. */
export const PRACTICE_ZONE = 'Europe/Berlin';

/** The owner of a task hears of it this many days before its due date, and again on the day. */
export const REMINDER_DAYS_BEFORE = 7;
/**
 * A reminder on the due date that could not go out (the server was down that morning) is still sent this many days
 * later; after that the task is simply overdue and shows in the digest and on the dashboard.
 */
export const REMINDER_CATCH_UP_DAYS = 2;
/** The reminders and digests go out once a day at this hour, Berlin time: before consultation hours. */
export const SWEEP_HOUR = 7;
/** The digest lists overdue tasks and those due within this many days. */
export const DIGEST_AHEAD_DAYS = 7;
/** At most this many tasks are listed in one digest; the rest are counted. */
export const DIGEST_LIMIT = 20;

export type TaskReminderKind = 'task_week_before' | 'task_due';

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A calendar day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/** The practice's calendar day of an instant. */
export function practiceDay(instant: Date): string {
  return DateTime.fromJSDate(instant).setZone(PRACTICE_ZONE).toISODate()!;
}

/**
 * Which reminder an open task due on `dueOn` is owed on `today`: the one "due in n days" from a week before up to the
 * day before (once per due date: a task made three days before its date hears of it once, "in 3 days"), and the one
 * "due today" on the day or, late, up to REMINDER_CATCH_UP_DAYS after it. The server's SQL selects the same window.
 */
export function taskReminderKind(dueOn: string, today: string): TaskReminderKind | null {
  const days = daysBetween(today, dueOn);
  if (days >= 1 && days <= REMINDER_DAYS_BEFORE) return 'task_week_before';
  if (days <= 0 && days >= -REMINDER_CATCH_UP_DAYS) return 'task_due';
  return null;
}

/** The instant of the daily sweep on a Berlin day: SWEEP_HOUR o'clock local time, whatever the offset that day. */
export function sweepAt(day: string): Date {
  return DateTime.fromISO(day, { zone: PRACTICE_ZONE }).set({ hour: SWEEP_HOUR }).toJSDate();
}

/** The sweeps to have planned at `now`: today's (it runs at once when its hour has passed) and tomorrow's. */
export function sweepDays(now: Date): string[] {
  const today = practiceDay(now);
  return [today, addDays(today, 1)];
}
