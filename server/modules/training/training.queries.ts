import { type SQL, sql } from 'drizzle-orm';
import type { OverviewQuery, TrainingState } from '../../../domain/training/training.schema.ts';
import { DUE_SOON_DAYS } from '../../../domain/training/training-status.ts';
import { queryRows, type Tx } from '../../db/connect.ts';

/**
 * The rules of domain/training/training-status.ts in SQL, so that coverage and the people list cost one query however
 * many people and sessions an organisation has: active staff × mandatory courses, each pair's last attended day, its
 * due day (`date + interval 'n months'` ends at the month's last day as Luxon does) and its state. The API tests hold
 * the SQL and the domain function to the same answers.
 */
function statesCte(organisationId: string, today: string) {
  return sql`
    active as (
      select p.id, p.name, p.role, p.location_id from people p
      where p.organisation_id = ${organisationId}
        and p.role <> 'external' and p.contract_type <> 'contractor'
        and (p.starts_on is null or p.starts_on <= ${today}::date)
        and (p.ends_on is null or p.ends_on >= ${today}::date)
    ),
    mandatory as (
      select c.id, c.title, c.recurrence_months from training_courses c
      where c.organisation_id = ${organisationId} and c.mandatory
    ),
    last_attended as (
      select a.person_id, s.course_id, max(s.held_on) as last_on
      from training_attendance a
      join training_sessions s on s.organisation_id = a.organisation_id and s.id = a.session_id
      where a.organisation_id = ${organisationId} and a.person_id is not null and a.status <> 'invited'
      group by a.person_id, s.course_id
    ),
    pairs as (
      select p.id as person_id, c.id as course_id, (l.last_on + make_interval(months => c.recurrence_months))::date as due_on
      from active p cross join mandatory c
      left join last_attended l on l.person_id = p.id and l.course_id = c.id
    ),
    states as (
      select person_id, course_id, due_on,
        case when due_on is null then 4 when due_on < ${today}::date then 3
          when due_on <= ${today}::date + ${DUE_SOON_DAYS}::int then 2 else 1 end as severity
      from pairs
    ),
    per_person as (
      select p.id, p.name, p.role, p.location_id,
        max(s.severity) as severity,
        min(s.due_on) filter (where s.severity < 4) as next_due_on,
        count(*) filter (where s.severity = 4)::int as never_trained,
        count(*) filter (where s.severity = 3)::int as overdue
      from active p join states s on s.person_id = p.id
      group by p.id, p.name, p.role, p.location_id
    )`;
}

const stateOf: Record<number, TrainingState> = { 4: 'never_trained', 3: 'overdue', 2: 'due_soon', 1: 'current' };
const severityOf: Record<TrainingState, number> = { never_trained: 4, overdue: 3, due_soon: 2, current: 1 };

/** Coverage: active staff, how many are current on every mandatory course, by worst state, and per course. */
export async function coverageInSql(tx: Tx, organisationId: string, today: string) {
  const [totals] = await queryRows<{ people: number; covered: number; never_trained: number; overdue: number; due_soon: number; current: number }>(
    tx,
    sql`with ${statesCte(organisationId, today)}
      select (select count(*)::int from active) as people,
        count(*) filter (where severity <= 2)::int as covered,
        count(*) filter (where severity = 4)::int as never_trained,
        count(*) filter (where severity = 3)::int as overdue,
        count(*) filter (where severity = 2)::int as due_soon,
        count(*) filter (where severity = 1)::int as current
      from per_person`,
  );
  const perCourse = await queryRows<{ course_id: string; title: string; trained: number; people: number }>(
    tx,
    sql`with ${statesCte(organisationId, today)}
      select c.id as course_id, c.title,
        (select count(*)::int from states s where s.course_id = c.id and s.severity <= 2) as trained,
        (select count(*)::int from active) as people
      from mandatory c order by lower(c.title), c.id`,
  );
  const people = Number(totals?.people ?? 0);
  const covered = Number(totals?.covered ?? 0);
  return {
    people,
    covered,
    percent: people > 0 && perCourse.length > 0 ? Math.floor((covered * 100) / people) : null,
    byState: {
      never_trained: Number(totals?.never_trained ?? 0),
      overdue: Number(totals?.overdue ?? 0),
      due_soon: Number(totals?.due_soon ?? 0),
      current: Number(totals?.current ?? 0),
    },
    perCourse: perCourse.map((c) => ({ courseId: c.course_id, title: c.title, trained: Number(c.trained), people: Number(c.people) })),
  };
}

/** Active staff with their worst state, filtered by state, location and name, worst and soonest first, paged. */
export async function peopleStates(tx: Tx, organisationId: string, today: string, query: OverviewQuery) {
  const filters = sql.join(
    [
      sql`true`,
      query.state ? sql`severity = ${severityOf[query.state]}` : undefined,
      query.locationId ? sql`location_id = ${query.locationId}` : undefined,
      query.q ? sql`strpos(lower(name), lower(${query.q})) > 0` : undefined,
    ].filter((part): part is SQL => part !== undefined),
    sql` and `,
  );
  const rows = await queryRows<{
    id: string;
    name: string;
    role: string;
    location_id: string | null;
    severity: number;
    next_due_on: string | Date | null;
    never_trained: number;
    overdue: number;
    total: number;
  }>(
    tx,
    sql`with ${statesCte(organisationId, today)}
      select id, name, role, location_id, severity, to_char(next_due_on, 'YYYY-MM-DD') as next_due_on, never_trained, overdue,
        count(*) over ()::int as total
      from per_person where ${filters}
      order by severity desc, next_due_on asc nulls first, lower(name), id
      limit ${query.limit} offset ${query.offset}`,
  );
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && query.offset > 0) {
    const [count] = await queryRows<{ n: number }>(
      tx,
      sql`with ${statesCte(organisationId, today)} select count(*)::int as n from per_person where ${filters}`,
    );
    total = Number(count?.n ?? 0);
  }
  return {
    items: rows.map((r) => ({
      personId: r.id,
      name: r.name,
      role: r.role,
      locationId: r.location_id,
      state: stateOf[Number(r.severity)]!,
      nextDueOn: r.next_due_on === null ? null : String(r.next_due_on),
      neverTrained: Number(r.never_trained),
      overdue: Number(r.overdue),
    })),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}
