import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { type CourseInput, type OverviewQuery, type SessionInput, trainingIssueCodes } from '../../../domain/training/training.schema.ts';
import { isActiveStaff, trainingState } from '../../../domain/training/training-status.ts';
import type { Tx } from '../../db/connect.ts';
import { databaseErrorOf, FOREIGN_KEY_VIOLATION } from '../../db/errors.ts';
import { locations, people, trainingAttendance, trainingAttendanceLists, trainingConfirmations, trainingCourses, trainingSessions } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { practiceToday } from '../assets/assets.ts';
import { appendAudit } from '../audit/audit.ts';
import { coverageInSql, peopleStates } from './training.queries.ts';

// ---------------------------------------------------------------------------------------------------------------
// Courses

const courseStats = {
  sessionCount:
    sql<number>`(select count(*)::int from training_sessions s where s.organisation_id = training_courses.organisation_id and s.course_id = training_courses.id)`.mapWith(
      Number,
    ),
  lastHeldOn: sql<
    string | null
  >`(select to_char(max(s.held_on), 'YYYY-MM-DD') from training_sessions s where s.organisation_id = training_courses.organisation_id and s.course_id = training_courses.id)`,
};

function courseColumns() {
  const { organisationId: _organisation, ...columns } = getTableColumns(trainingCourses);
  return { ...columns, ...courseStats };
}

export async function listCourses(tx: Tx, organisationId: string) {
  return tx
    .select(courseColumns())
    .from(trainingCourses)
    .where(eq(trainingCourses.organisationId, organisationId))
    .orderBy(sql`lower(${trainingCourses.title})`, trainingCourses.id);
}

export async function getCourse(tx: Tx, organisationId: string, courseId: string) {
  const [row] = await tx
    .select(courseColumns())
    .from(trainingCourses)
    .where(and(eq(trainingCourses.organisationId, organisationId), eq(trainingCourses.id, courseId)));
  if (!row) throw new AppError('training.course_not_found', 404);
  return row;
}

export async function createCourse(tx: Tx, actor: Actor, input: CourseInput) {
  const id = randomUUID();
  await tx.insert(trainingCourses).values({ ...input, organisationId: actor.organisationId, id });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'training.course_created',
    entityType: 'training_course',
    entityId: id,
    data: { title: input.title, topic: input.topic, recurrenceMonths: input.recurrenceMonths, mandatory: input.mandatory },
  });
  return getCourse(tx, actor.organisationId, id);
}

