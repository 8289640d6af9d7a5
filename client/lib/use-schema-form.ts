import { type FormErrors, type UseFormReturnType, useForm } from '@mantine/form';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { fieldErrors, schemaErrors } from './form-errors.ts';

type Check<Values> = (values: Values) => FormErrors;

export interface SchemaFormOptions<Values extends Record<string, unknown>> {
  /** The shared zod schema of the request (from domain/), or one built on it for fields only the form has. */
  schema: z.ZodType;
  initialValues: Values;
  /** What the schema checks, when the form's values are not the request body (e.g. a select that is still empty). */
  toInput?: (values: Values) => unknown;
  onValuesChange?: (values: Values) => void;
}

export interface SchemaForm<Values extends Record<string, unknown>> {
  form: UseFormReturnType<Values, Values, Check<Values>>;
  /** Problems that belong to no field (the server's answer, a network failure); shown once, above the buttons. */
  problems: string[];
  /** Whether a submit found errors at fields that are still there; the error block says so until they are fixed. */
  hasFieldErrors: boolean;
  /** A submit handler: checks every field with the schema and calls `handler` only with valid values. */
  onSubmit: (handler: (values: Values) => void, onInvalid?: (errors: FormErrors) => void) => (event?: FormEvent<HTMLFormElement>) => void;
  /** Checks only the fields under these paths (one step of a wizard); errors elsewhere stay as they are. */
  validatePaths: (prefixes: string[]) => boolean;
  /** Puts a failed request's issues next to their fields and the rest into `problems`; typed input stays. */
  showError: (error: unknown) => void;
  setProblems: (problems: string[]) => void;
}

const under = (path: string, prefixes: string[]) => prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}.`));

/**
 * A Mantine form checked by the same zod schema as the server: every field on blur and all on submit, with the
 * translated issue texts the server's 400 would give. Server issues land at their fields; the rest is one list.
 */
export function useSchemaForm<Values extends Record<string, unknown>>(options: SchemaFormOptions<Values>): SchemaForm<Values> {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const { schema, toInput } = options;

  const check: Check<Values> = (values) => {
    const input = toInput ? toInput(values) : values;
    const result = schema.safeParse(input);
    return result.success ? {} : schemaErrors(t, result.error.issues, input);
  };

  const form = useForm<Values, Values, FormErrors>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: check,
    validateInputOnBlur: true,
    onValuesChange: (values) => {
      // A problem of the last answer no longer describes what is typed now.
      setProblems((current) => (current.length ? [] : current));
      options.onValuesChange?.(values);
    },
  });

  const hasFieldErrors = submitted && Object.values(form.errors).some(Boolean);

  return {
    form,
    problems,
    hasFieldErrors,
    setProblems,
    onSubmit: (handler, onInvalid) => (event) => {
      event?.preventDefault();
      setProblems([]);
      const result = form.validate();
      setSubmitted(result.hasErrors);
      if (result.hasErrors) onInvalid?.(result.errors);
      else handler(form.getValues());
    },
    validatePaths: (prefixes) => {
      const found = Object.entries(check(form.getValues())).filter(([path]) => under(path, prefixes));
      const kept = Object.fromEntries(Object.entries(form.errors).filter(([path]) => !under(path, prefixes)));
      form.setErrors({ ...kept, ...Object.fromEntries(found) });
      setSubmitted(found.length > 0);
      return found.length === 0;
    },
    showError: (error) => {
      const { fields, rest } = fieldErrors(t, error, form.getValues());
      form.setErrors(fields);
      setSubmitted(Object.keys(fields).length > 0);
      setProblems(rest);
    },
  };
}
