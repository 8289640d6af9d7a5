import { and, asc, eq, sql } from 'drizzle-orm';
import type { AuditAction } from '../../../domain/audit/audit-actions.ts';
import { type AnchorProblem, AUDIT_ANCHOR_FORMAT, type AuditAnchor, type OrganisationAnchor, verifyAgainstAnchor } from '../../../domain/audit/audit-anchor.ts';
import { type AuditProblem, GENESIS_HASH, hashAuditEntry, verifyAuditChain } from '../../../domain/audit/audit-chain.ts';
import type { AuditListQuery } from '../../../domain/audit/audit-list.ts';
import { type Db, queryRows, type Tx } from '../../db/connect.ts';
import { countRows, type ListDefinition, planList } from '../../db/list.ts';
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
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.organisationId, input.organisationId)).for('update');
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
  await tx.update(auditHeads).set({ seq: entry.seq, hash }).where(eq(auditHeads.organisationId, input.organisationId));
}

const auditList: ListDefinition<'seq'> = {
  sort: { seq: { sql: auditEvents.seq, type: 'integer' } },
  unique: { sql: auditEvents.seq, type: 'integer' },
};

/**
 * A page of the trail, newest first, with the actor's name (also for people who have since left the organisation).
 * The total is the head's sequence number (the chain is gapless from 1, one row to read) unless a filter is set.
 */
export async function listAudit(tx: Tx, organisationId: string, query: AuditListQuery) {
  const plan = planList(auditList, query);
  const filters = and(
    eq(auditEvents.organisationId, organisationId),
    query.action ? eq(auditEvents.action, query.action) : undefined,
    query.actorUserId ? eq(auditEvents.actorUserId, query.actorUserId) : undefined,
  );
  const rows = await tx
    .select({
      seq: auditEvents.seq,
      at: auditEvents.at,
      actorUserId: auditEvents.actorUserId,
      actorName: users.name,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      data: auditEvents.data,
      hash: auditEvents.hash,
      ...plan.cursorColumns,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(filters, plan.after))
    .orderBy(...plan.orderBy)
    .limit(plan.fetch);
  const filtered = Boolean(query.action || query.actorUserId);
  const total = filtered ? Number((await tx.select({ n: countRows() }).from(auditEvents).where(filters))[0]?.n ?? 0) : await auditTotal(tx, organisationId);
  return plan.page(rows, total);
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
    const entries = await db.select().from(auditEvents).where(eq(auditEvents.organisationId, org.id)).orderBy(asc(auditEvents.seq));
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
    reports.push({
      organisationId: missing.organisationId,
      organisationName: missing.organisationName,
      entries: 0,
      problems: [{ kind: 'organisation_missing' }],
      anchored: true,
    });
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
