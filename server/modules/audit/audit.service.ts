import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { GENESIS_HASH, hashAuditEntry, verifyAuditChain, type AuditProblem } from '../../../domain/audit/audit-chain.ts';
import type { Db, Tx } from '../../db/connect.ts';
import { auditEvents, auditHeads, organisations, users } from '../../db/schema.ts';

export interface AuditInput {
  organisationId: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends one entry to the organisation's hash chain inside the caller's transaction, so the change and its audit
 * entry commit together or not at all. The head row is locked first: concurrent writers of one organisation queue.
 */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.execute(sql`insert into audit_heads (organisation_id, seq, hash)
    values (${input.organisationId}, 0, ${GENESIS_HASH}) on conflict (organisation_id) do nothing`);
  const [head] = await tx
    .select()
    .from(auditHeads)
    .where(eq(auditHeads.organisationId, input.organisationId))
    .for('update');
  const prevHash = head?.hash ?? GENESIS_HASH;
  const entry = {
    organisationId: input.organisationId,
    seq: (head?.seq ?? 0) + 1,
    at: new Date(),
    actorUserId: input.actorUserId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    data: input.data ?? {},
  };
  const hash = hashAuditEntry(prevHash, entry);
  await tx.insert(auditEvents).values({ ...entry, prevHash, hash });
  await tx
    .update(auditHeads)
    .set({ seq: entry.seq, hash })
    .where(eq(auditHeads.organisationId, input.organisationId));
}

/** Newest first, with the actor's name (also for people who have since left the organisation). */
export async function listAudit(tx: Tx, organisationId: string, limit: number, beforeSeq?: number) {
  const rows = await tx
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      beforeSeq
        ? and(eq(auditEvents.organisationId, organisationId), sql`${auditEvents.seq} < ${beforeSeq}`)
        : eq(auditEvents.organisationId, organisationId),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
  return rows.map((r) => ({ ...r.event, actorName: r.actorName }));
}

export interface AuditReport {
  organisationId: string;
  organisationName: string;
  entries: number;
  problems: AuditProblem[];
}

/** Verifies every organisation's chain (system access: runs as the owner, outside RLS). */
export async function verifyAllAuditChains(db: Db): Promise<AuditReport[]> {
  const orgs = await db.select({ id: organisations.id, name: organisations.name }).from(organisations);
  const reports: AuditReport[] = [];
  for (const org of orgs) {
    const entries = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, org.id))
      .orderBy(asc(auditEvents.seq));
    const [head] = await db.select().from(auditHeads).where(eq(auditHeads.organisationId, org.id));
    reports.push({
      organisationId: org.id,
      organisationName: org.name,
      entries: entries.length,
      problems: verifyAuditChain(entries, head ?? null),
    });
  }
  return reports;
}
