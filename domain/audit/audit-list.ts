import { z } from 'zod';
import { safeText } from '../common/input.ts';
import { listPageSchema, listQuerySchema } from '../common/list.ts';
import { instantSchema, type ResponseOf } from '../common/response.ts';

/** The audit trail as a list: newest first by sequence number, filtered by action or by the person who acted. */
export const auditListQuerySchema = listQuerySchema({
  sort: ['seq'],
  defaultSort: 'seq',
  defaultOrder: 'desc',
  filters: {
    action: safeText().trim().min(1).max(100).optional(),
    actorUserId: z.uuid().optional(),
  },
});
export type AuditListQuery = z.output<typeof auditListQuerySchema>;

export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: instantSchema,
  actorUserId: z.uuid().nullable(),
  /** The actor's name, also for people who have since left the organisation; null for system work. */
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
/** As the client receives it (instants as ISO strings). */
export type AuditEntry = ResponseOf<typeof auditEntrySchema>;

export const auditPageSchema = listPageSchema(auditEntrySchema);
/** As the client receives it (instants as ISO strings). */
export type AuditPage = ResponseOf<typeof auditPageSchema>;
