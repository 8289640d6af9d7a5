import { z } from 'zod';
import { eventDate, plainText, safeText } from '../common/input.ts';

/**
 * Awareness training (issue 10, part 3). § 30 Abs. 2 Satz 2 Nr. 7 BSIG asks for basic cyber hygiene and training in
 * IT security; the KBV guideline (Anlage 1 Nr. 8 to 10) for awareness of management, instruction of all staff and
 * awareness and training sessions, at an interval the practice decides. A course says what is taught and how often it
 * is repeated; a session is one day it was held; the attendance records who took part, by list, by one-time link or
 * recorded in the app.
 */

export const trainingTopics = [
  'phishing',
  'passwords',
  'mobile_devices',
  'ti',
  'data_protection',
  'social_engineering',
  'incident_reporting',
  'other',
] as const;
export type TrainingTopic = (typeof trainingTopics)[number];

/** invited: on the list, not (yet) marked; attended: marked by an editor; confirmed: the person confirmed by link. */
export const attendanceStatuses = ['invited', 'attended', 'confirmed'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

/** How attendance is proven: the signed list of the session, the person's own link, or recorded in the app. */
export const confirmationMethods = ['list', 'link', 'recorded'] as const;
export type ConfirmationMethod = (typeof confirmationMethods)[number];

export const COURSE_TITLE_MAX = 200;
export const TRAINING_TEXT_MAX = 4000;
export const TRAINER_MAX = 200;
export const DURATION_MINUTES_MAX = 600;
export const RECURRENCE_MONTHS_MAX = 60;
/** The people one session can list in one request: a large practice holds a session for everyone at once. */
export const ATTENDEES_MAX = 2000;
/** How long a confirmation link may be used. */
export const CONFIRMATION_VALID_DAYS = 14;

export const trainingIssueCodes = {
  personUnknown: 'training.person_unknown',
  locationUnknown: 'training.location_unknown',
  courseUnknown: 'training.course_unknown',
  personTwice: 'training.person_twice',
  notAttendee: 'training.not_attendee',
} as const;

export const courseInputSchema = z.object({
  title: safeText().trim().min(1).max(COURSE_TITLE_MAX),
  topic: z.enum(trainingTopics),
  description: plainText(TRAINING_TEXT_MAX),
  durationMinutes: z.int().min(1).max(DURATION_MINUTES_MAX),
  recurrenceMonths: z.int().min(1).max(RECURRENCE_MONTHS_MAX).default(12),
  mandatory: z.boolean().default(true),
});
export type CourseInput = z.output<typeof courseInputSchema>;
export const courseUpdateSchema = courseInputSchema.extend({ revision: z.int().min(1).max(2_147_483_647) });

export const sessionInputSchema = z.object({
  courseId: z.uuid(),
  /** The day it was (or will be) held: from 2000 to five years ahead. */
  heldOn: eventDate(),
  trainer: plainText(TRAINER_MAX),
  locationId: z.uuid().nullable().default(null),
  notes: plainText(TRAINING_TEXT_MAX),
});
export type SessionInput = z.output<typeof sessionInputSchema>;
export const sessionUpdateSchema = sessionInputSchema.extend({ revision: z.int().min(1).max(2_147_483_647) });

export const sessionListQuerySchema = z.object({ courseId: z.uuid().optional() });

/** The set of people on a session: the given set replaces the previous one; attended marks who took part. */
export const attendanceInputSchema = z.object({
  attendees: z.array(z.object({ personId: z.uuid(), attended: z.boolean().default(false) })).max(ATTENDEES_MAX),
});
export type AttendanceInput = z.output<typeof attendanceInputSchema>;

export const confirmationRequestSchema = z.object({ personIds: z.array(z.uuid()).min(1).max(ATTENDEES_MAX) });

/** A person's training state for one course, worst first in lists. */
export const trainingStates = ['never_trained', 'overdue', 'due_soon', 'current'] as const;
export type TrainingState = (typeof trainingStates)[number];

export const overviewQuerySchema = z.object({
  state: z.enum(trainingStates).optional(),
  q: safeText().trim().max(200).optional(),
  locationId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type OverviewQuery = z.output<typeof overviewQuerySchema>;

/** A one-time link token as it arrives in the URL. */
export const confirmationTokenSchema = z.object({ confirmationToken: z.string().min(20).max(100) });
