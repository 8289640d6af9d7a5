import { z } from 'zod';
import { calendarDate, plainText, safeText } from '../common/input.ts';

/**
 * The people of a practice (issue 10, part 1): everyone who works there or for it, with or without an account in
 * praxisschild. Access (KBV Anlage 1 Nr. 1 and 2: regulated onboarding and departure), training (§ 30 Abs. 2 Satz 2
 * Nr. 7 BSIG) and the duties of management (§ 38 BSIG) hang on this register; the KBV practice size (persons
 * permanently handling data) and the NIS2 staff figure (annual work units, Empfehlung 2003/361/EG Anhang Art. 5) are
 * derived from it. Minimal personal data (Art. 5 Abs. 1 lit. c DSGVO): no birth date, no address.
 */

/** What a person does in the practice; "management" are the managing directors of § 38 BSIG. */
export const personRoles = ['physician', 'medical_assistant', 'nurse', 'administration', 'management', 'external'] as const;
export type PersonRole = (typeof personRoles)[number];

/**
 * The kind of contract. Apprentices are not counted in the staff figure (Empfehlung 2003/361/EG Anhang Art. 5 Satz 2);
 * owners working in the practice are (Art. 5 lit. c); contractors are not staff of the practice.
 */
export const contractTypes = ['permanent', 'fixed_term', 'mini_job', 'apprentice', 'owner', 'contractor'] as const;
export type ContractType = (typeof contractTypes)[number];

export const PERSON_NAME_MAX = 200;
export const PERSONNEL_NUMBER_MAX = 50;
export const PERSON_NOTES_MAX = 4000;
/** Weekly contract hours: more than 0, at most 80, in steps of 0.5 (the column keeps one decimal). */
export const WEEKLY_HOURS_MAX = 80;

export const personIssueCodes = {
  endsBeforeStart: 'person.ends_before_start',
  personnelNumberTaken: 'person.personnel_number_taken',
  locationUnknown: 'person.location_unknown',
  userUnknown: 'person.user_unknown',
} as const;

const optionalDate = () => calendarDate().nullable().default(null);

export const personFields = {
  name: safeText().trim().min(1).max(PERSON_NAME_MAX),
  personnelNumber: safeText().trim().max(PERSONNEL_NUMBER_MAX).default(''),
  role: z.enum(personRoles),
  locationId: z.uuid().nullable().default(null),
  /** Only for training confirmations by mail; never shown outside the organisation. */
  email: z.union([z.literal(''), z.email().max(254)]).default(''),
  userId: z.uuid().nullable().default(null),
  startsOn: optionalDate(),
  endsOn: optionalDate(),
  weeklyHours: z
    .number()
    .gt(0)
    .max(WEEKLY_HOURS_MAX)
    .refine((hours) => Number.isInteger(hours * 2), { message: 'in steps of 0.5' })
    .nullable()
    .default(null),
  contractType: z.enum(contractTypes).default('permanent'),
  handlesPatientData: z.boolean().default(true),
  notes: plainText(PERSON_NOTES_MAX),
};

/** A person as entered: the end, when given, is on or after the start (checked at the end date's field). */
export const personInputSchema = z.object(personFields).superRefine((person, ctx) => {
  if (person.startsOn && person.endsOn && person.endsOn < person.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: personIssueCodes.endsBeforeStart });
  }
});
export type PersonInput = z.output<typeof personInputSchema>;
