import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { AuditAction } from '../../../domain/audit/audit-actions.ts';
import { escalationChecklist, escalationLabel } from '../../../domain/incidents/escalation.ts';
import type {
  AddIncidentEvent,
  RecordIntermediateRequest,
  RecordIntermediateSubmission,
  RecordSubmission,
  ReportIncident,
  SetEscalationTick,
  SignificanceAnswers,
} from '../../../domain/incidents/incident.schema.ts';
import { assessSignificance } from '../../../domain/incidents/significance.ts';
import { queryRows, type Tx } from '../../db/connect.ts';
import { incidentEscalationTicks, incidentEvents, incidentIntermediateRequests, incidentSubmissions, incidents, locations } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { storedEscalation } from '../registration/registration.ts';
import { findIncident, incidentWithClocks } from './clocks.service.ts';
import { newestIncidents } from './incident-list.service.ts';
import { planReminders } from './reminders.service.ts';

const instant = (value: string) => new Date(DateTime.fromISO(value, { setZone: true }).toMillis());

async function addEventRow(tx: Tx, actor: Actor, incidentId: string, kind: string, text: string, data: Record<string, unknown> = {}, at = new Date()) {
  await tx.insert(incidentEvents).values({ organisationId: actor.organisationId, id: randomUUID(), incidentId, at, kind, text, data, createdBy: actor.userId });
}

/**
 * The next incident number of the organisation, from its counter row in one statement: simultaneous reports queue on
 * that row and each gets its own number. The first number, and a counter behind the incidents (e.g. after restoring
 * a backup made before the counter existed), continue from the highest stored number.
 */
export async function nextIncidentNumber(tx: Tx, organisationId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`insert into organisation_counters (organisation_id, incident_number)
        values (${organisationId}, (select coalesce(max(number), 0) + 1 from incidents where organisation_id = ${organisationId}))
        on conflict (organisation_id) do update
          set incident_number = greatest(organisation_counters.incident_number + 1, excluded.incident_number)
        returning incident_number as n`,
  );
  return row!.n;
}

/** Reporting in under a minute: the clocks start at noticedAt, the significance assessment follows. */
export async function reportIncident(tx: Tx, actor: Actor, input: ReportIncident) {
  if (input.locationIds.length) {
    const known = await tx.select({ id: locations.id }).from(locations).where(eq(locations.organisationId, actor.organisationId));
    const knownIds = new Set(known.map((l) => l.id));
    const unknown = input.locationIds.findIndex((id) => !knownIds.has(id));
    if (unknown >= 0) throw fieldError(['locationIds', unknown], 'location.not_found');
  }
  const number = await nextIncidentNumber(tx, actor.organisationId);
  const id = randomUUID();
  const noticedAt = new Date(DateTime.fromISO(input.noticedAt, { setZone: true }).toMillis());
  await tx.insert(incidents).values({
    organisationId: actor.organisationId,
    id,
    number,
    title: input.title,
    description: input.description,
    noticedAt,
    locationIds: input.locationIds,
    systems: input.systems,
    suspectedOrigin: input.suspectedOrigin,
    patientDataInvolved: input.patientDataInvolved,
    reportedBy: actor.userId,
  });
  await addEventRow(tx, actor, id, 'reported', input.title, { noticedAt: input.noticedAt });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'incident.reported',
    entityType: 'incident',
    entityId: id,
    data: { number, title: input.title, noticedAt: input.noticedAt, patientDataInvolved: input.patientDataInvolved },
  });
  return { id, number };
}

export async function assessIncident(tx: Tx, actor: Actor, incidentId: string, answers: SignificanceAnswers) {
  await findIncident(tx, actor.organisationId, incidentId);
  const result = assessSignificance(answers);
  await tx
    .update(incidents)
    .set({ significance: answers as unknown as Record<string, unknown>, significant: result.significant, assessedAt: new Date() })
    .where(and(eq(incidents.organisationId, actor.organisationId), eq(incidents.id, incidentId)));
  await addEventRow(tx, actor, incidentId, 'assessed', result.significant ? 'erheblich' : 'nicht erheblich', { significant: result.significant });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'incident.assessed',
    entityType: 'incident',
    entityId: incidentId,
    data: { significant: result.significant, answers },
  });
  await planReminders(tx, actor.organisationId, incidentId);
  return result;
}

