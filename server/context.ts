import type { Config } from './config.ts';
import type { Database, Db } from './db/connect.ts';
import type { Mailer } from './modules/mail/mail.ts';

/** What every module needs, built once in app.ts and reachable as app.ctx. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  mailer: Mailer;
  /** The job kinds the modules registered (server/modules/jobs). */
  jobs: JobRegistry;
}

/** Runs one leased job; a thrown error makes the job retry later (server/modules/jobs/jobs.service.ts). */
export type JobHandler = (ctx: AppContext, job: { id: string; organisationId: string | null; payload: Record<string, unknown> }, now: Date) => Promise<void>;

/**
 * The job kinds and their handlers. Each module registers its own when the app is built (app.ts calls the modules'
 * register functions explicitly), so the worker knows every kind without importing the modules.
 */
export interface JobRegistry {
  register(kind: string, handler: JobHandler): void;
  handler(kind: string): JobHandler | undefined;
  kinds(): string[];
}
