import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActiveSessionOf, Enrolment, LoginResult, MyOrganisation, Session } from '../../../domain/auth/session.response.ts';
import { get, post, put, setCsrfToken } from '../../lib/api.ts';

export type { Enrolment, LoginResult, MyOrganisation, Session };
export type ActiveSession = ActiveSessionOf<Session>;

export const sessionKey = ['session'] as const;

export async function fetchSession(): Promise<Session> {
  const session = await get<Session>('/api/v1/auth/session');
  setCsrfToken(session.state === 'anonymous' ? null : session.csrfToken);
  return session;
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 30_000 });
}

/** After login, setup, logout and the like the cookie changed: load the session (and its CSRF token) again. */
export async function reloadSession(queryClient: QueryClient): Promise<Session> {
  const session = await fetchSession();
  queryClient.setQueryData(sessionKey, session);
  return session;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email: string; password: string }) => {
      const result = await post<LoginResult>('/api/v1/auth/login', input);
      await reloadSession(queryClient);
      return result;
    },
  });
}

export function useVerifyTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => {
      await post('/api/v1/auth/totp', { code });
      return reloadSession(queryClient);
    },
  });
}

export function useEnrolment(enabled: boolean) {
  return useQuery({
    queryKey: ['enrolment'],
    queryFn: () => get<Enrolment>('/api/v1/auth/enrolment'),
    enabled,
    staleTime: Infinity,
  });
}

/**
 * Confirms the enrolment and returns the ten recovery codes. The session is reloaded only by finishEnrolment, after
 * the person has seen the codes (pages that follow the session state would otherwise move on at once).
 */
export function useConfirmEnrolment() {
  return useMutation({
    mutationFn: async (code: string) => {
      const result = await post<{ ok: true; recoveryCodes: string[] }>('/api/v1/auth/enrolment/confirm', { code });
      return result.recoveryCodes;
    },
  });
}

export async function finishEnrolment(queryClient: QueryClient): Promise<Session> {
  queryClient.removeQueries({ queryKey: ['enrolment'] });
  return reloadSession(queryClient);
}

/** Signs in with a recovery code; the session is reloaded by the caller once the remaining count was shown. */
export function useRecoveryLogin() {
  return useMutation({
    mutationFn: async (code: string) => {
      const result = await post<{ ok: true; remaining: number }>('/api/v1/auth/recovery', { code });
      return result.remaining;
    },
  });
}

export function useRecoveryStatus() {
  return useQuery({ queryKey: ['recovery-codes'], queryFn: () => get<{ remaining: number }>('/api/v1/auth/recovery-codes') });
}

export function useRenewRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { password: string; code: string }) => {
      const result = await post<{ recoveryCodes: string[] }>('/api/v1/auth/recovery-codes', input);
      await queryClient.invalidateQueries({ queryKey: ['recovery-codes'] });
      return result.recoveryCodes;
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => put<{ ok: true; otherSessionsEnded: number }>('/api/v1/auth/password', input),
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => post('/api/v1/auth/password-reset', { email }) });
}

export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { token: string; password: string }) => {
      await post('/api/v1/auth/password-reset/confirm', input);
      queryClient.clear();
      return reloadSession(queryClient);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await post('/api/v1/auth/logout');
      queryClient.clear();
      return reloadSession(queryClient);
    },
  });
}

export function saveLocale(locale: 'de' | 'en') {
  return put('/api/v1/auth/profile', { locale });
}

export function useSwitchOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (organisationId: string) => {
      await put('/api/v1/auth/current-organisation', { organisationId });
      return reloadSession(queryClient);
    },
  });
}
