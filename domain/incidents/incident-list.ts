import { z } from 'zod';
import { listPageSchema, listQuerySchema } from '../common/list.ts';
import type { ResponseOf } from '../common/response.ts';
import { incidentSummarySchema } from './incidents.response.ts';

/**
 * The incidents as a list (decision 021): filtered, searched, sorted and paged by the server, so a practice network
 * with thousands of incidents loads one page at a time.
 *
 * Sort keys:
 * - `number` — the order of reporting (numbers are given out one after the other); the default, newest first;
 * - `noticedAt` — when the practice became aware, where the § 32 BSIG clocks start;
 * - `status` — what needs attention first: open and not yet assessed, open and significant, open and not
 *   significant, then closed (handling completed); ascending puts the open work on top;
 * - `title` — alphabetical.
 */
export const incidentListSorts = ['number', 'noticedAt', 'status', 'title'] as const;
export type IncidentListSort = (typeof incidentListSorts)[number];

/** Open until someone records the end of handling; closed after. */
export const incidentStatusFilters = ['open', 'closed'] as const;
export type IncidentStatusFilter = (typeof incidentStatusFilters)[number];

/** The outcome of the significance assessment (§ 2 Nr. 11 BSIG), or none yet. */
export const incidentSignificanceFilters = ['significant', 'not_significant', 'unassessed'] as const;
export type IncidentSignificanceFilter = (typeof incidentSignificanceFilters)[number];

/** Rows per page unless asked otherwise. */
export const INCIDENT_PAGE_DEFAULT = 50;
/** At most this many per page: each row carries its computed clocks, so a page stays small. */
export const INCIDENT_PAGE_MAX = 200;

export const incidentListQuerySchema = listQuerySchema({
  sort: incidentListSorts,
  defaultSort: 'number',
  defaultOrder: 'desc',
  /** `q` searches the title. */
  search: true,
  defaultLimit: INCIDENT_PAGE_DEFAULT,
  maxLimit: INCIDENT_PAGE_MAX,
  filters: {
    status: z.enum(incidentStatusFilters).optional(),
    significance: z.enum(incidentSignificanceFilters).optional(),
  },
});
export type IncidentListQuery = z.output<typeof incidentListQuerySchema>;

/** A page of incidents, each with the report due next; total counts the incidents matching the filters. */
export const incidentPageSchema = listPageSchema(incidentSummarySchema);
/** As the client receives it (instants as ISO strings). */
export type IncidentPage = ResponseOf<typeof incidentPageSchema>;