export async function addIncidentEvent(tx: Tx, actor: Actor, incidentId: string, input: AddIncidentEvent) {
  await findIncident(tx, actor.organisationId, incidentId);
  const at = input.at ? new Date(DateTime.fromISO(input.at, { setZone: true }).toMillis()) : new Date();
  await addEventRow(tx, actor, incidentId, input.kind, input.text, {}, at);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'incident.event_added',
    entityType: 'incident',
    entityId: incidentId,
    data: { kind: input.kind },
  });
}

/** Records that a report went out (when, reference number); the clocks move on from the actual submission. */
export async function recordSubmission(tx: Tx, actor: Actor, incidentId: string, input: RecordSubmission) {
  const incident = await findIncident(tx, actor.organisationId, incidentId);
  const submittedAt = new Date(DateTime.fromISO(input.submittedAt, { setZone: true }).toMillis());
  if (submittedAt < incident.noticedAt) throw fieldError(['submittedAt'], 'before_aware_at');
  await tx
    .insert(incidentSubmissions)
    .values({ organisationId: actor.organisationId, incidentId, kind: input.kind, submittedAt, reference: input.reference ?? null, recordedBy: actor.userId })
    .onConflictDoUpdate({
      target: [incidentSubmissions.organisationId, incidentSubmissions.incidentId, incidentSubmissions.kind],
      set: { submittedAt, reference: input.reference ?? null, recordedBy: actor.userId, recordedAt: new Date() },
    });
  await addEventRow(tx, actor, incidentId, 'submitted', input.kind, { kind: input.kind, reference: input.reference ?? null }, submittedAt);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'incident.report_submitted',
    entityType: 'incident',
    entityId: incidentId,
    data: { kind: input.kind, submittedAt: input.submittedAt, reference: input.reference ?? null },
  });
  await planReminders(tx, actor.organisationId, incidentId);
}

export async function completeHandling(tx: Tx, actor: Actor, incidentId: string, completedAt: string) {
  const incident = await findIncident(tx, actor.organisationId, incidentId);
  const at = new Date(DateTime.fromISO(completedAt, { setZone: true }).toMillis());
  if (at < incident.noticedAt) throw fieldError(['completedAt'], 'before_aware_at');
  await tx
    .update(incidents)
    .set({ handlingCompletedAt: at })
    .where(and(eq(incidents.organisationId, actor.organisationId), eq(incidents.id, incidentId)));
  await addEventRow(tx, actor, incidentId, 'handling_completed', '', {}, at);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'incident.handling_completed',
    entityType: 'incident',
    entityId: incidentId,
    data: { completedAt },
  });
  await planReminders(tx, actor.organisationId, incidentId);
}

/** The dashboard looks for report deadlines among this many newest incidents; the incidents list pages through all. */
export const DEADLINE_INCIDENTS = 200;

/** The newest DEADLINE_INCIDENTS incidents with their next deadline, for the dashboard's deadline card. */
export function incidentsWithDeadlines(tx: Tx, organisationId: string, now = new Date()) {
  return newestIncidents(tx, organisationId, DEADLINE_INCIDENTS, now);
}

