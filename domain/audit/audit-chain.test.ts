import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashAuditEntry, type StoredAuditEntry, verifyAuditChain } from './audit-chain.ts';

const org = '00000000-0000-4000-8000-000000000001';

function chain(n: number): StoredAuditEntry[] {
  const entries: StoredAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const base = {
      organisationId: org,
      seq,
      at: new Date(Date.UTC(2026, 0, seq, 9)),
      actorUserId: null,
      action: 'location.created',
      entityType: 'location',
      entityId: String(seq),
      data: { name: `Standort ${seq}`, nested: { b: 1, a: [1, 2] } },
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

describe('canonicalJson', () => {
  it('sorts keys at every depth so jsonb key order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
  });
});

describe('verifyAuditChain', () => {
  it('accepts an intact chain and an empty one', () => {
    const entries = chain(5);
    expect(verifyAuditChain(entries, headOf(entries))).toEqual([]);
    expect(verifyAuditChain([], null)).toEqual([]);
  });

  it.each([
    [
      'an edited entry',
      (e: StoredAuditEntry[]) => {
        e[2] = { ...e[2]!, data: { name: 'changed' } };
        return e;
      },
      { kind: 'hash_mismatch', seq: 3 },
    ],
    [
      'an edited action',
      (e: StoredAuditEntry[]) => {
        e[0] = { ...e[0]!, action: 'other' };
        return e;
      },
      { kind: 'hash_mismatch', seq: 1 },
    ],
    ['a deleted entry in the middle', (e: StoredAuditEntry[]) => e.filter((x) => x.seq !== 3), { kind: 'gap', seq: 4, expected: 3 }],
    [
      'an entry rehashed after editing',
      (e: StoredAuditEntry[]) => {
        const edited = { ...e[1]!, data: { name: 'forged' } };
        e[1] = { ...edited, hash: hashAuditEntry(edited.prevHash, edited) };
        return e;
      },
      { kind: 'broken_link', seq: 3 },
    ],
  ])('detects %s', (_label, tamper, problem) => {
    const entries = chain(5);
    const head = headOf(entries);
    expect(verifyAuditChain(tamper([...entries]), head)).toContainEqual(problem);
  });

  it('detects the newest entry being removed through the stored head', () => {
    const entries = chain(4);
    const head = headOf(entries);
    expect(verifyAuditChain(entries.slice(0, 3), head)).toContainEqual({ kind: 'head_mismatch', seq: 4 });
  });
});
