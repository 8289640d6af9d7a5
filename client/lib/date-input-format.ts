import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';

dayjs.extend(customParseFormat);

/** How a calendar date is shown and typed: 31.12.2026 in German, 31/12/2026 in English (en-GB, as lib/format.ts). */
export const dateInputFormat = { de: 'DD.MM.YYYY', en: 'DD/MM/YYYY' } as const;

// Day and month may be typed with one digit; an ISO date (pasted from elsewhere) is understood in both languages.
const typedFormats = {
  de: ['DD.MM.YYYY', 'D.M.YYYY', 'YYYY-MM-DD'],
  en: ['DD/MM/YYYY', 'D/M/YYYY', 'YYYY-MM-DD'],
} as const;

/** The YYYY-MM-DD date a person typed, or null when it is no date (31.02.2026) or not in the language's form. */
export function parseTypedDate(text: string, locale: 'de' | 'en'): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  // Strict parsing: dayjs then refuses impossible days instead of rolling them over into the next month.
  const date = dayjs(trimmed, [...typedFormats[locale]], true);
  return date.isValid() ? date.format('YYYY-MM-DD') : null;
}
