import { z } from 'zod';
import { calendarDate, plainText, safeText } from '../common/input.ts';
import { listQuerySchema } from '../common/list.ts';

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
  nameAmbiguous: 'person.name_ambiguous',
  stillEmployed: 'person.still_employed',
  retentionRunning: 'person.retention_running',
  inUse: 'person.in_use',
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

/** A change: the whole record plus the revision it was based on, so that a concurrent edit is a 409, not lost. */
export const personUpdateSchema = z.object({ ...personFields, revision: z.int().min(1).max(2_147_483_647) }).superRefine((person, ctx) => {
  if (person.startsOn && person.endsOn && person.endsOn < person.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: personIssueCodes.endsBeforeStart });
  }
});
export type PersonUpdate = z.output<typeof personUpdateSchema>;

/**
 * Where a person stands on the practice's today (Europe/Berlin calendar day): `future` before the start date, `leaver`
 * after the end date, otherwise `active` (a missing start date counts as "has started", a missing end as "still here").
 */
export const personStatuses = ['active', 'leaver', 'future'] as const;
export type PersonStatus = (typeof personStatuses)[number];

export function personStatus(person: { startsOn: string | null; endsOn: string | null }, today: string): PersonStatus {
  if (person.startsOn && person.startsOn > today) return 'future';
  if (person.endsOn && person.endsOn < today) return 'leaver';
  return 'active';
}

/** Which derived figure a person counts for today: the list filter behind the links from the Betroffenheitscheck. */
export const personFigures = ['kbv', 'awu'] as const;

const personListFilters = {
  role: z.enum(personRoles).optional(),
  locationId: z.uuid().optional(),
  status: z.enum(personStatuses).optional(),
  counted: z.enum(personFigures).optional(),
};

/** The people list: filtered by role, location, status and figure, searched by name, personnel number and e-mail. */
export const personListQuerySchema = listQuerySchema({
  sort: ['name', 'role', 'personnelNumber', 'startsOn', 'endsOn', 'updatedAt'],
  defaultSort: 'name',
  defaultOrder: 'asc',
  search: true,
  filters: personListFilters,
});
export type PersonListQuery = z.output<typeof personListQuerySchema>;

/** The register as a file: the list's filters, the format and the language of titles and labels. */
export const personExportQuerySchema = z.object({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  locale: z.enum(['de', 'en']).default('de'),
  ...personListFilters,
  q: personListQuerySchema.shape.q,
});
export type PersonExportQuery = z.output<typeof personExportQuerySchema>;

/** Full-time hours a week the annual work units are measured against (a parameter; 40 when not given). */
export const DEFAULT_FULL_TIME_HOURS = 40;

/** The derived figures on a reference day (the practice's today when not given). */
export const personFiguresQuerySchema = z.object({
  on: calendarDate().optional(),
  fullTimeHours: z.coerce.number().gt(0).max(WEEKLY_HOURS_MAX).default(DEFAULT_FULL_TIME_HOURS),
});

/** Months a leaver's record is kept after the end date (0 to 120, as the database allows). */
export const PEOPLE_RETENTION_MAX_MONTHS = 120;
export const peopleRetentionInputSchema = z.object({ months: z.int().min(0).max(PEOPLE_RETENTION_MAX_MONTHS) });
