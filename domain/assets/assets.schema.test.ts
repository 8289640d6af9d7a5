import { describe, expect, it } from 'vitest';
import { kbvRequirements } from '../kbv/requirements.data.ts';
import { nis2Measures } from '../nis2/measures.data.ts';
import { assetWarningRequirements } from './asset-warnings.ts';
import { assetInputSchema, assetListQuerySchema, assetUpdateSchema } from './assets.schema.ts';

const valid = { name: 'Empfang PC 1', kind: 'workstation' };

describe('asset input', () => {
  it('fills what an inventory leaves open with "not known"', () => {
    const asset = assetInputSchema.parse(valid);
    expect(asset).toMatchObject({ locationId: null, supportEndsOn: null, adminMfa: null, encryptedAtRest: null, protectionNeed: 'normal' });
  });

  // Bad input is a field-level 400, never something PostgreSQL has to refuse.
  const bad: [string, Record<string, unknown>, string][] = [
    ['empty name', { ...valid, name: '  ' }, 'name'],
    ['NUL in the name', { ...valid, name: 'PC\u0000' }, 'name'],
    ['name too long', { ...valid, name: 'x'.repeat(201) }, 'name'],
    ['unknown kind', { ...valid, kind: 'toaster' }, 'kind'],
    ['support end in the year 1', { ...valid, supportEndsOn: '0001-01-01' }, 'supportEndsOn'],
    ['impossible date', { ...valid, supportEndsOn: '2026-02-30' }, 'supportEndsOn'],
    ['patched in the future', { ...valid, lastPatchedOn: '2099-01-01' }, 'lastPatchedOn'],
    ['location not an id', { ...valid, locationId: 'abc' }, 'locationId'],
    ['unknown protection need', { ...valid, protectionNeed: 'extreme' }, 'protectionNeed'],
    ['notes too long', { ...valid, notes: 'x'.repeat(4001) }, 'notes'],
  ];
  it.each(bad)('refuses %s at the field', (_name, input, field) => {
    const result = assetInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(field);
  });

  it('needs the revision for a change', () => {
    expect(assetUpdateSchema.safeParse(valid).success).toBe(false);
    expect(assetUpdateSchema.safeParse({ ...valid, revision: 3 }).success).toBe(true);
  });

  it('lists only by the allowed sort keys and filters', () => {
    expect(assetListQuerySchema.safeParse({ sort: 'password' }).success).toBe(false);
    expect(assetListQuerySchema.safeParse({ warning: 'unsupported', kind: 'laptop' }).success).toBe(true);
  });
});

describe('warning links', () => {
  it('name only requirements that exist in the catalog', () => {
    const known = new Set([...kbvRequirements.map((r) => r.id), ...nis2Measures.map((m) => m.id)]);
    for (const ids of Object.values(assetWarningRequirements)) for (const id of ids) expect(known.has(id), id).toBe(true);
  });
});
