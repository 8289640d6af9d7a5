import { eq, sql } from 'drizzle-orm';
import {
  addDays,
  DIGEST_AHEAD_DAYS,
  DIGEST_LIMIT,
  practiceDay,
  REMINDER_CATCH_UP_DAYS,
  REMINDER_DAYS_BEFORE,
  sweepAt,
  sweepDays,
  type TaskReminderKind,
  taskReminderKind,
} from '../../../domain/calendar/reminders.ts';
import type { AppContext } from '../../context.ts';
import { type Db, queryRows, type Tx } from '../../db/connect.ts';
import { calendarRemindersSent, organisations } from '../../db/schema.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { asLocale } from '../../i18n/texts.ts';
import { publicUrl } from '../../public-url.ts';
import { type JobHandler, type JobRegistry, scheduleJob } from '../jobs/jobs.ts';
import { digestMail, taskReminderMail } from './calendar.mail.ts';

export const SWEEP_JOB = 'calendar.daily_sweep';

/** Rows read per round across organisations; a sweep goes round until nothing is left (at most MAX_ROUNDS). */
const BATCH = 500;
const MAX_ROUNDS = 40;
/** Sent-reminder rows are kept a little over a year: long enough for every due date a reminder can still be owed for. */
const KEEP_SENT_DAYS = 400;

/**
 * Plans the daily sweeps of today and tomorrow (07:00 Berlin time). Idempotent: the job's unique key is the day, so
 * every app process may call it as often as it likes and each day's sweep exists once; runDueJobs leases it to one.
 */
export async function planReminderSweeps(db: Db, now = new Date()): Promise<void> {
  for (const day of sweepDays(now)) {
    await scheduleJob(db, { organisationId: null, kind: SWEEP_JOB, runAt: sweepAt(day), payload: { day }, uniqueKey: `${SWEEP_JOB}:${day}` });
  }
}

/**
 * Records that a reminder went out and tells whether this call was the one to send it: the insert of the key row and
 * the queued mail commit together. A second process inserting the same key waits for the first and then finds it.
 */
async function claim(tx: Tx, organisationId: string, kind: TaskReminderKind | 'digest', subjectId: string, day: string): Promise<boolean> {
  const rows = await tx
    .insert(calendarRemindersSent)
    .values({ organisationId, kind, subjectId, day })
    .onConflictDoNothing()
    .returning({ kind: calendarRemindersSent.kind });
  return rows.length > 0;
}

interface DueTask {
  organisation_id: string;
  id: string;
  title: string;
  due_on: string | Date;
  email: string;
  name: string;
  locale: string;
}

const dayText = (value: string | Date) => (typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10));

function byOrganisation<T extends { organisation_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) grouped.set(row.organisation_id, [...(grouped.get(row.organisation_id) ?? []), row]);
  return grouped;
}

async function organisationName(tx: Tx, organisationId: string) {
  const [row] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  return row?.name ?? '';
}

/**
 * Sends the task reminders owed on `now`'s day across all organisations: to the owner of each open task due within a
 * week ("due on …") and on the due date ("due today", late up to REMINDER_CATCH_UP_DAYS), each once per task and due
 * date; nobody who switched task reminders off, nobody who is no longer a member. Returns the mails queued.
 */
export async function sendTaskReminders(ctx: AppContext, now = new Date()): Promise<number> {
  const today = practiceDay(now);
  const base = await publicUrl(ctx);
  let queued = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    // System work across organisations (the owner without an organisation set): the rows still owed a reminder.
    const due = await queryRows<DueTask>(
      ctx.db,
      sql`select t.organisation_id, t.id, t.title, t.due_on::text as due_on, u.email, u.name, u.locale
            from tasks t
            join memberships m on m.organisation_id = t.organisation_id and m.user_id = t.owner_user_id
            join users u on u.id = t.owner_user_id
            left join calendar_preferences p on p.organisation_id = t.organisation_id and p.user_id = t.owner_user_id
           where t.status in ('open', 'in_progress')
             and t.due_on between ${addDays(today, -REMINDER_CATCH_UP_DAYS)}::date and ${addDays(today, REMINDER_DAYS_BEFORE)}::date
             and coalesce(p.task_reminders, true)
             and not exists (
               select 1 from calendar_reminders_sent s
                where s.organisation_id = t.organisation_id and s.subject_id = t.id and s.day = t.due_on
                  and s.kind = case when t.due_on > ${today}::date then 'task_week_before' else 'task_due' end)
           order by t.organisation_id, t.due_on, t.id limit ${BATCH}`,
    );
    for (const [organisationId, rows] of byOrganisation(due)) {
      queued += await withOrganisation(ctx.db, organisationId, async (tx) => {
        const organisation = await organisationName(tx, organisationId);
        let sent = 0;
        for (const row of rows) {
          const dueOn = dayText(row.due_on);
          const kind = taskReminderKind(dueOn, today);
          if (!kind || !(await claim(tx, organisationId, kind, row.id, dueOn))) continue;
          const mail = taskReminderMail(asLocale(row.locale), {
            organisation,
            name: row.name,
            kind,
            title: row.title,
            dueOn,
            today,
            link: `${base}/o/${organisationId}/tasks/${row.id}`,
            settingsLink: `${base}/o/${organisationId}/calendar`,
          });
          await ctx.mailer.queue(tx, { organisationId, to: row.email, kind: 'task_reminder', ...mail });
          sent++;
        }
        return sent;
      });
    }
    if (due.length < BATCH) break;
  }
  return queued;
}

