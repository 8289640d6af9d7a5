import { and, eq, type SQL, sql } from 'drizzle-orm';
import { referencePeriod } from '../../../domain/people/headcount.ts';
import type { PersonListQuery, PersonStatus } from '../../../domain/people/people.schema.ts';
import type { Tx } from '../../db/connect.ts';
import { containsLowered, countRows, type ListDefinition, planList } from '../../db/list.ts';
import { locations, people } from '../../db/schema.ts';

/** personStatus of domain/people/people.schema.ts as an SQL condition on the practice's day. */
export function statusCondition(status: PersonStatus, today: string): SQL {
  switch (status) {
    case 'future':
      return sql`${people.startsOn} > ${today}::date`;
    case 'leaver':
      return sql`(${people.endsOn} < ${today}::date and not coalesce(${people.startsOn} > ${today}::date, false))`;
    case 'active':
      return sql`(coalesce(${people.startsOn} <= ${today}::date, true) and coalesce(${people.endsOn} >= ${today}::date, true))`;
  }
}

const isStaff = () => sql`(${people.contractType} <> 'contractor' and ${people.role} <> 'external')`;

/** countsForKbv of domain/people/headcount.ts: active on the day, handles patient data, staff of the practice. */
export function kbvCondition(day: string): SQL {
  return sql`(${statusCondition('active', day)} and ${people.handlesPatientData} and ${isStaff()})`;
}

/** Days of the twelve months ending on `day` the person was employed (daysEmployed of headcount.ts). */
function daysEmployed(day: string): SQL {
  const { from } = referencePeriod(day);
  return sql`greatest(0, least(${day}::date, coalesce(${people.endsOn}, ${day}::date)) - greatest(${from}::date, coalesce(${people.startsOn}, ${from}::date)) + 1)`;
}

/** countsForAwu of headcount.ts and employed at some time in the period. */
export function awuCondition(day: string): SQL {
  return sql`(${isStaff()} and ${people.contractType} <> 'apprentice' and ${daysEmployed(day)} > 0)`;
}

/** personAwu of headcount.ts: hours over full time (at most 1) times the share of the period employed, as float8. */
export function awuExpression(day: string, fullTimeHours: number): SQL<number> {
  const { days } = referencePeriod(day);
  return sql<number>`(case when ${awuCondition(day)} then least(1.0, coalesce(${people.weeklyHours}, ${fullTimeHours}::numeric) / ${fullTimeHours}::numeric)::float8 * ${daysEmployed(day)} / ${days}::float8 else 0 end)`.mapWith(
    Number,
  );
}

function listFilters(organisationId: string, query: Omit<PersonListQuery, 'limit' | 'sort' | 'order' | 'cursor'>, today: string) {
  return and(
    eq(people.organisationId, organisationId),
    query.role ? eq(people.role, query.role) : undefined,
    query.locationId ? eq(people.locationId, query.locationId) : undefined,
    query.status ? statusCondition(query.status, today) : undefined,
    query.counted === 'kbv' ? kbvCondition(today) : query.counted === 'awu' ? awuCondition(today) : undefined,
    containsLowered(query.q, people.searchText),
  );
}

const personList: ListDefinition<PersonListQuery['sort']> = {
  sort: {
    name: { sql: sql`lower(${people.name})`, type: 'text' },
    role: { sql: people.role, type: 'text' },
    personnelNumber: { sql: sql`lower(${people.personnelNumber})`, type: 'text' },
    // People without a date sort after every date.
    startsOn: { sql: sql`coalesce(${people.startsOn}, '9999-12-31'::date)`, type: 'date' },
    endsOn: { sql: sql`coalesce(${people.endsOn}, '9999-12-31'::date)`, type: 'date' },
    updatedAt: { sql: people.updatedAt, type: 'timestamptz' },
  },
  unique: { sql: people.id, type: 'uuid' },
};

/** A page of the register: filters, search and keyset paging in SQL, so the cost is the page, not the register. */
export async function listPeople(tx: Tx, organisationId: string, query: PersonListQuery, today: string) {
  const plan = planList(personList, query);
  const filters = listFilters(organisationId, query, today);
  const rows = await tx
    .select({ person: people, ...plan.cursorColumns })
    .from(people)
    .where(and(filters, plan.after))
    .orderBy(...plan.orderBy)
    .limit(plan.fetch);
  const [count] = await tx.select({ n: countRows() }).from(people).where(filters);
  return plan.page(
    rows.map((r) => ({ ...r.person, listSortValue: r.listSortValue, listUniqueValue: r.listUniqueValue })),
    Number(count?.n ?? 0),
  );
}

