import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegistrationReadiness, RegistrationSetup } from '../../../domain/registration/registration.ts';
import { get, put } from '../../lib/api.ts';

export type RegistrationCategory = 'important' | 'particularly_important' | 'not_affected' | null;

export interface Registration {
  organisation: { name: string; legalForm: string; legalFormName: string };
  category: RegistrationCategory;
  setup: RegistrationSetup;
  saved: boolean;
  updatedAt: string | null;
  readiness: RegistrationReadiness;
}

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
