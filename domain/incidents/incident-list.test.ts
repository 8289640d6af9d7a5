import { describe, expect, it } from 'vitest';
import { encodeListCursor } from '../common/list.ts';
import { INCIDENT_PAGE_DEFAULT, INCIDENT_PAGE_MAX, incidentListQuerySchema, incidentPageSchema } from './incident-list.ts';

function paths(input: Record<string, unknown>) {
  const result = incidentListQuerySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path);
}

describe('incident list query', () => {
  it('starts with the newest reported incidents, a page of the default size', () => {
    expect(incidentListQuerySchema.parse({})).toEqual({
      limit: INCIDENT_PAGE_DEFAULT,
      sort: 'number',
      order: 'desc',
      q: undefined,
      cursor: undefined,
    });
  });

  it.each([
    [{ status: 'open' }, { status: 'open' }],
    [{ status: 'closed' }, { status: 'closed' }],
    [{ significance: 'significant' }, { significance: 'significant' }],
    [{ significance: 'not_significant' }, { significance: 'not_significant' }],
    [{ significance: 'unassessed' }, { significance: 'unassessed' }],
    [{ q: '  Phishing ' }, { q: 'Phishing' }],
    [
      { sort: 'noticedAt', order: 'asc' },
      { sort: 'noticedAt', order: 'asc' },
    ],
    [{ sort: 'status' }, { sort: 'status' }],
    [{ sort: 'title' }, { sort: 'title' }],
    [{ limit: String(INCIDENT_PAGE_MAX) }, { limit: INCIDENT_PAGE_MAX }],
  ])('accepts %j', (input, expected) => {
    expect(incidentListQuerySchema.parse(input)).toMatchObject(expected);
  });

  it.each([
    ['a status that does not exist', { status: 'deleted' }, ['status']],
    ['significance as a boolean', { significance: 'true' }, ['significance']],
    ['a sort key outside the list', { sort: 'description' }, ['sort']],
    ['a sort key of another list', { sort: 'seq' }, ['sort']],
    [`more than ${INCIDENT_PAGE_MAX} rows`, { limit: String(INCIDENT_PAGE_MAX + 1) }, ['limit']],
    ['limit 0', { limit: '0' }, ['limit']],
    ['a search with NUL', { q: 'Server\u0000' }, ['q']],
    ['a cursor made for another sort', { sort: 'title', cursor: encodeListCursor({ sort: 'number', order: 'desc', after: ['5', '5'] }) }, ['cursor']],
  ])('refuses %s and names the field', (_what, input, path) => {
    expect(paths(input)).toContainEqual(path);
  });

  it('describes a page: items with the next deadline, the total and the cursor', () => {
    const item = {
      id: '0b7c1f7e-3f7a-4c1e-9d2a-1e3b5c7d9f00',
      number: 7,
      title: 'Phishing-Mail geöffnet',
      noticedAt: '2026-12-01T08:00:00.000Z',
      patientDataInvolved: false,
      significant: null,
      handlingCompletedAt: null,
      next: null,
    };
    expect(incidentPageSchema.parse({ items: [item], total: 12, nextCursor: 'abc' })).toEqual({ items: [item], total: 12, nextCursor: 'abc' });
    expect(incidentPageSchema.safeParse({ items: [item], total: -1, nextCursor: null }).success).toBe(false);
  });
});
