import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Location, Organisation } from '../../../domain/organisations/organisation.response.ts';
import type { LegalForm } from '../../../domain/organisations/organisation.schema.ts';
import type { QuickCheckAnswerSetInput } from '../../../domain/quickcheck/quickcheck.schema.ts';
import { del, get, patch, post } from '../../lib/api.ts';
import { reloadSession } from '../auth/auth.api.ts';
import type { LocationDraft } from '../setup/setup.api.ts';

export type { Location, Organisation };

const base = (organisationId: string) => `/api/v1/organisations/${organisationId}`;
export const organisationKey = (organisationId: string) => ['organisation', organisationId] as const;

export function useOrganisation(organisationId: string) {
  return useQuery({ queryKey: organisationKey(organisationId), queryFn: () => get<Organisation>(base(organisationId)) });
}

export function useUpdateOrganisation(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; legalForm: LegalForm }) => patch(base(organisationId), input),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: organisationKey(organisationId) });
      await reloadSession(queryClient);
    },
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; legalForm: LegalForm; locations: LocationDraft[]; quickCheck?: QuickCheckAnswerSetInput }) =>
      post<{ id: string }>('/api/v1/organisations', input),
    onSuccess: async () => {
      await reloadSession(queryClient);
    },
  });
}

export function useSaveLocation(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: LocationDraft & { id?: string }) =>
      id ? patch<Location>(`${base(organisationId)}/locations/${id}`, input) : post<Location>(`${base(organisationId)}/locations`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKey(organisationId) }),
  });
}

export function useDeleteLocation(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locationId: string) => del(`${base(organisationId)}/locations/${locationId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKey(organisationId) }),
  });
}
