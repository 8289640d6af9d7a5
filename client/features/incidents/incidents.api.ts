import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddIncidentEvent,
  RecordIntermediateRequest,
  RecordIntermediateSubmission,
  RecordSubmission,
  ReportIncident,
  SetEscalationTick,
  SignificanceAnswers,
  suspectedOrigins,
} from '../../../domain/incidents/incident.schema.ts';
import type { IncidentPage, IncidentSignificanceFilter, IncidentStatusFilter } from '../../../domain/incidents/incident-list.ts';
import type {
  EscalationTicks,
  IncidentDetail,
  IncidentEvent,
  IncidentSummary,
  NextDeadline,
  ReportDraft,
  ReportedIncident,
  SignificanceResultAnswer,
  Submission,
} from '../../../domain/incidents/incidents.response.ts';
import { type DraftKind, draftKinds } from '../../../domain/incidents/report-draft.ts';
import { type ListSort, useListQuery } from '../../components/data-table.tsx';
import { get, post, put } from '../../lib/api.ts';

// The answers' types come from the response schemas the server encodes them with (domain/incidents/incidents.response.ts).
export type { IncidentDetail, IncidentEvent, IncidentSummary, NextDeadline, ReportDraft, Submission };

export type SuspectedOrigin = (typeof suspectedOrigins)[number];

/** The reports praxisschild can draft (Art. 34 goes to the persons concerned and has no draft). */
export { type DraftKind, draftKinds };

/** What the report form sends: the schema's input with every field given. */
export type ReportIncidentInput = Required<ReportIncident>;

export const incidentsBase = (organisationId: string) => `/api/v1/organisations/${organisationId}/incidents`;
export const incidentsKey = (organisationId: string) => ['incidents', organisationId] as const;
export const incidentKey = (organisationId: string, incidentId: string) => ['incidents', organisationId, incidentId] as const;

/** Rows per page of the list: enough for a practice's year at a glance; older ones follow on request. */
export const INCIDENT_PAGE_SIZE = 50;

export interface IncidentFilters {
  q?: string | undefined;
  status?: IncidentStatusFilter | undefined;
  significance?: IncidentSignificanceFilter | undefined;
}

/**
 * The incidents page by page, filtered, searched and sorted by the server, each with the report due next. The loaded
 * pages refresh every minute so that the clocks stay honest while the page is open (a report recorded elsewhere).
 */
export function useIncidents(organisationId: string, sort: ListSort, filters: IncidentFilters) {
  return useListQuery<IncidentPage>(
    [...incidentsKey(organisationId), 'list'],
    incidentsBase(organisationId),
    { limit: INCIDENT_PAGE_SIZE, sort: sort.sort, order: sort.order, q: filters.q, status: filters.status, significance: filters.significance },
    { refetchInterval: 60_000 },
  );
}

export function useIncident(organisationId: string, incidentId: string) {
  return useQuery({
    queryKey: incidentKey(organisationId, incidentId),
    queryFn: () => get<IncidentDetail>(`${incidentsBase(organisationId)}/${incidentId}`),
    refetchInterval: 60_000,
  });
}

function useIncidentMutation<TInput, TResult = unknown>(organisationId: string, run: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentsKey(organisationId) }),
  });
}

export function useReportIncident(organisationId: string) {
  return useIncidentMutation(organisationId, (input: ReportIncidentInput) => post<ReportedIncident>(incidentsBase(organisationId), input));
}

export function useAssessIncident(organisationId: string, incidentId: string) {
  return useIncidentMutation(organisationId, (answers: SignificanceAnswers) =>
    put<SignificanceResultAnswer>(`${incidentsBase(organisationId)}/${incidentId}/significance`, answers),
  );
}

export function useAddIncidentEvent(organisationId: string, incidentId: string) {
  return useIncidentMutation(organisationId, (input: AddIncidentEvent) => post(`${incidentsBase(organisationId)}/${incidentId}/events`, input));
}

export function useRecordSubmission(organisationId: string, incidentId: string) {
  return useIncidentMutation(organisationId, (input: RecordSubmission) => post(`${incidentsBase(organisationId)}/${incidentId}/submissions`, input));
}

export function useCompleteHandling(organisationId: string, incidentId: string) {
  return useIncidentMutation(organisationId, (input: { completedAt: string }) =>
    put(`${incidentsBase(organisationId)}/${incidentId}/handling-completed`, input),
  );
}

export function useRecordIntermediateRequest(organisationId: string, incidentId: string) {
  return useIncidentMutation(organisationId, (input: RecordIntermediateRequest) =>
    post<{ id: string }>(`${incidentsBase(organisationId)}/${incidentId}/intermediate-requests`, input),
  );
}

export function useRecordIntermediateSubmission(organisationId: string, incidentId: string) {
  return useIncidentMutation(organisationId, ({ requestId, ...input }: RecordIntermediateSubmission & { requestId: string }) =>
    put(`${incidentsBase(organisationId)}/${incidentId}/intermediate-requests/${requestId}/submission`, input),
  );
}

/** Ticks or unticks one step of the escalation checklist; the answer (all ticks) goes straight into the incident. */
export function useSetEscalationTick(organisationId: string, incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetEscalationTick) => put<EscalationTicks>(`${incidentsBase(organisationId)}/${incidentId}/escalation`, input),
    onSuccess: (answer) => {
      queryClient.setQueryData<IncidentDetail>(incidentKey(organisationId, incidentId), (old) => old && { ...old, escalationTicks: answer.ticks });
      return queryClient.invalidateQueries({ queryKey: incidentsKey(organisationId) });
    },
  });
}

export const draftUrl = (organisationId: string, incidentId: string, kind: DraftKind) => `${incidentsBase(organisationId)}/${incidentId}/drafts/${kind}`;

export function useReportDraft(organisationId: string, incidentId: string, kind: DraftKind | null, locale: 'de' | 'en') {
  return useQuery({
    queryKey: ['incidents', organisationId, incidentId, 'draft', kind, locale],
    queryFn: () => get<ReportDraft>(`${draftUrl(organisationId, incidentId, kind!)}?locale=${locale}`),
    enabled: kind !== null,
  });
}
