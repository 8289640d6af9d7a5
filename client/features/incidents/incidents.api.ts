import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportKind } from '../../../domain/incidents/deadlines.ts';
import type { BsigDeadlines, GdprDuties } from '../../../domain/incidents/deadlines.schema.ts';
import type {
  AddIncidentEvent,
  IncidentReportKind,
  RecordIntermediateRequest,
  RecordIntermediateSubmission,
  RecordSubmission,
  SetEscalationTick,
  SignificanceAnswers,
  suspectedOrigins,
} from '../../../domain/incidents/incident.schema.ts';
import { draftKinds, type Draft, type DraftKind } from '../../../domain/incidents/report-draft.ts';
import type { SignificanceResult } from '../../../domain/incidents/significance.ts';
import type { Explanation } from '../../../domain/kbv/explanation.ts';
import { get, getPage, post, put } from '../../lib/api.ts';

export type SuspectedOrigin = (typeof suspectedOrigins)[number];

export interface NextDeadline {
  kind: ReportKind;
  due: string;
  isOverdue: boolean;
  remainingMs: number;
  isProvisional: boolean;
}

export interface IncidentSummary {
  id: string;
  number: number;
  title: string;
  noticedAt: string;
  patientDataInvolved: boolean;
  significant: boolean | null;
  handlingCompletedAt: string | null;
  next: NextDeadline | null;
}

export interface IncidentEvent {
  id: string;
  at: string;
  /** 'alert': a further alert of a detection tool, added to the open incident. */
  kind:
    | 'reported'
    | 'alert'
    | 'assessed'
    | 'submitted'
    | 'handling_completed'
    | 'note'
    | 'measure'
    | 'contact'
    | 'escalation_ticked'
    | 'escalation_unticked'
    | 'intermediate_requested';
  text: string;
  data: Record<string, unknown>;
}

export interface Submission {
  kind: IncidentReportKind;
  submittedAt: string;
  reference: string | null;
}

export interface IncidentDetail {
  id: string;
  number: number;
  title: string;
  description: string;
  noticedAt: string;
  locationIds: string[];
  systems: string;
  suspectedOrigin: SuspectedOrigin;
  patientDataInvolved: boolean;
  significant: boolean | null;
  significance: SignificanceAnswers | null;
  assessedAt: string | null;
  handlingCompletedAt: string | null;
  assessment: SignificanceResult | null;
  submissions: Submission[];
  /** The BSI's requests for an intermediate report (§ 32 Abs. 1 Nr. 3 BSIG) and their answers. */
  intermediateRequests: { id: string; requestedAt: string; dueAt: string | null; reference: string | null; submittedAt: string | null; submissionReference: string | null }[];
  /** The steps of the escalation checklist that have been ticked. */
  escalationTicks: { step: string; tickedAt: string; tickedBy: string | null }[];
  events: IncidentEvent[];
  /** The organisation's own escalation chain from the registration preparation (§ 33 BSIG); empty when not set up. */
  escalation?: { role: string; name: string; phone: string; email: string }[];
  /** The contact point reachable at all times (24/7), when named. */
  contactPoint?: { name: string; email: string; phone: string } | null;
  clocks: {
    bsig: BsigDeadlines | null;
    gdpr: GdprDuties | null;
    explanations: Explanation[];
    legalBasis: { citation: string; url: string }[];
    categoryAssumed: boolean;
    next: NextDeadline | null;
  };
}

/** The reports praxisschild can draft (Art. 34 goes to the persons concerned and has no draft). */
export { draftKinds, type DraftKind };
export type ReportDraft = Draft;

export interface ReportIncidentInput {
  title: string;
  description: string;
  noticedAt: string;
  locationIds: string[];
  systems: string;
  suspectedOrigin: SuspectedOrigin;
  patientDataInvolved: boolean;
}

export const incidentsBase = (organisationId: string) => `/api/v1/organisations/${organisationId}/incidents`;
export const incidentsKey = (organisationId: string) => ['incidents', organisationId] as const;
export const incidentKey = (organisationId: string, incidentId: string) => ['incidents', organisationId, incidentId] as const;

const INCIDENT_PAGE = 100;

/**
 * Incidents newest first, a page of 100 at a time (older ones on request), with the number in all. The list
 * refreshes every minute so that the time left stays honest while the page is open.
 */
export function useIncidents(organisationId: string) {
  return useInfiniteQuery({
    queryKey: incidentsKey(organisationId),
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => getPage<IncidentSummary>(`${incidentsBase(organisationId)}?limit=${INCIDENT_PAGE}${pageParam ? `&before=${pageParam}` : ''}`),
    getNextPageParam: (last) => (last.items.length < INCIDENT_PAGE ? undefined : last.items[last.items.length - 1]?.number),
    refetchInterval: 60_000,
  });
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
  return useIncidentMutation(organisationId, (input: ReportIncidentInput) => post<{ id: string; number: number }>(incidentsBase(organisationId), input));
}

export function useAssessIncident(organisationId: string, incidentId: string) {
  return useIncidentMutation(organisationId, (answers: SignificanceAnswers) =>
    put<SignificanceResult>(`${incidentsBase(organisationId)}/${incidentId}/significance`, answers),
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
  return useIncidentMutation(organisationId, (input: RecordIntermediateRequest) => post<{ id: string }>(`${incidentsBase(organisationId)}/${incidentId}/intermediate-requests`, input));
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
    mutationFn: (input: SetEscalationTick) => put<{ ticks: IncidentDetail['escalationTicks'] }>(`${incidentsBase(organisationId)}/${incidentId}/escalation`, input),
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
