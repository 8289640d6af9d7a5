import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { computeReportingDeadlines, LEGAL_ZONE, nextDeadline, type SubmittedReports } from '../../../domain/incidents/deadlines.ts';
import type { AddIncidentEvent, RecordSubmission, ReportIncident, SignificanceAnswers } from '../../../domain/incidents/incident.schema.ts';
import { assessSignificance } from '../../../domain/incidents/significance.ts';
import { queryRows, type Tx } from '../../db/connect.ts';
import { incidentEvents, incidents, incidentSubmissions, locations } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { latestCheckSummaries } from '../compliance/applicability.service.ts';
import { storedEscalation } from '../registration/registration.service.ts';
import { planReminders } from './reminders.service.ts';

type IncidentRow = typeof incidents.$inferSelect;

const berlinIso = (date: Date) => DateTime.fromJSDate(date).setZone(LEGAL_ZONE).toISO()!;

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

async function findIncident(tx: Tx, organisationId: string, incidentId: string): Promise<IncidentRow> {
  const [row] = await tx.select().from(incidents).where(and(eq(incidents.organisationId, organisationId), eq(incidents.id, incidentId)));
  if (!row) throw new AppError('incident.not_found', 404);
  return row;
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
  await tx.update(incidents).set({ handlingCompletedAt: at }).where(and(eq(incidents.organisationId, actor.organisationId), eq(incidents.id, incidentId)));
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

/**
 * The legal clocks of one incident from its data, the organisation's NIS2 category and what has been submitted.
 * Without a NIS2 check the organisation is treated as an important entity (flagged): better a clock too many than
 * a missed report.
 */
function clocksOf(incident: IncidentRow, category: string | null, submitted: Map<string, Date>, now: Date) {
  const answers = incident.significance as SignificanceAnswers | null;
  const entityCategory = (category ?? 'important') as 'important' | 'particularly_important' | 'not_affected';
  const at = (kind: string) => (submitted.has(kind) ? berlinIso(submitted.get(kind)!) : undefined);
  const deadlines = computeReportingDeadlines({
    awareAt: berlinIso(incident.noticedAt),
    entityCategory,
    significantIncident: incident.significant === true,
    notificationSubmittedAt: at('notification'),
    handlingCompletedAt: incident.handlingCompletedAt ? berlinIso(incident.handlingCompletedAt) : undefined,
    // An incident in the app is being handled until someone records the end of handling.
    handlingOngoing: incident.handlingCompletedAt === null,
    personalDataBreach: answers?.personalDataBreach ?? false,
    gdprRisk: answers?.gdprRisk ?? 'none',
    encryptedWithUncompromisedKeys: answers?.encryptedWithUncompromisedKeys ?? false,
  });
  const reports: SubmittedReports = {
    earlyWarningAt: at('early_warning') ?? null,
    notificationAt: at('notification') ?? null,
    progressReportAt: at('progress_report') ?? null,
    finalReportAt: at('final_report') ?? null,
    gdprArt33At: at('gdpr_art33') ?? null,
  };
  return { ...deadlines, categoryAssumed: category === null, next: nextDeadline(deadlines, reports, now) };
}

async function submissionsOf(tx: Tx, organisationId: string) {
  const rows = await tx.select().from(incidentSubmissions).where(eq(incidentSubmissions.organisationId, organisationId));
  const byIncident = new Map<string, Map<string, Date>>();
  for (const row of rows) {
    const map = byIncident.get(row.incidentId) ?? new Map<string, Date>();
    map.set(row.kind, row.submittedAt);
    byIncident.set(row.incidentId, map);
  }
  return { rows, byIncident };
}

/** A page of incidents: newest first (numbers are unique per organisation), `before` a number from the previous page. */
export interface IncidentPage {
  limit?: number;
  before?: number;
}

/** The dashboard looks for report deadlines among this many newest incidents; the incidents list pages through all. */
export const DEADLINE_INCIDENTS = 200;

export async function listIncidents(tx: Tx, organisationId: string, now = new Date(), { limit = 100, before }: IncidentPage = {}) {
  const rows = await tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.organisationId, organisationId), before === undefined ? undefined : sql`${incidents.number} < ${before}`))
    .orderBy(desc(incidents.number), asc(incidents.id))
    .limit(limit);
  const { nis2 } = await latestCheckSummaries(tx, organisationId);
  const submitted = rows.length
    ? await tx
        .select({ incidentId: incidentSubmissions.incidentId, kind: incidentSubmissions.kind, submittedAt: incidentSubmissions.submittedAt })
        .from(incidentSubmissions)
        .where(and(eq(incidentSubmissions.organisationId, organisationId), inArray(incidentSubmissions.incidentId, rows.map((r) => r.id))))
    : [];
  const byIncident = new Map<string, Map<string, Date>>();
  for (const s of submitted) byIncident.set(s.incidentId, (byIncident.get(s.incidentId) ?? new Map<string, Date>()).set(s.kind, s.submittedAt));
  return rows.map((incident) => {
    const clocks = clocksOf(incident, nis2?.category ?? null, byIncident.get(incident.id) ?? new Map(), now);
    return {
      id: incident.id,
      number: incident.number,
      title: incident.title,
      noticedAt: incident.noticedAt,
      patientDataInvolved: incident.patientDataInvolved,
      significant: incident.significant,
      handlingCompletedAt: incident.handlingCompletedAt,
      next: clocks.next,
    };
  });
}

export async function countIncidents(tx: Tx, organisationId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(incidents).where(eq(incidents.organisationId, organisationId));
  return Number(row?.n ?? 0);
}

/** The newest DEADLINE_INCIDENTS incidents with their next deadline, for the dashboard's deadline card. */
export function incidentsWithDeadlines(tx: Tx, organisationId: string, now = new Date()) {
  return listIncidents(tx, organisationId, now, { limit: DEADLINE_INCIDENTS });
}

export async function getIncident(tx: Tx, organisationId: string, incidentId: string, now = new Date()) {
  const incident = await findIncident(tx, organisationId, incidentId);
  const { nis2 } = await latestCheckSummaries(tx, organisationId);
  const { rows } = await submissionsOf(tx, organisationId);
  const submissions = rows.filter((r) => r.incidentId === incidentId);
  const events = await tx
    .select()
    .from(incidentEvents)
    .where(and(eq(incidentEvents.organisationId, organisationId), eq(incidentEvents.incidentId, incidentId)))
    .orderBy(asc(incidentEvents.at), asc(incidentEvents.id));
  const clocks = clocksOf(incident, nis2?.category ?? null, new Map(submissions.map((s) => [s.kind, s.submittedAt])), now);
  return {
    ...incident,
    ...(await storedEscalation(tx, organisationId)),
    assessment: incident.significance ? assessSignificance(incident.significance as SignificanceAnswers) : null,
    submissions: submissions.map(({ kind, submittedAt, reference, recordedAt }) => ({ kind, submittedAt, reference, recordedAt })),
    events,
    clocks,
  };
}
