import { type FormErrors, type UseFormReturnType, useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiRequestError } from './api.ts';
import { fieldErrors, schemaErrors } from './form-errors.ts';

type Check<Values> = (values: Values) => FormErrors;

/** A form's own text for an issue of its schema (e.g. one naming the wrong entries or the limit); undefined: the shared text. */
export type IssueText = (issue: z.core.$ZodIssue, input: unknown) => string | undefined;

export interface SchemaFormOptions<Values extends Record<string, unknown>> {
  /** The shared zod schema of the request (from domain/), or one built on it for fields only the form has. */
  schema: z.ZodType;
  initialValues: Values;
  /** What the schema checks, when the form's values are not the request body (e.g. a select that is still empty). */
  toInput?: (values: Values) => unknown;
  onValuesChange?: (values: Values) => void;
  /** Texts of this form that beat the shared ones (issues.<field>.<code>, issues.<code>). */
  issueText?: IssueText;
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
  /** The schema's errors under these paths (all when none are given) for the current values, without showing them. */
  findErrors: (prefixes?: string[]) => Record<string, string>;
  /** Puts a failed request's issues next to their fields and the rest into `problems`; typed input stays. */
  showError: (error: unknown) => void;
  /**
   * The same for a request whose body sits under `prefix` in the form (a wizard sending two requests): the issue
   * ["check", "staffAwu"] of the request under "nis2" lands at "nis2.check.staffAwu". Returns the field errors shown.
   */
  showErrorAt: (prefix: string, error: unknown) => Record<string, string>;
  setProblems: (problems: string[]) => void;
}

/** zod's own issue codes; any other code on the wire names a check of the schema (a refinement or a pattern). */
const zodCodes = new Set([
  'invalid_type',
  'too_big',
  'too_small',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
]);

const under = (path: string, prefixes: string[]) => prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}.`));

function valueAt(values: unknown, path: string): unknown {
  let value = values;
  for (const key of path.split('.').filter(Boolean)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * The field errors of a form for the issues of its schema: the shared texts (in the words of the server's 400), where
 * the form has its own text for an issue that one. One text per field, from its first issue.
 */
export function schemaFormErrors(t: TFunction, issues: readonly z.core.$ZodIssue[], input: unknown, issueText?: IssueText): Record<string, string> {
  const errors = schemaErrors(t, issues, input);
  if (!issueText) return errors;
  const seen = new Set<string>();
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    const own = issueText(issue, input);
    if (own) errors[path] = own;
  }
  return errors;
}

/*
 * A blur check that shows an error moves everything below the field. A person leaving the field by pressing a button
 * below it would then release the mouse over another element: the browser sends no click and the press is lost. So a
 * blur caused by a pointer press is checked only after the press has ended and its click has run (a submit checks
 * every field anyway). A blur by keyboard is checked at once.
 */
let pointerPressed = false;
let pointerListening = false;
const afterPress = new Set<() => void>();

function listenToPointer() {
  if (pointerListening || typeof document === 'undefined') return;
  pointerListening = true;
  const release = () => {
    if (!pointerPressed) return;
    pointerPressed = false;
    // The click follows pointerup in the same task; the checks run after it.
    setTimeout(() => {
      const waiting = [...afterPress];
      afterPress.clear();
      for (const run of waiting) run();
    }, 0);
  };
  document.addEventListener('pointerdown', () => (pointerPressed = true), true);
  document.addEventListener('pointerup', release, true);
  document.addEventListener('pointercancel', release, true);
  window.addEventListener('blur', release);
}

function checkAfterPress(run: () => void) {
  if (pointerPressed) afterPress.add(run);
  else run();
}

/**
 * A Mantine form checked by the same zod schema as the server: every field on blur and all on submit, with the
 * translated issue texts the server's 400 would give. Server issues land at their fields; the rest is one list.
 */
export function useSchemaForm<Values extends Record<string, unknown>>(options: SchemaFormOptions<Values>): SchemaForm<Values> {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const { schema, toInput, issueText } = options;
  listenToPointer();

  const check: Check<Values> = (values) => {
    const input = toInput ? toInput(values) : values;
    const result = schema.safeParse(input);
    return result.success ? {} : schemaFormErrors(t, result.error.issues, input, issueText);
  };

  const form = useForm<Values, Values, FormErrors>({
    mode: 'controlled',
    initialValues: options.initialValues,
    validate: check,
    enhanceGetInputProps: ({ field, options: input, form: self }) =>
      input.withFocus ? { onBlur: () => checkAfterPress(() => self.validateField(field as never)) } : {},
    onValuesChange: (values) => {
      // A problem of the last answer no longer describes what is typed now.
      setProblems((current) => (current.length ? [] : current));
      options.onValuesChange?.(values);
    },
  });

  const findErrors = (prefixes?: string[]) => {
    const found = check(form.getValues()) as Record<string, string>;
    return prefixes ? Object.fromEntries(Object.entries(found).filter(([path]) => under(path, prefixes))) : found;
  };

  const showErrorAt = (prefix: string, error: unknown) => {
    const values = form.getValues();
    const scope = prefix ? valueAt(values, prefix) : values;
    const { fields, rest } = fieldErrors(t, error, scope);
    const placed: Record<string, string> = {};
    // The same schema in the browser names the limit or the wrong entry; the server's issue only its code.
    const local = findErrors();
    const input = toInput ? toInput(values) : values;
    const serverIssues = error instanceof ApiRequestError ? error.issues : [];
    for (const [path, text] of Object.entries(fields)) {
      const full = prefix ? `${prefix}.${path}` : path;
      // A code of the schema's own checks (phone_number, staff_awu_or_staff) is the issue the form would raise itself.
      const server = serverIssues.find((issue) => issue.path.join('.') === path && !zodCodes.has(issue.code));
      const fullPath = [...(prefix ? prefix.split('.') : []), ...(server?.path ?? [])];
      const own = server && issueText?.({ code: 'custom', path: fullPath, message: server.code, input: undefined } as z.core.$ZodIssue, input);
      placed[full] = local[full] ?? own ?? text;
    }
    form.setErrors(placed);
    setSubmitted(Object.keys(placed).length > 0);
    setProblems(rest);
    return placed;
  };

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
      const found = Object.entries(findErrors(prefixes));
      const kept = Object.fromEntries(Object.entries(form.errors).filter(([path]) => !under(path, prefixes)));
      form.setErrors({ ...kept, ...Object.fromEntries(found) });
      setSubmitted(found.length > 0);
      return found.length === 0;
    },
    findErrors,
    showError: (error) => {
      showErrorAt('', error);
    },
    showErrorAt,
  };
}
