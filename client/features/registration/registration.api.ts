import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EscalationSuggestion, Registration } from '../../../domain/registration/registration.response.ts';
import type { RegistrationSetup } from '../../../domain/registration/registration.ts';
import { get, put } from '../../lib/api.ts';

export type { EscalationSuggestion, Registration };

export const registrationUrl = (organisationId: string) => `/api/v1/organisations/${organisationId}/registration`;
export const registrationKey = (organisationId: string) => ['registration', organisationId] as const;

export function useRegistration(organisationId: string) {
  return useQuery({ queryKey: registrationKey(organisationId), queryFn: () => get<Registration>(registrationUrl(organisationId)) });
}

export function useSaveRegistration(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (setup: RegistrationSetup) => put<Registration>(registrationUrl(organisationId), setup),
    onSuccess: (saved) => queryClient.setQueryData(registrationKey(organisationId), saved),
  });
}
