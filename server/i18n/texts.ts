/**
 * The server's texts: the same locale files as the browser app (client/locales/de.json and en.json), so that a
 * mail, a reminder or a file name reads like the page the person knows, in the language they chose
 * (docs/decisions/017-texts-jobs-mail.md).
 */
import de from '../../client/locales/de.json';
import en from '../../client/locales/en.json';

export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];

type Tree = { [key: string]: string | Tree };
const trees: Record<Locale, Tree> = { de: de as Tree, en: en as Tree };

/** A stored or requested language as one the app speaks; anything else is German, the app's first language. */
export function asLocale(value: unknown): Locale {
  return value === 'en' ? 'en' : 'de';
}

/** The text at `key` (dots separate the sections), or undefined when there is none. */
export function lookupText(locale: Locale, key: string): string | undefined {
  let node: string | Tree | undefined = trees[locale];
  for (const part of key.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The placeholders of a text ({{name}} as i18next writes them), in order of appearance. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!);
}

export type TextValues = Record<string, string | number>;

/**
 * The text at `key` in `locale` with its placeholders filled. A missing key or value is a programming error and
 * throws: a person must never receive "mail.invitation.subject" or "{{name}}".
 */
export function t(locale: Locale, key: string, values: TextValues = {}): string {
  const text = lookupText(locale, key);
  if (text === undefined) throw new Error(`no ${locale} text for ${key}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`text ${key} needs a value for ${name}`);
    return String(value);
  });
}

/** A translator bound to one language. */
export function translator(locale: Locale) {
  return (key: string, values?: TextValues) => t(locale, key, values);
}

const TIME_ZONE = 'Europe/Berlin';
const tag = (locale: Locale) => (locale === 'de' ? 'de-DE' : 'en-GB');

/** Date and time as read in a German practice (Europe/Berlin), written the reader's way: 03.04.2026, 14:05 / 3 Apr 2026, 14:05. */
export function formatDateTime(locale: Locale, value: Date | string): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** A calendar day in Berlin, written the reader's way. */
export function formatDate(locale: Locale, value: Date | string): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: TIME_ZONE, dateStyle: 'medium' }).format(new Date(value));
}

/** The time of day in Berlin, 24-hour clock (14:05). */
export function formatTime(value: Date | string): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(value));
}
