import { kbvRequirements } from '../../../../domain/kbv/requirements.data.ts';
import { nis2Measures } from '../../../../domain/nis2/measures.data.ts';
import { formatDate, type Locale, type TextValues, t } from '../../../i18n/texts.ts';

/**
 * What the register and report builders share: texts of one document kind, dates and counts written for the reader,
 * the German order of names, catalog ids as people cite them, and reading a register in keyset batches.
 */

/** Rows read per statement when a register is read in full: a page of the register, never one giant select. */
export const BATCH_SIZE = 1000;

/** The texts of one document kind, under documents.<kind> in the locale files. */
export function kindTexts(locale: Locale, kind: string) {
  return (key: string, values?: TextValues) => t(locale, `documents.${kind}.${key}`, values);
}

/** A text with a singular and a plural form (`key_one` / `key_other`, as i18next names them), filled with the count. */
export function countedText(locale: Locale, key: string, count: number, values: TextValues = {}): string {
  return t(locale, `${key}_${count === 1 ? 'one' : 'other'}`, { ...values, count: formatCount(locale, count) });
}

const numberTags: Record<Locale, string> = { de: 'de-DE', en: 'en-GB' };

/** A count as the reader writes it: 10.000 / 10,000. */
export function formatCount(locale: Locale, value: number): string {
  return value.toLocaleString(numberTags[locale]);
}

/** A share in whole percent, rounded down (a register never claims more than it has), or null without a whole. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.floor((part * 100) / whole) : null;
}

/** Days already written, per language: a register writes thousands of dates, most of them the same few. */
const writtenDays: Record<Locale, Map<string, string>> = { de: new Map(), en: new Map() };
const WRITTEN_DAYS_MAX = 10_000;

/** A calendar day (YYYY-MM-DD) written for the reader, or the dash for "not given". */
export function formatDay(locale: Locale, day: string | null | undefined): string {
  if (!day) return '–';
  const written = writtenDays[locale];
  let text = written.get(day);
  if (text === undefined) {
    // Noon keeps the day the same in Berlin whatever the offset.
    text = formatDate(locale, `${day}T12:00:00Z`);
    if (written.size >= WRITTEN_DAYS_MAX) written.clear();
    written.set(day, text);
  }
  return text;
}

/** Yes, no, or the dash for an answer not given yet. */
export function yesNo(locale: Locale, value: boolean | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return t(locale, value ? 'common.yes' : 'common.no');
}

/** German order of names (ä with a, numbers by value: "PC 2" before "PC 10"); PGlite has no ICU collations. */
const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });
export const compareNames = (a: string, b: string) => collator.compare(a, b);

/** Sorts by a name in German order; ties keep a stable key (the id), so the order never depends on the batch. */
export function byName<T>(rows: T[], name: (row: T) => string, key: (row: T) => string): T[] {
  return rows.sort((a, b) => compareNames(name(a), name(b)) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const references = new Map<string, { de: string; en: string }>([
  ...kbvRequirements.map((r): [string, { de: string; en: string }] => [
    r.id,
    { de: `KBV ${r.kbvReference}`, en: `KBV ${r.kbvReference.replace('Anlage', 'Annex').replace('Nr.', 'No.')}` },
  ]),
  ...nis2Measures.map((m): [string, { de: string; en: string }] => [m.id, { de: m.legalBasis, en: m.legalBasis }]),
]);

/** A catalog id as people cite it: KBV-A1-16 → "KBV Anlage 1 Nr. 16", BSIG-30-2-05 → "§ 30 Abs. 2 Satz 2 Nr. 5 BSIG". */
export function requirementReference(locale: Locale, id: string): string {
  return references.get(id)?.[locale] ?? id;
}

/**
 * Reads a whole register in batches of BATCH_SIZE rows, keyset by id (the primary key's order), so each statement is
 * a page of the register. `readAfter` returns the rows after the given id in id order.
 */
export async function readInBatches<T extends { id: string }>(readAfter: (afterId: string | null, limit: number) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  let after: string | null = null;
  for (;;) {
    const batch = await readAfter(after, BATCH_SIZE);
    rows.push(...batch);
    if (batch.length < BATCH_SIZE) return rows;
    after = batch[batch.length - 1]!.id;
  }
}
