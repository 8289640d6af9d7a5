import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Engine = 'pglite' | 'postgres';

/** Rows of a raw SQL query (drizzle types them as unknown because the two drivers differ). */
export async function queryRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** One query layer (drizzle-orm) over either engine; the same SQL and migrations run on both. */
export interface Database {
  engine: Engine;
  db: Db;
  /** Runs a script of several statements (migrations); an open transaction is rolled back on error. */
  execScript(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { engine: 'pglite'; dataDir: string | null } // null: in memory (tests)
  | { engine: 'postgres'; url: string };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    await pool.query('select 1');
    return {
      engine: 'postgres',
      db: drizzlePg(pool, { schema }) as unknown as Db,
      execScript: async (text) => {
        const connection = await pool.connect();
        try {
          await connection.query(text);
        } catch (error) {
          await connection.query('rollback').catch(() => undefined);
          throw error;
        } finally {
          connection.release();
        }
      },
      close: () => pool.end(),
    };
  }
  let releaseLock = () => {};
  let client: PGlite;
  if (target.dataDir) {
    const dbDir = path.join(target.dataDir, 'pglite');
    mkdirSync(dbDir, { recursive: true });
    releaseLock = lockDataDir(target.dataDir);
    try {
      client = await PGlite.create(dbDir);
    } catch (error) {
      releaseLock();
      throw error;
    }
  } else {
    client = await PGlite.create();
  }
  return {
    engine: 'pglite',
    db: drizzlePglite(client, { schema }) as unknown as Db,
    execScript: async (text) => {
      await client.exec(text);
    },
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * PGlite is one process, one connection: two processes opening the same folder corrupt it (../shared/DESIGN.md).
 * An exclusive lock file holding our PID refuses the second start; a lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'praxisschild.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockFile, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new DataDirLockedError(dataDir, pid);
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirLockedError(dataDir, 0);
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The data folder ${dataDir} is in use by another praxisschild process (PID ${pid}). ` +
        'The embedded database allows one process at a time: stop the other one first, ' +
        'or use a PostgreSQL server (DATABASE_URL) for several processes.',
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
