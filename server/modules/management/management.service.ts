import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  approvalStanding,
  type ManagementApprovalInput,
  type ManagementTrainingInput,
  managementIssueCodes,
  missingDuties,
  trainingStanding,
} from '../../../domain/management/management.ts';
import type { Tx } from '../../db/connect.ts';
import { databaseErrorOf, FOREIGN_KEY_VIOLATION } from '../../db/errors.ts';
import { evidenceFiles, managementApprovals, managementTrainings, people } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { practiceToday } from '../assets/assets.ts';
import { appendAudit } from '../audit/audit.ts';
import { statusSnapshot } from '../compliance/compliance.ts';

type TrainingRow = typeof managementTrainings.$inferSelect;

/** Directors are people with the role management who have not left by `today` (a future start still counts: they sign before). */
const isCurrentDirector = (today: string) => and(eq(people.role, 'management'), sql`(${people.endsOn} is null or ${people.endsOn} >= ${today}::date)`);

async function findDirector(tx: Tx, organisationId: string, personId: string) {
  const [person] = await tx
    .select({ id: people.id, name: people.name, role: people.role, userId: people.userId, endsOn: people.endsOn })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId)));
  if (!person) throw new AppError('person.not_found', 404);
  if (person.role !== 'management') throw new AppError(managementIssueCodes.notDirector, 409);
  return person;
}

/**
 * Where every current director stands with § 38 BSIG: last training and when it lapses, last approval and how much
 * has changed since. Directors are few (one to a handful), so one row each; the counts come from the database.
 */
export async function overview(tx: Tx, organisationId: string, userId: string | null = null, now = new Date()) {
  const today = practiceToday(now);
  const snapshot = await statusSnapshot(tx, organisationId, now);
  // The subqueries name people's columns in full: drizzle leaves them unqualified, and inside the subquery an
  // unqualified organisation_id or id would be the inner table's own.
  const directors = await tx
    .select({
      personId: people.id,
      name: people.name,
      userId: people.userId,
      lastTrainingOn: sql<
        string | null
      >`(select max(held_on)::text from management_trainings t where t.organisation_id = people.organisation_id and t.person_id = people.id)`,
      trainings:
        sql<number>`(select count(*)::int from management_trainings t where t.organisation_id = people.organisation_id and t.person_id = people.id)`.mapWith(
          Number,
        ),
      lastApprovalAt:
        sql<Date | null>`(select max(approved_at) from management_approvals a where a.organisation_id = people.organisation_id and a.person_id = people.id)`.mapWith(
          (v) => (v === null ? null : new Date(v)),
        ),
      lastApprovedVersion: sql<
        number | null
      >`(select status_version from management_approvals a where a.organisation_id = people.organisation_id and a.person_id = people.id order by approved_at desc, id limit 1)`.mapWith(
        (v) => (v === null ? null : Number(v)),
      ),
    })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), isCurrentDirector(today)))
    .orderBy(sql`lower(${people.name})`, people.id)
    .limit(100);
  return {
    today,
    status: snapshot,
    directors: directors.map((d) => {
      const training = trainingStanding(d.lastTrainingOn, today);
      const approval = approvalStanding(d.lastApprovedVersion, snapshot.version);
      return {
        personId: d.personId,
        name: d.name,
        hasAccount: d.userId !== null,
        isYou: userId !== null && d.userId === userId,
        trainings: d.trainings,
        lastTrainingOn: d.lastTrainingOn,
        training,
        lastApprovalAt: d.lastApprovalAt,
        approval,
        missing: missingDuties(training.state, approval.state),
      };
    }),
  };
}

/** One director's records: trainings newest first with their certificates, approvals newest first. */
export async function directorRecords(tx: Tx, organisationId: string, personId: string) {
  const person = await findDirector(tx, organisationId, personId);
  const trainings = await tx
    .select({ training: managementTrainings, certificate: { id: evidenceFiles.id, fileName: evidenceFiles.fileName } })
    .from(managementTrainings)
    .leftJoin(
      evidenceFiles,
      and(eq(evidenceFiles.organisationId, managementTrainings.organisationId), eq(evidenceFiles.id, managementTrainings.certificateEvidenceId)),
    )
    .where(and(eq(managementTrainings.organisationId, organisationId), eq(managementTrainings.personId, personId)))
    .orderBy(desc(managementTrainings.heldOn), managementTrainings.id)
    .limit(200);
  const approvals = await tx
    .select()
    .from(managementApprovals)
    .where(and(eq(managementApprovals.organisationId, organisationId), eq(managementApprovals.personId, personId)))
    .orderBy(desc(managementApprovals.approvedAt), managementApprovals.id)
    .limit(200);
  return {
    person: { id: person.id, name: person.name, hasAccount: person.userId !== null },
    trainings: trainings.map(({ training, certificate }) => ({ ...strip(training), certificate: certificate?.id ? certificate : null })),
    approvals: approvals.map(({ organisationId: _o, ...a }) => a),
  };
}

function strip(row: TrainingRow) {
  const { organisationId: _organisation, recordedByUserId: _by, ...training } = row;
  return training;
}

async function checkCertificate(tx: Tx, organisationId: string, evidenceId: string | null) {
  if (!evidenceId) return;
  const [file] = await tx
    .select({ id: evidenceFiles.id })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.organisationId, organisationId), eq(evidenceFiles.id, evidenceId)));
  if (!file) throw fieldError(['certificateEvidenceId'], managementIssueCodes.evidenceUnknown);
}

