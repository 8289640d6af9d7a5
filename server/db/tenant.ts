import { sql } from 'drizzle-orm';
import type { Db, Tx } from './connect.ts';

export const APP_ROLE = 'praxisschild_app';

/**
 * Runs work in one transaction as the restricted app role with the organisation set, so PostgreSQL's row-level
 * security limits every statement to that organisation's rows, whatever the route code asks for.
 */
export function withOrganisation<T>(db: Db, organisationId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // set_config('role', …, true) is SET LOCAL ROLE; one statement instead of two on every request.
    await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.organisation_id', ${organisationId}, true)`);
    return work(tx);
  });
}

/** System work outside any organisation (login, sessions, setup): runs as the owner, without RLS. */
export function withSystem<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(work);
}
