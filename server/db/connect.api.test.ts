import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAdminUrl, postgresUnavailableReason } from '../test/test-app.ts';
import { queryRows } from './connect.ts';

const skipReason = await postgresUnavailableReason();

describe.skipIf(skipReason !== null)(`PostgreSQL pool${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('lives through the server ending its idle connections and answers the next query on a new one', async () => {
    const database = await createTestDatabase('postgres');
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      // Two idle connections in the pool, then a restart or an administrator ends them.
      await Promise.all([queryRows(database.db, sql`select pg_sleep(0.05)`), queryRows(database.db, sql`select pg_sleep(0.05)`)]);
      const name = new URL(database.url!).pathname.slice(1);
      const admin = new pg.Client({ connectionString: postgresAdminUrl });
      await admin.connect();
      const ended = await admin.query('select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
      await admin.end();
      expect(ended.rowCount).toBeGreaterThanOrEqual(2);
      // Without an 'error' listener on the pool this event is thrown as an uncaught exception and ends the process.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [row] = await queryRows<{ n: number }>(database.db, sql`select 1 as n`);
      expect(row).toEqual({ n: 1 });
      expect(warnings.some((w) => w.includes('PostgreSQL dropped an idle connection'))).toBe(true);
    } finally {
      process.off('warning', onWarning);
      await database.close();
    }
  });
});
