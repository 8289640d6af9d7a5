import { z } from 'zod';
import { listPageSchema, listQuerySchema } from '../common/list.ts';
import { instantSchema, type ResponseOf } from '../common/response.ts';

/** The kinds of mail the modules queue today; the filter accepts any kind name, the client offers these. */
export const outboxKinds = ['invitation', 'password_reset', 'incident_reminder', 'incident_alert', 'task_reminder', 'calendar_digest'] as const;

/** The outbox as a list: newest first, or by recipient or subject; search over recipient and subject. */
export const outboxListQuerySchema = listQuerySchema({
  sort: ['createdAt', 'recipient', 'subject'],
  defaultSort: 'createdAt',
  defaultOrder: 'desc',
  search: true,
  defaultLimit: 200,
  filters: {
    kind: z
      .string()
      .regex(/^[a-z_]{1,40}$/)
      .optional(),
  },
});
export type OutboxListQuery = z.output<typeof outboxListQuerySchema>;

export const outboxMailSchema = z.object({
  id: z.uuid(),
  recipient: z.string(),
  subject: z.string(),
  bodyText: z.string(),
  kind: z.string(),
  createdAt: instantSchema,
  sentAt: instantSchema.nullable(),
  delivery: z.string(),
  error: z.string().nullable(),
  /** Delivery attempts so far; a failed attempt waits (1, 4, 16, 64 minutes) and the last one marks the mail failed. */
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: instantSchema.nullable(),
  failedAt: instantSchema.nullable(),
  status: z.enum(['outbox', 'pending', 'retrying', 'sent', 'failed']),
});

/** A scheduled job (e.g. a deadline reminder) that failed after its last attempt. */
export const failedJobSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  failedAt: instantSchema.nullable(),
});
/** As the client receives it (instants as ISO strings). */
export type OutboxMail = ResponseOf<typeof outboxMailSchema>;

/** A page of the outbox, and whether mail leaves through an SMTP server or stays here. */
export const outboxPageSchema = listPageSchema(outboxMailSchema).extend({
  smtp: z.boolean(),
  /** Attempts per mail before it counts as failed. */
  maxAttempts: z.number().int().positive(),
  failedJobs: z.array(failedJobSchema),
  maxJobAttempts: z.number().int().positive(),
});
/** As the client receives it (instants as ISO strings). */
export type OutboxPage = ResponseOf<typeof outboxPageSchema>;
