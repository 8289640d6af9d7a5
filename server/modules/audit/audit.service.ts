import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { AUDIT_ANCHOR_FORMAT, verifyAgainstAnchor, type AnchorProblem, type AuditAnchor, type OrganisationAnchor } from '../../../domain/audit/audit-anchor.ts';
import type { AuditAction } from '../../../domain/audit/audit-actions.ts';
import { GENESIS_HASH, hashAuditEntry, verifyAuditChain, type AuditProblem } from '../../../domain/audit/audit-chain.ts';
import { queryRows, type Db, type Tx } from '../../db/connect.ts';
import { auditEvents, auditHeads, organisations, users } from '../../db/schema.ts';

export interface AuditInput {
  organisationId: string;
  actorUserId: string | null;
  /** One of domain/audit/audit-actions.ts, each with a German and English label. */
  action: AuditAction;
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

/** Entries in the organisation's trail: the head's sequence number (the chain is gapless from 1), one row to read. */
export async function auditTotal(tx: Tx, organisationId: string): Promise<number> {
  const [head] = await tx.select({ seq: auditHeads.seq }).from(auditHeads).where(eq(auditHeads.organisationId, organisationId));
  return Number(head?.seq ?? 0);
}

export interface AuditReport {
  organisationId: string;
  organisationName: string;
  entries: number;
  problems: (AuditProblem | AnchorProblem)[];
  /** With an anchor file: whether this organisation was in it (organisations created later are not). */
  anchored?: boolean;
}

/**
 * Verifies every organisation's chain (system access: runs as the owner, outside RLS). With an earlier anchor, each
 * anchored organisation's chain must also extend the anchored one, and an anchored organisation that is gone counts.
 */
export async function verifyAllAuditChains(db: Db, anchor?: AuditAnchor): Promise<AuditReport[]> {
  const orgs = await db.select({ id: organisations.id, name: organisations.name }).from(organisations);
  const anchors = new Map(anchor?.organisations.map((a) => [a.organisationId, a]));
  const reports: AuditReport[] = [];
  for (const org of orgs) {
    const entries = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, org.id))
      .orderBy(asc(auditEvents.seq));
    const [head] = await db.select().from(auditHeads).where(eq(auditHeads.organisationId, org.id));
    const anchored = anchors.get(org.id);
    anchors.delete(org.id);
    reports.push({
      organisationId: org.id,
      organisationName: org.name,
      entries: entries.length,
      problems: [...verifyAuditChain(entries, head ?? null), ...(anchored ? verifyAgainstAnchor(entries, head ?? null, anchored) : [])],
      ...(anchor ? { anchored: Boolean(anchored) } : {}),
    });
  }
  for (const missing of anchors.values()) {
    reports.push({ organisationId: missing.organisationId, organisationName: missing.organisationName, entries: 0, problems: [{ kind: 'organisation_missing' }], anchored: true });
  }
  return reports;
}

interface AnchorRow {
  organisation_id: string;
  name: string;
  entries: number;
  seq: number | null;
  hash: string | null;
  last_at: string | Date | null;
}

function toAnchor(row: AnchorRow): OrganisationAnchor {
  return {
    organisationId: row.organisation_id,
    organisationName: row.name,
    entries: Number(row.entries),
    seq: Number(row.seq ?? 0),
    hash: row.hash ?? GENESIS_HASH,
    lastEntryAt: row.last_at ? new Date(row.last_at).toISOString() : null,
  };
}

/**
 * The anchors of every organisation, or of one: entry count, the head (newest seq and hash) and the time of the
 * newest entry. In a backup this runs inside the backup's snapshot, so the anchor describes exactly that backup.
 */
export async function auditAnchors(db: Db | Tx, organisationId?: string): Promise<AuditAnchor> {
  const rows = await queryRows<AnchorRow>(
    db,
    sql`select o.id as organisation_id, o.name, h.seq, h.hash,
          (select count(*)::int from audit_events e where e.organisation_id = o.id) as entries,
          (select e.at from audit_events e where e.organisation_id = o.id and e.seq = h.seq) as last_at
        from organisations o left join audit_heads h on h.organisation_id = o.id
        ${organisationId ? sql`where o.id = ${organisationId}` : sql``}
        order by o.id`,
  );
  return { format: AUDIT_ANCHOR_FORMAT, createdAt: new Date().toISOString(), organisations: rows.map(toAnchor) };
}
