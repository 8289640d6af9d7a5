import type { RequirementStatus } from './requirement-status.schema.ts';

/** Implemented, or decided not applicable with a reason: nothing left to do. */
export function isDone(status: RequirementStatus): boolean {
  return status === 'implemented' || status === 'not_applicable';
}

const rank: Record<RequirementStatus, number> = { open: 0, in_progress: 1, implemented: 2, not_applicable: 2 };

export interface ScopedStatus {
  locationId: string | null;
  status: RequirementStatus;
}

/**
 * The status of one requirement at each location: the location's own entry, else the organisation-wide entry,
 * else open. Work recorded for the whole organisation thus counts at every location until a location says otherwise.
 */
export function statusAtLocations(entries: readonly ScopedStatus[], locationIds: readonly string[]): Map<string, RequirementStatus> {
  const organisationWide = entries.find((e) => e.locationId === null)?.status ?? 'open';
  const result = new Map<string, RequirementStatus>();
  for (const id of locationIds) result.set(id, entries.find((e) => e.locationId === id)?.status ?? organisationWide);
  return result;
}

/**
 * The organisation's status of one requirement. With per-location entries it is the least advanced location
 * (a requirement is implemented for the organisation only when it is done at every location); otherwise the
 * organisation-wide entry.
 */
export function overallStatus(entries: readonly ScopedStatus[], locationIds: readonly string[]): RequirementStatus {
  const organisationWide = entries.find((e) => e.locationId === null)?.status ?? 'open';
  if (!entries.some((e) => e.locationId !== null) || locationIds.length === 0) return organisationWide;
  const perLocation = [...statusAtLocations(entries, locationIds).values()];
  const least = perLocation.reduce((a, b) => (rank[b] < rank[a] ? b : a));
  if (rank[least] < 2) return least;
  // Every location is done: implemented if any location implemented it, not applicable only if none needs it.
  return perLocation.includes('implemented') ? 'implemented' : 'not_applicable';
}

export interface ProgressCount {
  total: number;
  done: number;
  inProgress: number;
  open: number;
  /** Share done, 0..1; 1 when there is nothing to do. */
  ratio: number;
}

export function countProgress(statuses: readonly RequirementStatus[]): ProgressCount {
  const done = statuses.filter(isDone).length;
  const inProgress = statuses.filter((s) => s === 'in_progress').length;
  return {
    total: statuses.length,
    done,
    inProgress,
    open: statuses.length - done - inProgress,
    ratio: statuses.length === 0 ? 1 : done / statuses.length,
  };
}

/** A due date (YYYY-MM-DD) is overdue from the day after it, in German calendar days, while work is not done. */
export function isOverdue(dueDate: string | null, status: RequirementStatus, today: string): boolean {
  return dueDate !== null && !isDone(status) && dueDate < today;
}
