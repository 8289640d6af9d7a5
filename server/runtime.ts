import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type Database } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { newestBackupAge, rotateBackup } from './db/backup.ts';
import { purgeExpiredSessions } from './http/auth.ts';
import { jobHandlers } from './modules/incidents/reminders.service.ts';
import { runDueJobs } from './modules/jobs/jobs.service.ts';

export function databaseTarget(config: Config) {
  return config.databaseUrl
    ? ({ engine: 'postgres', url: config.databaseUrl } as const)
    : ({ engine: 'pglite', dataDir: config.dataDir } as const);
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

/** Starts the server: database, migrations, HTTP, and the periodic work (mail delivery, sessions, backups). */
export async function startServer(config: Config = loadConfig()): Promise<{ app: FastifyInstance; stop: () => Promise<void> }> {
  const database = await openConfiguredDatabase(config);
  const { app, ctx } = await buildApp({ config, database, logger: true });
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, work: () => Promise<unknown>) => {
    const timer = setInterval(() => void work().catch((error) => app.log.error({ err: error }, 'periodic work failed')), ms);
    timer.unref();
    timers.push(timer);
  };
  every(30_000, () => ctx.mailer.deliverPending(ctx.db));
  every(30_000, () => runDueJobs(ctx, jobHandlers));
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
    void backupIfDue().catch((error) => app.log.error({ err: error }, 'backup failed'));
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
