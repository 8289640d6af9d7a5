import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Flagged, LINKED_RECORDS_MAX, type RegisterFacts } from '../../../domain/roadmap/roadmap.ts';
import { queryRows, type Tx } from '../../db/connect.ts';
import { memberships, people, personAccounts, roadmapAcceptances, suppliers, tasks, users } from '../../db/schema.ts';
import { adminWithoutMfaCondition, leaverCondition } from '../access/access.ts';
import { supplierWarningCondition } from '../suppliers/suppliers.ts';

/** The source key of a roadmap item's task: unique per organisation (migration 0029), so an item is planned once. */
export const ROADMAP_KEY_PREFIX = 'roadmap:';
export const sourceKeyOf = (key: string) => `${ROADMAP_KEY_PREFIX}${key}`;

/** Training topics whose sessions count as the awareness kick-off (phishing and the tricks around it). */
const AWARENESS_TOPICS = ['phishing', 'social_engineering'];

/**
 * The registers' figures in one statement: counts of each register, the last awareness session, the § 33 checklist
 * and the escalation chain. Each part is an indexed count or a single row, whatever the size of the practice.
 */
async function registerCounts(tx: Tx, organisationId: string, today: string) {
  const [row] = await queryRows<{
    assets: number;
    suppliers: number;
    people: number;
    accounts: number;
    risks: number;
    last_awareness_on: string | null;
    registered: boolean | null;
    escalation_steps: number | null;
  }>(
    tx,
    sql`select
      (select count(*)::int from assets where organisation_id = ${organisationId}) as assets,
      (select count(*)::int from suppliers where organisation_id = ${organisationId}) as suppliers,
      (select count(*)::int from people where organisation_id = ${organisationId}
         and (ends_on is null or ends_on >= ${today}::date)) as people,
      (select count(*)::int from person_accounts where organisation_id = ${organisationId}) as accounts,
      (select count(*)::int from risks where organisation_id = ${organisationId}) as risks,
      (select max(s.held_on)::text from training_sessions s
         join training_courses c on c.organisation_id = s.organisation_id and c.id = s.course_id
        where s.organisation_id = ${organisationId} and s.held_on <= ${today}::date
          and c.topic in (${sql.join(
            AWARENESS_TOPICS.map((topic) => sql`${topic}`),
            sql`, `,
          )})) as last_awareness_on,
      (select (data->'checklist'->>'registeredInPortal')::boolean from registration_setups
        where organisation_id = ${organisationId}) as registered,
      (select case when jsonb_typeof(data->'escalation') = 'array' then jsonb_array_length(data->'escalation') else 0 end
         from registration_setups where organisation_id = ${organisationId}) as escalation_steps`,
  );
  return row!;
}

/** Ids of records a condition flags (the first LINKED_RECORDS_MAX by id) and how many there are. */
function flaggedOf(rows: { id: string; total: number }[]): Flagged {
  return { count: rows[0]?.total ?? 0, ids: rows.map((r) => r.id) };
}

const total = () => sql<number>`(count(*) over ())::int`.mapWith(Number);

/** People holding an active account that a condition on person_accounts (and people) flags, once per person. */
async function peopleWithAccounts(tx: Tx, organisationId: string, condition: SQL): Promise<Flagged> {
  const rows = await tx
    .select({ id: people.id, total: total() })
    .from(people)
    .where(
      and(
        eq(people.organisationId, organisationId),
        sql`exists (select 1 from ${personAccounts} where ${personAccounts.organisationId} = ${people.organisationId}
          and ${personAccounts.personId} = ${people.id} and ${condition})`,
      ),
    )
    .orderBy(asc(people.id))
    .limit(LINKED_RECORDS_MAX);
  return flaggedOf(rows);
}

async function suppliersFlagged(tx: Tx, organisationId: string, condition: SQL): Promise<Flagged> {
  const rows = await tx
    .select({ id: suppliers.id, total: total() })
    .from(suppliers)
    .where(and(eq(suppliers.organisationId, organisationId), condition))
    .orderBy(asc(suppliers.id))
    .limit(LINKED_RECORDS_MAX);
  return flaggedOf(rows);
}

