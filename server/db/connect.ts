import { spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
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

/**
 * The embedded engine on one PC: PostgreSQL's default shared_buffers (128 MB) lives inside the WASM heap and is
 * touched at start, which alone costs about 110 MB resident and most of the start-up time. The whole database of a
 * practice is a few tens of MB and the files the OS caches sit outside the heap, so 16 MB is plenty
 * (docs/decisions/014-footprint.md has the measurements).
 */
const pgliteOptions = {
  startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
};

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection the server drops (restart, admin kill) emits 'error' on the pool; unheard, it ends the
    // process. The pool discards that client and the next query opens a new one.
    pool.on('error', (error) => {
      process.emitWarning(`PostgreSQL dropped an idle connection: ${error.message}`);
    });
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
      await createCluster(dbDir);
      client = await PGlite.create(dbDir, pgliteOptions);
    } catch (error) {
      releaseLock();
      throw error;
    }
  } else {
    client = await PGlite.create(pgliteOptions);
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

const requireHere = createRequire(import.meta.url);
const pgliteEntry = requireHere.resolve('@electric-sql/pglite');

/** Written by scripts/ensure-client.mjs at build time: an empty, migrated database made by a PGlite version. */
export const pgliteTemplateDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/pglite-template');

export function pgliteVersion(): string {
  return (JSON.parse(readFileSync(path.join(path.dirname(pgliteEntry), '../package.json'), 'utf8')) as { version: string }).version;
}

/**
 * A new data folder needs a PostgreSQL cluster. Running initdb inside the app costs about 5 s and leaves the app
 * process at about 900 MB resident (initdb runs a second WASM instance whose heap is not handed back to the
 * system), and the first migrations another second and 70 MB. So: copy the empty database made at build time by
 * the same PGlite version (migrate() then applies only what is newer), or else run initdb in a short-lived child
 * process whose memory ends with it.
 */
async function createCluster(dbDir: string): Promise<void> {
  if (existsSync(path.join(dbDir, 'PG_VERSION'))) return;
  const stamp = `${pgliteTemplateDir}.version`;
  const templateFits =
    readdirSync(dbDir).length === 0 &&
    existsSync(path.join(pgliteTemplateDir, 'PG_VERSION')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8').split('\n')[0] === `pglite ${pgliteVersion()}`;
  if (templateFits) {
    cpSync(pgliteTemplateDir, dbDir, { recursive: true });
    return;
  }
  await initdbInChildProcess(dbDir);
}

/** The child opens (initdb) and closes the folder; PGlite's own code decides everything, as in-process. */
export function initdbInChildProcess(dbDir: string): Promise<void> {
  const script = 'const { PGlite } = require(process.argv[1]); PGlite.create(process.argv[2]).then((db) => db.close());';
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, pgliteEntry, dbDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`creating the embedded database in ${dbDir} failed (exit ${code}): ${stderr.trim()}`));
    });
  });
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