const certificateGone = (error: unknown) =>
  databaseErrorOf(error)?.code === FOREIGN_KEY_VIOLATION ? fieldError(['certificateEvidenceId'], managementIssueCodes.evidenceUnknown) : error;

export async function addTraining(tx: Tx, actor: Actor, personId: string, input: ManagementTrainingInput) {
  const director = await findDirector(tx, actor.organisationId, personId);
  await checkCertificate(tx, actor.organisationId, input.certificateEvidenceId);
  const id = randomUUID();
  const [row] = await tx
    .insert(managementTrainings)
    .values({ ...input, organisationId: actor.organisationId, id, personId, recordedByUserId: actor.userId })
    .returning()
    .catch((error: unknown) => {
      throw certificateGone(error);
    });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'management.training_recorded',
    entityType: 'person',
    entityId: personId,
    data: { director: director.name, heldOn: input.heldOn, provider: input.provider },
  });
  return strip(row!);
}

export async function updateTraining(tx: Tx, actor: Actor, trainingId: string, input: ManagementTrainingInput & { revision: number }) {
  const { revision, ...fields } = input;
  const [before] = await tx
    .select({ personId: managementTrainings.personId })
    .from(managementTrainings)
    .where(and(eq(managementTrainings.organisationId, actor.organisationId), eq(managementTrainings.id, trainingId)));
  if (!before) throw new AppError('management.training_not_found', 404);
  await checkCertificate(tx, actor.organisationId, fields.certificateEvidenceId);
  const [row] = await tx
    .update(managementTrainings)
    .set({ ...fields, revision: sql`${managementTrainings.revision} + 1`, updatedAt: new Date() })
    .where(
      and(eq(managementTrainings.organisationId, actor.organisationId), eq(managementTrainings.id, trainingId), eq(managementTrainings.revision, revision)),
    )
    .returning()
    .catch((error: unknown) => {
      throw certificateGone(error);
    });
  if (!row) throw new AppError('management.revision_conflict', 409);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'management.training_updated',
    entityType: 'person',
    entityId: before.personId ?? trainingId,
    data: { heldOn: row.heldOn, provider: row.provider },
  });
  return strip(row);
}

export async function deleteTraining(tx: Tx, actor: Actor, trainingId: string) {
  const [row] = await tx
    .delete(managementTrainings)
    .where(and(eq(managementTrainings.organisationId, actor.organisationId), eq(managementTrainings.id, trainingId)))
    .returning({ personId: managementTrainings.personId, heldOn: managementTrainings.heldOn, provider: managementTrainings.provider });
  if (!row) throw new AppError('management.training_not_found', 404);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'management.training_deleted',
    entityType: 'person',
    entityId: row.personId ?? trainingId,
    data: { heldOn: row.heldOn, provider: row.provider },
  });
}

/**
 * A director approves the measures as they stand now (§ 38 Abs. 1 BSIG). Only the director, signed in with the
 * account linked to their person record: the law does not let anyone approve on a director's behalf.
 */
export async function approve(tx: Tx, actor: Actor, personId: string, input: ManagementApprovalInput, now = new Date()) {
  const director = await findDirector(tx, actor.organisationId, personId);
  if (director.userId !== actor.userId) throw new AppError(managementIssueCodes.notYourself, 403);
  if (director.endsOn && director.endsOn < practiceToday(now)) throw new AppError(managementIssueCodes.notDirector, 409);
  const snapshot = await statusSnapshot(tx, actor.organisationId, now);
  const id = randomUUID();
  const [row] = await tx
    .insert(managementApprovals)
    .values({
      organisationId: actor.organisationId,
      id,
      personId,
      approvedByUserId: actor.userId,
      approvedAt: now,
      statusVersion: snapshot.version,
      kbvDone: snapshot.kbv.done,
      kbvTotal: snapshot.kbv.total,
      nis2Done: snapshot.nis2.done,
      nis2Total: snapshot.nis2.total,
      remark: input.remark,
    })
    .returning();
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'management.approved',
    entityType: 'person',
    entityId: personId,
    data: { director: director.name, statusVersion: snapshot.version, kbv: snapshot.kbv, nis2: snapshot.nis2 },
  });
  const { organisationId: _o, ...approval } = row!;
  return approval;
}

/**
 * The director record of a signed-in member: a current person with the role management linked to their account, or
 * null. Other modules ask it when an act of management (approving a document version) also counts as the director's
 * § 38 Abs. 1 BSIG approval.
 */
export async function directorOf(tx: Tx, organisationId: string, userId: string, now = new Date()): Promise<{ id: string; name: string } | null> {
  const today = practiceToday(now);
  const [person] = await tx
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.userId, userId), isCurrentDirector(today)))
    .orderBy(people.id)
    .limit(1);
  return person ?? null;
}

/** Records the signed-in director's § 38 approval with a remark (e.g. the document version approved); null when the member is no director. */
export async function approveAsDirector(tx: Tx, actor: Actor, remark: string, now = new Date()): Promise<string | null> {
  const director = await directorOf(tx, actor.organisationId, actor.userId, now);
  if (!director) return null;
  const approval = await approve(tx, actor, director.id, { remark }, now);
  return approval.id;
}