/** Replaces a course when the client saw the current revision; otherwise 409 and nothing is written. */
export async function updateCourse(tx: Tx, actor: Actor, courseId: string, input: CourseInput & { revision: number }) {
  const { revision, ...fields } = input;
  const before = await getCourse(tx, actor.organisationId, courseId);
  const [row] = await tx
    .update(trainingCourses)
    .set({ ...fields, revision: sql`${trainingCourses.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(trainingCourses.organisationId, actor.organisationId), eq(trainingCourses.id, courseId), eq(trainingCourses.revision, revision)))
    .returning({ id: trainingCourses.id });
  if (!row) throw new AppError('training.revision_conflict', 409);
  const changed = Object.keys(fields).filter((key) => before[key as keyof typeof before] !== fields[key as keyof typeof fields]);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'training.course_updated',
    entityType: 'training_course',
    entityId: courseId,
    data: { title: fields.title, changed },
  });
  return getCourse(tx, actor.organisationId, courseId);
}

/** A course with sessions is kept (its sessions are the proof of training): 409 until they are deleted. */
export async function deleteCourse(tx: Tx, actor: Actor, courseId: string) {
  const [row] = await tx
    .delete(trainingCourses)
    .where(and(eq(trainingCourses.organisationId, actor.organisationId), eq(trainingCourses.id, courseId)))
    .returning({ title: trainingCourses.title })
    .catch((error: unknown) => {
      throw databaseErrorOf(error)?.code === FOREIGN_KEY_VIOLATION ? new AppError('training.course_has_sessions', 409) : error;
    });
  if (!row) throw new AppError('training.course_not_found', 404);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'training.course_deleted',
    entityType: 'training_course',
    entityId: courseId,
    data: row,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Sessions

const sessionColumns = {
  id: trainingSessions.id,
  courseId: trainingSessions.courseId,
  courseTitle: trainingCourses.title,
  heldOn: trainingSessions.heldOn,
  trainer: trainingSessions.trainer,
  locationId: trainingSessions.locationId,
  notes: trainingSessions.notes,
  revision: trainingSessions.revision,
  createdAt: trainingSessions.createdAt,
  updatedAt: trainingSessions.updatedAt,
  attendees:
    sql<number>`(select count(*)::int from training_attendance a where a.organisation_id = training_sessions.organisation_id and a.session_id = training_sessions.id)`.mapWith(
      Number,
    ),
  attended:
    sql<number>`(select count(*)::int from training_attendance a where a.organisation_id = training_sessions.organisation_id and a.session_id = training_sessions.id and a.status <> 'invited')`.mapWith(
      Number,
    ),
  confirmed:
    sql<number>`(select count(*)::int from training_attendance a where a.organisation_id = training_sessions.organisation_id and a.session_id = training_sessions.id and a.status = 'confirmed')`.mapWith(
      Number,
    ),
};

function sessionsQuery(tx: Tx, organisationId: string) {
  return tx
    .select(sessionColumns)
    .from(trainingSessions)
    .innerJoin(trainingCourses, and(eq(trainingCourses.organisationId, trainingSessions.organisationId), eq(trainingCourses.id, trainingSessions.courseId)))
    .$dynamic()
    .where(eq(trainingSessions.organisationId, organisationId));
}

/** Sessions, newest first; of one course when asked. A practice holds a few dozen a year, so they come in one answer. */
export async function listSessions(tx: Tx, organisationId: string, courseId?: string) {
  return tx
    .select(sessionColumns)
    .from(trainingSessions)
    .innerJoin(trainingCourses, and(eq(trainingCourses.organisationId, trainingSessions.organisationId), eq(trainingCourses.id, trainingSessions.courseId)))
    .where(and(eq(trainingSessions.organisationId, organisationId), courseId ? eq(trainingSessions.courseId, courseId) : undefined))
    .orderBy(desc(trainingSessions.heldOn), asc(trainingSessions.id))
    .limit(1000);
}

export async function findSession(tx: Tx, organisationId: string, sessionId: string, lock = false) {
  const query = tx
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.organisationId, organisationId), eq(trainingSessions.id, sessionId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('training.session_not_found', 404);
  return row;
}

export async function getSession(tx: Tx, organisationId: string, sessionId: string) {
  const [session] = await sessionsQuery(tx, organisationId).where(and(eq(trainingSessions.organisationId, organisationId), eq(trainingSessions.id, sessionId)));
  if (!session) throw new AppError('training.session_not_found', 404);
  const lastLink = tx
    .select({
      attendanceId: trainingConfirmations.attendanceId,
      sentAt: sql<Date>`max(${trainingConfirmations.createdAt})`.as('sent_at'),
      expiresAt: sql<Date>`max(${trainingConfirmations.expiresAt})`.as('expires_at'),
    })
    .from(trainingConfirmations)
    .where(eq(trainingConfirmations.organisationId, organisationId))
    .groupBy(trainingConfirmations.attendanceId)
    .as('last_link');
  const attendance = await tx
    .select({
      id: trainingAttendance.id,
      personId: trainingAttendance.personId,
      name: people.name,
      email: people.email,
      role: trainingAttendance.personRole,
      status: trainingAttendance.status,
      confirmedAt: trainingAttendance.confirmedAt,
      confirmationMethod: trainingAttendance.confirmationMethod,
      linkSentAt: lastLink.sentAt,
      linkExpiresAt: lastLink.expiresAt,
    })
    .from(trainingAttendance)
    .leftJoin(people, and(eq(people.organisationId, trainingAttendance.organisationId), eq(people.id, trainingAttendance.personId)))
    .leftJoin(lastLink, eq(lastLink.attendanceId, trainingAttendance.id))
    .where(and(eq(trainingAttendance.organisationId, organisationId), eq(trainingAttendance.sessionId, sessionId)))
    .orderBy(sql`${people.name} is null`, sql`lower(${people.name})`, trainingAttendance.id);
  const [list] = await tx
    .select({
      fileName: trainingAttendanceLists.fileName,
      mediaType: trainingAttendanceLists.mediaType,
      sizeBytes: trainingAttendanceLists.sizeBytes,
      sha256: trainingAttendanceLists.sha256,
      uploadedAt: trainingAttendanceLists.uploadedAt,
    })
    .from(trainingAttendanceLists)
    .where(and(eq(trainingAttendanceLists.organisationId, organisationId), eq(trainingAttendanceLists.sessionId, sessionId)));
  return {
    ...session,
    attendance: attendance.map(({ email, ...a }) => ({ ...a, hasEmail: (email ?? '') !== '' })),
    attendanceList: list ?? null,
  };
}

async function checkSessionInput(tx: Tx, organisationId: string, input: SessionInput) {
  const [course] = await tx
    .select({ id: trainingCourses.id })
    .from(trainingCourses)
    .where(and(eq(trainingCourses.organisationId, organisationId), eq(trainingCourses.id, input.courseId)));
  if (!course) throw fieldError(['courseId'], trainingIssueCodes.courseUnknown);
  if (input.locationId) {
    const [location] = await tx
      .select({ id: locations.id })
      .from(locations)
      .where(and(eq(locations.organisationId, organisationId), eq(locations.id, input.locationId)));
    if (!location) throw fieldError(['locationId'], trainingIssueCodes.locationUnknown);
  }
}

function sessionFieldError(error: unknown): unknown {
  const db = databaseErrorOf(error);
  if (db?.code === FOREIGN_KEY_VIOLATION) {
    return db.constraint?.includes('location')
      ? fieldError(['locationId'], trainingIssueCodes.locationUnknown)
      : fieldError(['courseId'], trainingIssueCodes.courseUnknown);
  }
  return error;
}

export async function createSession(tx: Tx, actor: Actor, input: SessionInput) {
  await checkSessionInput(tx, actor.organisationId, input);
  const id = randomUUID();
  await tx
    .insert(trainingSessions)
    .values({ ...input, organisationId: actor.organisationId, id })
    .catch((error: unknown) => {
      throw sessionFieldError(error);
    });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'training.session_created',
    entityType: 'training_session',
    entityId: id,
    data: { courseId: input.courseId, heldOn: input.heldOn, trainer: input.trainer },
  });
  return getSession(tx, actor.organisationId, id);
}

export async function updateSession(tx: Tx, actor: Actor, sessionId: string, input: SessionInput & { revision: number }) {
  const { revision, ...fields } = input;
  const before = await findSession(tx, actor.organisationId, sessionId);
  await checkSessionInput(tx, actor.organisationId, fields);
  const [row] = await tx
    .update(trainingSessions)
    .set({ ...fields, revision: sql`${trainingSessions.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(trainingSessions.organisationId, actor.organisationId), eq(trainingSessions.id, sessionId), eq(trainingSessions.revision, revision)))
    .returning({ id: trainingSessions.id })
    .catch((error: unknown) => {
      throw sessionFieldError(error);
    });
  if (!row) throw new AppError('training.revision_conflict', 409);
  const changed = Object.keys(fields).filter((key) => before[key as keyof typeof before] !== fields[key as keyof typeof fields]);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'training.session_updated',
    entityType: 'training_session',
    entityId: sessionId,
    data: { changed },
  });
  return getSession(tx, actor.organisationId, sessionId);
}

