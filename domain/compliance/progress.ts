import type { RequirementStatus } from './requirement-status.schema.ts';

/** Implemented, or decided not applicable with a reason: nothing left to do. */
export function isDone(status: RequirementStatus): boolean {
  return status === 'implemented' || status === 'not_applicable';
}

export interface ScopedStatus {
  locationId: string | null;
  status: RequirementStatus;
}

/**
 * The status of one requirement at each location: the location's own entry, else the organisation-wide entry,
 * else open. Work recorded for the whole organisation thus counts at every location until a location says otherwise.
 */
export function statusAtLocations(entries: readonly ScopedStatus[], locationIds: readonly string[]): Map<string, RequirementStatus> {
  const own = new Map(entries.map((e) => [e.locationId, e.status]));
  const organisationWide = own.get(null) ?? 'open';
  return new Map(locationIds.map((id) => [id, own.get(id) ?? organisationWide]));
}

/** How many locations (or requirements) have each status. */
export type StatusCounts = Record<RequirementStatus, number>;

export const noStatuses = (): StatusCounts => ({ open: 0, in_progress: 0, implemented: 0, not_applicable: 0 });

export function tally(statuses: Iterable<RequirementStatus>): StatusCounts {
  const counts = noStatuses();
  for (const s of statuses) counts[s]++;
  return counts;
}

const sum = (c: StatusCounts) => c.open + c.in_progress + c.implemented + c.not_applicable;

/**
 * The status at every location of one requirement, counted: the locations' own entries, and the organisation-wide
 * status at each location without its own entry (as `statusAtLocations` says for one location).
 */
export function countAtLocations(organisationWide: RequirementStatus, locationCount: number, own: StatusCounts): StatusCounts {
  const counts = { ...own };
  counts[organisationWide] += Math.max(0, locationCount - sum(own));
  return counts;
}

/**
 * The organisation's status of one requirement from counts: `own` counts the locations with their own entry per
 * status (the database counts them), `locationCount` all locations. With per-location entries it is the least
 * advanced location (a requirement is implemented for the organisation only when it is done at every location);
 * otherwise the organisation-wide entry.
 */
export function overallStatusFromCounts(organisationWide: RequirementStatus, locationCount: number, own: StatusCounts): RequirementStatus {
  if (sum(own) === 0 || locationCount === 0) return organisationWide;
  const atLocations = countAtLocations(organisationWide, locationCount, own);
  if (atLocations.open > 0) return 'open';
  if (atLocations.in_progress > 0) return 'in_progress';
  // Every location is done: implemented if any location implemented it, not applicable only if none needs it.
  return atLocations.implemented > 0 ? 'implemented' : 'not_applicable';
}

/** The same rule over the entries of one requirement (entries of locations not in `locationIds` do not count). */
export function overallStatus(entries: readonly ScopedStatus[], locationIds: readonly string[]): RequirementStatus {
  const organisationWide = entries.find((e) => e.locationId === null)?.status ?? 'open';
  const known = new Set(locationIds);
  const own = tally(entries.filter((e) => e.locationId !== null && known.has(e.locationId)).map((e) => e.status));
  return overallStatusFromCounts(organisationWide, locationIds.length, own);
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
  return progressFromCounts(tally(statuses));
}

export function progressFromCounts(counts: StatusCounts): ProgressCount {
  const total = sum(counts);
  const done = counts.implemented + counts.not_applicable;
  return { total, done, inProgress: counts.in_progress, open: counts.open, ratio: total === 0 ? 1 : done / total };
}

/**
 * Progress at one location over a set of requirements, from three counts the database makes in one pass:
 * `organisationWide` counts the organisation-wide statuses of all the requirements (open where none is recorded),
 * `own` the statuses of this location's own entries, and `replaced` the organisation-wide statuses those own entries
 * replace. At each location its own entry counts, else the organisation-wide one (as in `statusAtLocations`).
 */
export function locationProgress(organisationWide: StatusCounts, own: StatusCounts, replaced: StatusCounts): ProgressCount {
  const counts = noStatuses();
  for (const s of Object.keys(counts) as RequirementStatus[]) counts[s] = organisationWide[s] - replaced[s] + own[s];
  return progressFromCounts(counts);
}

/** A due date (YYYY-MM-DD) is overdue from the day after it, in German calendar days, while work is not done. */
export function isOverdue(dueDate: string | null, status: RequirementStatus, today: string): boolean {
  return dueDate !== null && !isDone(status) && dueDate < today;
}
