import { DateTime } from 'luxon';

const ZONE = 'Europe/Berlin';

/**
 * How far a deadline lies from now, in the reader's language ("in 23 Stunden", "vor 3 Tagen", "morgen"): a report clock
 * (an instant) in minutes, hours or days, a due day in calendar days of the practice (Europe/Berlin).
 */
export function relativeDue(due: { dueAt: string | null; dueOn: string | null }, now: Date, locale: 'de' | 'en'): string {
  const format = new Intl.RelativeTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { numeric: 'auto' });
  if (due.dueAt) {
    const minutes = Math.round((Date.parse(due.dueAt) - now.getTime()) / 60_000);
    if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
    const hours = Math.round(minutes / 60);
    if (Math.abs(hours) < 48) return format.format(hours, 'hour');
    return format.format(Math.round(hours / 24), 'day');
  }
  if (due.dueOn) {
    const today = DateTime.fromJSDate(now).setZone(ZONE).startOf('day');
    const day = DateTime.fromISO(due.dueOn, { zone: ZONE }).startOf('day');
    return format.format(Math.round(day.diff(today, 'days').days), 'day');
  }
  return '';
}
