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
import { containsLowered, countRows, type ListDefinition, planList } from '../../db/list.ts';
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
/** The lowered title (a stored generated column of migration 0031, not in the drizzle view: nothing writes it). */
const searchText = sql`${tasks}.search_text`;

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
    containsLowered(query.q, searchText),
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

/** An instant as ISO 8601 text in UTC, as the list kit writes it. */
const isoInstant = (column: SQL) => sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
interface BoardRow {
  id: string;
  title: string;
  status: string;
  due_on: string;
  owner_user_id: string | null;
  owner_name: string | null;
  source: string;
  template_id: string | null;
  roadmap_week: number | null;
  link_count: number;
  comment_count: number;
  done_at: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
  board_column: number;
  board_total: number;
}

/** Monday 27 December 1999: whole weeks counted from it are ISO weeks (Monday to Sunday); every due day lies after it. */
const WEEK_EPOCH = '1999-12-27';

/**
 * The board: the overdue tasks, then one column per ISO week, grouped, counted and cut to `perWeek` cards per column in
 * one statement (window functions), so the answer costs one pass over the weeks' rows and the cards shown. The week of a
 * due day is its distance in whole weeks from a Monday: integer arithmetic on dates, where to_char with IYYY/IW turns
 * every date into a timestamp of the session's time zone first. Names, counts and formatted dates are read only for the
 * cards shown. Done tasks stay in the week they were due (the board shows what was managed); cancelled ones are left
 * out; an overdue task stands in the overdue column only. Cards of a day are in the order they were created (a sort by
 * title compares every row of the weeks with the locale's collation, which PGlite does slowly). A variant with one
 * lateral, index-ordered subquery per week ran as fast but took PGlite five times as long to plan.
 */
export async function taskBoard(tx: Tx, organisationId: string, userId: string, query: TaskBoardQuery, today: string, firstWeek: string) {
  const weeks = weeksFrom(firstWeek, query.weeks);
  const from = weekRange(weeks[0]!).from;
  const to = weekRange(weeks[weeks.length - 1]!).to;
  const overdue = sql`(${tasks.status} in ('open', 'in_progress') and ${tasks.dueOn} < ${today}::date)`;
  const column = sql`case when ${overdue} then -1 else (${tasks.dueOn} - ${WEEK_EPOCH}::date) / 7 end`;
  const filters = and(
    eq(tasks.organisationId, organisationId),
    sql`${tasks.status} <> 'cancelled'`,
    // Overdue or due in the weeks shown: both ranges of the due-day indexes.
    sql`(${overdue} or ${tasks.dueOn} between ${from}::date and ${to}::date)`,
    query.mine ? eq(tasks.ownerUserId, userId) : undefined,
    ownerCondition(query.ownerUserId),
    query.source ? eq(tasks.source, query.source) : undefined,
  );
  const rows = await queryRows<BoardRow>(
    tx,
    sql`with ranked as (
          select ${tasks.id} as id, ${tasks.title} as title, ${tasks.status} as status, ${tasks.dueOn} as due_day,
                 ${tasks.ownerUserId} as owner_user_id, ${tasks.source} as source, ${tasks.templateId} as template_id,
                 ${tasks.roadmapWeek} as roadmap_week, ${tasks.doneAt} as done_instant, ${tasks.revision} as revision,
                 ${tasks.createdAt} as created_instant, ${tasks.updatedAt} as updated_instant, ${column} as board_column,
                 row_number() over (partition by ${column} order by ${tasks.dueOn}, ${tasks.createdAt}, ${tasks.id}) as board_rank,
                 count(*) over (partition by ${column}) as board_total
            from ${tasks}
           where ${filters})
        select r.id, r.title, r.status, to_char(r.due_day, 'YYYY-MM-DD') as due_on, r.owner_user_id, u.name as owner_name, r.source,
               r.template_id, r.roadmap_week, r.revision, r.board_column, r.board_total,
               ${isoInstant(sql`r.done_instant`)} as done_at, ${isoInstant(sql`r.created_instant`)} as created_at,
               ${isoInstant(sql`r.updated_instant`)} as updated_at,
               (select count(*)::int from task_links l where l.organisation_id = ${organisationId} and l.task_id = r.id) as link_count,
               (select count(*)::int from task_comments c where c.organisation_id = ${organisationId} and c.task_id = r.id) as comment_count
          from ranked r left join users u on u.id = r.owner_user_id
         where r.board_rank <= ${query.perWeek}::int
         order by r.board_column, r.board_rank`,
  );
  // The week index of the first column: the columns are that many weeks after the epoch.
  const firstIndex = Math.round((Date.parse(`${from}T00:00:00Z`) - Date.parse(`${WEEK_EPOCH}T00:00:00Z`)) / (7 * 86_400_000));
  const toCard = (row: BoardRow) => ({
    id: row.id,
    title: row.title,
    status: row.status,
    dueOn: row.due_on,
    overdue: Number(row.board_column) < 0,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    source: row.source,
    templateId: row.template_id,
    roadmapWeek: row.roadmap_week === null ? null : Number(row.roadmap_week),
    linkCount: Number(row.link_count),
    commentCount: Number(row.comment_count),
    doneAt: row.done_at,
    revision: Number(row.revision),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
  type Card = ReturnType<typeof toCard>;
  const columns = new Map<number, { total: number; items: Card[] }>();
  for (const row of rows) {
    const index = Number(row.board_column) < 0 ? -1 : Number(row.board_column) - firstIndex;
    const entry = columns.get(index) ?? { total: Number(row.board_total), items: [] };
    entry.items.push(toCard(row));
    columns.set(index, entry);
  }
  const empty = () => ({ total: 0, items: [] as Card[] });
  return {
    today,
    overdue: columns.get(-1) ?? empty(),
    weeks: weeks.map((week, index) => ({ week, ...weekRange(week), ...(columns.get(index) ?? empty()) })),
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
