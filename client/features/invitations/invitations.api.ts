import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvitationOffer } from '../../../domain/auth/members.response.ts';
import { get, post } from '../../lib/api.ts';
import { type Enrolment, reloadSession } from '../auth/auth.api.ts';

export type { InvitationOffer };

const base = (token: string) => `/api/v1/invitations/${encodeURIComponent(token)}`;

export function useInvitationOffer(token: string) {
  return useQuery({ queryKey: ['invitation', token], queryFn: () => get<InvitationOffer>(base(token)), retry: false, staleTime: Infinity });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { name: string; password: string }) => {
      const result = await post<{ next: 'enrol'; enrolment: Enrolment }>(`${base(token)}/accept`, input);
      queryClient.setQueryData(['enrolment'], result.enrolment);
      await reloadSession(queryClient);
      return result.enrolment;
    },
  });
}

export function useJoinInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const result = await post<{ organisationId: string }>(`${base(token)}/join`);
      await reloadSession(queryClient);
      return result;
    },
  });
}
