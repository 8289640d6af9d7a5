import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The first entry of every organisation's chain points at this value. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  organisationId: string;
  seq: number;
  at: Date;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: Record<string, unknown>;
}

export interface StoredAuditEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every depth, so the database's jsonb key order cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** hash_n = SHA-256(hash_{n-1} || canonical(entry_n)): editing or removing any entry breaks every later link. */
export function hashAuditEntry(prevHash: string, entry: AuditEntry): string {
  const payload = canonicalJson({
    organisationId: entry.organisationId,
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    data: entry.data,
  });
  return bytesToHex(sha256(utf8ToBytes(prevHash + payload)));
}

export type AuditProblem =
  | { kind: 'hash_mismatch'; seq: number } // the entry was edited
  | { kind: 'broken_link'; seq: number } // its predecessor was edited or removed
  | { kind: 'gap'; seq: number; expected: number } // entries before it were removed
  | { kind: 'head_mismatch'; seq: number }; // the newest entries were removed (or the head edited)

/**
 * Checks one organisation's chain, ordered by seq, against the stored head (newest seq and hash).
 * Returns every problem found; an empty list means the trail is intact.
 */
export function verifyAuditChain(entries: readonly StoredAuditEntry[], head: { seq: number; hash: string } | null): AuditProblem[] {
  const problems: AuditProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) problems.push({ kind: 'gap', seq: entry.seq, expected: expectedSeq });
    if (entry.prevHash !== prevHash) problems.push({ kind: 'broken_link', seq: entry.seq });
    if (hashAuditEntry(entry.prevHash, entry) !== entry.hash) problems.push({ kind: 'hash_mismatch', seq: entry.seq });
    prevHash = entry.hash;
    expectedSeq = entry.seq + 1;
  }
  const last = entries.at(-1);
  const lastSeq = last?.seq ?? 0;
  const lastHash = last?.hash ?? GENESIS_HASH;
  const headSeq = head?.seq ?? 0;
  const headHash = head?.hash ?? GENESIS_HASH;
  if (headSeq !== lastSeq || headHash !== lastHash) problems.push({ kind: 'head_mismatch', seq: headSeq });
  return problems;
}
