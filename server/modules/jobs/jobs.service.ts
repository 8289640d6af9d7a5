import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { defaultRetryPolicy, nextAttemptAt, type RetryPolicy } from '../../../domain/common/retry.ts';
import type { AppContext, JobHandler, JobRegistry } from '../../context.ts';
import { type Db, queryRows, type Tx } from '../../db/connect.ts';
import { jobs } from '../../db/schema.ts';
import { safeErrorLog } from '../../http/errors.ts';

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

export type { JobHandler, JobRegistry } from '../../context.ts';

/** Where failures are written: the server's log (pino's error and warn). */
export interface JobLog {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** An empty registry; app.ts fills it through the modules' register functions. */
export function createJobRegistry(): JobRegistry {
  const handlers = new Map<string, JobHandler>();
  return {
    register(kind, handler) {
      if (handlers.has(kind)) throw new Error(`job kind ${kind} is registered twice`);
      handlers.set(kind, handler);
    },
    handler: (kind) => handlers.get(kind),
    kinds: () => [...handlers.keys()],
  };
}

const LEASE_SECONDS = 300;

const silentLog: JobLog = { error: () => undefined, warn: () => undefined };

/**
 * Runs the jobs due at `now`: each is leased first (skip locked), so a second process, or a second call of this one,
 * takes other jobs or none. A failing job is logged, kept with its error and tried again after a growing pause
 * (domain/common/retry.ts); after the last attempt it is marked failed, which the outbox page shows.
 */
export async function runDueJobs(ctx: AppContext, now = new Date(), options: { limit?: number; log?: JobLog; retry?: RetryPolicy } = {}): Promise<number> {
  const log = options.log ?? silentLog;
  const retry = options.retry ?? defaultRetryPolicy;
  const leased = await queryRows<{ id: string; organisation_id: string | null; kind: string; payload: Record<string, unknown> | string; attempts: number }>(
    ctx.db,
    sql`update jobs set locked_until = ${new Date(now.getTime() + LEASE_SECONDS * 1000)}, attempts = attempts + 1
        where id in (
          select id from jobs
           where done_at is null and failed_at is null and run_at <= ${now}
             and (locked_until is null or locked_until < ${now})
           order by run_at, id limit ${options.limit ?? 20}
           for update skip locked)
        returning id, organisation_id, kind, payload, attempts`,
  );
  for (const job of leased) {
    const handler = ctx.jobs.handler(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const payload = typeof job.payload === 'string' ? (JSON.parse(job.payload) as Record<string, unknown>) : job.payload;
      await handler(ctx, { id: job.id, organisationId: job.organisation_id, payload }, now);
      await ctx.db.update(jobs).set({ doneAt: now, lockedUntil: null, lastError: null }).where(eq(jobs.id, job.id));
    } catch (error) {
      const next = nextAttemptAt(job.attempts, now, retry);
      await ctx.db
        .update(jobs)
        .set({ lockedUntil: null, lastError: String((error as Error).message).slice(0, 500), ...(next ? { runAt: next } : { failedAt: now }) })
        .where(eq(jobs.id, job.id));
      const details = {
        error: safeErrorLog(error),
        jobId: job.id,
        kind: job.kind,
        organisationId: job.organisation_id,
        attempts: job.attempts,
        nextAttemptAt: next,
      };
      if (next) log.warn(details, 'job failed, will retry');
      else log.error(details, 'job failed for good');
    }
  }
  return leased.length;
}

/** The organisation's jobs that failed for good, newest first (inside its tenant transaction). */
export async function failedJobs(tx: Tx, organisationId: string, limit = 20) {
  return tx
    .select({ id: jobs.id, kind: jobs.kind, attempts: jobs.attempts, lastError: jobs.lastError, failedAt: jobs.failedAt })
    .from(jobs)
    .where(and(eq(jobs.organisationId, organisationId), isNotNull(jobs.failedAt)))
    .orderBy(desc(jobs.failedAt), desc(jobs.id))
    .limit(limit);
}