/** The current managing directors (role management, not left), their last § 38 training and whether they approved. */
async function directors(tx: Tx, organisationId: string, today: string) {
  return queryRows<{ personId: string; lastTrainingOn: string | null; hasApproval: boolean }>(
    tx,
    sql`select p.id as "personId",
          (select max(t.held_on)::text from management_trainings t where t.organisation_id = p.organisation_id and t.person_id = p.id) as "lastTrainingOn",
          exists (select 1 from management_approvals a where a.organisation_id = p.organisation_id and a.person_id = p.id) as "hasApproval"
        from people p
       where p.organisation_id = ${organisationId} and p.role = 'management' and (p.ends_on is null or p.ends_on >= ${today}::date)
       order by p.id
       limit 100`,
  );
}

/** What the registers hold and flag, as the generator reads it (domain/roadmap/roadmap.ts, RegisterFacts). */
export async function registerFacts(tx: Tx, organisationId: string, today: string): Promise<RegisterFacts> {
  const counts = await registerCounts(tx, organisationId, today);
  return {
    assets: counts.assets,
    suppliers: counts.suppliers,
    people: counts.people,
    accounts: counts.accounts,
    risks: counts.risks,
    // The access module's own conditions, so that the plan flags exactly what its pages flag.
    leaversWithAccess: await peopleWithAccounts(tx, organisationId, leaverCondition(today)),
    adminsWithoutMfa: await peopleWithAccounts(tx, organisationId, adminWithoutMfaCondition),
    suppliersWithoutAvv: await suppliersFlagged(tx, organisationId, supplierWarningCondition('avv_missing', today)),
    suppliersWithoutC5: await suppliersFlagged(tx, organisationId, supplierWarningCondition('c5_missing', today)),
    lastAwarenessTrainingOn: counts.last_awareness_on,
    directors: await directors(tx, organisationId, today),
    registeredWithBsi: counts.registered === true,
    escalationChainRecorded: (counts.escalation_steps ?? 0) > 0,
  };
}

/** The roadmap items that are tasks already (whatever their status), by item key. */
export async function plannedKeys(tx: Tx, organisationId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ sourceKey: tasks.sourceKey })
    .from(tasks)
    .where(and(eq(tasks.organisationId, organisationId), sql`${tasks.sourceKey} like ${`${ROADMAP_KEY_PREFIX}%`}`));
  return new Set(rows.map((r) => (r.sourceKey ?? '').slice(ROADMAP_KEY_PREFIX.length)));
}

/** Which of the given users are members of the organisation. */
export async function membersAmong(tx: Tx, organisationId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.userId, [...userIds])));
  return new Set(rows.map((r) => r.userId));
}

export async function insertAcceptance(tx: Tx, values: typeof roadmapAcceptances.$inferInsert) {
  await tx.insert(roadmapAcceptances).values(values);
}

/** The latest acceptance: the Monday its plan starts on, and when the plan last grew. */
export async function acceptanceSpan(tx: Tx, organisationId: string) {
  const [row] = await queryRows<{ starts_on: string | null; last_accepted_at: string | null; acceptances: number }>(
    tx,
    sql`select (select starts_on::text from roadmap_acceptances where organisation_id = ${organisationId}
                 order by accepted_at desc, id desc limit 1) as starts_on,
               max(accepted_at) as last_accepted_at, count(*)::int as acceptances
          from roadmap_acceptances where organisation_id = ${organisationId}`,
  );
  return { startsOn: row?.starts_on ?? null, lastAcceptedAt: row?.last_accepted_at ?? null, acceptances: row?.acceptances ?? 0 };
}

/**
 * The plan's tasks (source 'roadmap') with their owners' names, by week and due date. Their number is bounded by the
 * number of roadmap items: each item's key is unique per organisation.
 */
export async function planTasks(tx: Tx, organisationId: string) {
  return tx
    .select({
      id: tasks.id,
      sourceKey: tasks.sourceKey,
      title: tasks.title,
      status: tasks.status,
      dueOn: tasks.dueOn,
      week: tasks.roadmapWeek,
      ownerUserId: tasks.ownerUserId,
      ownerName: users.name,
    })
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.ownerUserId))
    .where(and(eq(tasks.organisationId, organisationId), eq(tasks.source, 'roadmap')))
    .orderBy(asc(tasks.roadmapWeek), asc(tasks.dueOn), asc(tasks.title), asc(tasks.id))
    .limit(500);
}