/** Totals by role, by location and by status in one pass over the register (grouping sets). */
export async function summarisePeople(tx: Tx, organisationId: string, today: string) {
  const count = (condition: SQL) => sql<number>`count(*) filter (where ${condition})::int`.mapWith(Number);
  const rows = await tx
    .select({
      role: people.role,
      locationId: people.locationId,
      grouping: sql<number>`grouping(${people.role}, ${people.locationId})::int`.mapWith(Number),
      count: countRows(),
      active: count(statusCondition('active', today)),
      leaver: count(statusCondition('leaver', today)),
      future: count(statusCondition('future', today)),
    })
    .from(people)
    .where(eq(people.organisationId, organisationId))
    .groupBy(sql`grouping sets ((${people.role}), (${people.locationId}), ())`);
  const totals = rows.find((r) => r.grouping === 3);
  const byRole = rows
    .filter((r) => r.grouping === 1)
    .map(({ role, count }) => ({ role, count }))
    .sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
  const byLocation = rows
    .filter((r) => r.grouping === 2)
    .map(({ locationId, count }) => ({ locationId, count }))
    .sort((a, b) => (a.locationId === b.locationId ? 0 : a.locationId === null ? 1 : b.locationId === null ? -1 : a.locationId < b.locationId ? -1 : 1));
  return {
    total: totals?.count ?? 0,
    byStatus: { active: totals?.active ?? 0, leaver: totals?.leaver ?? 0, future: totals?.future ?? 0 },
    byRole,
    byLocation,
  };
}

export const FIGURE_CONTRIBUTORS_SHOWN = 50;

/**
 * The Betroffenheitscheck's figures on a day, aggregated in SQL (one pass; an organisation may have thousands of
 * people), with the first contributors by name. Same rules as domain/people/headcount.ts, held to it by an API test.
 */
export async function computeFigures(tx: Tx, organisationId: string, day: string, fullTimeHours: number) {
  const mine = eq(people.organisationId, organisationId);
  const awu = awuExpression(day, fullTimeHours);
  const contributing = sql`(${kbvCondition(day)} or ${awuCondition(day)})`;
  const [totals] = await tx
    .select({
      kbvPersons: sql<number>`count(*) filter (where ${kbvCondition(day)})::int`.mapWith(Number),
      awu: sql<number>`coalesce(round(sum(${awu})::numeric, 2), 0)::float8`.mapWith(Number),
      heads: sql<number>`count(*) filter (where ${awuCondition(day)})::int`.mapWith(Number),
      assumedFullTime: sql<number>`count(*) filter (where ${awuCondition(day)} and ${people.weeklyHours} is null)::int`.mapWith(Number),
      contributors: sql<number>`count(*) filter (where ${contributing})::int`.mapWith(Number),
    })
    .from(people)
    .where(mine);
  const items = await tx
    .select({
      id: people.id,
      name: people.name,
      role: people.role,
      contractType: people.contractType,
      weeklyHours: people.weeklyHours,
      kbv: sql<boolean>`${kbvCondition(day)}`.mapWith(Boolean),
      awu: sql<number>`round(${awu}::numeric, 4)::float8`.mapWith(Number),
      assumedFullTime: sql<boolean>`(${awuCondition(day)} and ${people.weeklyHours} is null)`.mapWith(Boolean),
    })
    .from(people)
    .where(and(mine, contributing))
    .orderBy(sql`lower(${people.name})`, people.id)
    .limit(FIGURE_CONTRIBUTORS_SHOWN);
  return {
    on: day,
    periodFrom: referencePeriod(day).from,
    kbvPersons: totals?.kbvPersons ?? 0,
    awu: totals?.awu ?? 0,
    heads: totals?.heads ?? 0,
    assumedFullTime: totals?.assumedFullTime ?? 0,
    fullTimeHours,
    contributors: { items, total: totals?.contributors ?? 0 },
  };
}

/** Every person matching the filters, by name, with the location's name: the rows of an export. */
export async function peopleForExport(tx: Tx, organisationId: string, query: Omit<PersonListQuery, 'limit' | 'sort' | 'order' | 'cursor'>, today: string) {
  return tx
    .select({ person: people, location: locations.name })
    .from(people)
    .leftJoin(locations, and(eq(locations.organisationId, people.organisationId), eq(locations.id, people.locationId)))
    .where(listFilters(organisationId, query, today))
    .orderBy(sql`lower(${people.name})`, people.id);
}
