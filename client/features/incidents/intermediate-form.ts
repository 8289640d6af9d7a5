import { z } from 'zod';
import { instantSchema } from '../../../domain/incidents/deadlines.schema.ts';
import { recordIntermediateRequestSchema, recordIntermediateSubmissionSchema } from '../../../domain/incidents/incident.schema.ts';
import type { SchemaForm } from '../../lib/use-schema-form.ts';
import { berlinInstantInput, berlinParts, isInFuture } from './berlin-time.ts';

/** A date (TT.MM.JJJJ) and a time (HH:MM) as typed in Berlin. */
export interface When {
  date: string;
  time: string;
}

/**
 * What the shared schema checks for a date/time pair typed in Berlin (berlinInstantInput: the instant, or a text the
 * schema names the mistake of), and '' when either part is missing ("Bitte ausfüllen."). `defaultTime` stands in for
 * a time left empty beside a date (a deadline of the BSI that names a day only).
 */
export function typedInstant({ date, time }: When, defaultTime?: string): string {
  const day = date.trim();
  const clock = time.trim() || (day && defaultTime ? defaultTime : '');
  return day && clock ? berlinInstantInput(day, clock) : '';
}

/**
 * A time of arrival or sending cannot lie ahead; checked in the browser only. Beside the shared schema rather than a
 * refinement of it, so that it is named even when another field failed (zod skips an object's refinements then).
 */
function notAhead<S extends z.ZodType>(schema: S, field: string) {
  const ahead = (value: unknown) => typeof value === 'string' && instantSchema.safeParse(value).success && isInFuture(value);
  return z.intersection(schema, z.object({ [field]: z.unknown().refine((value) => !ahead(value), { message: 'in_future' }) }));
}

/**
 * The form of a request of the BSI: each date/time pair as typed, beside the instant it stands for. The instants are
 * the request's field names, so the schema's and the server's issues (requestedAt, dueAt) land under their pair.
 */
export interface RequestValues extends Record<string, unknown> {
  requested: When;
  requestedAt: string;
  due: When;
  dueAt: string;
  reference: string;
}

/** A deadline the BSI sets as a day only runs to the end of that day. */
export const DUE_DEFAULT_TIME = '23:59';

export const requestFormSchema = notAhead(recordIntermediateRequestSchema, 'requestedAt');

export function requestInitialValues(): RequestValues {
  const requested = berlinParts();
  return { requested, requestedAt: typedInstant(requested), due: { date: '', time: '' }, dueAt: '', reference: '' };
}

/** The request body (and what the schema checks): a deadline left empty and an empty reference are left out. */
export function requestBody(values: RequestValues) {
  const dueTyped = Boolean(values.due.date.trim() || values.due.time.trim());
  return { requestedAt: values.requestedAt, dueAt: dueTyped ? values.dueAt : undefined, reference: values.reference.trim() || undefined };
}

export interface SubmissionValues extends Record<string, unknown> {
  submitted: When;
  submittedAt: string;
  reference: string;
}

export const submissionFormSchema = notAhead(recordIntermediateSubmissionSchema, 'submittedAt');

export function submissionInitialValues(submittedAt: string | null, reference: string | null): SubmissionValues {
  const submitted = berlinParts(submittedAt ?? new Date());
  return { submitted, submittedAt: typedInstant(submitted), reference: reference ?? '' };
}

export function submissionBody(values: SubmissionValues) {
  return { submittedAt: values.submittedAt, reference: values.reference.trim() || undefined };
}

/**
 * The props of BerlinDateTimeInputs for the pair `pair` of a form and the instant field it stands for: typing keeps
 * the instant up to date and clears its message, leaving the pair checks it, the message of the instant shows there.
 */
export function pairInputs<V extends Record<string, unknown>>(
  schemaForm: SchemaForm<V>,
  pair: keyof V & string,
  instant: keyof V & string,
  defaultTime?: string,
) {
  const { form } = schemaForm;
  const when = form.getValues()[pair] as When;
  const set = (part: keyof When, value: string) => {
    const next = { ...(form.getValues()[pair] as When), [part]: value };
    // Field by field: form.setValues would clear the messages of every other field too.
    const setField = form.setFieldValue as (path: string, value: unknown) => void;
    setField(pair, next);
    setField(instant, typedInstant(next, defaultTime));
  };
  const error = form.errors[instant];
  return {
    date: when.date,
    time: when.time,
    onDate: (value: string) => set('date', value),
    onTime: (value: string) => set('time', value),
    onBlur: () => form.validateField(instant),
    error: typeof error === 'string' ? error : null,
  };
}
