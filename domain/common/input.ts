import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * Limits every text and date of the API must keep, so that absurd input is refused at the field with a 400 instead of
 * failing in the database (see docs/decisions/010-input-limits.md). The issue codes double as translation keys under
 * "issues." in client/locales.
 */
export const inputIssueCodes = {
  controlCharacter: 'text.control_character',
  invalidCharacter: 'text.invalid_character',
  dateOutOfRange: 'date.out_of_range',
  invalidDate: 'invalid_date',
  datetimeWithOffset: 'datetime_with_offset',
} as const;

// C0 control characters except tab, line feed and carriage return. PostgreSQL cannot store U+0000 in text or jsonb at
// all ("invalid byte sequence for encoding UTF8: 0x00"); the others are never typed by a person and break exports.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

// A UTF-16 surrogate without its partner is no character and has no UTF-8 form (RFC 3629 § 3): PostgreSQL refuses it
// ("unsupported Unicode escape sequence" in jsonb), Node would silently turn it into U+FFFD in text.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a text PostgreSQL or a person cannot use, or null. */
export function textProblem(value: string): (typeof inputIssueCodes)['controlCharacter' | 'invalidCharacter'] | null {
  if (CONTROL_CHARACTER.test(value)) return inputIssueCodes.controlCharacter;
  if (LONE_SURROGATE.test(value)) return inputIssueCodes.invalidCharacter;
  return null;
}

/**
 * A string that PostgreSQL can store: no control characters (tab and line breaks are fine) and well-formed Unicode.
 * Chain the usual checks after it: `safeText().trim().min(3).max(200)`.
 */
export function safeText() {
  return z
    .string()
    .refine((value) => !CONTROL_CHARACTER.test(value), { message: inputIssueCodes.controlCharacter, abort: true })
    .refine((value) => !LONE_SURROGATE.test(value), { message: inputIssueCodes.invalidCharacter, abort: true });
}

/** Free text up to `max` characters, trimmed; empty when left out. */
export function plainText(max: number) {
  return safeText().trim().max(max).default('');
}

/** The earliest event the app accepts: no practice had an IT security incident or check to record before. */
export const EARLIEST_EVENT = '2000-01-01';
/** How far ahead of today an event may lie: planned dates and clock errors, not typos such as 2205. */
export const EVENT_YEARS_AHEAD = 5;
/** Any calendar date (due dates, register dates): PostgreSQL, Luxon and German date formatting agree in this range. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

export interface DateRange {
  /** First allowed calendar day, YYYY-MM-DD. */
  from: string;
  /** Last allowed calendar day, YYYY-MM-DD, or a number of years after `now`. */
  to: string | { yearsAhead: number };
}

export const eventRange: DateRange = { from: EARLIEST_EVENT, to: { yearsAhead: EVENT_YEARS_AHEAD } };
export const calendarRange: DateRange = { from: EARLIEST_DATE, to: LATEST_DATE };

function lastDay(range: DateRange, now: Date): string {
  if (typeof range.to === 'string') return range.to;
  return DateTime.fromJSDate(now, { zone: 'utc' }).plus({ years: range.to.yearsAhead }).toISODate()!;
}

/**
 * Whether the calendar day of an ISO date or instant (the date as written, before any offset is applied) lies in
 * the range. The day as written is what a person typed; comparing it keeps the bound independent of time zones.
 */
export function isInDateRange(value: string, range: DateRange, now: Date): boolean {
  const day = value.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  return day >= range.from && day <= lastDay(range, now);
}

// A wall-clock time without an offset names no instant (10:00 in Berlin or in UTC?), so the offset is required.
// Minutes are enough, seconds and fractions are allowed; the offset may be Z, ±hh, ±hhmm or ±hh:mm.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/;

const isValidInstant = (value: string) => DateTime.fromISO(value, { setZone: true }).isValid;

/**
 * An ISO 8601 instant with an offset, e.g. 2026-01-15T10:00:00+01:00, inside `range` (events by default: from
 * 2000-01-01 up to five years from now). Impossible dates (30 February) are refused.
 */
export function instantInRange(range: DateRange = eventRange) {
  return z
    .string()
    .regex(ISO_INSTANT, { message: inputIssueCodes.datetimeWithOffset, abort: true })
    .refine(isValidInstant, { message: inputIssueCodes.invalidDate, abort: true })
    .refine((value) => isInDateRange(value, range, new Date()), { message: inputIssueCodes.dateOutOfRange });
}

/** A calendar date, YYYY-MM-DD, inside `range` (1900–2100 by default); zod checks the day against month and leap years. */
export function calendarDate(range: DateRange = calendarRange) {
  return z.iso
    .date({ message: inputIssueCodes.invalidDate, abort: true })
    .refine((value) => isInDateRange(value, range, new Date()), { message: inputIssueCodes.dateOutOfRange });
}

/** The day of an event (discovery, check, qualification): from 2000-01-01 up to five years from now. */
export const eventDate = () => calendarDate(eventRange);
export const eventInstant = () => instantInRange(eventRange);
