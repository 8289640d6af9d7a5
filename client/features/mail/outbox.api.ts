import { useQuery } from '@tanstack/react-query';
import { get } from '../../lib/api.ts';

export interface OutboxMail {
  id: string;
  recipient: string;
  subject: string;
  bodyText: string;
  kind: string;
  createdAt: string;
  sentAt: string | null;
  delivery: string;
  error: string | null;
}

export function useOutbox(organisationId: string) {
  return useQuery({
    queryKey: ['outbox', organisationId],
    queryFn: () => get<{ smtp: boolean; mails: OutboxMail[] }>(`/api/v1/organisations/${organisationId}/outbox`),
  });
}
