import { and, asc, eq, inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { computeReportingDeadlines, LEGAL_ZONE, nextDeadline, type SubmittedReports } from '../../../domain/incidents/deadlines.ts';
import type { SignificanceAnswers } from '../../../domain/incidents/incident.schema.ts';
import { type IntermediateRequest, intermediateDueDates } from '../../../domain/incidents/intermediate.ts';
import type { Tx } from '../../db/connect.ts';
import { incidentIntermediateRequests, incidentSubmissions, incidents } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { latestCheckSummaries } from '../compliance/compliance.ts';

// The clocks of an incident, read by the incident pages and by the reminder jobs alike. Kept apart from
// incidents.service.ts, which plans reminders, so that the reminders do not import the service that calls them.

export type IncidentRow = typeof incidents.$inferSelect;

export const berlinIso = (date: Date) => DateTime.fromJSDate(date).setZone(LEGAL_ZONE).toISO()!;

export async function findIncident(tx: Tx, organisationId: string, incidentId: string): Promise<IncidentRow> {
  const [row] = await tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.organisationId, organisationId), eq(incidents.id, incidentId)));
  if (!row) throw new AppError('incident.not_found', 404);
  return row;
}

/**
 * The legal clocks of one incident from its data, the organisation's NIS2 category, what has been submitted and the
 * open requests of the BSI for an intermediate report. Without a NIS2 check the organisation is treated as an
 * important entity (flagged): better a clock too many than a missed report.
 */
export function clocksOf(
  incident: IncidentRow,
  category: string | null,
  submitted: Map<string, Date>,
  intermediate: readonly IntermediateRequest[],
  now: Date,
) {
  const answers = incident.significance as SignificanceAnswers | null;
  const entityCategory = (category ?? 'important') as 'important' | 'particularly_important' | 'not_affected';
  const at = (kind: string) => {
    const date = submitted.get(kind);
    return date ? berlinIso(date) : undefined;
  };
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
  return { ...deadlines, categoryAssumed: category === null, next: nextDeadline(deadlines, reports, now, intermediateDueDates(intermediate, now)) };
}

export type IntermediateRequestRow = typeof incidentIntermediateRequests.$inferSelect;

/** The BSI's requests for intermediate reports on the given incidents, oldest first. */
export async function intermediateRequestsOf(tx: Tx, organisationId: string, incidentIds: string[]): Promise<IntermediateRequestRow[]> {
  if (incidentIds.length === 0) return [];
  return tx
    .select()
    .from(incidentIntermediateRequests)
    .where(and(eq(incidentIntermediateRequests.organisationId, organisationId), inArray(incidentIntermediateRequests.incidentId, incidentIds)))
    .orderBy(asc(incidentIntermediateRequests.requestedAt), asc(incidentIntermediateRequests.id));
}

export const asIntermediate = (row: IntermediateRequestRow): IntermediateRequest => ({
  id: row.id,
  requestedAt: berlinIso(row.requestedAt),
  dueAt: row.dueAt ? berlinIso(row.dueAt) : null,
  submittedAt: row.submittedAt ? berlinIso(row.submittedAt) : null,
});

/** One incident with its submissions, the BSI's requests and the running clocks. */
export async function incidentWithClocks(tx: Tx, organisationId: string, incidentId: string, now = new Date()) {
  const incident = await findIncident(tx, organisationId, incidentId);
  const { nis2 } = await latestCheckSummaries(tx, organisationId);
  const submissions = await tx
    .select()
    .from(incidentSubmissions)
    .where(and(eq(incidentSubmissions.organisationId, organisationId), eq(incidentSubmissions.incidentId, incidentId)));
  const intermediate = await intermediateRequestsOf(tx, organisationId, [incidentId]);
  const clocks = clocksOf(incident, nis2?.category ?? null, new Map(submissions.map((s) => [s.kind, s.submittedAt])), intermediate.map(asIntermediate), now);
  return { incident, submissions, intermediate, clocks };
}
