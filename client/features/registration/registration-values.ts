import type { UseFormReturnType } from '@mantine/form';
import type { RegistrationSetup } from '../../../domain/registration/registration.ts';

/** The form's values: the setup, with the date as typed (TT.MM.JJJJ) instead of ISO. */
export type RegistrationValues = Omit<RegistrationSetup, 'qualifiesSince'> & { qualifiesSince: string };

export type RegistrationForm = UseFormReturnType<RegistrationValues>;
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

/** 2026-03-06 → 06.03.2026 */
export function germanDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

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

export function valuesOf(setup: RegistrationSetup): RegistrationValues {
  return { ...setup, qualifiesSince: germanDate(setup.qualifiesSince) };
}

/** What goes to the server; the date must already be valid (see isoDate). */
export function setupOf(values: RegistrationValues): RegistrationSetup {
  return { ...values, qualifiesSince: isoDate(values.qualifiesSince) ?? values.qualifiesSince };
}

/** The form's field for a path of the server ("escalation.0.email" stays, everything else too): one place to adjust. */
export const inputId = (path: string) => `registration-${path.replace(/\./g, '-')}`;
