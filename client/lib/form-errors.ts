import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ApiIssue } from '../../domain/common/errors.ts';
import { ApiRequestError } from './api.ts';

/** Limits a text may name ("at most {{max}} characters"); only issues checked in the browser carry them. */
export interface IssueLimits {
  min?: number;
  max?: number;
}

/** The translated text for one issue: a field-specific text (issues.password.too_small) beats the general one. */
export function issueText(t: TFunction, issue: ApiIssue, limits: IssueLimits = {}): string {
  const field = [...issue.path].reverse().find((p) => typeof p === 'string');
  const keys = [...(field ? [`issues.${field}.${issue.code}`] : []), `issues.${issue.code}`, `errors.${issue.code}`];
  return t(keys, { ...limits, defaultValue: t('issues.invalid') });
}

/**
 * A zod issue as the server puts it on the wire (server/http/errors.ts): our own checks (refinements, regular
 * expressions) carry their translation key as the message, zod's built-in checks are named by their code.
 */
export function apiIssueFromZod(issue: z.core.$ZodIssue): ApiIssue & { limits: IssueLimits } {
  const ownMessage = issue.code === 'custom' || (issue.code === 'invalid_format' && issue.format === 'regex');
  const limits: IssueLimits = {};
  if (issue.code === 'too_small') limits.min = Number(issue.minimum);
  if (issue.code === 'too_big') limits.max = Number(issue.maximum);
  return {
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    code: ownMessage ? issue.message || issue.code : issue.code,
    message: issue.message,
    limits,
  };
}

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let value = values;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Field errors for a Mantine form from a zod check in the browser, in the same words as the server's answer. A text
 * field left empty says "please fill in" rather than "too short".
 */
export function schemaErrors(t: TFunction, issues: readonly z.core.$ZodIssue[], values?: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const zodIssue of issues) {
    const issue = apiIssueFromZod(zodIssue);
    const value = valueAt(values, zodIssue.path);
    const isEmptyText = typeof value === 'string' && value.trim() === '';
    errors[issue.path.join('.')] ??= isEmptyText ? t('issues.required') : issueText(t, issue, issue.limits);
  }
  return errors;
}

/** Translation of an error code of the wire; unknown codes fall back to a general sentence. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.code === 'network') return t('errors.network');
    return t(`errors.${error.code}`, { defaultValue: t('errors.unknown') });
  }
  return t('errors.unknown');
}

/** Every leaf path of a form's values: { a: { b: [ { c } ] } } gives "a.b.0.c". */
export function leafPaths(values: unknown, prefix = ''): Set<string> {
  const paths = new Set<string>();
  if (values !== null && typeof values === 'object') {
    for (const [key, value] of Object.entries(values)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (value === null || typeof value !== 'object') paths.add(path);
      else for (const leaf of leafPaths(value, path)) paths.add(leaf);
    }
  }
  return paths;
}

/**
 * Field errors for a Mantine form from a 400 answer: the issue path ["admin","email"] becomes "admin.email".
 * Pass the form's values so that issues naming no input of the form are returned in `rest` (shown above the form).
 */
export function fieldErrors(t: TFunction, error: unknown, values?: unknown): { fields: Record<string, string>; rest: string[] } {
  const known = values === undefined ? null : leafPaths(values);
  const knownFields = known ? (path: string) => known.has(path) : undefined;
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  if (!(error instanceof ApiRequestError)) return { fields, rest: [errorText(t, error)] };
  if (error.issues.length === 0) return { fields, rest: [errorText(t, error)] };
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    if (path && (!knownFields || knownFields(path))) {
      fields[path] ??= issueText(t, issue);
    } else {
      rest.push(issueText(t, issue));
    }
  }
  return { fields, rest };
}
