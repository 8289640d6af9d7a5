import type { TFunction } from 'i18next';
import type { ApiIssue } from '../../domain/common/errors.ts';
import { ApiRequestError } from './api.ts';

/** The translated text for one issue: a field-specific text (issues.password.too_small) beats the general one. */
export function issueText(t: TFunction, issue: ApiIssue): string {
  const field = [...issue.path].reverse().find((p) => typeof p === 'string');
  const keys = [...(field ? [`issues.${field}.${issue.code}`] : []), `issues.${issue.code}`, `errors.${issue.code}`];
  return t(keys, { defaultValue: t('issues.invalid') });
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
      if (value !== null && typeof value === 'object') leafPaths(value, path).forEach((p) => paths.add(p));
      else paths.add(path);
    }
  }
  return paths;
}

/**
 * Field errors for a Mantine form from a 400 answer: the issue path ["admin","email"] becomes "admin.email".
 * Pass the form's values so that issues naming no input of the form are returned in `rest` (shown above the form).
 */
export function fieldErrors(
  t: TFunction,
  error: unknown,
  values?: unknown,
): { fields: Record<string, string>; rest: string[] } {
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
