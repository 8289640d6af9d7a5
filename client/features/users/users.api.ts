import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedInvitation, Invitation, Member } from '../../../domain/auth/members.response.ts';
import type { Role } from '../../../domain/auth/roles.ts';
import { del, get, patch, post } from '../../lib/api.ts';

export type { CreatedInvitation, Invitation, Member };

const base = (organisationId: string) => `/api/v1/organisations/${organisationId}`;
export const membersKey = (organisationId: string) => ['members', organisationId] as const;
export const invitationsKey = (organisationId: string) => ['invitations', organisationId] as const;

export function useMembers(organisationId: string) {
  return useQuery({ queryKey: membersKey(organisationId), queryFn: () => get<Member[]>(`${base(organisationId)}/members`) });
}

export function useUpdateMember(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...input }: { userId: string; role: Role; isAdmin: boolean }) => patch(`${base(organisationId)}/members/${userId}`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: membersKey(organisationId) }),
  });
}

export function useRemoveMember(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => del(`${base(organisationId)}/members/${userId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey(organisationId) }),
  });
}

export function useResetMfa(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => post(`${base(organisationId)}/members/${userId}/reset-mfa`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey(organisationId) }),
  });
}

export function useInvitations(organisationId: string, enabled: boolean) {
  return useQuery({
    queryKey: invitationsKey(organisationId),
    queryFn: () => get<Invitation[]>(`${base(organisationId)}/invitations`),
    enabled,
  });
}

export function useInvite(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: Role; isAdmin: boolean }) => post<CreatedInvitation>(`${base(organisationId)}/invitations`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(organisationId) }),
  });
}

export function useRevokeInvitation(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => del(`${base(organisationId)}/invitations/${invitationId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(organisationId) }),
  });
}
