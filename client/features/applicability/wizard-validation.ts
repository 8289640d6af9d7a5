import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { recordKbvCheckSchema, recordNis2CheckSchema } from '../../../domain/compliance/applicability.schema.ts';
import { kbvRequest, nis2Request, stepOfPath, type WizardValues } from './wizard-values.ts';

type Issue = z.core.$ZodIssue;

/** A number as the reader writes it: 10.000.000 in German, 10,000,000 in English. */
const formatLimit = (value: number | bigint, locale: string) => new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB').format(value);

/**
 * The text for one issue of the shared schemas: what is expected, with the limit (never just "too long" or "does not
 * fit"). A text for the field (applicability.issues.<field>.<code>) beats the general one.
 */
export function wizardIssueText(t: TFunction, issue: Issue, locale: string): string {
  const field = [...issue.path].reverse().find((p): p is string => typeof p === 'string') ?? '';
  const specific = (code: string, params: Record<string, unknown> = {}) => t([`applicability.issues.${field}.${code}`, `applicability.issues.${code}`], params);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return specific('integer');
      return specific('required');
    case 'too_small':
      return specific(issue.origin === 'array' ? 'arrayMin' : 'min', { minimum: formatLimit(issue.minimum, locale) });
    case 'too_big':
      return specific(issue.origin === 'array' ? 'arrayMax' : issue.origin === 'string' ? 'textMax' : 'max', { maximum: formatLimit(issue.maximum, locale) });
    case 'custom':
      return specific(issue.message);
    default:
      return specific('invalid');
  }
}

/**
 * Checks the wizard's values with the schemas the server uses, before anything is sent: form paths ("kbv.check.…",
 * "nis2.check.…") with their texts. Both checks are stored only when both pass, so a failed NIS2 step never leaves
 * a new KBV result behind.
 */
export function validateWizard(t: TFunction, values: WizardValues, locale: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const collect = (prefix: string, result: { success: true } | { success: false; error: { issues: Issue[] } }) => {
    if (result.success) return;
    for (const issue of result.error.issues) {
      const path = [prefix, ...issue.path.map(String)].join('.');
      errors[path] ??= wizardIssueText(t, issue, locale);
    }
  };
  collect('kbv', recordKbvCheckSchema.safeParse(kbvRequest(values)));
  collect('nis2', recordNis2CheckSchema.safeParse(nis2Request(values)));
  // The staff question is answered in one of two ways; its error belongs to the field shown.
  const staffError = errors['nis2.check.staffAwu'];
  if (staffError && values.staffMode === 'heads') {
    delete errors['nis2.check.staffAwu'];
    errors['nis2.check.staff.fullTimeHeads'] ??= staffError;
  }
  return errors;
}

/** The errors of one wizard step (0: practice, 1: what it uses, 2: NIS2 figures). */
export function errorsOfStep(errors: Record<string, string>, step: number): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => stepOfPath(path) === step));
}
