/** The jobs module: scheduled work in the database, leased with skip locked, retried with backoff, then failed. */
export { createJobRegistry, failedJobs, runDueJobs, scheduleJob, type JobHandler, type JobInput, type JobLog, type JobRegistry } from './jobs.service.ts';
export { defaultRetryPolicy, nextAttemptAt, type RetryPolicy } from '../../../domain/common/retry.ts';
