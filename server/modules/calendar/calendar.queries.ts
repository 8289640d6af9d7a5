import { eq, sql } from 'drizzle-orm';
import { addDays } from '../../../domain/calendar/reminders.ts';
import { MANAGEMENT_TRAINING_MONTHS, MANAGEMENT_TRAINING_WARNING_DAYS } from '../../../domain/management/management.ts';
import { C5_WARNING_DAYS } from '../../../domain/suppliers/supplier-warnings.ts';
import { queryRows, type Tx } from '../../db/connect.ts';
import { auditHeads, registrationSetups } from '../../db/schema.ts';

// The calendar reads the dates of other areas with its own SQL, read only, bounded by LIMIT and served by their
// indexes: the tasks (migration 0029), suppliers, training, the § 38 records, people and their accounts. Each rule
// is the one of its area's domain file, named beside the condition.

/** At most this many rows of one kind of the smaller sources (suppliers, course dates, directors) go into a feed. */
const FEED_ROWS_PER_SOURCE = 500;

const text = (value: string | Date | null): string | null => (value === null ? null : typeof value === 'string' ? value : value.toISOString().slice(0, 10));

/** The organisation's version for kept answers: the head of its audit chain moves with every audited write. */
export async function auditVersion(tx: Tx, organisationId: string): Promise<string> {
  const [head] = await tx.select({ seq: auditHeads.seq, hash: auditHeads.hash }).from(auditHeads).where(eq(auditHeads.organisationId, organisationId));
  return head ? `${head.seq}:${head.hash}` : '0';
}

/** Open tasks (open, in progress) due between `from` and `to`, nearest first, of one owner or of everyone. */
export async function feedTasks(tx: Tx, organisationId: string, window: { from: string; to: string; limit: number }, ownerUserId: string | null) {
  const rows = await queryRows<{ id: string; title: string; due_on: string | Date; owner_name: string | null }>(
    tx,
    sql`select t.id, t.title, t.due_on::text as due_on, u.name as owner_name
          from tasks t left join users u on u.id = t.owner_user_id
         where t.organisation_id = ${organisationId} and t.status in ('open', 'in_progress')
           and t.due_on between ${window.from}::date and ${window.to}::date
           ${ownerUserId ? sql`and t.owner_user_id = ${ownerUserId}` : sql``}
         order by t.due_on, t.id limit ${window.limit}`,
  );
  return rows.map((r) => ({ id: r.id, title: r.title, dueOn: text(r.due_on)!, ownerName: r.owner_name }));
}

/** Suppliers with health data in their cloud and a dated C5 attestation (§ 393 SGB V), by the end of the attestation. */
export async function feedSuppliers(tx: Tx, organisationId: string) {
  const rows = await queryRows<{ id: string; name: string; c5_valid_until: string | Date }>(
    tx,
    sql`select id, name, c5_valid_until::text as c5_valid_until from suppliers
         where organisation_id = ${organisationId} and cloud_health_data and c5_valid_until is not null
         order by c5_valid_until, id limit ${FEED_ROWS_PER_SOURCE}`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, c5ValidUntil: text(r.c5_valid_until)! }));
}

/**
 * Mandatory courses by the day they fall due again, with the number of active people due that day (domain/training
 * training-status.ts: last attended day plus the recurrence in calendar months; active staff as isActiveStaff). One
 * event per course and day rather than per person: a practice of 40 sees "Phishing: 12 Personen fällig", not 12 events.
 */
