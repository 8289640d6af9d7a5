import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { type Config, loadConfig, secretKeyFile } from './config.ts';
import { decryptSecret, keyCheckValue } from './crypto.ts';
import { newestBackupAge, rotateBackup } from './db/backup.ts';
import { type Database, type Db, openDatabase, queryRows } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { purgeExpiredSessions } from './http/auth.ts';
import { safeErrorLog } from './http/errors.ts';
import { planReminderSweeps } from './modules/calendar/calendar.ts';
import { runDueJobs } from './modules/jobs/jobs.ts';

export function databaseTarget(config: Config) {
  return config.databaseUrl ? ({ engine: 'postgres', url: config.databaseUrl } as const) : ({ engine: 'pglite', dataDir: config.dataDir } as const);
}

/** Opens the configured database and brings its schema up to date. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(databaseTarget(config));
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

const DAY_MS = 86_400_000;

/** The configured secret key is not the one this database was set up with. */
export class SecretKeyMismatchError extends Error {}

function keyHelp(config: Config, problem: string): string {
  const file = secretKeyFile(config.dataDir);
  const where =
    config.secretKeySource === 'env'
      ? 'The key in use comes from SECRET_KEY.'
      : config.secretKeySource === 'generated'
        ? `No key was found (SECRET_KEY unset, no ${file}); the new key just generated there was removed again.`
        : `The key in use comes from ${file}.`;
  return (
    `${problem} ${where} Put the key this database was set up with into ${file} (or set SECRET_KEY to it, ` +
    '64 hex characters): it is the secret.key kept together with the backups of this installation. Starting with ' +
    'another key would make every two-factor sign-in fail, so praxisschild does not start.'
  );
}

/**
 * Compares the configured secret key with the check value stored in the database, and stores it when there is none
 * yet. A database from before the check value (or restored from such a backup) is tested by opening one stored
 * two-factor secret. Returns what is wrong, or null when the key is the database's.
 */
export async function inspectSecretKey(db: Db, config: Config): Promise<string | null> {
  const mine = keyCheckValue(config.secretKey);
  const [stored] = await queryRows<{ check_value: string }>(db, sql`select check_value from secret_key_check`);
  if (stored) {
    return stored.check_value === mine
      ? null
      : `This database was set up with another secret key (key check value ${stored.check_value.slice(0, 16)}…; the key in use has ${mine.slice(0, 16)}…).`;
  }
  const [sealed] = await queryRows<{ secret: string }>(db, sql`select totp_secret_enc as secret from users where totp_secret_enc is not null limit 1`);
  if (sealed) {
    try {
      decryptSecret(config.secretKey, sealed.secret);
    } catch {
      return 'The secret key in use cannot open the two-factor secrets stored in this database.';
    }
  }
  await db.execute(sql`insert into secret_key_check (check_value) values (${mine}) on conflict (id) do nothing`);
  // Two processes starting together on one PostgreSQL server: the one that lost the insert compares again.
  const [now] = await queryRows<{ check_value: string }>(db, sql`select check_value from secret_key_check`);
  return now?.check_value === mine ? null : 'Another process set this database up with another secret key just now.';
}

/** The start-up check: refuses a key that is not the database's, with a message that says which key and where. */
export async function checkSecretKey(db: Db, config: Config): Promise<void> {
  const problem = await inspectSecretKey(db, config);
  if (!problem) return;
  // A key generated just now must not stay behind: the next start would take it for the right one.
  if (config.secretKeySource === 'generated') rmSync(secretKeyFile(config.dataDir), { force: true });
  throw new SecretKeyMismatchError(keyHelp(config, problem));
}

/** Starts the server: database, migrations, HTTP, and the periodic work (mail delivery, sessions, backups). */
export async function startServer(config: Config = loadConfig()): Promise<{ app: FastifyInstance; stop: () => Promise<void> }> {
  const database = await openConfiguredDatabase(config);
  try {
    await checkSecretKey(database.db, config);
  } catch (error) {
    await database.close();
    throw error;
  }
  const { app, ctx } = await buildApp({ config, database, logger: true });
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, work: () => Promise<unknown>) => {
    const timer = setInterval(() => void work().catch((error) => app.log.error({ error: safeErrorLog(error) }, 'periodic work failed')), ms);
    timer.unref();
    timers.push(timer);
  };
  every(30_000, () => ctx.mailer.deliverPending(ctx.db));
  // Every 5 s: a campaign started "now" or a reminder due goes out within seconds; a tick with nothing due is one
  // indexed lookup, and a job being run is leased, so overlapping ticks never run it twice.
  every(5_000, () => runDueJobs(ctx, new Date(), { log: app.log }));
  // The calendar's daily reminder sweep (07:00 Berlin time): planned for today and tomorrow, once per day however many
  // processes plan it; runDueJobs then leases it to one of them.
  every(60 * 60_000, () => planReminderSweeps(ctx.db, new Date()));
  void planReminderSweeps(ctx.db, new Date()).catch((error) => app.log.error({ error: safeErrorLog(error) }, 'planning the reminder sweep failed'));
  every(15 * 60_000, () => purgeExpiredSessions(ctx));
  if (database.engine === 'pglite') {
    // PGlite does not fsync: a power cut may lose the newest writes, so the embedded mode keeps daily backups.
    const backupIfDue = async () => {
      const age = newestBackupAge(config.dataDir);
      if (age === null || age >= DAY_MS) {
        const file = await rotateBackup(database, config.dataDir, config.backupKeep);
        app.log.info({ file }, 'backup written');
      }
    };
    every(60 * 60_000, backupIfDue);
    void backupIfDue().catch((error) => app.log.error({ error: safeErrorLog(error) }, 'backup failed'));
  }
  await app.listen({ port: config.port, host: config.host });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    timers.forEach(clearInterval);
    await app.close();
    await database.close();
  };
  return { app, stop };
}
