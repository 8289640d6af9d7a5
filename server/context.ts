import type { Config } from './config.ts';
import type { Database, Db } from './db/connect.ts';
import type { JobRegistry } from './modules/jobs/jobs.service.ts';
import type { Mailer } from './modules/mail/mail.service.ts';

/** What every module needs, built once in app.ts and reachable as app.ctx. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  mailer: Mailer;
  /** The job kinds the modules registered (jobs.service.ts). */
  jobs: JobRegistry;
}
