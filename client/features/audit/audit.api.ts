import type { AuditEntry, AuditPage } from '../../../domain/audit/audit-list.ts';
import { type ListSort, useListQuery } from '../../components/data-table.tsx';

export type { AuditEntry };

export const AUDIT_PAGE_SIZE = 100;

export interface AuditFilters {
  action?: string | undefined;
  actorUserId?: string | undefined;
}

/** The audit trail page by page (100 entries each), sorted and filtered by the server. */
export function useAuditTrail(organisationId: string, sort: ListSort, filters: AuditFilters) {
  return useListQuery<AuditPage>(['audit', organisationId, 'list'], `/api/v1/organisations/${organisationId}/audit`, {
    limit: AUDIT_PAGE_SIZE,
    sort: sort.sort,
    order: sort.order,
    action: filters.action,
    actorUserId: filters.actorUserId,
  });
}
