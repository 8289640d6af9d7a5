import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { weekRange, weeksFrom } from '../../../domain/tasks/task-rules.ts';
import {
  TASK_ACTIVE_STATUSES,
  TASK_STATUSES,
  type TaskBoardQuery,
  type TaskLink,
  type TaskLinkKind,
  type TaskListQuery,
} from '../../../domain/tasks/tasks.schema.ts';
import { queryRows, type Tx } from '../../db/connect.ts';
import { containsText, countRows, type ListDefinition, planList } from '../../db/list.ts';
import { tasks, users } from '../../db/schema.ts';

/** Open or in progress. */
export const isActiveSql = inArray(tasks.status, [...TASK_ACTIVE_STATUSES]);

/** isOverdue of domain/tasks/task-rules.ts in SQL (false, not null, without a due day); the API tests hold both to the same answers. */
export const overdueSql = (today: string) => sql<boolean>`coalesce(${tasks.status} in ('open', 'in_progress') and ${tasks.dueOn} < ${today}::date, false)`;

/** The columns of a task as lists and the board show it, with its owner's name and its counts. */
export function itemColumns(today: string) {
  return {
    id: tasks.id,
    title: tasks.title,
    status: tasks.status,
    dueOn: tasks.dueOn,
    overdue: overdueSql(today).as('overdue'),
    ownerUserId: tasks.ownerUserId,
    ownerName: users.name,
    source: tasks.source,
    templateId: tasks.templateId,
    roadmapWeek: tasks.roadmapWeek,
    linkCount: sql<number>`(select count(*)::int from task_links l where l.organisation_id = ${tasks.organisationId} and l.task_id = ${tasks.id})`
      .mapWith(Number)
      .as('link_count'),
    commentCount: sql<number>`(select count(*)::int from task_comments c where c.organisation_id = ${tasks.organisationId} and c.task_id = ${tasks.id})`
      .mapWith(Number)
      .as('comment_count'),
    doneAt: tasks.doneAt,
    revision: tasks.revision,
    createdAt: tasks.createdAt,
    updatedAt: tasks.updatedAt,
  };
}

const ownerJoin = eq(users.id, tasks.ownerUserId);

const taskList: ListDefinition<TaskListQuery['sort']> = {
  sort: {
    // Tasks without a due day come after every dated one (the expression of the index tasks_by_due_last).
    dueOn: { sql: sql`coalesce(${tasks.dueOn}, '9999-12-31'::date)`, type: 'date' },
    title: { sql: sql`lower(${tasks.title})`, type: 'text' },
    // The order of the work: open, in progress, done, cancelled.
    status: { sql: sql`array_position(array[${sql.raw(TASK_STATUSES.map((s) => `'${s}'`).join(', '))}]::text[], ${tasks.status})`, type: 'integer' },
    updatedAt: { sql: tasks.updatedAt, type: 'timestamptz' },
    createdAt: { sql: tasks.createdAt, type: 'timestamptz' },
  },
  unique: { sql: tasks.id, type: 'uuid' },
};

/** Tasks linked to a requirement or record (or to any of a kind). */
function linkedCondition(kind: TaskLinkKind | undefined, targetId: string | undefined): SQL | undefined {
  if (!kind) return undefined;
  return sql`exists (select 1 from task_links l where l.organisation_id = ${tasks.organisationId} and l.task_id = ${tasks.id}
    and l.kind = ${kind} ${targetId ? sql`and l.target_id = ${targetId}` : sql``})`;
}

function ownerCondition(ownerUserId: string | undefined): SQL | undefined {
  if (!ownerUserId) return undefined;
  return ownerUserId === 'none' ? isNull(tasks.ownerUserId) : eq(tasks.ownerUserId, ownerUserId);
}

/** A page of the task list: filters, search and keyset paging in SQL, so the cost is the page, not the list. */
export async function listTasks(tx: Tx, organisationId: string, userId: string, query: TaskListQuery, today: string) {
  const plan = planList(taskList, query);
  const week = query.week ? weekRange(query.week) : undefined;
  const filters = and(
    eq(tasks.organisationId, organisationId),
    query.mine ? eq(tasks.ownerUserId, userId) : undefined,
    query.overdue === true
      ? sql`(${tasks.status} in ('open', 'in_progress') and ${tasks.dueOn} < ${today}::date)`
      : query.overdue === false
        ? sql`not ${overdueSql(today)}`
        : undefined,
    week ? sql`${tasks.dueOn} between ${week.from}::date and ${week.to}::date` : undefined,
    query.status === 'active' ? isActiveSql : query.status ? eq(tasks.status, query.status) : undefined,
    ownerCondition(query.ownerUserId),
    query.source ? eq(tasks.source, query.source) : undefined,
    linkedCondition(query.linkKind, query.linkTargetId),
    containsText(query.q, tasks.title),
  );
  const rows = await tx
    .select({ ...itemColumns(today), ...plan.cursorColumns })
    .from(tasks)
    .leftJoin(users, ownerJoin)
    .where(and(filters, plan.after))
    .orderBy(...plan.orderBy)
    .limit(plan.fetch);
  const [count] = await tx.select({ n: countRows() }).from(tasks).where(filters);
  return plan.page(rows, Number(count?.n ?? 0));
}

