import { z } from 'zod';
import type { StoredAuditEntry } from './audit-chain.ts';

/**
 * An anchor is the head of an organisation's audit chain written down outside the database: its entry count, newest
 * sequence number and hash. The chain alone shows edits made by someone who cannot recompute hashes; whoever can write
 * to the database can rewrite the chain from an entry on (recomputing every later hash and the head) or delete a whole
 * trail with its head, and the chain is consistent again. An anchor kept elsewhere (printed, mailed, on another
 * machine) makes that visible: a later chain is genuine only if it extends the anchored one, i.e. still holds the
 * anchored entry with the anchored hash (hash chains as in RFC 6962 § 2.1 consistency: an old head must stay a
 * prefix of the new one; BSI IT-Grundschutz OPS.1.1.5 A7, protection of logs against tampering).
 */
export const AUDIT_ANCHOR_FORMAT = 'praxisschild-audit-anchor/1';

const hash = z.string().regex(/^[0-9a-f]{64}$/);

export const organisationAnchorSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  /** Number of entries in the trail when the anchor was taken. */
  entries: z.number().int().min(0),
  /** Sequence number and hash of the newest entry (0 and the genesis hash for an empty trail). */
  seq: z.number().int().min(0),
  hash,
  /** Time of the newest entry. */
  lastEntryAt: z.iso.datetime().nullable(),
});
export type OrganisationAnchor = z.infer<typeof organisationAnchorSchema>;

export const auditAnchorSchema = z.object({
  format: z.literal(AUDIT_ANCHOR_FORMAT),
  createdAt: z.iso.datetime(),
  organisations: z.array(organisationAnchorSchema),
});
export type AuditAnchor = z.infer<typeof auditAnchorSchema>;

export type AnchorProblem =
  | { kind: 'organisation_missing' } // the organisation and its trail are gone
  | { kind: 'head_missing'; anchoredSeq: number } // the head row was deleted
  | { kind: 'truncated'; entries: number; anchoredEntries: number } // fewer entries (or an older head) than anchored
  | { kind: 'anchored_entry_missing'; seq: number } // the anchored entry is no longer there
  | { kind: 'rewritten'; seq: number }; // the anchored entry now has another hash: the chain was rewritten

/**
 * Checks one organisation's current chain (ordered by seq) and head against an earlier anchor. An empty list means
 * the current chain extends the anchored one; together with verifyAuditChain (every link intact) the anchored part
 * is unchanged.
 */
export function verifyAgainstAnchor(
  entries: readonly Pick<StoredAuditEntry, 'seq' | 'hash'>[],
  head: { seq: number; hash: string } | null,
  anchor: Pick<OrganisationAnchor, 'entries' | 'seq' | 'hash'>,
): AnchorProblem[] {
  if (anchor.seq === 0 && anchor.entries === 0) return [];
  const problems: AnchorProblem[] = [];
  if (!head) problems.push({ kind: 'head_missing', anchoredSeq: anchor.seq });
  if (entries.length < anchor.entries || (head && head.seq < anchor.seq)) {
    problems.push({ kind: 'truncated', entries: entries.length, anchoredEntries: anchor.entries });
  }
  const anchored = entries.find((entry) => entry.seq === anchor.seq);
  if (!anchored) problems.push({ kind: 'anchored_entry_missing', seq: anchor.seq });
  else if (anchored.hash !== anchor.hash) problems.push({ kind: 'rewritten', seq: anchor.seq });
  return problems;
}
