import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { queryRows, type Db, type Tx } from '../../db/connect.ts';
import { jobs } from '../../db/schema.ts';

export interface JobInput {
  organisationId: string | null;
  kind: string;
  runAt: Date;
  payload: Record<string, unknown>;
  /** Scheduling the same key again changes nothing: reminders are planned idempotently. */
  uniqueKey: string;
}

/** Plans a job; runs as system (jobs are not organisation data), inside the caller's transaction when given one. */
export async function scheduleJob(db: Db | Tx, job: JobInput): Promise<void> {
  await db
    .insert(jobs)
    .values({ id: randomUUID(), organisationId: job.organisationId, kind: job.kind, runAt: job.runAt, payload: job.payload, uniqueKey: job.uniqueKey })
    .onConflictDoNothing({ target: jobs.uniqueKey });
}

export type JobHandler = (ctx: AppContext, job: { id: string; organisationId: string | null; payload: Record<string, unknown> }, now: Date) => Promise<void>;

const LEASE_SECONDS = 300;
const MAX_ATTEMPTS = 5;

/**
 * Runs the jobs due at `now`: each is leased first (skip locked), so a second process, or a second call of this one,
 * takes other jobs or none. A failing job is retried later until MAX_ATTEMPTS, its error kept.
 */
export async function runDueJobs(ctx: AppContext, handlers: Record<string, JobHandler>, now = new Date(), limit = 20): Promise<number> {
  const leased = await queryRows<{ id: string; organisation_id: string | null; kind: string; payload: Record<string, unknown> | string }>(
    ctx.db,
    sql`update jobs set locked_until = ${new Date(now.getTime() + LEASE_SECONDS * 1000)}, attempts = attempts + 1
        where id in (
          select id from jobs
           where done_at is null and run_at <= ${now} and attempts < ${MAX_ATTEMPTS}
             and (locked_until is null or locked_until < ${now})
           order by run_at, id limit ${limit}
           for update skip locked)
        returning id, organisation_id, kind, payload`,
  );
  for (const job of leased) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const payload = typeof job.payload === 'string' ? (JSON.parse(job.payload) as Record<string, unknown>) : job.payload;
      await handler(ctx, { id: job.id, organisationId: job.organisation_id, payload }, now);
      await ctx.db.update(jobs).set({ doneAt: now, lockedUntil: null, lastError: null }).where(eq(jobs.id, job.id));
    } catch (error) {
      await ctx.db.update(jobs).set({ lockedUntil: null, lastError: String((error as Error).message).slice(0, 500) }).where(eq(jobs.id, job.id));
    }
  }
  return leased.length;
}
