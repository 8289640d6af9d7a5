import { z } from 'zod';
import { instantSchema, type ResponseOf } from '../common/response.ts';
import { personRoles } from '../people/people.schema.ts';
import { attendanceStatuses, confirmationMethods, trainingStates, trainingTopics } from './training.schema.ts';

export const courseSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  topic: z.enum(trainingTopics),
  description: z.string(),
  durationMinutes: z.int(),
  recurrenceMonths: z.int(),
  mandatory: z.boolean(),
  revision: z.int(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  /** Sessions held of this course and the last day one was held. */
  sessionCount: z.int(),
  lastHeldOn: z.string().nullable(),
});

export const sessionSchema = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  courseTitle: z.string(),
  heldOn: z.string(),
  trainer: z.string(),
  locationId: z.uuid().nullable(),
  notes: z.string(),
  revision: z.int(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  attendees: z.int(),
  attended: z.int(),
  confirmed: z.int(),
});

/** The signed attendance list of a session, without its content (downloaded separately). */
export const attendanceListSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.int(),
  sha256: z.string(),
  uploadedAt: instantSchema,
});

export const attendeeSchema = z.object({
  id: z.uuid(),
  /** Null once the person was deleted: the row stays, anonymised, with the role it had. */
  personId: z.uuid().nullable(),
  name: z.string().nullable(),
  hasEmail: z.boolean(),
  role: z.enum(personRoles),
  status: z.enum(attendanceStatuses),
  confirmedAt: instantSchema.nullable(),
  confirmationMethod: z.enum(confirmationMethods).nullable(),
  /** The last confirmation link sent, if any: when it expires and whether it was used. */
  linkSentAt: instantSchema.nullable(),
  linkExpiresAt: instantSchema.nullable(),
});

export const sessionDetailSchema = sessionSchema.extend({
  attendance: z.array(attendeeSchema),
  attendanceList: attendanceListSchema.nullable(),
});

export const confirmationsSentSchema = z.object({
  sent: z.int(),
  /** People on the session without an e-mail address: no link could be sent. */
  withoutEmail: z.array(z.uuid()),
  /** The links themselves, only when no SMTP server is set up (the mails then stay in the outbox). */
  links: z.array(z.object({ personId: z.uuid(), link: z.string() })).nullable(),
});

const stateCounts = z.object({ never_trained: z.int(), overdue: z.int(), due_soon: z.int(), current: z.int() });

export const overviewSchema = z.object({
  today: z.string(),
  coverage: z.object({
    people: z.int(),
    covered: z.int(),
    percent: z.int().nullable(),
    byState: stateCounts,
    perCourse: z.array(z.object({ courseId: z.uuid(), title: z.string(), trained: z.int(), people: z.int() })),
  }),
  /** Active staff with their worst state over the mandatory courses, filtered and paged in SQL. */
  people: z.object({
    items: z.array(
      z.object({
        personId: z.uuid(),
        name: z.string(),
        role: z.enum(personRoles),
        locationId: z.uuid().nullable(),
        state: z.enum(trainingStates),
        /** The earliest due day over the mandatory courses; null when a course was never attended. */
        nextDueOn: z.string().nullable(),
        neverTrained: z.int(),
        overdue: z.int(),
      }),
    ),
    total: z.int(),
    limit: z.int(),
    offset: z.int(),
  }),
});

export const personTrainingSchema = z.object({
  personId: z.uuid(),
  today: z.string(),
  active: z.boolean(),
  courses: z.array(
    z.object({
      courseId: z.uuid(),
      title: z.string(),
      topic: z.enum(trainingTopics),
      mandatory: z.boolean(),
      recurrenceMonths: z.int(),
      lastAttendedOn: z.string().nullable(),
      dueOn: z.string().nullable(),
      state: z.enum(trainingStates),
    }),
  ),
});

/** What the public confirmation page shows: the course, the day and the first name only. */
export const confirmationOfferSchema = z.object({
  courseTitle: z.string(),
  heldOn: z.string(),
  durationMinutes: z.int(),
  firstName: z.string(),
  organisationName: z.string(),
  confirmedAt: instantSchema.nullable(),
  expiresAt: instantSchema,
});

export type Course = ResponseOf<typeof courseSchema>;
export type Session = ResponseOf<typeof sessionSchema>;
export type SessionDetail = ResponseOf<typeof sessionDetailSchema>;
export type Attendee = ResponseOf<typeof attendeeSchema>;
export type Overview = ResponseOf<typeof overviewSchema>;
export type PersonTraining = ResponseOf<typeof personTrainingSchema>;
export type ConfirmationOffer = ResponseOf<typeof confirmationOfferSchema>;
export type ConfirmationsSent = ResponseOf<typeof confirmationsSentSchema>;