export async function feedTrainingDue(tx: Tx, organisationId: string, today: string, window: { from: string; to: string }, userId: string | null) {
  const rows = await queryRows<{ course_id: string; title: string; due_on: string | Date; people: number }>(
    tx,
    sql`with active as (
          select p.id from people p
           where p.organisation_id = ${organisationId}
             and p.role <> 'external' and p.contract_type <> 'contractor'
             and (p.starts_on is null or p.starts_on <= ${today}::date)
             and (p.ends_on is null or p.ends_on >= ${today}::date)
             ${userId ? sql`and p.user_id = ${userId}` : sql``}
        ),
        last_attended as (
          select a.person_id, s.course_id, max(s.held_on) as last_on
            from training_attendance a
            join training_sessions s on s.organisation_id = a.organisation_id and s.id = a.session_id
           where a.organisation_id = ${organisationId} and a.person_id in (select id from active) and a.status <> 'invited'
           group by a.person_id, s.course_id
        ),
        due as (
          select c.id as course_id, c.title, (l.last_on + make_interval(months => c.recurrence_months))::date as due_on
            from last_attended l
            join training_courses c on c.organisation_id = ${organisationId} and c.id = l.course_id and c.mandatory
        )
        select course_id, title, due_on::text as due_on, count(*)::int as people from due
         where due_on between ${window.from}::date and ${window.to}::date
         group by course_id, title, due_on
         order by due_on, course_id limit ${FEED_ROWS_PER_SOURCE}`,
  );
  return rows.map((r) => ({ courseId: r.course_id, title: r.title, dueOn: text(r.due_on)!, people: Number(r.people) }));
}

/** Current directors (role management, not left by today) with their last § 38 training, of everyone or of one account. */
export async function feedDirectors(tx: Tx, organisationId: string, today: string, userId: string | null) {
  const rows = await queryRows<{ person_id: string; name: string; last_on: string | Date }>(
    tx,
    sql`select p.id as person_id, p.name, max(t.held_on)::text as last_on
          from people p join management_trainings t on t.organisation_id = p.organisation_id and t.person_id = p.id
         where p.organisation_id = ${organisationId} and p.role = 'management' and (p.ends_on is null or p.ends_on >= ${today}::date)
           ${userId ? sql`and p.user_id = ${userId}` : sql``}
         group by p.id, p.name order by p.id limit ${FEED_ROWS_PER_SOURCE}`,
  );
  return rows.map((r) => ({ personId: r.person_id, name: r.name, lastTrainingOn: text(r.last_on)! }));
}

/** The stored § 33 BSIG registration setup (jsonb), or null before the first save. */
export async function storedRegistration(tx: Tx, organisationId: string): Promise<unknown> {
  const [row] = await tx.select({ data: registrationSetups.data }).from(registrationSetups).where(eq(registrationSetups.organisationId, organisationId));
  return row?.data ?? null;
}

export interface AgendaRows {
  registration: unknown;
  tasks: { id: string; title: string; dueOn: string; ownerName: string | null }[];
  taskCount: number;
  leavers: { id: string; name: string; endsOn: string; accounts: number }[];
  leaverCount: number;
  suppliers: { id: string; name: string; validUntil: string }[];
  supplierCount: number;
  directors: { id: string; name: string; dueOn: string }[];
  directorCount: number;
}

/**
 * The kinds of the agenda that live in SQL, in one statement (one round trip): for each kind the first `limit` rows in
 * the order of its date, as JSON, and the count of all; the stored § 33 registration setup beside them.
 * - overdue tasks: open or in progress and due before today, oldest first (served by the partial index tasks_open_by_due);
 * - leavers: people whose end date lies before today with an active account (leaverFlag of domain/access
 *   access-rules.ts, KBV Anlage 1 Nr. 2), the longest gone first, with the number of active accounts;
 * - C5: attestations of cloud suppliers with health data that have ended or end within C5_WARNING_DAYS
 *   (domain/suppliers/supplier-warnings.ts);
 * - § 38 training: current directors whose last training has lapsed or lapses within MANAGEMENT_TRAINING_WARNING_DAYS
 *   (trainingStanding of domain/management: twelve calendar months, which `date + interval` counts the same way).
 */
