import { eq, type SQL, sql } from 'drizzle-orm';
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

/**
 * The organisation's version for kept feeds: the head of its audit chain changes with every audited write (every
 * change of organisation data appends an audit entry in its transaction).
 */
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

interface Counted {
  total: number;
}

function withTotal<T extends Counted>(rows: T[]): { rows: Omit<T, 'total'>[]; total: number } {
  return { rows: rows.map(({ total: _total, ...rest }) => rest), total: Number(rows[0]?.total ?? 0) };
}

/** Overdue tasks (open or in progress, due before today), oldest first, with their owner; the partial index tasks_open_by_due serves it. */
export async function overdueTasks(tx: Tx, organisationId: string, today: string, limit: number) {
  const rows = await queryRows<{ id: string; title: string; due_on: string | Date; owner_name: string | null; total: number }>(
    tx,
    sql`select t.id, t.title, t.due_on::text as due_on, u.name as owner_name, count(*) over ()::int as total
          from tasks t left join users u on u.id = t.owner_user_id
         where t.organisation_id = ${organisationId} and t.status in ('open', 'in_progress') and t.due_on < ${today}::date
         order by t.due_on, t.id limit ${limit}`,
  );
  const { rows: items, total } = withTotal(rows);
  return { items: items.map((r) => ({ id: r.id, title: r.title, dueOn: text(r.due_on)!, ownerName: r.owner_name })), total };
}

/**
 * People who have left (end date before today) and still hold an active account (leaverFlag of domain/access
 * access-rules.ts, KBV Anlage 1 Nr. 2), the longest gone first, with the number of active accounts.
 */
export async function leaversWithAccess(tx: Tx, organisationId: string, today: string, limit: number) {
  const rows = await queryRows<{ id: string; name: string; ends_on: string | Date; accounts: number; total: number }>(
    tx,
    sql`select p.id, p.name, p.ends_on::text as ends_on, count(*)::int as accounts, count(*) over ()::int as total
          from person_accounts a join people p on p.organisation_id = a.organisation_id and p.id = a.person_id
         where a.organisation_id = ${organisationId} and a.status = 'active' and p.ends_on < ${today}::date
         group by p.id, p.name, p.ends_on
         order by p.ends_on, p.id limit ${limit}`,
  );
  const { rows: items, total } = withTotal(rows);
  return { items: items.map((r) => ({ id: r.id, name: r.name, endsOn: text(r.ends_on)!, accounts: Number(r.accounts) })), total };
}

/** C5 attestations of cloud suppliers with health data that have ended or end within C5_WARNING_DAYS (domain/suppliers). */
export async function expiringC5(tx: Tx, organisationId: string, today: string, limit: number) {
  const rows = await queryRows<{ id: string; name: string; c5_valid_until: string | Date; total: number }>(
    tx,
    sql`select id, name, c5_valid_until::text as c5_valid_until, count(*) over ()::int as total from suppliers
         where organisation_id = ${organisationId} and cloud_health_data
           and c5_valid_until <= ${addDays(today, C5_WARNING_DAYS)}::date
         order by c5_valid_until, id limit ${limit}`,
  );
  const { rows: items, total } = withTotal(rows);
  return { items: items.map((r) => ({ id: r.id, name: r.name, validUntil: text(r.c5_valid_until)! })), total };
}

/**
 * Current directors whose § 38 Abs. 3 BSIG training has lapsed or lapses within MANAGEMENT_TRAINING_WARNING_DAYS
 * (trainingStanding of domain/management: twelve calendar months after the last training, which PostgreSQL's
 * `date + interval` counts the same way, the end of a shorter month included).
 */
export async function lapsingManagementTraining(tx: Tx, organisationId: string, today: string, limit: number) {
  const due: SQL = sql`(max(t.held_on) + make_interval(months => ${MANAGEMENT_TRAINING_MONTHS}::int))::date`;
  const rows = await queryRows<{ id: string; name: string; due_on: string | Date; total: number }>(
    tx,
    sql`select p.id, p.name, ${due}::text as due_on, count(*) over ()::int as total
          from people p join management_trainings t on t.organisation_id = p.organisation_id and t.person_id = p.id
         where p.organisation_id = ${organisationId} and p.role = 'management' and (p.ends_on is null or p.ends_on >= ${today}::date)
         group by p.id, p.name
        having ${due} <= ${addDays(today, MANAGEMENT_TRAINING_WARNING_DAYS)}::date
         order by ${due}, p.id limit ${limit}`,
  );
  const { rows: items, total } = withTotal(rows);
  return { items: items.map((r) => ({ id: r.id, name: r.name, dueOn: text(r.due_on)! })), total };
}
