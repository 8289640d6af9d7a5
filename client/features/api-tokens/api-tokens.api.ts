import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { del, get, post } from '../../lib/api.ts';

export interface ApiToken {
  id: string;
  name: string;
  scope: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to creating a token: the only time the token itself is shown. */
export interface CreatedApiToken {
  id: string;
  name: string;
  scope: string;
  token: string;
}

const url = (organisationId: string) => `/api/v1/organisations/${organisationId}/api-tokens`;
export const apiTokensKey = (organisationId: string) => ['api-tokens', organisationId] as const;
export const intakePath = (organisationId: string) => `/api/v1/organisations/${organisationId}/incidents/intake`;

export function useApiTokens(organisationId: string) {
  return useQuery({ queryKey: apiTokensKey(organisationId), queryFn: () => get<ApiToken[]>(url(organisationId)) });
}

export function useCreateApiToken(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => post<CreatedApiToken>(url(organisationId), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey(organisationId) }),
  });
}

export function useRevokeApiToken(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => del(`${url(organisationId)}/${tokenId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey(organisationId) }),
  });
}
