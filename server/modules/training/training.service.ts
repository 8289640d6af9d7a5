import { createHash, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { cleanFileName, EVIDENCE_MAX_BYTES, isAllowedEvidenceType } from '../../../domain/compliance/evidence.ts';
import {
  type AttendanceInput,
  CONFIRMATION_VALID_DAYS,
  type CourseInput,
  type OverviewQuery,
  type SessionInput,
  trainingIssueCodes,
} from '../../../domain/training/training.schema.ts';
import { isActiveStaff, trainingState } from '../../../domain/training/training-status.ts';
import type { AppContext } from '../../context.ts';
import { hashToken, newToken } from '../../crypto.ts';
import type { Tx } from '../../db/connect.ts';
import { databaseErrorOf, FOREIGN_KEY_VIOLATION } from '../../db/errors.ts';
import {
  locations,
  organisations,
  people,
  trainingAttendance,
  trainingAttendanceLists,
  trainingConfirmations,
  trainingCourses,
  trainingSessions,
  users,
} from '../../db/schema.ts';
import { withSystem } from '../../db/tenant.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { asLocale } from '../../i18n/texts.ts';
import { publicUrl } from '../../public-url.ts';
import { practiceToday } from '../assets/assets.ts';
import { appendAudit } from '../audit/audit.ts';
import { trainingConfirmationMail } from './training.mail.ts';
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

async function findSession(tx: Tx, organisationId: string, sessionId: string, lock = false) {
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
// Attendance

/**
 * Sets who is on a session: the given set replaces the previous one (anonymised rows of deleted people stay). "attended"
 * marks who took part, as proven by the session's list when one is uploaded, else as recorded in the app; a person's
 * own confirmation by link is not undone by unticking. The session row is locked first, so that two sets sent at once
 * end as one of them.
 */
export async function setAttendance(tx: Tx, actor: Actor, sessionId: string, input: AttendanceInput) {
  const organisationId = actor.organisationId;
  await findSession(tx, organisationId, sessionId, true);
  const seen = new Set<string>();
  input.attendees.forEach((a, index) => {
    if (seen.has(a.personId)) throw fieldError(['attendees', index, 'personId'], trainingIssueCodes.personTwice);
    seen.add(a.personId);
  });
  const ids = [...seen];
  const found =
    ids.length > 0
      ? await tx
          .select({ id: people.id, role: people.role, locationId: people.locationId })
          .from(people)
          .where(and(eq(people.organisationId, organisationId), inArray(people.id, ids)))
      : [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const unknown = input.attendees.findIndex((a) => !byId.has(a.personId));
  if (unknown >= 0) throw fieldError(['attendees', unknown, 'personId'], trainingIssueCodes.personUnknown);

  const [list] = await tx
    .select({ sessionId: trainingAttendanceLists.sessionId })
    .from(trainingAttendanceLists)
    .where(and(eq(trainingAttendanceLists.organisationId, organisationId), eq(trainingAttendanceLists.sessionId, sessionId)));
  const method = list ? 'list' : 'recorded';
  const current = await tx
    .select()
    .from(trainingAttendance)
    .where(and(eq(trainingAttendance.organisationId, organisationId), eq(trainingAttendance.sessionId, sessionId), isNotNull(trainingAttendance.personId)));
  const had = new Map(current.map((row) => [row.personId!, row]));
  const removed = current.filter((row) => !seen.has(row.personId!)).map((row) => row.id);
  if (removed.length > 0) {
    await tx.delete(trainingAttendance).where(and(eq(trainingAttendance.organisationId, organisationId), inArray(trainingAttendance.id, removed)));
  }
  const now = new Date();
  const added: string[] = [];
  const marked: string[] = [];
  const unmarked: string[] = [];
  for (const entry of input.attendees) {
    const row = had.get(entry.personId);
    const person = byId.get(entry.personId)!;
    if (!row) {
      added.push(entry.personId);
      if (entry.attended) marked.push(entry.personId);
      await tx.insert(trainingAttendance).values({
        organisationId,
        id: randomUUID(),
        sessionId,
        personId: entry.personId,
        personRole: person.role,
        personLocationId: person.locationId,
        status: entry.attended ? 'attended' : 'invited',
        confirmedAt: entry.attended ? now : null,
        confirmationMethod: entry.attended ? method : null,
      });
    } else if (entry.attended && row.status === 'invited') {
      marked.push(entry.personId);
      await tx
        .update(trainingAttendance)
        .set({ status: 'attended', confirmedAt: now, confirmationMethod: method })
        .where(and(eq(trainingAttendance.organisationId, organisationId), eq(trainingAttendance.id, row.id)));
    } else if (!entry.attended && row.status === 'attended') {
      unmarked.push(entry.personId);
      await tx
        .update(trainingAttendance)
        .set({ status: 'invited', confirmedAt: null, confirmationMethod: null })
        .where(and(eq(trainingAttendance.organisationId, organisationId), eq(trainingAttendance.id, row.id)));
    }
  }
  if (added.length + removed.length + marked.length + unmarked.length > 0) {
    await appendAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      action: 'training.attendance_changed',
      entityType: 'training_session',
      entityId: sessionId,
      data: { added, removed: current.filter((row) => !seen.has(row.personId!)).map((row) => row.personId), marked, unmarked },
    });
  }
  return getSession(tx, organisationId, sessionId);
}

export interface Upload {
  fileName: string;
  content: Buffer;
}

/**
 * Stores the signed attendance list of a session (replacing an earlier one). Same limits and check as evidence files:
 * at most 25 MB, the type decided from the content (PDF, image, office document), never from the name.
 */
export async function uploadAttendanceList(tx: Tx, actor: Actor, sessionId: string, upload: Upload | AppError) {
  const organisationId = actor.organisationId;
  await findSession(tx, organisationId, sessionId, true);
  if (upload instanceof AppError) throw upload;
  if (upload.content.length === 0) throw fieldError(['file'], 'evidence.empty');
  if (upload.content.length > EVIDENCE_MAX_BYTES) throw new AppError('payload_too_large', 413);
  const detected = await fileTypeFromBuffer(upload.content);
  if (!isAllowedEvidenceType(detected?.mime)) throw fieldError(['file'], 'evidence.type_not_allowed', detected?.mime ?? 'unknown');
  const sha256 = createHash('sha256').update(upload.content).digest('hex');
  const values = {
    fileName: cleanFileName(upload.fileName),
    mediaType: detected.mime,
    sizeBytes: upload.content.length,
    sha256,
    content: upload.content,
    uploadedAt: new Date(),
    uploadedBy: actor.userId,
  };
  await tx
    .insert(trainingAttendanceLists)
    .values({ organisationId, sessionId, ...values })
    .onConflictDoUpdate({ target: [trainingAttendanceLists.organisationId, trainingAttendanceLists.sessionId], set: values });
  // Who was marked as attending is now proven by the signed list.
  await tx
    .update(trainingAttendance)
    .set({ confirmationMethod: 'list' })
    .where(and(eq(trainingAttendance.organisationId, organisationId), eq(trainingAttendance.sessionId, sessionId), eq(trainingAttendance.status, 'attended')));
  await appendAudit(tx, {
    organisationId,
    actorUserId: actor.userId,
    action: 'training.attendance_list_uploaded',
    entityType: 'training_session',
    entityId: sessionId,
    data: { fileName: values.fileName, mediaType: values.mediaType, sizeBytes: values.sizeBytes, sha256 },
  });
  return getSession(tx, organisationId, sessionId);
}

export async function getAttendanceList(tx: Tx, organisationId: string, sessionId: string) {
  const [file] = await tx
    .select()
    .from(trainingAttendanceLists)
    .where(and(eq(trainingAttendanceLists.organisationId, organisationId), eq(trainingAttendanceLists.sessionId, sessionId)));
  if (!file) throw new AppError('training.attendance_list_not_found', 404);
  return file;
}

export async function deleteAttendanceList(tx: Tx, actor: Actor, sessionId: string) {
  const [file] = await tx
    .delete(trainingAttendanceLists)
    .where(and(eq(trainingAttendanceLists.organisationId, actor.organisationId), eq(trainingAttendanceLists.sessionId, sessionId)))
    .returning({ fileName: trainingAttendanceLists.fileName, sha256: trainingAttendanceLists.sha256 });
  if (!file) throw new AppError('training.attendance_list_not_found', 404);
  await tx
    .update(trainingAttendance)
    .set({ confirmationMethod: 'recorded' })
    .where(
      and(
        eq(trainingAttendance.organisationId, actor.organisationId),
        eq(trainingAttendance.sessionId, sessionId),
        eq(trainingAttendance.confirmationMethod, 'list'),
      ),
    );
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'training.attendance_list_deleted',
    entityType: 'training_session',
    entityId: sessionId,
    data: file,
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Confirmation links

/**
 * Sends each named person on the session a mail with a one-time link to confirm their attendance themselves. Only the
 * token's hash is stored; a new link replaces the person's earlier unused ones. People without an e-mail address and
 * people who already confirmed get no mail.
 */
export async function sendConfirmations(ctx: AppContext, tx: Tx, actor: Actor, sessionId: string, personIds: string[]) {
  const organisationId = actor.organisationId;
  const session = await findSession(tx, organisationId, sessionId, true);
  const rows = await tx
    .select({
      attendanceId: trainingAttendance.id,
      personId: trainingAttendance.personId,
      status: trainingAttendance.status,
      name: people.name,
      email: people.email,
    })
    .from(trainingAttendance)
    .innerJoin(people, and(eq(people.organisationId, trainingAttendance.organisationId), eq(people.id, trainingAttendance.personId)))
    .where(
      and(eq(trainingAttendance.organisationId, organisationId), eq(trainingAttendance.sessionId, sessionId), inArray(trainingAttendance.personId, personIds)),
    );
  const byPerson = new Map(rows.map((r) => [r.personId!, r]));
  const missing = personIds.findIndex((id) => !byPerson.has(id));
  if (missing >= 0) throw fieldError(['personIds', missing], trainingIssueCodes.notAttendee);
  const [course] = await tx
    .select({ title: trainingCourses.title, durationMinutes: trainingCourses.durationMinutes })
    .from(trainingCourses)
    .where(and(eq(trainingCourses.organisationId, organisationId), eq(trainingCourses.id, session.courseId)));
  const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  const [self] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, actor.userId));
  const locale = asLocale(self?.locale);
  const base = await publicUrl(ctx, tx);
  const expiresAt = new Date(Date.now() + CONFIRMATION_VALID_DAYS * 86_400_000);
  const withoutEmail: string[] = [];
  const links: { personId: string; link: string }[] = [];
  for (const personId of new Set(personIds)) {
    const row = byPerson.get(personId)!;
    if (row.status === 'confirmed') continue;
    if (!row.email) {
      withoutEmail.push(personId);
      continue;
    }
    await tx
      .delete(trainingConfirmations)
      .where(
        and(
          eq(trainingConfirmations.organisationId, organisationId),
          eq(trainingConfirmations.attendanceId, row.attendanceId),
          isNull(trainingConfirmations.usedAt),
        ),
      );
    const token = newToken();
    await tx.insert(trainingConfirmations).values({ organisationId, id: randomUUID(), attendanceId: row.attendanceId, tokenHash: hashToken(token), expiresAt });
    const link = `${base}/training-confirmation/${token}`;
    const mail = trainingConfirmationMail(locale, {
      organisation: org!.name,
      firstName: firstNameOf(row.name),
      courseTitle: course!.title,
      heldOn: session.heldOn,
      link,
      expiresAt,
    });
    await ctx.mailer.queue(tx, { organisationId, to: row.email, kind: 'training_confirmation', ...mail });
    links.push({ personId, link });
  }
  await appendAudit(tx, {
    organisationId,
    actorUserId: actor.userId,
    action: 'training.confirmations_sent',
    entityType: 'training_session',
    entityId: sessionId,
    data: { sentTo: links.map((l) => l.personId), withoutEmail },
  });
  return { sent: links.length, withoutEmail, links: ctx.mailer.usesSmtp ? null : links };
}