interface DigestMember {
  organisation_id: string;
  user_id: string;
  email: string;
  name: string;
  locale: string;
}

/**
 * Sends the daily digest to each member who asked for it: their overdue tasks and those due within DIGEST_AHEAD_DAYS,
 * oldest first, at most DIGEST_LIMIT listed. One per member, organisation and day; a day with nothing to list sends
 * nothing. Returns the mails queued.
 */
export async function sendDigests(ctx: AppContext, now = new Date()): Promise<number> {
  const today = practiceDay(now);
  const base = await publicUrl(ctx);
  let queued = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const members = await queryRows<DigestMember>(
      ctx.db,
      sql`select p.organisation_id, p.user_id, u.email, u.name, u.locale
            from calendar_preferences p
            join memberships m on m.organisation_id = p.organisation_id and m.user_id = p.user_id
            join users u on u.id = p.user_id
           where p.daily_digest
             and not exists (select 1 from calendar_reminders_sent s where s.organisation_id = p.organisation_id and s.kind = 'digest'
                               and s.subject_id = p.user_id and s.day = ${today}::date)
           order by p.organisation_id, p.user_id limit ${BATCH}`,
    );
    for (const [organisationId, rows] of byOrganisation(members)) {
      queued += await withOrganisation(ctx.db, organisationId, async (tx) => {
        const organisation = await organisationName(tx, organisationId);
        let sent = 0;
        for (const member of rows) {
          if (!(await claim(tx, organisationId, 'digest', member.user_id, today))) continue;
          const tasks = await queryRows<{ title: string; due_on: string | Date; overdue: number; upcoming: number }>(
            tx,
            sql`select title, due_on::text as due_on,
                       count(*) filter (where due_on < ${today}::date) over ()::int as overdue,
                       count(*) filter (where due_on >= ${today}::date) over ()::int as upcoming
                  from tasks
                 where organisation_id = ${organisationId} and owner_user_id = ${member.user_id} and status in ('open', 'in_progress')
                   and due_on <= ${addDays(today, DIGEST_AHEAD_DAYS)}::date
                 order by due_on, id limit ${DIGEST_LIMIT}`,
          );
          if (tasks.length === 0) continue;
          const overdue = Number(tasks[0]!.overdue);
          const upcoming = Number(tasks[0]!.upcoming);
          const mail = digestMail(asLocale(member.locale), {
            organisation,
            name: member.name,
            today,
            tasks: tasks.map((task) => ({ title: task.title, dueOn: dayText(task.due_on) })),
            overdue,
            upcoming,
            more: overdue + upcoming - tasks.length,
            link: `${base}/o/${organisationId}/tasks`,
            settingsLink: `${base}/o/${organisationId}/calendar`,
          });
          await ctx.mailer.queue(tx, { organisationId, to: member.email, kind: 'calendar_digest', ...mail });
          sent++;
        }
        return sent;
      });
    }
    if (members.length < BATCH) break;
  }
  return queued;
}

/** The daily sweep: task reminders, digests, then the sent-reminder rows too old to matter. */
export const runDailySweep: JobHandler = async (ctx, _job, now) => {
  await sendTaskReminders(ctx, now);
  await sendDigests(ctx, now);
  await ctx.db.execute(sql`delete from calendar_reminders_sent where day < ${addDays(practiceDay(now), -KEEP_SENT_DAYS)}::date`);
  ctx.mailer.deliverSoon(ctx.db);
};

/** The calendar module's scheduled work, registered when the app is built. */
export function registerCalendarJobs(registry: JobRegistry) {
  registry.register(SWEEP_JOB, runDailySweep);
}
