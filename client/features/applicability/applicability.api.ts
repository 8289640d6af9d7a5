import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordKbvCheck, RecordNis2Check } from '../../../domain/compliance/applicability.schema.ts';
import type { Applicability, CheckHistoryEntry, StoredKbvCheck, StoredNis2Check } from '../../../domain/compliance/compliance.response.ts';
import { get, post } from '../../lib/api.ts';

export type { Applicability, StoredKbvCheck, StoredNis2Check };
export type HistoryEntry = CheckHistoryEntry;

const base = (organisationId: string) => `/api/v1/organisations/${organisationId}`;
export const applicabilityKey = (organisationId: string) => ['applicability', organisationId] as const;

export function useApplicability(organisationId: string) {
  return useQuery({ queryKey: applicabilityKey(organisationId), queryFn: () => get<Applicability>(`${base(organisationId)}/applicability`) });
}

/** Both checks change what applies: the catalog and the dashboard are read again afterwards. */
function useInvalidateCompliance(organisationId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: applicabilityKey(organisationId) }),
      queryClient.invalidateQueries({ queryKey: ['catalog', organisationId] }),
      queryClient.invalidateQueries({ queryKey: ['dashboard', organisationId] }),
      queryClient.invalidateQueries({ queryKey: ['requirement', organisationId] }),
    ]);
}

export function useRecordNis2Check(organisationId: string) {
  const invalidate = useInvalidateCompliance(organisationId);
  return useMutation({
    mutationFn: (input: RecordNis2Check) => post<StoredNis2Check>(`${base(organisationId)}/applicability/nis2`, input),
    onSuccess: invalidate,
  });
}

export function useRecordKbvCheck(organisationId: string) {
  const invalidate = useInvalidateCompliance(organisationId);
  return useMutation({
    mutationFn: (input: RecordKbvCheck) => post<StoredKbvCheck>(`${base(organisationId)}/applicability/kbv`, input),
    onSuccess: invalidate,
  });
}
