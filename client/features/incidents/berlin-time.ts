import { DateTime } from 'luxon';

/** Every time on these pages is Berlin time: the authorities count the deadlines there. */
export const BERLIN = 'Europe/Berlin';

/**
 * The date (TT.MM.JJJJ) and time (HH:MM) inputs' values for an instant, in Berlin; now by default. Plain text inputs
 * on purpose: a browser's own date picker shows the format of its UI language (11/23/2026, 12:54 PM), not German.
 */
export function berlinParts(at: Date | string = new Date()): { date: string; time: string } {
  const value = typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at);
  const berlin = value.setZone(BERLIN);
  return { date: berlin.toFormat('dd.MM.yyyy'), time: berlin.toFormat('HH:mm') };
}

function parseDate(text: string): { year: number; month: number; day: number } | null {
  const german = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/.exec(text);
  if (german) {
    const year = german[3]!.length === 2 ? 2000 + Number(german[3]) : Number(german[3]);
    return { year, month: Number(german[2]), day: Number(german[1]) };
  }
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return iso ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) } : null;
}

/**
 * An ISO instant with the Berlin offset from a date (23.11.2026, 23.11.26, 23/11/2026 or 2026-11-23) and a time
 * (7:30, 07.30) typed in Berlin, or null when either is not valid.
 */
export function berlinInstant(date: string, time: string): string | null {
  const d = parseDate(date.trim());
  const t = /^(\d{1,2})[:.](\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  const value = DateTime.fromObject({ ...d, hour: Number(t[1]), minute: Number(t[2]) }, { zone: BERLIN });
  return value.isValid ? value.toISO() : null;
}

/**
 * What a form sends for a typed Berlin date and time, so that the shared schema names the right problem: the instant
 * when both are valid, '' when both are empty ("Bitte ausfüllen."), an ISO-shaped text for a day that does not exist
 * (31.02.) so that the schema says "Dieses Datum gibt es nicht", and otherwise the typed text, which the schema
 * refuses as not a date and time (also 25:00: the day exists, the time does not).
 */
export function berlinInstantInput(date: string, time: string): string {
  const typedDate = date.trim();
  const typedTime = time.trim();
  if (!typedDate && !typedTime) return '';
  const instant = berlinInstant(typedDate, typedTime);
  if (instant) return instant;
  const d = parseDate(typedDate);
  const t = /^(\d{1,2})[:.](\d{2})$/.exec(typedTime);
  if (!d || !t || Number(t[1]) > 23 || Number(t[2]) > 59) return `${typedDate} ${typedTime}`.trim();
  const pad = (value: number | string, length = 2) => String(value).padStart(length, '0');
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}T${pad(t[1]!)}:${t[2]}:00+01:00`;
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
