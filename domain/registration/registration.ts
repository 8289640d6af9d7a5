import { z } from 'zod';
import { plainText, safeText } from '../common/input.ts';
import { calendarDateSchema } from '../incidents/deadlines.schema.ts';
import { registrationDueDate } from '../incidents/deadlines.ts';

const text = plainText;
const person = z.object({ name: text(120), email: z.union([z.literal(''), z.email()]).default(''), phone: text(60) }).default({ name: '', email: '', phone: '' });

/**
 * What the § 33 BSIG registration asks for (name with legal form and register number, address and contact data incl.
 * public IP ranges, sector, member states, supervisory authorities), plus what the practice needs to be reachable and
 * to report: a contact point reachable at all times, who holds the "Mein Unternehmenskonto" (MUK) login and who
 * stands in, and the escalation chain for incidents.
 */
export const registrationSetupSchema = z.object({
  qualifiesSince: calendarDateSchema.default('2025-12-06').describe('Since when the organisation is an (particularly) important entity'),
  commercialRegister: text(100),
  street: text(160),
  postalCode: z.union([z.literal(''), safeText().regex(/^\d{5}$/, { message: 'postal_code' })]).default(''),
  city: text(120),
  email: z.union([z.literal(''), z.email()]).default(''),
  phone: text(60),
  publicIpRanges: text(1000),
  memberStates: z.array(safeText().regex(/^[A-Z]{2}$/)).max(27).default(['DE']),
  supervisoryAuthorities: text(500),
  contactPoint: person.describe('Contact point reachable at all times (24/7)'),
  mukHolder: person,
  mukBackup: person,
  escalation: z
    .array(z.object({ role: text(120), name: text(120), phone: text(60), email: z.union([z.literal(''), z.email()]).default('') }))
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
export type RegistrationSetup = z.output<typeof registrationSetupSchema>;

export interface RegistrationReadiness {
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
  const checks = Object.values(setup.checklist);
  const checklistDone = checks.filter(Boolean).length;
  return {
    required: category === 'important' || category === 'particularly_important',
    dueDate,
    isOverdue: !setup.checklist.registeredInPortal && today > dueDate,
    missing,
    checklistDone,
    checklistTotal: checks.length,
    ready: missing.length === 0 && checklistDone === checks.length,
  };
}
