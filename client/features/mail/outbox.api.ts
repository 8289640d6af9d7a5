import type { OutboxMail, OutboxPage } from '../../../domain/mail/outbox-list.ts';
import { type ListSort, useListQuery } from '../../components/data-table.tsx';

export type { OutboxMail, OutboxPage };

export interface OutboxFilters {
  q?: string | undefined;
  kind?: string | undefined;
}

/** The outbox page by page (200 mails each), sorted, searched and filtered by the server. */
export function useOutbox(organisationId: string, sort: ListSort, filters: OutboxFilters) {
  return useListQuery<OutboxPage>(['outbox', organisationId], `/api/v1/organisations/${organisationId}/outbox`, {
    sort: sort.sort,
    order: sort.order,
    q: filters.q,
    kind: filters.kind,
  });
}
