import { describe, expect, it } from 'vitest';
import { type AnchorProblem, auditAnchorSchema, verifyAgainstAnchor } from './audit-anchor.ts';
import { GENESIS_HASH, hashAuditEntry, type StoredAuditEntry, verifyAuditChain } from './audit-chain.ts';

const org = '00000000-0000-4000-8000-000000000001';

/** A chain of n entries; `forgeFrom` edits that entry and recomputes it and every later hash, as an attacker would. */
function chain(n: number, forgeFrom?: number): StoredAuditEntry[] {
  const entries: StoredAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const base = {
      organisationId: org,
      seq,
      at: new Date(Date.UTC(2026, 0, seq, 9)),
      actorUserId: null,
      action: seq === forgeFrom ? 'location.updated' : 'location.created',
      entityType: 'location',
      entityId: String(seq),
      data: { name: `Standort ${seq}` },
    };
    const hash = hashAuditEntry(prev, base);
    entries.push({ ...base, prevHash: prev, hash });
    prev = hash;
  }
  return entries;
}

const headOf = (entries: StoredAuditEntry[]) => {
  const last = entries.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : null;
};
const anchorOf = (entries: StoredAuditEntry[]) => ({ entries: entries.length, seq: entries.at(-1)?.seq ?? 0, hash: entries.at(-1)?.hash ?? GENESIS_HASH });

const original = chain(5);
const anchor = anchorOf(original);

describe('verifyAgainstAnchor (RFC 6962 § 2.1: an earlier head must stay part of the later chain)', () => {
  const cases: [string, StoredAuditEntry[], { seq: number; hash: string } | null, AnchorProblem[]][] = [
    ['the anchored chain itself', original, headOf(original), []],
    ['the chain grown by new entries', chain(8), headOf(chain(8)), []],
    ['a chain rewritten from entry 3 with recomputed hashes and head', chain(5, 3), headOf(chain(5, 3)), [{ kind: 'rewritten', seq: 5 }]],
    ['a rewritten chain that also grew', chain(7, 2), headOf(chain(7, 2)), [{ kind: 'rewritten', seq: 5 }]],
    [
      'the newest entries deleted and the head moved back',
      original.slice(0, 3),
      headOf(original.slice(0, 3)),
      [
        { kind: 'truncated', entries: 3, anchoredEntries: 5 },
        { kind: 'anchored_entry_missing', seq: 5 },
      ],
    ],
    [
      'the whole trail and its head deleted',
      [],
      null,
      [
        { kind: 'head_missing', anchoredSeq: 5 },
        { kind: 'truncated', entries: 0, anchoredEntries: 5 },
        { kind: 'anchored_entry_missing', seq: 5 },
      ],
    ],
  ];
  it.each(cases)('%s', (_label, entries, head, problems) => {
    expect(verifyAgainstAnchor(entries, head, anchor)).toEqual(problems);
  });

  it('shows why the anchor is needed: a recomputed chain passes the chain check alone', () => {
    const forged = chain(5, 3);
    expect(verifyAuditChain(forged, headOf(forged))).toEqual([]);
    expect(verifyAuditChain([], null)).toEqual([]);
  });

  it('accepts an anchor of an empty trail for any later chain', () => {
    expect(verifyAgainstAnchor(chain(2), headOf(chain(2)), { entries: 0, seq: 0, hash: GENESIS_HASH })).toEqual([]);
  });
});

describe('auditAnchorSchema', () => {
  it('reads an anchor file and refuses a foreign one', () => {
    const file = {
      format: 'praxisschild-audit-anchor/1',
      createdAt: '2026-03-01T10:00:00.000Z',
      organisations: [{ organisationId: org, organisationName: 'Praxis', lastEntryAt: '2026-01-05T09:00:00.000Z', ...anchor }],
    };
    expect(auditAnchorSchema.parse(file).organisations[0]!.seq).toBe(5);
    expect(auditAnchorSchema.safeParse({ ...file, format: 'other/1' }).success).toBe(false);
    expect(auditAnchorSchema.safeParse({ ...file, organisations: [{ ...file.organisations[0], hash: 'xyz' }] }).success).toBe(false);
  });
});
