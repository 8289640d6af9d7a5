import { DateTime } from 'luxon';

/**
 * "Was ist jetzt zu tun?" (issue 11, item 5): one ordered list of the most urgent items across the product. The server
 * reads each kind in SQL, at most `limit` per kind in the order of its own date, and this file decides the order across
 * kinds; since each kind's date order agrees with the order below, the overall top `limit` is always among what was read.
 */
export const agendaKinds = ['incident_clock', 'registration_overdue', 'leaver_access', 'task_overdue', 'c5_expiry', 'management_training'] as const;
export type AgendaKind = (typeof agendaKinds)[number];

export interface AgendaOrderInput {
  kind: AgendaKind;
  /** Stable key of the item (kind and record), the last tie-breaker. */
  key: string;
  /** The instant a clock runs out (incident reports), ISO 8601 with offset. */
  dueAt: string | null;
  /** The calendar day something is due or was due (everything else), YYYY-MM-DD. */
  dueOn: string | null;
  isOverdue: boolean;
}

/**
 * The urgency class of an item, lower is more urgent:
 * 0. a running report clock of an incident (§ 32 BSIG 24 h / 72 h / one month, Art. 33 DSGVO 72 h): counted in hours,
 *    fined when missed (§ 65 BSIG, Art. 83 DSGVO), whether it still runs or has just run out;
 * 1. a legal duty already missed that exposes the practice now: the § 33 BSIG registration past its date, a person who
 *    has left and still has access (KBV Anlage 1 Nr. 2), a C5 attestation that has ended while health data sit in that
 *    cloud (§ 393 SGB V), a director's § 38 Abs. 3 BSIG training that has lapsed;
 * 2. an overdue task of the plan (the practice's own date);
 * 3. what is coming: a C5 attestation or a § 38 training that ends within the warning period.
 */
export function agendaRank(item: Pick<AgendaOrderInput, 'kind' | 'isOverdue'>): number {
  switch (item.kind) {
    case 'incident_clock':
      return 0;
    case 'registration_overdue':
    case 'leaver_access':
      return 1;
    case 'task_overdue':
      return 2;
    case 'c5_expiry':
    case 'management_training':
      return item.isOverdue ? 1 : 3;
  }
}

/** Milliseconds of the due moment: the instant, or the start of the Berlin day; no date sorts last. */
export function dueMillis(item: Pick<AgendaOrderInput, 'dueAt' | 'dueOn'>): number {
  if (item.dueAt) return DateTime.fromISO(item.dueAt, { setZone: true }).toMillis();
  if (item.dueOn) return DateTime.fromISO(item.dueOn, { zone: 'Europe/Berlin' }).toMillis();
  return Number.POSITIVE_INFINITY;
}

/** Most urgent first: by class, then by what is due first, then by kind and key so that the order is stable. */
export function compareAgendaItems(a: AgendaOrderInput, b: AgendaOrderInput): number {
  return (
    agendaRank(a) - agendaRank(b) ||
    dueMillis(a) - dueMillis(b) ||
    agendaKinds.indexOf(a.kind) - agendaKinds.indexOf(b.kind) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** The `limit` most urgent items, in order. */
export function orderAgenda<T extends AgendaOrderInput>(items: readonly T[], limit: number): T[] {
  return [...items].sort(compareAgendaItems).slice(0, limit);
}