export async function getIncident(tx: Tx, organisationId: string, incidentId: string, now = new Date()) {
  const { incident, submissions, intermediate, clocks } = await incidentWithClocks(tx, organisationId, incidentId, now);
  const events = await tx
    .select()
    .from(incidentEvents)
    .where(and(eq(incidentEvents.organisationId, organisationId), eq(incidentEvents.incidentId, incidentId)))
    .orderBy(asc(incidentEvents.at), asc(incidentEvents.id));
  const ticks = await tx
    .select({ step: incidentEscalationTicks.step, tickedAt: incidentEscalationTicks.tickedAt, tickedBy: incidentEscalationTicks.tickedBy })
    .from(incidentEscalationTicks)
    .where(and(eq(incidentEscalationTicks.organisationId, organisationId), eq(incidentEscalationTicks.incidentId, incidentId)))
    .orderBy(asc(incidentEscalationTicks.tickedAt), asc(incidentEscalationTicks.step));
  const significance = incident.significance as SignificanceAnswers | null;
  return {
    ...incident,
    significance,
    ...(await storedEscalation(tx, organisationId)),
    assessment: significance ? assessSignificance(significance) : null,
    submissions: submissions.map(({ kind, submittedAt, reference, recordedAt }) => ({ kind, submittedAt, reference, recordedAt })),
    intermediateRequests: intermediate.map((r) => ({
      id: r.id,
      requestedAt: r.requestedAt.toISOString(),
      dueAt: r.dueAt?.toISOString() ?? null,
      reference: r.requestReference,
      submittedAt: r.submittedAt?.toISOString() ?? null,
      submissionReference: r.submissionReference,
    })),
    escalationTicks: ticks,
    events,
    clocks,
  };
}

/**
 * Records a request of the BSI for an intermediate report (§ 32 Abs. 1 Nr. 3 BSIG). The same request sent twice (same
 * arrival) stays one: the second only changes its date or reference, and only a change reaches the timeline.
 */
export async function recordIntermediateRequest(tx: Tx, actor: Actor, incidentId: string, input: RecordIntermediateRequest) {
  const incident = await findIncident(tx, actor.organisationId, incidentId);
  const requestedAt = instant(input.requestedAt);
  if (requestedAt < incident.noticedAt) throw fieldError(['requestedAt'], 'before_aware_at');
  const dueAt = input.dueAt ? instant(input.dueAt) : null;
  const reference = input.reference || null;
  const id = randomUUID();
  const [inserted] = await tx
    .insert(incidentIntermediateRequests)
    .values({ organisationId: actor.organisationId, id, incidentId, requestedAt, dueAt, requestReference: reference, recordedBy: actor.userId })
    .onConflictDoNothing({
      target: [incidentIntermediateRequests.organisationId, incidentIntermediateRequests.incidentId, incidentIntermediateRequests.requestedAt],
    })
    .returning({ id: incidentIntermediateRequests.id });
  let requestId = inserted?.id;
  let action: AuditAction = 'incident.intermediate_requested';
  if (!requestId) {
    // Recorded before, or by a request arriving at the same moment: change it only when something differs.
    const [existing] = await tx
      .select()
      .from(incidentIntermediateRequests)
      .where(
        and(
          eq(incidentIntermediateRequests.organisationId, actor.organisationId),
          eq(incidentIntermediateRequests.incidentId, incidentId),
          eq(incidentIntermediateRequests.requestedAt, requestedAt),
        ),
      )
      .for('update');
    if (!existing) throw new AppError('incident.not_found', 404);
    requestId = existing.id;
    if ((existing.dueAt?.getTime() ?? null) === (dueAt?.getTime() ?? null) && existing.requestReference === reference) return { id: requestId };
    await tx
      .update(incidentIntermediateRequests)
      .set({ dueAt, requestReference: reference, recordedBy: actor.userId, recordedAt: new Date() })
      .where(and(eq(incidentIntermediateRequests.organisationId, actor.organisationId), eq(incidentIntermediateRequests.id, requestId)));
    action = 'incident.intermediate_request_changed';
  }
  const data = { requestId, requestedAt: input.requestedAt, dueAt: input.dueAt ?? null, reference };
  await addEventRow(tx, actor, incidentId, 'intermediate_requested', reference ?? '', data, requestedAt);
  await appendAudit(tx, { organisationId: actor.organisationId, actorUserId: actor.userId, action, entityType: 'incident', entityId: incidentId, data });
  return { id: requestId };
}

