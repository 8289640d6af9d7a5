import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordKbvCheck, RecordNis2Check } from '../../../domain/compliance/applicability.schema.ts';
import type { Explanation, LegalSource } from '../../../domain/kbv/explanation.ts';
import type { PracticeSize } from '../../../domain/kbv/practice-size.ts';
import type { Nis2Category, Nis2Classification } from '../../../domain/nis2/nis2-check.schema.ts';
import { get, post } from '../../lib/api.ts';

export interface KbvResult {
  guidelineApplies: boolean;
  size: PracticeSize;
  annexes: number[];
  reasons: Explanation[];
  legalBasis: LegalSource[];
}

export interface StoredCheck<TResult> {
  id: string;
  financialYear: number | null;
  inputs: Record<string, unknown>;
  result: TResult;
  checkedAt: string;
  checkedBy: string | null;
}

export interface HistoryEntry {
  id: string;
  kind: 'nis2' | 'kbv';
  financialYear: number | null;
  checkedAt: string;
  summary: { category?: Nis2Category; size?: PracticeSize; annexes?: number[] };
}

export interface Applicability {
  nis2: StoredCheck<Nis2Classification> | null;
  kbv: StoredCheck<KbvResult> | null;
  history: HistoryEntry[];
}

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
    mutationFn: (input: RecordNis2Check) => post<StoredCheck<Nis2Classification>>(`${base(organisationId)}/applicability/nis2`, input),
    onSuccess: invalidate,
  });
}

export function useRecordKbvCheck(organisationId: string) {
  const invalidate = useInvalidateCompliance(organisationId);
  return useMutation({
    mutationFn: (input: RecordKbvCheck) => post<StoredCheck<KbvResult>>(`${base(organisationId)}/applicability/kbv`, input),
    onSuccess: invalidate,
  });
}
