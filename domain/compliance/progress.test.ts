import { describe, expect, it } from 'vitest';
import { countProgress, isOverdue, overallStatus, statusAtLocations, type ScopedStatus } from './progress.ts';

const A = 'loc-a';
const B = 'loc-b';

describe('status per location', () => {
  it.each<[string, ScopedStatus[], Record<string, string>]>([
    ['no entry: open everywhere', [], { [A]: 'open', [B]: 'open' }],
    ['organisation-wide entry holds at every location', [{ locationId: null, status: 'implemented' }], { [A]: 'implemented', [B]: 'implemented' }],
    ['a location entry overrides', [{ locationId: null, status: 'implemented' }, { locationId: B, status: 'in_progress' }], { [A]: 'implemented', [B]: 'in_progress' }],
  ])('%s', (_label, entries, expected) => {
    expect(Object.fromEntries(statusAtLocations(entries, [A, B]))).toEqual(expected);
  });
});

describe('overall status', () => {
  it.each<[string, ScopedStatus[], string]>([
    ['nothing recorded', [], 'open'],
    ['organisation-wide only', [{ locationId: null, status: 'in_progress' }], 'in_progress'],
    ['done at one location only', [{ locationId: A, status: 'implemented' }], 'open'],
    ['done at both locations', [{ locationId: A, status: 'implemented' }, { locationId: B, status: 'implemented' }], 'implemented'],
    ['implemented here, not applicable there', [{ locationId: A, status: 'implemented' }, { locationId: B, status: 'not_applicable' }], 'implemented'],
    ['not applicable everywhere', [{ locationId: null, status: 'not_applicable' }, { locationId: A, status: 'not_applicable' }], 'not_applicable'],
    ['organisation-wide done, one location behind', [{ locationId: null, status: 'implemented' }, { locationId: A, status: 'in_progress' }], 'in_progress'],
  ])('%s → %s', (_label, entries, expected) => {
    expect(overallStatus(entries, [A, B])).toBe(expected);
  });
});

describe('progress counts', () => {
  it('counts done, in progress and open', () => {
    expect(countProgress(['implemented', 'not_applicable', 'in_progress', 'open', 'open'])).toEqual({ total: 5, done: 2, inProgress: 1, open: 2, ratio: 0.4 });
  });
  it('treats nothing to do as complete', () => {
    expect(countProgress([]).ratio).toBe(1);
  });
});

describe('overdue', () => {
  it.each([
    ['2026-11-22', 'open', '2026-11-23', true],
    ['2026-11-23', 'open', '2026-11-23', false], // due today is not yet overdue
    ['2026-11-22', 'implemented', '2026-11-23', false],
    [null, 'open', '2026-11-23', false],
  ] as const)('due %s, %s, today %s → %s', (due, status, today, expected) => {
    expect(isOverdue(due, status, today)).toBe(expected);
  });
});
