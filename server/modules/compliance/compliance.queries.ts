import { sql } from 'drizzle-orm';
import { noStatuses, type StatusCounts } from '../../../domain/compliance/progress.ts';
import type { RequirementStatus } from '../../../domain/compliance/requirement-status.schema.ts';
import { queryRows, type Tx } from '../../db/connect.ts';

/**
 * The aggregates behind the catalog list and the dashboard, made by the database (decision 011). Each answer has one
 * row per requirement or per location, never one per requirement × location, so the work left to JavaScript stays the
 * same from 1 to 300 locations (MAX_LOCATIONS_PER_ORGANISATION). Every query names the organisation as well as running
 * under its row-level security, so the planner can use the (organisation_id, …) indexes.
 */

const DONE = sql`('implemented', 'not_applicable')`;

/** A text[] parameter; the values are catalog ids and status names ([A-Za-z0-9_-]), safe inside an array literal. */
function textArray(values: readonly string[]) {
  if (values.some((v) => !/^[A-Za-z0-9_-]+$/.test(v))) throw new Error('unexpected value in a text array');
  return sql`${`{${values.join(',')}}`}::text[]`;
}

export interface RequirementAggregate {
  /** Status of the organisation-wide entry; open when there is none. */
  organisationWide: RequirementStatus;
  /** Owner of the organisation-wide entry. */
  ownerUserId: string | null;
  /** Locations with their own entry, per status. */
  own: StatusCounts;
  /** Earliest due date of an entry not yet done. */
  dueDate: string | null;
  /** Some entry is past its due date and not done. */
  overdue: boolean;
  evidenceCount: number;
}

const counts = (open: number, inProgress: number, implemented: number, notApplicable: number): StatusCounts => ({
  open,
  in_progress: inProgress,
  implemented,
  not_applicable: notApplicable,
});

/**
 * One row per requirement the organisation has recorded something for: one pass over the organisation's entries.
 * Every location entry belongs to an existing location (foreign key; a location with entries cannot be deleted).
 */
export async function requirementAggregates(tx: Tx, organisationId: string, today: string, requirementId?: string): Promise<Map<string, RequirementAggregate>> {
  const rows = await queryRows<{
    requirement_id: string;
    wide_status: RequirementStatus | null;
    owner_user_id: string | null;
    own_open: number;
    own_in_progress: number;
    own_implemented: number;
    own_not_applicable: number;
    due_date: string | Date | null;
    overdue: boolean | null;
    evidence_count: number;
  }>(
    tx,
    sql`select s.requirement_id,
               min(s.status) filter (where s.location_id is null) as wide_status,
               (array_agg(s.owner_user_id) filter (where s.location_id is null))[1] as owner_user_id,
               count(*) filter (where s.location_id is not null and s.status = 'open')::int as own_open,
               count(*) filter (where s.location_id is not null and s.status = 'in_progress')::int as own_in_progress,
               count(*) filter (where s.location_id is not null and s.status = 'implemented')::int as own_implemented,
               count(*) filter (where s.location_id is not null and s.status = 'not_applicable')::int as own_not_applicable,
               to_char(min(s.due_date) filter (where s.status not in ${DONE}), 'YYYY-MM-DD') as due_date,
               coalesce(bool_or(s.due_date < ${today}::date and s.status not in ${DONE}), false) as overdue,
               coalesce(sum(s.evidence_count), 0)::int as evidence_count
          from requirement_statuses s
         where s.organisation_id = ${organisationId}
           ${requirementId ? sql`and s.requirement_id = ${requirementId}` : sql``}
         group by s.requirement_id
         order by s.requirement_id`,
  );
  return new Map(
    rows.map((r) => [
      r.requirement_id,
      {
        organisationWide: r.wide_status ?? 'open',
        ownerUserId: r.owner_user_id,
        own: counts(r.own_open, r.own_in_progress, r.own_implemented, r.own_not_applicable),
        dueDate: typeof r.due_date === 'string' || r.due_date === null ? r.due_date : r.due_date.toISOString().slice(0, 10),
        overdue: r.overdue === true,
        evidenceCount: Number(r.evidence_count),
      },
    ]),
  );
}

export const emptyAggregate = (): RequirementAggregate => ({
  organisationWide: 'open',
  ownerUserId: null,
  own: noStatuses(),
  dueDate: null,
  overdue: false,
  evidenceCount: 0,
});

export interface LocationAggregate {
  locationId: string;
  name: string;
  /** The location's own entries among the given requirements, per status. */
  own: StatusCounts;
  /** The organisation-wide statuses those own entries replace (open where there is no organisation-wide entry). */
  replaced: StatusCounts;
}

/**
 * Every location of the organisation (ordered by name, then id) with its own entries among the requirements counted,
 * and the organisation-wide statuses they replace. `organisationWide` maps each requirement to count to its
 * organisation-wide status (from `requirementAggregates`); it is joined as a list of 92 rows rather than looked up in
 * the table again, so the plan is one pass over the entries with a hash join, also on the embedded database, which has
 * no statistics to plan a self-join with.
 */
