import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeListCursor, encodeListCursor, LIST_MAX_LIMIT, listQuerySchema } from './list.ts';

const schema = listQuerySchema({
  sort: ['name', 'createdAt'],
  defaultSort: 'createdAt',
  defaultOrder: 'desc',
  search: true,
  filters: { kind: z.enum(['server', 'client']).optional() },
});

function issues(input: Record<string, unknown>) {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message, code: i.code }));
}

describe('list query schema', () => {
  it('fills the defaults', () => {
    expect(schema.parse({})).toEqual({ limit: 100, sort: 'createdAt', order: 'desc', q: undefined, cursor: undefined });
  });

  it.each([
    ['a sort key that is not allowed', { sort: 'password_hash' }, ['sort']],
    ['a sort key given twice', { sort: ['name', 'createdAt'] }, ['sort']],
    ['an unknown direction', { order: 'sideways' }, ['order']],
    ['limit 0', { limit: '0' }, ['limit']],
    ['a negative limit', { limit: '-5' }, ['limit']],
    [`limit above ${LIST_MAX_LIMIT}`, { limit: String(LIST_MAX_LIMIT + 1) }, ['limit']],
    ['a fractional limit', { limit: '2.5' }, ['limit']],
    ['a limit that is no number', { limit: 'all' }, ['limit']],
    ['NUL in the search text', { q: 'Server\u0000' }, ['q']],
    ['a search text of 201 characters', { q: 'x'.repeat(201) }, ['q']],
    ['an unknown filter value', { kind: 'printer' }, ['kind']],
    ['a cursor that is not base64url', { cursor: '!!!' }, ['cursor']],
    ['a cursor of the wrong shape', { cursor: encodeText('{"a":1}') }, ['cursor']],
    ['a cursor with NUL in a value', { cursor: encodeListCursor({ sort: 'createdAt', order: 'desc', after: ['x\u0000', 'y'] }) }, ['cursor']],
    ['a cursor made for another sort key', { cursor: encodeListCursor({ sort: 'name', order: 'desc', after: ['a', 'b'] }) }, ['cursor']],
    ['a cursor made for the other direction', { sort: 'name', cursor: encodeListCursor({ sort: 'name', order: 'asc', after: ['a', 'b'] }) }, ['cursor']],
  ])('refuses %s and names the field', (_what, input, path) => {
    const found = issues(input);
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((i) => i.path)).toContainEqual(path);
  });

  it.each([
    [{ limit: '1' }, { limit: 1 }],
    [{ limit: String(LIST_MAX_LIMIT) }, { limit: LIST_MAX_LIMIT }],
    [
      { sort: 'name', order: 'asc' },
      { sort: 'name', order: 'asc' },
    ],
    [{ q: '  Praxis Süd  ' }, { q: 'Praxis Süd' }],
    [{ q: '   ' }, { q: undefined }],
    [{ kind: 'server' }, { kind: 'server' }],
  ])('accepts %j', (input, expected) => {
    expect(schema.parse(input)).toMatchObject(expected);
  });

  it('names the code of a bad cursor and of a cursor for another sort', () => {
    expect(issues({ cursor: 'AAAA' })).toContainEqual(expect.objectContaining({ path: ['cursor'], message: 'list.cursor_invalid' }));
    const other = encodeListCursor({ sort: 'name', order: 'desc', after: ['a', 'b'] });
    expect(issues({ cursor: other })).toContainEqual(expect.objectContaining({ path: ['cursor'], message: 'list.cursor_mismatch' }));
  });

  it('refuses a search text where the list has no search', () => {
    const plain = listQuerySchema({ sort: ['seq'], defaultSort: 'seq', defaultOrder: 'desc' });
    expect(plain.safeParse({ q: 'x' }).success).toBe(false);
    expect(plain.parse({})).toMatchObject({ sort: 'seq' });
  });

  it('keeps the maximum of a list below the default when asked', () => {
    const small = listQuerySchema({ sort: ['seq'], defaultSort: 'seq', defaultOrder: 'desc', maxLimit: 50 });
    expect(small.parse({}).limit).toBe(50);
    expect(small.safeParse({ limit: '51' }).success).toBe(false);
  });
});

describe('list cursor', () => {
  it.each([
    [{ sort: 'createdAt', order: 'desc' as const, after: ['2026-01-15T10:00:00.123456Z', '0b7c1f7e-3f7a-4c1e-9d2a-1e3b5c7d9f00'] as [string, string] }],
    [{ sort: 'name', order: 'asc' as const, after: ['Größe – Ärztehaus „Süd“ 🏥', '42'] as [string, string] }],
  ])('survives the round trip: %j', (cursor) => {
    const text = encodeListCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeListCursor(text)).toEqual(cursor);
  });

  it.each(['', '%%%', encodeText('[1,2,3,4]'), encodeText('["a","up","b","c"]'), encodeText('not json')])('refuses %j', (text) => {
    expect(decodeListCursor(text)).toBeNull();
  });
});

function encodeText(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
