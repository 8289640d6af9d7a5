// The credentials of the incident intake: detection tools send alerts with them (decision 020).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedIntakeToken, IntakeToken } from '../../../domain/incidents/incidents.response.ts';
import { del, get, post } from '../../lib/api.ts';

/** An intake token as listed, and the answer to creating one (the only time the token itself is shown). */
export type { CreatedIntakeToken, IntakeToken };

const url = (organisationId: string) => `/api/v1/organisations/${organisationId}/api-tokens`;
export const intakeTokensKey = (organisationId: string) => ['intake-tokens', organisationId] as const;
export const intakePath = (organisationId: string) => `/api/v1/organisations/${organisationId}/incidents/intake`;

export function useIntakeTokens(organisationId: string) {
  return useQuery({ queryKey: intakeTokensKey(organisationId), queryFn: () => get<IntakeToken[]>(url(organisationId)) });
}

export function useCreateIntakeToken(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => post<CreatedIntakeToken>(url(organisationId), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intakeTokensKey(organisationId) }),
  });
}

export function useRevokeIntakeToken(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => del(`${url(organisationId)}/${tokenId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intakeTokensKey(organisationId) }),
  });
}
