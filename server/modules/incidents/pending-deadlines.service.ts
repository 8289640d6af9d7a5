import { and, eq, inArray, sql } from 'drizzle-orm';
import type { IncidentReportKind } from '../../../domain/incidents/incident.schema.ts';
import { intermediateDueDates } from '../../../domain/incidents/intermediate.ts';
import { pendingDeadlines, type ReminderKind } from '../../../domain/incidents/reminders.ts';
import type { Tx } from '../../db/connect.ts';
import { incidentSubmissions, incidents } from '../../db/schema.ts';
import { latestCheckSummaries } from '../compliance/compliance.ts';
import { asIntermediate, clocksOf, type IntermediateRequestRow, intermediateRequestsOf } from './clocks.service.ts';
import { DEADLINE_INCIDENTS } from './incidents.service.ts';

export interface PendingIncidentDeadlines {
  id: string;
  number: number;
  title: string;
  /** Every report still owed with its deadline (not only the next one), soonest first. */
  deadlines: { report: ReminderKind | 'intermediate_report'; due: string }[];
}

/**
 * The running report clocks of the organisation's newest DEADLINE_INCIDENTS incidents, for the calendar feeds: every
 * deadline still waiting for its report (§ 32 BSIG early warning, notification, progress and final report, the BSI's
 * dated requests for an intermediate report, Art. 33 DSGVO). Three queries whatever the number of incidents.
 */
export async function incidentsWithPendingDeadlines(tx: Tx, organisationId: string, now = new Date()): Promise<PendingIncidentDeadlines[]> {
  const rows = await tx
    .select()
    .from(incidents)
    .where(eq(incidents.organisationId, organisationId))
    .orderBy(sql`${incidents.number} desc`)
    .limit(DEADLINE_INCIDENTS);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const { nis2 } = await latestCheckSummaries(tx, organisationId);
  const submitted = await tx
    .select({ incidentId: incidentSubmissions.incidentId, kind: incidentSubmissions.kind, submittedAt: incidentSubmissions.submittedAt })
    .from(incidentSubmissions)
    .where(and(eq(incidentSubmissions.organisationId, organisationId), inArray(incidentSubmissions.incidentId, ids)));
  const submissionsOf = new Map<string, Map<string, Date>>();
  for (const s of submitted) submissionsOf.set(s.incidentId, (submissionsOf.get(s.incidentId) ?? new Map<string, Date>()).set(s.kind, s.submittedAt));
  const requestsOf = new Map<string, IntermediateRequestRow[]>();
  for (const r of await intermediateRequestsOf(tx, organisationId, ids)) requestsOf.set(r.incidentId, [...(requestsOf.get(r.incidentId) ?? []), r]);
  const result: PendingIncidentDeadlines[] = [];
  for (const incident of rows) {
    const submissions = submissionsOf.get(incident.id) ?? new Map<string, Date>();
    const intermediate = (requestsOf.get(incident.id) ?? []).map(asIntermediate);
    const clocks = clocksOf(incident, nis2?.category ?? null, submissions, intermediate, now);
    const deadlines: PendingIncidentDeadlines['deadlines'] = [
      ...pendingDeadlines(clocks.bsig, clocks.gdpr, new Set(submissions.keys()) as Set<IncidentReportKind>).map((d) => ({ report: d.kind, due: d.due })),
      ...intermediateDueDates(intermediate, now).map((due) => ({ report: 'intermediate_report' as const, due })),
    ].sort((a, b) => Date.parse(a.due) - Date.parse(b.due));
    if (deadlines.length > 0) result.push({ id: incident.id, number: incident.number, title: incident.title, deadlines });
  }
  return result;
}
