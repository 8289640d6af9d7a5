import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { IncidentListQuery, IncidentListSort } from '../../../domain/incidents/incident-list.ts';
import type { Tx } from '../../db/connect.ts';
import { containsText, countRows, type ListDefinition, planList, type SortKey } from '../../db/list.ts';
import { incidentSubmissions, incidents } from '../../db/schema.ts';
import { latestCheckSummaries } from '../compliance/compliance.ts';
import { asIntermediate, clocksOf, type IncidentRow, type IntermediateRequestRow, intermediateRequestsOf } from './clocks.service.ts';

// The incidents list (decision 021): filters, search, sort, keyset paging and the total in SQL; the clocks are
// computed in JavaScript for the rows of one page only (at most INCIDENT_PAGE_MAX), never for the whole organisation.

/** Numbers are unique within the organisation and given out in reporting order: the tie-breaker of every sort. */
const byNumber: SortKey = { sql: incidents.number, type: 'integer' };

/**
 * What needs attention first: open and not assessed (0), open and significant (1), open and not significant (2),
 * closed (3).
 */
const statusRank = sql`(case
  when ${incidents.handlingCompletedAt} is not null then 3
  when ${incidents.significant} is null then 0
  when ${incidents.significant} then 1
  else 2 end)`;

const incidentList: ListDefinition<IncidentListSort> = {
  sort: {
    number: byNumber,
    noticedAt: { sql: incidents.noticedAt, type: 'timestamptz' },
    status: { sql: statusRank, type: 'integer' },
    // Case-insensitive: "phishing" and "Phishing" sort together.
    title: { sql: sql`lower(${incidents.title})`, type: 'text' },
  },
  unique: byNumber,
};

function significanceFilter(significance: IncidentListQuery['significance']): SQL | undefined {
  switch (significance) {
    case 'significant':
      return eq(incidents.significant, true);
    case 'not_significant':
      return eq(incidents.significant, false);
    case 'unassessed':
      return isNull(incidents.significant);
    default:
      return undefined;
  }
}

/** The WHERE of the list and of its total: the organisation, the filters and the search in the title. */
function listFilters(organisationId: string, query: IncidentListQuery): SQL | undefined {
  return and(
    eq(incidents.organisationId, organisationId),
    query.status === 'open' ? isNull(incidents.handlingCompletedAt) : query.status === 'closed' ? isNotNull(incidents.handlingCompletedAt) : undefined,
    significanceFilter(query.significance),
    containsText(query.q, incidents.title),
  );
}

/**
 * The fields of the list and the report due next of each given incident: one query for the submissions and one for
 * the BSI's requests of all of them, so the work grows with the rows given (a page), not with the organisation.
 */
export async function summariseIncidents(tx: Tx, organisationId: string, rows: IncidentRow[], now: Date) {
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
  return rows.map((incident) => {
    const intermediate = (requestsOf.get(incident.id) ?? []).map(asIntermediate);
    const clocks = clocksOf(incident, nis2?.category ?? null, submissionsOf.get(incident.id) ?? new Map(), intermediate, now);
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

/** One page of the incidents list with the total matching the filters and the cursor of the next page. */
export async function listIncidentPage(tx: Tx, organisationId: string, query: IncidentListQuery, now = new Date()) {
  const plan = planList(incidentList, query);
  const where = listFilters(organisationId, query);
  const rows = await tx
    .select({ incident: incidents, ...plan.cursorColumns })
    .from(incidents)
    .where(and(where, plan.after))
    .orderBy(...plan.orderBy)
    .limit(plan.fetch);
  const [count] = await tx.select({ n: countRows() }).from(incidents).where(where);
  const page = plan.page(rows, Number(count?.n ?? 0));
  return {
    ...page,
    items: await summariseIncidents(
      tx,
      organisationId,
      page.items.map((r) => r.incident),
      now,
    ),
  };
}

/** The newest `limit` incidents (by number) with their next deadline, without a total: for the dashboard. */
export async function newestIncidents(tx: Tx, organisationId: string, limit: number, now = new Date()) {
  const rows = await tx.select().from(incidents).where(eq(incidents.organisationId, organisationId)).orderBy(sql`${incidents.number} desc`).limit(limit);
  return summariseIncidents(tx, organisationId, rows, now);
}
