/**
 * § 32 Abs. 1 Nr. 3 BSIG: "auf Ersuchen des Bundesamtes eine Zwischenmeldung über relevante Statusaktualisierungen".
 * Unlike the other stages it has no period in the law: it is owed only when the BSI asks, by the date the BSI sets in
 * its request. A request without a date is to be answered without undue delay; it has no countdown.
 */

export const INTERMEDIATE_NORM = '§ 32 Abs. 1 Nr. 3 BSIG';

/** One request of the BSI for an intermediate report and, once recorded, the submission that answered it. */
export interface IntermediateRequest {
  id: string;
  /** When the request arrived (ISO 8601 instant). */
  requestedAt: string;
  /** The date the BSI set in its request, or null when it set none. */
  dueAt: string | null;
  submittedAt: string | null;
}

export interface OpenIntermediateRequest {
  id: string;
  requestedAt: string;
  dueAt: string | null;
  isOverdue: boolean;
}

/**
 * The requests still waiting for their intermediate report: dated ones by their date (overdue first, as they are the
 * earliest), then undated ones by arrival.
 */
export function openIntermediateRequests(requests: readonly IntermediateRequest[], now: Date): OpenIntermediateRequest[] {
  return requests
    .filter((r) => r.submittedAt === null)
    .map((r) => ({ id: r.id, requestedAt: r.requestedAt, dueAt: r.dueAt, isOverdue: r.dueAt !== null && Date.parse(r.dueAt) < now.getTime() }))
    .sort((a, b) => {
      if (a.dueAt !== null && b.dueAt !== null) return Date.parse(a.dueAt) - Date.parse(b.dueAt);
      if (a.dueAt !== null) return -1;
      if (b.dueAt !== null) return 1;
      return Date.parse(a.requestedAt) - Date.parse(b.requestedAt);
    });
}

/** The dates of the open dated requests, for the next-deadline of an incident (nextDeadline). */
export function intermediateDueDates(requests: readonly IntermediateRequest[], now: Date): string[] {
  return openIntermediateRequests(requests, now).flatMap((r) => (r.dueAt === null ? [] : [r.dueAt]));
}
