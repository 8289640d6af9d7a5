import { useInfiniteQuery } from '@tanstack/react-query';
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
  attempts: number;
  nextAttemptAt: string | null;
  failedAt: string | null;
  status: 'outbox' | 'pending' | 'retrying' | 'sent' | 'failed';
}

/** A scheduled job (e.g. a deadline reminder) that failed after its last attempt. */
export interface FailedJob {
  id: string;
  kind: string;
  attempts: number;
  lastError: string | null;
  failedAt: string | null;
}

export interface OutboxPage {
  smtp: boolean;
  /** Attempts per mail before it counts as failed. */
  maxAttempts: number;
  failedJobs: FailedJob[];
  maxJobAttempts: number;
  mails: OutboxMail[];
  total: number;
  /** Cursor of the next (older) page; null on the last page. */
  nextBefore: string | null;
}

/** The outbox page by page (200 mails each), newest first. */
export function useOutbox(organisationId: string) {
  return useInfiniteQuery({
    queryKey: ['outbox', organisationId],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => get<OutboxPage>(`/api/v1/organisations/${organisationId}/outbox${pageParam ? `?before=${pageParam}` : ''}`),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
