import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { phishingPlaceholders } from '../../../domain/phishing/phishing.schema.ts';

/** The placeholders as a person types them; passed as values because the texts' own braces are i18next's. */
export const placeholderValues = {
  placeholders: phishingPlaceholders.map((name) => `{{${name}}}`).join(', '),
  link: '{{link}}',
};

/**
 * The text of a phishing check's issue (a placeholder not offered, the link missing, a script in the HTML): the
 * shared error text when there is one, else this feature's own.
 */
export function phishingIssueText(t: TFunction, issue: z.core.$ZodIssue): string | undefined {
  const code = issue.message;
  if (issue.code !== 'custom' || !code?.startsWith('phishing.')) return undefined;
  return t([`phishing.issues.${code.slice('phishing.'.length)}`, `errors.${code}`], { ...placeholderValues, defaultValue: '' }) || undefined;
}

/** "all at once", "over 2 hours", "over 5 days" */
export function spreadLabel(t: TFunction, minutes: number): string {
  if (minutes === 0) return t('phishing.spread.none');
  if (minutes < 1440) return t('phishing.spread.hours', { count: minutes / 60 });
  return t('phishing.spread.days', { count: minutes / 1440 });
}

/** A share in whole per cent, or a dash when nothing was sent. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((100 * part) / whole)} %` : '–';
}