/** Deletes a session with its attendance, list and links: the training records of it are gone, so it is audited. */
export async function deleteSession(tx: Tx, actor: Actor, sessionId: string) {
  const [row] = await tx
    .delete(trainingSessions)
    .where(and(eq(trainingSessions.organisationId, actor.organisationId), eq(trainingSessions.id, sessionId)))
    .returning({ courseId: trainingSessions.courseId, heldOn: trainingSessions.heldOn });
  if (!row) throw new AppError('training.session_not_found', 404);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'training.session_deleted',
    entityType: 'training_session',
    entityId: sessionId,
    data: row,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Overview

export async function overview(tx: Tx, organisationId: string, query: OverviewQuery) {
  const today = practiceToday();
  return { today, coverage: await coverageInSql(tx, organisationId, today), people: await peopleStates(tx, organisationId, today, query) };
}

/** Every course's state for one person (optional courses too), for the person's page. */
export async function personTraining(tx: Tx, organisationId: string, personId: string) {
  const [person] = await tx
    .select({ role: people.role, contractType: people.contractType, startsOn: people.startsOn, endsOn: people.endsOn })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
  if (!person) throw new AppError('training.person_not_found', 404);
  const today = practiceToday();
  const courses = await tx
    .select({
      courseId: trainingCourses.id,
      title: trainingCourses.title,
      topic: trainingCourses.topic,
      mandatory: trainingCourses.mandatory,
      recurrenceMonths: trainingCourses.recurrenceMonths,
      lastAttendedOn: sql<string | null>`(select to_char(max(s.held_on), 'YYYY-MM-DD') from training_attendance a
        join training_sessions s on s.organisation_id = a.organisation_id and s.id = a.session_id
        where a.organisation_id = training_courses.organisation_id and s.course_id = training_courses.id
          and a.person_id = ${personId} and a.status <> 'invited')`,
    })
    .from(trainingCourses)
    .where(eq(trainingCourses.organisationId, organisationId))
    .orderBy(desc(trainingCourses.mandatory), sql`lower(${trainingCourses.title})`, trainingCourses.id);
  return {
    personId,
    today,
    active: isActiveStaff({ id: personId, ...person }, today),
    courses: courses.map((c) => ({ ...c, ...trainingState(c.lastAttendedOn, c.recurrenceMonths, today) })),
  };
}
