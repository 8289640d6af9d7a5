import type { TFunction } from 'i18next';
import { invalidIpRanges, type RegistrationSetup } from '../../../domain/registration/registration.ts';
import type { IssueText, SchemaForm } from '../../lib/use-schema-form.ts';

/** The form's values: the setup as the server takes it (the date YYYY-MM-DD, shown as TT.MM.JJJJ by the date input). */
export type RegistrationValues = RegistrationSetup;

export type RegistrationForm = SchemaForm<RegistrationValues>['form'];
/** The props of one input of the form: value, change handler, error, its id (see inputId) and whether it is read-only. */
export type FieldProps = (path: string) => ReturnType<RegistrationForm['getInputProps']> & { id: string; disabled: boolean };

export const checklistItems = ['elsterCertificate', 'mukAccount', 'registeredInPortal', 'contactPointTested', 'escalationChainKnown'] as const;

/** The EU member states (ISO 3166 codes as the BSI portal lists them). */
export const euMemberStates = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;

/** 6.3.2026, 06.03.26 or 2026-03-06 → 2026-03-06; null when it is no real calendar day. */
export function isoDate(text: string): string | null {
  const value = text.trim();
  let year: number, month: number, day: number;
  const german = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (german) [day, month, year] = [Number(german[1]), Number(german[2]), german[3]!.length === 2 ? 2000 + Number(german[3]) : Number(german[3])];
  else if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A draft kept in the tab by an earlier version held the date as typed (06.12.2025); the form now holds 2025-12-06. */
export function draftValues(draft: RegistrationValues): RegistrationValues {
  return { ...draft, qualifiesSince: isoDate(draft.qualifiesSince ?? '') ?? draft.qualifiesSince ?? '' };
}

/**
 * The registration's own texts: the phone numbers and IP entries that do not fit (§ 33 Abs. 1 Nr. 2 BSIG asks for
 * usable contact data) and the limit of a text that is too long.
 */
export function registrationIssueText(t: TFunction): IssueText {
  return (issue, input) => {
    if (issue.code === 'custom' && issue.message === 'phone_number') return t('registration.invalid.phone');
    if (issue.code === 'custom' && issue.message === 'ip_range') {
      const entries = invalidIpRanges((input as Partial<RegistrationValues> | null)?.publicIpRanges ?? '');
      // The server may refuse what the browser did not see (another tab's value): then the general text.
      return entries.length ? t('registration.invalid.publicIpRanges', { entries: entries.join(', ') }) : t('issues.ip_range');
    }
    if (issue.code === 'too_big' && issue.origin === 'string') return t('registration.tooLong', { max: Number(issue.maximum) });
    return undefined;
  };
}

/** The form's field for a path of the server ("escalation.0.email" stays, everything else too): one place to adjust. */
export const inputId = (path: string) => `registration-${path.replace(/\./g, '-')}`;
