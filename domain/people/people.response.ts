import { z } from 'zod';
import { listPageSchema } from '../common/list.ts';
import { instantSchema, type ResponseOf } from '../common/response.ts';
import { contractTypes, personRoles, personStatuses } from './people.schema.ts';

/** A person as the register answers it, with the status of today (Europe/Berlin). */
export const personSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  personnelNumber: z.string(),
  role: z.enum(personRoles),
  locationId: z.uuid().nullable(),
  email: z.string(),
  userId: z.uuid().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  weeklyHours: z.number().nullable(),
  contractType: z.enum(contractTypes),
  handlesPatientData: z.boolean(),
  notes: z.string(),
  revision: z.int(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  status: z.enum(personStatuses),
  /** For a leaver: the first day the record may be deleted (end date + the organisation's retention months). */
  deletableFrom: z.string().nullable(),
});

export const personPageSchema = listPageSchema(personSchema);

/** Counts for the register's views, counted in SQL in one pass; with the organisation's retention period. */
export const personSummarySchema = z.object({
  total: z.int(),
  byStatus: z.object({ active: z.int(), leaver: z.int(), future: z.int() }),
  byRole: z.array(z.object({ role: z.enum(personRoles), count: z.int() })),
  byLocation: z.array(z.object({ locationId: z.uuid().nullable(), count: z.int() })),
  retentionMonths: z.int(),
});

/** One person behind the figures, with what they add. */
export const figureContributorSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: z.enum(personRoles),
  contractType: z.enum(contractTypes),
  weeklyHours: z.number().nullable(),
  kbv: z.boolean(),
  awu: z.number(),
  assumedFullTime: z.boolean(),
});

/** The figures the Betroffenheitscheck asks for (domain/people/headcount.ts), computed in SQL on the reference day. */
export const personFiguresSchema = z.object({
  on: z.string(),
  periodFrom: z.string(),
  kbvPersons: z.int(),
  awu: z.number(),
  heads: z.int(),
  assumedFullTime: z.int(),
  fullTimeHours: z.number(),
  contributors: z.object({ items: z.array(figureContributorSchema), total: z.int() }),
});

export const peopleRetentionSchema = z.object({ months: z.int() });

export type Person = ResponseOf<typeof personSchema>;
export type PersonPage = ResponseOf<typeof personPageSchema>;
export type PersonSummary = ResponseOf<typeof personSummarySchema>;
export type PersonFigures = ResponseOf<typeof personFiguresSchema>;
