import { and, eq } from 'drizzle-orm';
import type { OutboxListQuery } from '../../../domain/mail/outbox-list.ts';
import type { Tx } from '../../db/connect.ts';
import { containsText, countRows, type ListDefinition, planList } from '../../db/list.ts';
import { outboxMails } from '../../db/schema.ts';

const outboxList: ListDefinition<OutboxListQuery['sort']> = {
  sort: {
    createdAt: { sql: outboxMails.createdAt, type: 'timestamptz' },
    recipient: { sql: outboxMails.recipient, type: 'text' },
    subject: { sql: outboxMails.subject, type: 'text' },
  },
  unique: { sql: outboxMails.id, type: 'uuid' },
};

/** A page of the organisation's outbox with the number of mails matching the filters. */
export async function listOutbox(tx: Tx, organisationId: string, query: OutboxListQuery) {
  const plan = planList(outboxList, query);
  const filters = and(
    eq(outboxMails.organisationId, organisationId),
    query.kind ? eq(outboxMails.kind, query.kind) : undefined,
    containsText(query.q, outboxMails.recipient, outboxMails.subject),
  );
  const rows = await tx
    .select({
      id: outboxMails.id,
      recipient: outboxMails.recipient,
      subject: outboxMails.subject,
      bodyText: outboxMails.bodyText,
      kind: outboxMails.kind,
      createdAt: outboxMails.createdAt,
      sentAt: outboxMails.sentAt,
      delivery: outboxMails.delivery,
      error: outboxMails.error,
      attempts: outboxMails.attempts,
      nextAttemptAt: outboxMails.nextAttemptAt,
      failedAt: outboxMails.failedAt,
      ...plan.cursorColumns,
    })
    .from(outboxMails)
    .where(and(filters, plan.after))
    .orderBy(...plan.orderBy)
    .limit(plan.fetch);
  const [count] = await tx.select({ n: countRows() }).from(outboxMails).where(filters);
  return plan.page(rows, Number(count?.n ?? 0));
}