/**
 * The board: the overdue tasks, then one column per ISO week, grouped and cut to `perWeek` cards per column in SQL
 * (window functions), so the answer costs the cards shown, not the tasks of the organisation. Done tasks stay in the
 * week they were due (the board shows what was managed); cancelled ones are left out.
 */
export async function taskBoard(tx: Tx, organisationId: string, userId: string, query: TaskBoardQuery, today: string, firstWeek: string) {
  const weeks = weeksFrom(firstWeek, query.weeks);
  const from = weekRange(weeks[0]!).from;
  const to = weekRange(weeks[weeks.length - 1]!).to;
  const column = sql<string>`case when ${overdueSql(today)} then 'overdue' else to_char(${tasks.dueOn}, 'IYYY-"W"IW') end`;
  const filters = and(
    eq(tasks.organisationId, organisationId),
    sql`${tasks.status} <> 'cancelled'`,
    // Overdue (open or in progress, due before today) or due in the weeks shown: both ranges of the due-day indexes.
    sql`((${tasks.status} in ('open', 'in_progress') and ${tasks.dueOn} < ${today}::date) or ${tasks.dueOn} between ${from}::date and ${to}::date)`,
    query.mine ? eq(tasks.ownerUserId, userId) : undefined,
    ownerCondition(query.ownerUserId),
    query.source ? eq(tasks.source, query.source) : undefined,
  );
  // Ranked on the bare rows first; the names and counts are read only for the cards that are shown.
  const ranked = tx
    .select({
      id: tasks.id,
      column: column.as('board_column'),
      rank: sql<number>`row_number() over (partition by ${column} order by ${tasks.dueOn}, lower(${tasks.title}), ${tasks.id})`.as('board_rank'),
      total: sql<number>`count(*) over (partition by ${column})`.as('board_total'),
    })
    .from(tasks)
    .where(filters)
    .as('ranked');
  const rows = await tx
    .select({ ...itemColumns(today), column: ranked.column, rank: ranked.rank, total: ranked.total })
    .from(ranked)
    .innerJoin(tasks, and(eq(tasks.organisationId, organisationId), eq(tasks.id, ranked.id)))
    .leftJoin(users, ownerJoin)
    .where(sql`${ranked.rank} <= ${query.perWeek}::int`)
    .orderBy(ranked.column, ranked.rank);
  type Card = Omit<(typeof rows)[number], 'column' | 'rank' | 'total'>;
  const columns = new Map<string, { total: number; items: Card[] }>();
  for (const { column: name, rank: _rank, total, ...card } of rows) {
    const entry = columns.get(name) ?? { total: Number(total), items: [] };
    entry.items.push(card);
    columns.set(name, entry);
  }
  const empty = () => ({ total: 0, items: [] as Card[] });
  return {
    today,
    overdue: columns.get('overdue') ?? empty(),
    weeks: weeks.map((week) => ({ week, ...weekRange(week), ...(columns.get(week) ?? empty()) })),
  };
}

/** The counts of the list's filter chips, in one pass over the open tasks (partial index tasks_open_by_due). */
export async function taskSummary(tx: Tx, organisationId: string, userId: string, today: string, week: string) {
  const { from, to } = weekRange(week);
  const count = (condition: SQL) => sql<number>`count(*) filter (where ${condition})::int`.mapWith(Number);
  const mine = eq(tasks.ownerUserId, userId);
  const overdue = sql`${tasks.dueOn} < ${today}::date`;
  const [row] = await tx
    .select({
      active: countRows(),
      overdue: count(overdue),
      mine: count(mine),
      mineOverdue: count(sql`${mine} and ${overdue}`),
      dueThisWeek: count(sql`${tasks.dueOn} between ${from}::date and ${to}::date`),
      unassigned: count(isNull(tasks.ownerUserId)),
    })
    .from(tasks)
    .where(and(eq(tasks.organisationId, organisationId), isActiveSql));
  return { today, week, active: 0, overdue: 0, mine: 0, mineOverdue: 0, dueThisWeek: 0, unassigned: 0, ...row };
}

// ---------------------------------------------------------------------------------------------------------------
// Links: what they point to, in words

export interface LinkLabel {
  label: string | null;
  reference: string | null;
}

export const linkKey = (link: TaskLink) => `${link.kind}/${link.targetId}`;

/** A uuid typed as text cast only when it is one, so that a stray value cannot turn a read into an SQL error. */
const asUuid = (column: SQL) => sql`case when ${column} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then ${column}::uuid end`;

/**
 * The readable name and reference of each link: a requirement's title (in the asked language) and reference, a risk's
 * title and number (R-3), an asset's name and inventory number, a supplier's or person's name, an incident's title and
 * number (#12). One statement for all links; a link whose record is gone has neither.
 */
