// Attendance of a training session: who took part, and the uploaded signed list as proof (decision 028).

import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { cleanFileName, EVIDENCE_MAX_BYTES, isAllowedEvidenceType } from '../../../domain/compliance/evidence.ts';
import { type AttendanceInput, trainingIssueCodes } from '../../../domain/training/training.schema.ts';
import type { Tx } from '../../db/connect.ts';
import { people, trainingAttendance, trainingAttendanceLists } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { findSession, getSession } from './training.service.ts';

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
