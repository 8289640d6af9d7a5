import { z } from 'zod';
import { plainText, safeText } from '../common/input.ts';
import { calendarDateSchema } from '../incidents/deadlines.schema.ts';
import { registrationDueDate } from '../incidents/deadlines.ts';

const text = plainText;

/** Digits with the usual separators, optionally a leading +; 5 to 15 digits (ITU-T E.164 allows at most 15). */
const PHONE = /^\+?[0-9(][0-9 ()/.-]*$/;
export function isPhoneNumber(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE.test(value) && digits >= 5 && digits <= 15;
}
const phone = (max: number) => plainText(max).refine((value) => value === '' || isPhoneNumber(value), { message: 'phone_number' });

const ipOrNetwork = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);
/** The entries of the IP field: separated by commas, semicolons, spaces or line breaks. */
export const ipRangeEntries = (value: string) => value.split(/[\s,;]+/).filter(Boolean);
/** Each entry an IPv4 or IPv6 address or network in CIDR notation (192.0.2.0/24, 2001:db8::/48). */
export function invalidIpRanges(value: string): string[] {
  return ipRangeEntries(value).filter((entry) => !ipOrNetwork.safeParse(entry).success);
}

/**
 * What the § 33 BSIG registration asks for (name with legal form and register number, address and contact data incl.
 * public IP ranges, sector, member states, supervisory authorities), plus what the practice needs to be reachable and
 * to report: a contact point reachable at all times, who holds the "Mein Unternehmenskonto" (MUK) login and who
 * stands in, and the escalation chain for incidents. `strict` checks phone numbers and IP ranges; setups stored
 * before those checks existed are read without them (and their fields named as invalid in the readiness).
 */
function setupSchema(strict: boolean) {
  const phoneField = strict ? phone(60) : text(60);
  const person = z
    .object({ name: text(120), email: z.union([z.literal(''), z.email()]).default(''), phone: phoneField })
    .default({ name: '', email: '', phone: '' });
  return z.object({
    qualifiesSince: calendarDateSchema.default('2025-12-06').describe('Since when the organisation is an (particularly) important entity'),
    commercialRegister: text(100),
    street: text(160),
    postalCode: z.union([z.literal(''), safeText().regex(/^\d{5}$/, { message: 'postal_code' })]).default(''),
    city: text(120),
    email: z.union([z.literal(''), z.email()]).default(''),
    phone: phoneField,
    publicIpRanges: strict ? text(1000).refine((value) => invalidIpRanges(value).length === 0, { message: 'ip_range' }) : text(1000),
    memberStates: z
      .array(safeText().regex(/^[A-Z]{2}$/))
      .max(27)
      .default(['DE']),
    supervisoryAuthorities: text(500),
    contactPoint: person.describe('Contact point reachable at all times (24/7)'),
    mukHolder: person,
    mukBackup: person,
    escalation: z
      .array(z.object({ role: text(120), name: text(120), phone: phoneField, email: z.union([z.literal(''), z.email()]).default('') }))
      .max(10)
      .default([]),
    checklist: z
      .object({
        elsterCertificate: z.boolean().default(false),
        mukAccount: z.boolean().default(false),
        registeredInPortal: z.boolean().default(false),
        contactPointTested: z.boolean().default(false),
        escalationChainKnown: z.boolean().default(false),
      })
      .default({ elsterCertificate: false, mukAccount: false, registeredInPortal: false, contactPointTested: false, escalationChainKnown: false }),
    registrationReference: text(200),
  });
}

export const registrationSetupSchema = setupSchema(true);
/** A stored setup as read back: the same shape without the phone and IP checks. */
export const storedRegistrationSetupSchema = setupSchema(false);
export type RegistrationSetup = z.output<typeof registrationSetupSchema>;

export interface RegistrationReadiness {
  /** Stored fields that the registration would refuse today (e.g. a phone number without digits). */
  invalid: string[];
  /** Only important and particularly important entities register (§ 33 BSIG). */
  required: boolean;
  dueDate: string;
  isOverdue: boolean;
  /** Fields the registration or the reporting needs that are still empty. */
  missing: string[];
  checklistDone: number;
  checklistTotal: number;
  ready: boolean;
}

const requiredFields: [string, (s: RegistrationSetup) => string][] = [
  ['street', (s) => s.street],
  ['postalCode', (s) => s.postalCode],
  ['city', (s) => s.city],
  ['email', (s) => s.email],
  ['phone', (s) => s.phone],
  ['supervisoryAuthorities', (s) => s.supervisoryAuthorities],
  ['contactPoint.name', (s) => s.contactPoint.name],
  ['contactPoint.phone', (s) => s.contactPoint.phone],
  ['mukHolder.name', (s) => s.mukHolder.name],
  ['mukBackup.name', (s) => s.mukBackup.name],
];

/** Where the organisation stands with the § 33 BSIG registration on `today` (YYYY-MM-DD, German calendar day). */
export function registrationReadiness(setup: RegistrationSetup, category: string | null, today: string): RegistrationReadiness {
  const dueDate = registrationDueDate(setup.qualifiesSince);
  const missing = requiredFields.filter(([, value]) => !value(setup).trim()).map(([field]) => field);
  const checked = registrationSetupSchema.safeParse(setup);
  const invalid = checked.success ? [] : [...new Set(checked.error.issues.map((issue) => issue.path.join('.')))];
  const checks = Object.values(setup.checklist);
  const checklistDone = checks.filter(Boolean).length;
  return {
    required: category === 'important' || category === 'particularly_important',
    dueDate,
    isOverdue: !setup.checklist.registeredInPortal && today > dueDate,
    missing,
    invalid,
    checklistDone,
    checklistTotal: checks.length,
    ready: missing.length === 0 && invalid.length === 0 && checklistDone === checks.length,
  };
}

/** Legal forms as § 33(1) Nr. 1 BSIG wants them next to the name; an MVZ GmbH's legal form is the GmbH. */
const legalFormNames: Record<string, string> = {
  einzelpraxis: 'Einzelpraxis',
  bag: 'Berufsausübungsgemeinschaft',
  praxisgemeinschaft: 'Praxisgemeinschaft',
  mvz_gmbh: 'GmbH',
  mvz_other: 'MVZ',
  praxisnetz: 'Praxisnetz',
  other: '',
};

/**
 * § 33(1) Nr. 1 BSIG: "Name der Einrichtung einschließlich Rechtsform". The legal form is added only when the name
 * does not already carry it ("MVZ Am Markt GmbH" stays as it is, "Praxis Dr. Roth" becomes "Praxis Dr. Roth, Einzelpraxis").
 */
export function nameWithLegalForm(name: string, legalForm: string): string {
  const form = legalFormNames[legalForm] ?? '';
  const trimmed = name.trim();
  if (!form) return trimmed;
  // Every form is one word: compare it with the words of the name (a gGmbH is a GmbH).
  const carried = form === 'GmbH' ? ['gmbh', 'ggmbh'] : [form.toLowerCase()];
  if (
    trimmed
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .some((word) => carried.includes(word))
  )
    return trimmed;
  return `${trimmed}, ${form}`;
}

/** The roles of the suggested escalation chain, in calling order; each row is filled with the member holding it. */
export const escalationRoles = ['it_lead', 'management', 'data_protection_officer'] as const;
export type EscalationRole = (typeof escalationRoles)[number];
