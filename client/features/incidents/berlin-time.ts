import { DateTime } from 'luxon';

/** Every time on these pages is Berlin time: the authorities count the deadlines there. */
export const BERLIN = 'Europe/Berlin';

/** The date (YYYY-MM-DD) and time (HH:mm) inputs' values for an instant, in Berlin; now by default. */
export function berlinParts(at: Date | string = new Date()): { date: string; time: string } {
  const value = typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at);
  const berlin = value.setZone(BERLIN);
  return { date: berlin.toFormat('yyyy-MM-dd'), time: berlin.toFormat('HH:mm') };
}

/** An ISO instant with the Berlin offset from a date and a time typed in Berlin, or null when either is not valid. */
export function berlinInstant(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  const value = DateTime.fromObject(
    { year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), hour: Number(t[1]), minute: Number(t[2]) },
    { zone: BERLIN },
  );
  return value.isValid ? value.toISO() : null;
}

/** Whether an instant lies in the future (a minute of slack for clocks that run a little apart). */
export function isInFuture(instant: string, now = Date.now()): boolean {
  return DateTime.fromISO(instant).toMillis() > now + 60_000;
}

export interface Remaining {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
}

/** Time left until `due` (or past it), split into days, hours and minutes. */
export function remainingUntil(due: string, now = Date.now()): Remaining {
  const ms = DateTime.fromISO(due).toMillis() - now;
  const overdue = ms < 0;
  const totalMinutes = Math.floor(Math.abs(ms) / 60_000);
  return { overdue, days: Math.floor(totalMinutes / 1440), hours: Math.floor((totalMinutes % 1440) / 60), minutes: totalMinutes % 60 };
}

/** A deadline is urgent when it has passed or less than two hours are left. */
export function isUrgent(due: string, now = Date.now()): boolean {
  return DateTime.fromISO(due).toMillis() - now < 2 * 3_600_000;
}
