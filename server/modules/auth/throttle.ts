import { and, eq, sql } from 'drizzle-orm';
import { loginDelaySeconds, THROTTLE_FORGET_HOURS } from '../../../domain/auth/account-rules.ts';
import { type Db, queryRows, type Tx } from '../../db/connect.ts';
import { loginThrottles } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';

/**
 * Failed sign-ins are counted per (e-mail address, client address) in PostgreSQL, so every app process sees them.
 * A pair that failed too often waits, and the wait doubles with each further failure (decision 012). Someone else's
 * failures from another address never hold back the account's owner, and unknown addresses are counted the same way
 * as existing ones: the answers do not tell them apart.
 */
export async function assertNotThrottled(db: Db | Tx, email: string, client: string): Promise<void> {
  const [row] = await db
    .select({ blockedUntil: loginThrottles.blockedUntil })
    .from(loginThrottles)
    .where(and(eq(loginThrottles.email, email), eq(loginThrottles.client, client)));
  if (row?.blockedUntil && row.blockedUntil > new Date()) throw new AppError('auth.too_many_attempts', 429);
}

/** Counts one failure of the pair and sets its wait; returns the failures counted so far. */
export async function recordFailure(db: Db | Tx, email: string, client: string): Promise<number> {
  const [row] = await queryRows<{ failures: number }>(
    db,
    sql`insert into login_throttles as t (email, client, failures, last_failure_at)
        values (${email}, ${client}, 1, now())
        on conflict (email, client) do update set
          failures = case when t.last_failure_at < now() - make_interval(hours => ${THROTTLE_FORGET_HOURS}) then 1 else t.failures + 1 end,
          last_failure_at = now()
        returning failures`,
  );
  const failures = Number(row!.failures);
  const delay = loginDelaySeconds(failures);
  if (delay > 0) {
    await db
      .update(loginThrottles)
      .set({ blockedUntil: new Date(Date.now() + delay * 1000) })
      .where(and(eq(loginThrottles.email, email), eq(loginThrottles.client, client)));
  }
  // Old pairs are forgotten on the way (the table stays small without a separate job).
  await db.execute(sql`delete from login_throttles where last_failure_at < now() - make_interval(hours => ${THROTTLE_FORGET_HOURS})`);
  return failures;
}

export async function clearFailures(db: Db | Tx, email: string, client?: string): Promise<void> {
  await db
    .delete(loginThrottles)
    .where(client === undefined ? eq(loginThrottles.email, email) : and(eq(loginThrottles.email, email), eq(loginThrottles.client, client)));
}
