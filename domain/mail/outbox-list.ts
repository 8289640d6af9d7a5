import { z } from 'zod';
import { listPageSchema, listQuerySchema } from '../common/list.ts';
import { instantSchema, type ResponseOf } from '../common/response.ts';

/** The kinds of mail the modules queue today; the filter accepts any kind name, the client offers these. */
export const outboxKinds = ['invitation', 'password_reset', 'incident_reminder', 'incident_alert'] as const;

/** The outbox as a list: newest first, or by recipient or subject; search over recipient and subject. */
export const outboxListQuerySchema = listQuerySchema({
  sort: ['createdAt', 'recipient', 'subject'],
  defaultSort: 'createdAt',
  defaultOrder: 'desc',
  search: true,
  defaultLimit: 200,
  filters: {
    kind: z.string().regex(/^[a-z_]{1,40}$/).optional(),
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
});
/** As the client receives it (instants as ISO strings). */
export type OutboxMail = ResponseOf<typeof outboxMailSchema>;

/** A page of the outbox, and whether mail leaves through an SMTP server or stays here. */
export const outboxPageSchema = listPageSchema(outboxMailSchema).extend({ smtp: z.boolean() });
/** As the client receives it (instants as ISO strings). */
export type OutboxPage = ResponseOf<typeof outboxPageSchema>;