/** Records that the intermediate report one request asked for went out; recording the same again changes nothing. */
export async function recordIntermediateSubmission(tx: Tx, actor: Actor, incidentId: string, requestId: string, input: RecordIntermediateSubmission) {
  await findIncident(tx, actor.organisationId, incidentId);
  const [request] = await tx
    .select()
    .from(incidentIntermediateRequests)
    .where(
      and(
        eq(incidentIntermediateRequests.organisationId, actor.organisationId),
        eq(incidentIntermediateRequests.incidentId, incidentId),
        eq(incidentIntermediateRequests.id, requestId),
      ),
    )
    .for('update');
  if (!request) throw new AppError('incident.not_found', 404);
  const submittedAt = instant(input.submittedAt);
  if (submittedAt < request.requestedAt) throw fieldError(['submittedAt'], 'before_requested_at');
  const reference = input.reference || null;
  if (request.submittedAt?.getTime() === submittedAt.getTime() && request.submissionReference === reference) return;
  await tx
    .update(incidentIntermediateRequests)
    .set({ submittedAt, submissionReference: reference, recordedBy: actor.userId, recordedAt: new Date() })
    .where(and(eq(incidentIntermediateRequests.organisationId, actor.organisationId), eq(incidentIntermediateRequests.id, requestId)));
  await addEventRow(tx, actor, incidentId, 'submitted', 'intermediate_report', { kind: 'intermediate_report', reference, requestId }, submittedAt);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'incident.report_submitted',
    entityType: 'incident',
    entityId: incidentId,
    data: { kind: 'intermediate_report', requestId, submittedAt: input.submittedAt, reference },
  });
}

/**
 * Ticks or unticks one step of the escalation checklist. Only a change is written to the timeline and the audit trail,
 * so the same tick sent several times at once leaves one row and one entry.
 */
export async function setEscalationTick(tx: Tx, actor: Actor, incidentId: string, input: SetEscalationTick) {
  await findIncident(tx, actor.organisationId, incidentId);
  const { escalation } = await storedEscalation(tx, actor.organisationId);
  const step = escalationChecklist(escalation).find((s) => s.step === input.step);
  if (!step) throw fieldError(['step'], 'incident.escalation_step_unknown');
  const where = and(
    eq(incidentEscalationTicks.organisationId, actor.organisationId),
    eq(incidentEscalationTicks.incidentId, incidentId),
    eq(incidentEscalationTicks.step, input.step),
  );
  const changed = input.ticked
    ? await tx
        .insert(incidentEscalationTicks)
        .values({ organisationId: actor.organisationId, incidentId, step: input.step, tickedBy: actor.userId })
        .onConflictDoNothing()
        .returning({ step: incidentEscalationTicks.step })
    : await tx.delete(incidentEscalationTicks).where(where).returning({ step: incidentEscalationTicks.step });
  if (changed.length > 0) {
    const label = escalationLabel(step);
    await addEventRow(tx, actor, incidentId, input.ticked ? 'escalation_ticked' : 'escalation_unticked', label, { step: input.step, label });
    await appendAudit(tx, {
      organisationId: actor.organisationId,
      actorUserId: actor.userId,
      action: input.ticked ? 'incident.escalation_ticked' : 'incident.escalation_unticked',
      entityType: 'incident',
      entityId: incidentId,
      data: { step: input.step, label },
    });
  }
  const ticks = await tx
    .select({ step: incidentEscalationTicks.step, tickedAt: incidentEscalationTicks.tickedAt, tickedBy: incidentEscalationTicks.tickedBy })
    .from(incidentEscalationTicks)
    .where(and(eq(incidentEscalationTicks.organisationId, actor.organisationId), eq(incidentEscalationTicks.incidentId, incidentId)))
    .orderBy(asc(incidentEscalationTicks.tickedAt), asc(incidentEscalationTicks.step));
  return { ticks };
}