/** The first word of a name: the public page greets the person without showing the full name. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/**
 * The open link of a token, looked up by its hash outside any organisation (the public page has no session) and
 * locked, so that ten confirmations sent at once are answered one after the other: one succeeds, the rest see it used.
 */
async function findConfirmation(tx: Tx, token: string) {
  const [row] = await tx
    .select({
      confirmation: trainingConfirmations,
      personName: people.name,
      status: trainingAttendance.status,
      confirmedAt: trainingAttendance.confirmedAt,
      heldOn: trainingSessions.heldOn,
      courseTitle: trainingCourses.title,
      durationMinutes: trainingCourses.durationMinutes,
      organisationName: organisations.name,
    })
    .from(trainingConfirmations)
    .innerJoin(
      trainingAttendance,
      and(eq(trainingAttendance.organisationId, trainingConfirmations.organisationId), eq(trainingAttendance.id, trainingConfirmations.attendanceId)),
    )
    .innerJoin(
      trainingSessions,
      and(eq(trainingSessions.organisationId, trainingAttendance.organisationId), eq(trainingSessions.id, trainingAttendance.sessionId)),
    )
    .innerJoin(trainingCourses, and(eq(trainingCourses.organisationId, trainingSessions.organisationId), eq(trainingCourses.id, trainingSessions.courseId)))
    .innerJoin(organisations, eq(organisations.id, trainingConfirmations.organisationId))
    .leftJoin(people, and(eq(people.organisationId, trainingAttendance.organisationId), eq(people.id, trainingAttendance.personId)))
    .where(eq(trainingConfirmations.tokenHash, hashToken(token)))
    .for('update', { of: trainingConfirmations });
  if (!row || row.personName === null) throw new AppError('training.confirmation_not_found', 404);
  if (row.confirmation.usedAt || row.status === 'confirmed') throw new AppError('training.confirmation_used', 410);
  if (row.confirmation.expiresAt < new Date()) throw new AppError('training.confirmation_expired', 410);
  return row;
}

