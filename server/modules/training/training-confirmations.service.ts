// Confirmation links: a one-time link by mail with which a person confirms their own attendance, no account needed
// (decision 028).

import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { CONFIRMATION_VALID_DAYS, trainingIssueCodes } from '../../../domain/training/training.schema.ts';
import type { AppContext } from '../../context.ts';
import { hashToken, newToken } from '../../crypto.ts';
import type { Tx } from '../../db/connect.ts';
import { organisations, people, trainingAttendance, trainingConfirmations, trainingCourses, trainingSessions, users } from '../../db/schema.ts';
import { withSystem } from '../../db/tenant.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { asLocale } from '../../i18n/texts.ts';
import { publicUrl } from '../../public-url.ts';
import { appendAudit } from '../audit/audit.ts';
import { trainingConfirmationMail } from './training.mail.ts';
import { findSession } from './training.service.ts';

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
