/** The jobs module: scheduled work in the database, leased with skip locked, retried with backoff, then failed. */

export { defaultRetryPolicy, nextAttemptAt, type RetryPolicy } from '../../../domain/common/retry.ts';
export { createJobRegistry, failedJobs, type JobHandler, type JobInput, type JobLog, type JobRegistry, runDueJobs, scheduleJob } from './jobs.service.ts';