export async function locationAggregates(
  tx: Tx,
  organisationId: string,
  organisationWide: ReadonlyMap<string, RequirementStatus>,
): Promise<LocationAggregate[]> {
  const ids = textArray([...organisationWide.keys()]);
  const wide = textArray([...organisationWide.values()]);
  const rows = await queryRows<{ id: string; name: string; own: number[] | null; replaced: number[] | null }>(
    tx,
    sql`with own as (
          select s.location_id,
                 count(*) filter (where s.status = 'open')::int as o_open,
                 count(*) filter (where s.status = 'in_progress')::int as o_in_progress,
                 count(*) filter (where s.status = 'implemented')::int as o_implemented,
                 count(*) filter (where s.status = 'not_applicable')::int as o_not_applicable,
                 count(*) filter (where r.wide = 'open')::int as r_open,
                 count(*) filter (where r.wide = 'in_progress')::int as r_in_progress,
                 count(*) filter (where r.wide = 'implemented')::int as r_implemented,
                 count(*) filter (where r.wide = 'not_applicable')::int as r_not_applicable
            from requirement_statuses s
            join unnest(${ids}, ${wide}) as r (requirement_id, wide) on r.requirement_id = s.requirement_id
           where s.organisation_id = ${organisationId} and s.location_id is not null
           group by s.location_id)
        select l.id, l.name,
               array[o.o_open, o.o_in_progress, o.o_implemented, o.o_not_applicable] as own,
               array[o.r_open, o.r_in_progress, o.r_implemented, o.r_not_applicable] as replaced
          from locations l
          left join own o on o.location_id = l.id
         where l.organisation_id = ${organisationId}
         order by l.name, l.id`,
  );
  const asCounts = (a: number[] | null) => (a && a[0] !== null ? counts(a[0]!, a[1]!, a[2]!, a[3]!) : noStatuses());
  return rows.map((r) => ({ locationId: r.id, name: r.name, own: asCounts(r.own), replaced: asCounts(r.replaced) }));
}

export interface OverdueEntry {
  requirementId: string;
  locationId: string | null;
  status: RequirementStatus;
  dueDate: string;
}

/**
 * Entries past their due date and not done among `requirementIds`: the `limit` oldest (by due date, then requirement,
 * then entry id: a stable order) and how many there are in all.
 */
export async function overdueEntries(tx: Tx, organisationId: string, requirementIds: readonly string[], today: string, limit: number) {
  const ids = textArray(requirementIds);
  const [row] = await queryRows<{ total: number; items: OverdueEntry[] | string | null }>(
    tx,
    sql`with overdue as (
          select s.id, s.requirement_id, s.location_id, s.status, s.due_date, r.sort_order
            from requirement_statuses s
            join catalog_requirements r on r.id = s.requirement_id
           where s.organisation_id = ${organisationId} and s.requirement_id = any(${ids})
             and s.due_date < ${today}::date and s.status not in ${DONE})
        select (select count(*)::int from overdue) as total,
               (select json_agg(json_build_object('requirementId', p.requirement_id, 'locationId', p.location_id,
                                                  'status', p.status, 'dueDate', to_char(p.due_date, 'YYYY-MM-DD'))
                                order by p.due_date, p.sort_order, p.id)
                  from (select * from overdue order by due_date, sort_order, id limit ${limit}) p) as items`,
  );
  const items = (typeof row?.items === 'string' ? JSON.parse(row.items) : (row?.items ?? [])) as OverdueEntry[];
  return { total: row?.total ?? 0, items };
}

/** All entries of one requirement (at most one per location plus the organisation-wide one), organisation-wide first. */
export async function requirementEntries(tx: Tx, organisationId: string, requirementId: string) {
  const rows = await queryRows<{
    id: string;
    location_id: string | null;
    status: RequirementStatus;
    not_applicable_reason: string | null;
    owner_user_id: string | null;
    due_date: string | Date | null;
    notes: string | null;
    updated_at: string | Date;
    evidence_count: number;
  }>(
    tx,
    sql`select s.id, s.location_id, s.status, s.not_applicable_reason, s.owner_user_id, to_char(s.due_date, 'YYYY-MM-DD') as due_date,
               s.notes, s.updated_at, s.evidence_count
          from requirement_statuses s
         where s.organisation_id = ${organisationId} and s.requirement_id = ${requirementId}
         order by s.location_id nulls first, s.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    locationId: r.location_id,
    status: r.status,
    notApplicableReason: r.not_applicable_reason,
    ownerUserId: r.owner_user_id,
    dueDate: r.due_date === null || typeof r.due_date === 'string' ? r.due_date : r.due_date.toISOString().slice(0, 10),
    notes: r.notes,
    updatedAt: new Date(r.updated_at),
    evidenceCount: Number(r.evidence_count),
  }));
}
