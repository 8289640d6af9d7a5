import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DirectorRecords, ManagementApproval, ManagementOverview, ManagementTraining } from '../../../domain/management/management.response.ts';
import type { ManagementApprovalInput, ManagementTrainingInput } from '../../../domain/management/management.ts';
import { del, get, isApiError, post, put } from '../../lib/api.ts';

export type { DirectorRecords, ManagementOverview, ManagementTraining };

const base = (organisationId: string) => `/api/v1/organisations/${organisationId}/management`;
const managementKey = (organisationId: string) => ['management', organisationId] as const;

/** Per director: training and approval under § 38 BSIG, and the measures as they stand. */
export function useManagementOverview(organisationId: string) {
  return useQuery({ queryKey: [...managementKey(organisationId), 'overview'], queryFn: () => get<ManagementOverview>(base(organisationId)) });
}

export function useDirectorRecords(organisationId: string, personId: string) {
  return useQuery({
    queryKey: [...managementKey(organisationId), 'director', personId],
    queryFn: () => get<DirectorRecords>(`${base(organisationId)}/people/${personId}`),
  });
}

/** Records (no id) or changes (id and the revision it was read at) a director's training. */
export function useSaveManagementTraining(organisationId: string, personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, revision, input }: { id?: string | undefined; revision?: number | undefined; input: ManagementTrainingInput }) =>
      id
        ? put<ManagementTraining>(`${base(organisationId)}/trainings/${id}`, { ...input, revision })
        : post<ManagementTraining>(`${base(organisationId)}/people/${personId}/trainings`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: managementKey(organisationId) }),
    onError: (error) =>
      isApiError(error, 'management.revision_conflict') ? queryClient.invalidateQueries({ queryKey: managementKey(organisationId) }) : undefined,
  });
}

export function useDeleteManagementTraining(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (trainingId: string) => del(`${base(organisationId)}/trainings/${trainingId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: managementKey(organisationId) }),
  });
}

/** The signed-in director approves the measures as they stand now. */
export function useApproveMeasures(organisationId: string, personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ManagementApprovalInput) => post<ManagementApproval>(`${base(organisationId)}/people/${personId}/approvals`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: managementKey(organisationId) }),
  });
}