export async function agendaRows(tx: Tx, organisationId: string, today: string, limit: number): Promise<AgendaRows> {
  const soonC5 = addDays(today, C5_WARNING_DAYS);
  const soonTraining = addDays(today, MANAGEMENT_TRAINING_WARNING_DAYS);
  const directorDue = sql`(max(t.held_on) + make_interval(months => ${MANAGEMENT_TRAINING_MONTHS}::int))::date`;
  const directors = sql`
    select p.id, p.name, ${directorDue} as due_on
      from people p join management_trainings t on t.organisation_id = p.organisation_id and t.person_id = p.id
     where p.organisation_id = ${organisationId} and p.role = 'management' and (p.ends_on is null or p.ends_on >= ${today}::date)
     group by p.id, p.name
    having ${directorDue} <= ${soonTraining}::date`;
  const leavers = sql`
    select p.id, p.name, p.ends_on, count(*)::int as accounts
      from person_accounts a join people p on p.organisation_id = a.organisation_id and p.id = a.person_id
     where a.organisation_id = ${organisationId} and a.status = 'active' and p.ends_on < ${today}::date
     group by p.id, p.name, p.ends_on`;
  const [row] = await queryRows<{
    registration: unknown;
    tasks: unknown;
    task_count: number;
    leavers: unknown;
    leaver_count: number;
    suppliers: unknown;
    supplier_count: number;
    directors: unknown;
    director_count: number;
  }>(
    tx,
    sql`select
      (select data from registration_setups where organisation_id = ${organisationId}) as registration,
      (select coalesce(json_agg(json_build_object('id', x.id, 'title', x.title, 'dueOn', x.due_on::text, 'ownerName', x.owner_name) order by x.due_on, x.id), '[]')
         from (select t.id, t.title, t.due_on, u.name as owner_name from tasks t left join users u on u.id = t.owner_user_id
                where t.organisation_id = ${organisationId} and t.status in ('open', 'in_progress') and t.due_on < ${today}::date
                order by t.due_on, t.id limit ${limit}) x) as tasks,
      (select count(*)::int from tasks t
        where t.organisation_id = ${organisationId} and t.status in ('open', 'in_progress') and t.due_on < ${today}::date) as task_count,
      (select coalesce(json_agg(json_build_object('id', x.id, 'name', x.name, 'endsOn', x.ends_on::text, 'accounts', x.accounts) order by x.ends_on, x.id), '[]')
         from (${leavers} order by p.ends_on, p.id limit ${limit}) x) as leavers,
      (select count(*)::int from (${leavers}) x) as leaver_count,
      (select coalesce(json_agg(json_build_object('id', x.id, 'name', x.name, 'validUntil', x.c5_valid_until::text) order by x.c5_valid_until, x.id), '[]')
         from (select id, name, c5_valid_until from suppliers
                where organisation_id = ${organisationId} and cloud_health_data and c5_valid_until <= ${soonC5}::date
                order by c5_valid_until, id limit ${limit}) x) as suppliers,
      (select count(*)::int from suppliers
        where organisation_id = ${organisationId} and cloud_health_data and c5_valid_until <= ${soonC5}::date) as supplier_count,
      (select coalesce(json_agg(json_build_object('id', x.id, 'name', x.name, 'dueOn', x.due_on::text) order by x.due_on, x.id), '[]')
         from (${directors} order by 3, p.id limit ${limit}) x) as directors,
      (select count(*)::int from (${directors}) x) as director_count`,
  );
  const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
  return {
    registration: json<unknown>(row?.registration ?? null),
    tasks: json(row?.tasks ?? []),
    taskCount: Number(row?.task_count ?? 0),
    leavers: json(row?.leavers ?? []),
    leaverCount: Number(row?.leaver_count ?? 0),
    suppliers: json(row?.suppliers ?? []),
    supplierCount: Number(row?.supplier_count ?? 0),
    directors: json(row?.directors ?? []),
    directorCount: Number(row?.director_count ?? 0),
  };
}