export async function labelLinks(tx: Tx, organisationId: string, links: readonly TaskLink[], locale: 'de' | 'en'): Promise<Map<string, LinkLabel>> {
  const labels = new Map<string, LinkLabel>();
  if (links.length === 0) return labels;
  const target = sql`s."targetId"`;
  const uuid = asUuid(target);
  const rows = await queryRows<{ kind: string; target_id: string; label: string | null; reference: string | null }>(
    tx,
    sql`select s.kind, s."targetId" as target_id,
          case s.kind
            when 'requirement' then (select case when ${locale} = 'en' then r.title_en else r.title_de end from catalog_requirements r where r.id = ${target})
            when 'risk' then (select x.title from risks x where x.organisation_id = ${organisationId} and x.id = ${uuid})
            when 'asset' then (select x.name from assets x where x.organisation_id = ${organisationId} and x.id = ${uuid})
            when 'supplier' then (select x.name from suppliers x where x.organisation_id = ${organisationId} and x.id = ${uuid})
            when 'person' then (select x.name from people x where x.organisation_id = ${organisationId} and x.id = ${uuid})
            when 'incident' then (select x.title from incidents x where x.organisation_id = ${organisationId} and x.id = ${uuid})
          end as label,
          case s.kind
            when 'requirement' then (select r.reference from catalog_requirements r where r.id = ${target})
            when 'risk' then (select 'R-' || x.number from risks x where x.organisation_id = ${organisationId} and x.id = ${uuid})
            when 'asset' then (select nullif(x.inventory_number, '') from assets x where x.organisation_id = ${organisationId} and x.id = ${uuid})
            when 'incident' then (select '#' || x.number from incidents x where x.organisation_id = ${organisationId} and x.id = ${uuid})
          end as reference
        from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as s(kind text, "targetId" text)`,
  );
  for (const row of rows) labels.set(`${row.kind}/${row.target_id}`, { label: row.label, reference: row.reference });
  return labels;
}

/** The links whose requirement exists in the catalog (not withdrawn) or whose record exists in the organisation. */
export async function existingLinks(tx: Tx, organisationId: string, links: readonly TaskLink[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (links.length === 0) return found;
  const target = sql`s."targetId"`;
  const uuid = asUuid(target);
  const exists = (table: string) => sql`exists (select 1 from ${sql.identifier(table)} x where x.organisation_id = ${organisationId} and x.id = ${uuid})`;
  const rows = await queryRows<{ kind: string; target_id: string }>(
    tx,
    sql`select s.kind, s."targetId" as target_id
        from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as s(kind text, "targetId" text)
        where case s.kind
          when 'requirement' then exists (select 1 from catalog_requirements r where r.id = ${target} and r.withdrawn_at is null)
          when 'risk' then ${exists('risks')}
          when 'asset' then ${exists('assets')}
          when 'supplier' then ${exists('suppliers')}
          when 'person' then ${exists('people')}
          when 'incident' then ${exists('incidents')}
          else false
        end`,
  );
  for (const row of rows) found.add(`${row.kind}/${row.target_id}`);
  return found;
}

const PICKER_LIMIT = 50;

/** What the link picker offers for a kind: up to 50 requirements or records whose name (or number) contains `q`. */
export async function linkTargets(tx: Tx, organisationId: string, kind: TaskLinkKind, q: string | undefined, locale: 'de' | 'en') {
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : '%';
  const named = (table: string, name: string, reference: SQL, order: SQL) =>
    sql`select x.id::text as id, x.${sql.identifier(name)} as label, ${reference} as reference
        from ${sql.identifier(table)} x
        where x.organisation_id = ${organisationId} and (x.${sql.identifier(name)} ilike ${pattern} or coalesce(${reference}, '') ilike ${pattern})
        order by ${order} limit ${PICKER_LIMIT}`;
  let query: SQL;
  switch (kind) {
    case 'requirement':
      query = sql`select r.id, case when ${locale} = 'en' then r.title_en else r.title_de end as label, r.reference
        from catalog_requirements r
        where r.withdrawn_at is null
          and (r.id ilike ${pattern} or r.reference ilike ${pattern} or (case when ${locale} = 'en' then r.title_en else r.title_de end) ilike ${pattern})
        order by r.sort_order, r.id limit ${PICKER_LIMIT}`;
      break;
    case 'risk':
      query = named('risks', 'title', sql`'R-' || x.number`, sql`x.number`);
      break;
    case 'asset':
      query = named('assets', 'name', sql`nullif(x.inventory_number, '')`, sql`lower(x.name), x.id`);
      break;
    case 'supplier':
      query = named('suppliers', 'name', sql`null::text`, sql`lower(x.name), x.id`);
      break;
    case 'person':
      query = named('people', 'name', sql`null::text`, sql`lower(x.name), x.id`);
      break;
    case 'incident':
      query = named('incidents', 'title', sql`'#' || x.number`, sql`x.number desc`);
      break;
  }
  return queryRows<{ id: string; label: string; reference: string | null }>(tx, query);
}
