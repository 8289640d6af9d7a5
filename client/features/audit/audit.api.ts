import { useInfiniteQuery } from '@tanstack/react-query';
import { getPage } from '../../lib/api.ts';

export interface AuditEntry {
  seq: number;
  at: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: Record<string, unknown>;
}

const PAGE = 100;

export function useAuditTrail(organisationId: string) {
  return useInfiniteQuery({
    queryKey: ['audit', organisationId],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      getPage<AuditEntry>(`/api/v1/organisations/${organisationId}/audit?limit=${PAGE}${pageParam ? `&before=${pageParam}` : ''}`),
    getNextPageParam: (last) => (last.items.length < PAGE ? undefined : last.items[last.items.length - 1]?.seq),
  });
}
