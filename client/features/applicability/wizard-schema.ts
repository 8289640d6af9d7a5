import type { TFunction } from 'i18next';
import { z } from 'zod';
import { recordKbvCheckSchema, recordNis2CheckSchema } from '../../../domain/compliance/applicability.schema.ts';
import type { IssueText } from '../../lib/use-schema-form.ts';
import { kbvRequest, nis2Request, type WizardValues } from './wizard-values.ts';

/**
 * The two requests of the wizard side by side, checked with the schemas the server uses: the form's paths
 * ("kbv.check.…", "nis2.check.…") are the paths of its issues. Both checks are stored only when both pass, so a failed
 * NIS2 step never leaves a new KBV result behind.
 */
export const wizardSchema = z.object({ kbv: recordKbvCheckSchema, nis2: recordNis2CheckSchema });

export const wizardInput = (values: WizardValues) => ({ kbv: kbvRequest(values), nis2: nis2Request(values) });

/** The fields of each step (0: practice, 1: what it uses, 2: NIS2 figures), as "Weiter" checks them. */
export const stepPaths = [['kbv.check'], ['kbv.targetObjects'], ['nis2']] as const;

/** The wizard step a form path belongs to. */
export function stepOfPath(path: string): number {
  if (path.startsWith('kbv.targetObjects')) return 1;
  if (path.startsWith('kbv.')) return 0;
  return 2;
}

/** A number as the reader writes it: 10.000.000 in German, 10,000,000 in English. */
const formatLimit = (value: number | bigint, locale: string) => new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB').format(value);

/**
 * The text for one issue of the shared schemas: what is expected, with the limit (never just "too long" or "does not
 * fit"). A text for the field (applicability.issues.<field>.<code>) beats the general one.
 */
export function wizardIssueText(t: TFunction, locale: string): IssueText {
  return (issue) => {
    const field = [...issue.path].reverse().find((p): p is string => typeof p === 'string') ?? '';
    const specific = (code: string, params: Record<string, unknown> = {}) =>
      t([`applicability.issues.${field}.${code}`, `applicability.issues.${code}`], params);
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
  };
}
