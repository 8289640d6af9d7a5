import { currentLocale } from './i18n.ts';

const TIME_ZONE = 'Europe/Berlin';

function tag() {
  return currentLocale() === 'de' ? 'de-DE' : 'en-GB';
}

/** Date and time as seen in a German practice (Europe/Berlin), e.g. 03.04.2026, 14:05. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '–';
  return new Intl.DateTimeFormat(tag(), { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '–';
  return new Intl.DateTimeFormat(tag(), { timeZone: TIME_ZONE, dateStyle: 'medium' }).format(new Date(value));
}

/** A calendar day given as YYYY-MM-DD (a due date, not an instant), written the reader's way: 06.03.2026 / 6 Mar 2026. */
export function formatCalendarDate(value: string | null | undefined): string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return value || '–';
  // Noon UTC is the same calendar day in Berlin all year.
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return new Intl.DateTimeFormat(tag(), { timeZone: TIME_ZONE, dateStyle: 'medium' }).format(day);
}

/** A TOTP secret in groups of four, easier to type by hand. */
export function groupSecret(secret: string): string {
  return (
    secret
      .replace(/\s+/g, '')
      .match(/.{1,4}/g)
      ?.join(' ') ?? secret
  );
}