export async function describeConfirmation(ctx: AppContext, token: string) {
  return withSystem(ctx.db, async (tx) => {
    const row = await findConfirmation(tx, token);
    return {
      courseTitle: row.courseTitle,
      heldOn: row.heldOn,
      durationMinutes: row.durationMinutes,
      firstName: firstNameOf(row.personName ?? ''),
      organisationName: row.organisationName,
      confirmedAt: null,
      expiresAt: row.confirmation.expiresAt,
    };
  });
}

/** The person confirms with the link: their attendance is confirmed, the link is used up. */
export async function confirmAttendance(ctx: AppContext, token: string) {
  return withSystem(ctx.db, async (tx) => {
    const row = await findConfirmation(tx, token);
    const now = new Date();
    const { organisationId, id, attendanceId } = row.confirmation;
    await tx
      .update(trainingConfirmations)
      .set({ usedAt: now })
      .where(and(eq(trainingConfirmations.organisationId, organisationId), eq(trainingConfirmations.id, id)));
    await tx
      .update(trainingAttendance)
      .set({ status: 'confirmed', confirmedAt: now, confirmationMethod: 'link' })
      .where(and(eq(trainingAttendance.organisationId, organisationId), eq(trainingAttendance.id, attendanceId)));
    await appendAudit(tx, {
      organisationId,
      actorUserId: null,
      action: 'training.attendance_confirmed',
      entityType: 'training_attendance',
      entityId: attendanceId,
      data: { method: 'link', confirmationId: id },
    });
    return {
      courseTitle: row.courseTitle,
      heldOn: row.heldOn,
      durationMinutes: row.durationMinutes,
      firstName: firstNameOf(row.personName ?? ''),
      organisationName: row.organisationName,
      confirmedAt: now,
      expiresAt: row.confirmation.expiresAt,
    };
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
