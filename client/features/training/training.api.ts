import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConfirmationOffer,
  ConfirmationsSent,
  Course,
  Overview,
  PersonTraining,
  Session,
  SessionDetail,
} from '../../../domain/training/training.response.ts';
import type { CourseInput, SessionInput, TrainingState } from '../../../domain/training/training.schema.ts';
import { ApiRequestError, del, get, isApiError, post, put } from '../../lib/api.ts';
import { type Session as AuthSession, sessionKey } from '../auth/auth.api.ts';

export type { ConfirmationOffer, Course, Overview, PersonTraining, Session, SessionDetail };

const base = (organisationId: string) => `/api/v1/organisations/${organisationId}/training`;
const trainingKey = (organisationId: string) => ['training', organisationId] as const;

/** Red for never trained and overdue, orange for due soon, teal for current. */
export const stateColor: Record<TrainingState, string> = { never_trained: 'red', overdue: 'red', due_soon: 'orange', current: 'teal' };

export function useCourses(organisationId: string) {
  return useQuery({ queryKey: [...trainingKey(organisationId), 'courses'], queryFn: () => get<Course[]>(`${base(organisationId)}/courses`) });
}

export function useCourse(organisationId: string, courseId: string) {
  return useQuery({
    queryKey: [...trainingKey(organisationId), 'course', courseId],
    queryFn: () => get<Course>(`${base(organisationId)}/courses/${courseId}`),
  });
}

export function useSessions(organisationId: string, courseId: string) {
  return useQuery({
    queryKey: [...trainingKey(organisationId), 'sessions', courseId],
    queryFn: () => get<Session[]>(`${base(organisationId)}/sessions?courseId=${courseId}`),
  });
}

export function useSession(organisationId: string, sessionId: string) {
  return useQuery({
    queryKey: [...trainingKey(organisationId), 'session', sessionId],
    queryFn: () => get<SessionDetail>(`${base(organisationId)}/sessions/${sessionId}`),
  });
}

export interface OverviewFilters {
  state?: TrainingState | undefined;
  q?: string | undefined;
  limit?: number;
  offset?: number;
}

export function useTrainingOverview(organisationId: string, filters: OverviewFilters = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  return useQuery({
    queryKey: [...trainingKey(organisationId), 'overview', params.toString()],
    queryFn: () => get<Overview>(`${base(organisationId)}/overview?${params.toString()}`),
  });
}

export function usePersonTraining(organisationId: string, personId: string) {
  return useQuery({
    queryKey: [...trainingKey(organisationId), 'person', personId],
    queryFn: () => get<PersonTraining>(`${base(organisationId)}/people/${personId}`),
  });
}

function useInvalidate(organisationId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trainingKey(organisationId) });
}

export function useSaveCourse(organisationId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: ({ id, revision, input }: { id?: string | undefined; revision?: number | undefined; input: CourseInput }) =>
      id ? put<Course>(`${base(organisationId)}/courses/${id}`, { ...input, revision }) : post<Course>(`${base(organisationId)}/courses`, input),
    onSuccess: invalidate,
    onError: (error) => (isApiError(error, 'training.revision_conflict') ? invalidate() : undefined),
  });
}

export function useDeleteCourse(organisationId: string, onDeleted?: () => void) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: (courseId: string) => del(`${base(organisationId)}/courses/${courseId}`),
    onSuccess: () => {
      onDeleted?.();
      return invalidate();
    },
  });
}

export function useSaveSession(organisationId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: ({ id, revision, input }: { id?: string | undefined; revision?: number | undefined; input: SessionInput }) =>
      id
        ? put<SessionDetail>(`${base(organisationId)}/sessions/${id}`, { ...input, revision })
        : post<SessionDetail>(`${base(organisationId)}/sessions`, input),
    onSuccess: invalidate,
  });
}

export function useDeleteSession(organisationId: string, onDeleted?: () => void) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: (sessionId: string) => del(`${base(organisationId)}/sessions/${sessionId}`),
    onSuccess: () => {
      onDeleted?.();
      return invalidate();
    },
  });
}

export function useSetAttendance(organisationId: string, sessionId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: (attendees: { personId: string; attended: boolean }[]) =>
      put<SessionDetail>(`${base(organisationId)}/sessions/${sessionId}/attendance`, { attendees }),
    onSuccess: invalidate,
  });
}

/** Uploads the signed attendance list (multipart; lib/api.ts speaks JSON only, so the CSRF header is sent here). */
export function useUploadAttendanceList(organisationId: string, sessionId: string) {
  const invalidate = useInvalidate(organisationId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const session = queryClient.getQueryData<AuthSession>(sessionKey);
      const body = new FormData();
      body.append('file', file, file.name);
      const headers: Record<string, string> = { accept: 'application/json' };
      if (session && session.state !== 'anonymous') headers['x-csrf-token'] = session.csrfToken;
      let response: Response;
      try {
        response = await fetch(attendanceListUrl(organisationId, sessionId), { method: 'POST', headers, body, credentials: 'same-origin' });
      } catch {
        throw new ApiRequestError(0, 'network');
      }
      const data = (await response.json().catch(() => null)) as { code?: string; issues?: ApiRequestError['issues'] } | null;
      if (!response.ok) throw new ApiRequestError(response.status, data?.code ?? (response.status >= 500 ? 'internal' : 'unknown'), data?.issues ?? []);
      return data as unknown as SessionDetail;
    },
    onSuccess: invalidate,
  });
}

export const attendanceListUrl = (organisationId: string, sessionId: string) => `${base(organisationId)}/sessions/${sessionId}/attendance-list`;

export function useSendConfirmations(organisationId: string, sessionId: string) {
  const invalidate = useInvalidate(organisationId);
  return useMutation({
    mutationFn: (personIds: string[]) => post<ConfirmationsSent>(`${base(organisationId)}/sessions/${sessionId}/confirmations`, { personIds }),
    onSuccess: invalidate,
  });
}

const confirmationUrl = (token: string) => `/api/v1/training-confirmations/${encodeURIComponent(token)}`;

/** The public confirmation link: what it confirms (no sign-in). */
export function useConfirmationOffer(token: string) {
  return useQuery({ queryKey: ['training-confirmation', token], queryFn: () => get<ConfirmationOffer>(confirmationUrl(token)), retry: false });
}

export function useConfirmAttendance(token: string) {
  return useMutation({ mutationFn: () => post<ConfirmationOffer>(confirmationUrl(token)) });
}
