import type { FormErrors } from '@mantine/form';
import { instantSchema } from '../../../domain/incidents/deadlines.schema.ts';
import { recordSubmissionSchema, reportIncidentSchema } from '../../../domain/incidents/incident.schema.ts';
import { isInFuture } from './berlin-time.ts';

/**
 * A time that has already happened. Only the browser checks this (its clock is the user's): the server accepts any
 * time in the event range, so a report written just after midnight on a computer a little fast is not refused.
 */
const pastInstant = instantSchema.refine((value) => !isInFuture(value), { message: 'in_future' });

/** The report of an incident as the form checks it: the shared request schema, noticed not in the future. */
export const reportIncidentFormSchema = reportIncidentSchema.extend({ noticedAt: pastInstant });

/** "Als übermittelt erfassen" as the form checks it: the shared request schema, sent not in the future. */
export const recordSubmissionFormSchema = recordSubmissionSchema.extend({ submittedAt: pastInstant });

/**
 * Errors of a list's entries (the server names `locationIds.1`) at the list's own field, which is the one input the
 * user sees for it.
 */
export function foldListErrors(errors: FormErrors, list: string): FormErrors {
  const folded: FormErrors = {};
  for (const [path, error] of Object.entries(errors)) {
    const key = path.startsWith(`${list}.`) ? list : path;
    folded[key] ??= error;
  }
  return folded;
}
