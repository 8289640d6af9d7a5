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

/**
 * Field errors for a Mantine form from a 400 answer: the issue path ["admin","email"] becomes "admin.email".
 * `prefix` drops a leading part of the body path when the form holds only a part of the body.
 * Returns the issues that name no field of the form (shown above the form instead).
 */
export function fieldErrors(
  t: TFunction,
  error: unknown,
  knownFields?: (path: string) => boolean,
): { fields: Record<string, string>; rest: string[] } {
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
