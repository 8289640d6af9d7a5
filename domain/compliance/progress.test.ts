import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countAtLocations,
  countProgress,
  isOverdue,
  locationProgress,
  noStatuses,
  overallStatus,
  overallStatusFromCounts,
  type ProgressCount,
  type ScopedStatus,
  type StatusCounts,
  statusAtLocations,
  tally,
} from './progress.ts';
import { type RequirementStatus, requirementStatuses } from './requirement-status.schema.ts';

const A = 'loc-a';
const B = 'loc-b';

describe('status per location', () => {
  it.each<[string, ScopedStatus[], Record<string, string>]>([
    ['no entry: open everywhere', [], { [A]: 'open', [B]: 'open' }],
    ['organisation-wide entry holds at every location', [{ locationId: null, status: 'implemented' }], { [A]: 'implemented', [B]: 'implemented' }],
    [
      'a location entry overrides',
      [
        { locationId: null, status: 'implemented' },
        { locationId: B, status: 'in_progress' },
      ],
      { [A]: 'implemented', [B]: 'in_progress' },
    ],
  ])('%s', (_label, entries, expected) => {
    expect(Object.fromEntries(statusAtLocations(entries, [A, B]))).toEqual(expected);
  });
});

describe('overall status', () => {
  it.each<[string, ScopedStatus[], string]>([
    ['nothing recorded', [], 'open'],
    ['organisation-wide only', [{ locationId: null, status: 'in_progress' }], 'in_progress'],
    ['done at one location only', [{ locationId: A, status: 'implemented' }], 'open'],
    [
      'done at both locations',
      [
        { locationId: A, status: 'implemented' },
        { locationId: B, status: 'implemented' },
      ],
      'implemented',
    ],
    [
      'implemented here, not applicable there',
      [
        { locationId: A, status: 'implemented' },
        { locationId: B, status: 'not_applicable' },
      ],
      'implemented',
    ],
    [
      'not applicable everywhere',
      [
        { locationId: null, status: 'not_applicable' },
        { locationId: A, status: 'not_applicable' },
      ],
      'not_applicable',
    ],
    [
      'organisation-wide done, one location behind',
      [
        { locationId: null, status: 'implemented' },
        { locationId: A, status: 'in_progress' },
      ],
      'in_progress',
    ],
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

// The organisation-wide rule of the issue "What applies to us": the KBV guideline (§ 390 SGB V, IT-Sicherheitsrichtlinie
// § 1) binds every practice site, so a requirement counts as implemented for the organisation only when it is done at
// every location with its own entry, and the organisation-wide entry stands for the locations without one. The database
// delivers counts (decision 011); these tables pin the counted rule to the same answers as the rule over rows.
describe('overall status from counts', () => {
  const c = (open = 0, in_progress = 0, implemented = 0, not_applicable = 0): StatusCounts => ({ open, in_progress, implemented, not_applicable });
  it.each<[string, RequirementStatus, number, StatusCounts, RequirementStatus]>([
    ['nothing recorded', 'open', 2, c(), 'open'],
    ['organisation-wide only', 'in_progress', 300, c(), 'in_progress'],
    ['no locations at all', 'implemented', 0, c(), 'implemented'],
    ['done at one of two locations, the other falls back to open', 'open', 2, c(0, 0, 1), 'open'],
    ['done at both locations', 'open', 2, c(0, 0, 2), 'implemented'],
    ['implemented at 299, not applicable at 1', 'open', 300, c(0, 0, 299, 1), 'implemented'],
    ['not applicable everywhere', 'not_applicable', 300, c(0, 0, 0, 1), 'not_applicable'],
    ['organisation-wide done, one location of 300 behind', 'implemented', 300, c(0, 1), 'in_progress'],
    ['organisation-wide done, one location open', 'implemented', 300, c(1, 5, 10), 'open'],
    ['organisation-wide in progress, own entries done at some', 'in_progress', 300, c(0, 0, 200), 'in_progress'],
  ])('%s → %s', (_label, organisationWide, locations, own, expected) => {
    expect(overallStatusFromCounts(organisationWide, locations, own)).toBe(expected);
  });

  it('agrees with the rule over rows for any entries (seeded random cases)', () => {
    const status = fc.constantFrom(...requirementStatuses);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.option(status, { nil: undefined }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), status)),
        (locations, wide, own) => {
          const ids = Array.from({ length: locations }, (_, i) => `loc-${i}`);
          // One entry per location at most, as the unique index requirement_statuses_scope guarantees; ids ≥ locations are unknown.
          const perLocation = new Map(own.map(([i, s]) => [`loc-${i}`, s]));
          const entries: ScopedStatus[] = [
            ...(wide ? [{ locationId: null, status: wide }] : []),
            ...[...perLocation].map(([locationId, s]) => ({ locationId, status: s })),
          ];
          const known = tally([...perLocation].filter(([id]) => ids.includes(id)).map(([, s]) => s));
          expect(overallStatusFromCounts(wide ?? 'open', locations, known)).toBe(overallStatus(entries, ids));
          const atLocations = countAtLocations(wide ?? 'open', locations, known);
          expect(atLocations).toEqual(tally(statusAtLocations(entries, ids).values()));
        },
      ),
      { seed: 390, numRuns: 500 },
    );
  });
});

describe('progress at a location from counts', () => {
  // Three requirements, organisation-wide: implemented, in progress, none (open). The location has its own entries for
  // the first two: open (replacing implemented) and implemented (replacing in progress).
  const wide = { open: 1, in_progress: 1, implemented: 1, not_applicable: 0 };
  it.each<[string, StatusCounts, StatusCounts, Omit<ProgressCount, 'ratio'>]>([
    ['no own entries: the organisation-wide statuses', noStatuses(), noStatuses(), { total: 3, done: 1, inProgress: 1, open: 1 }],
    [
      'own entries replace the organisation-wide ones',
      { ...noStatuses(), open: 1, implemented: 1 },
      { ...noStatuses(), implemented: 1, in_progress: 1 },
      { total: 3, done: 1, inProgress: 0, open: 2 },
    ],
    [
      'not applicable at this location counts as done',
      { ...noStatuses(), not_applicable: 1 },
      { ...noStatuses(), open: 1 },
      { total: 3, done: 2, inProgress: 1, open: 0 },
    ],
  ])('%s', (_label, own, replaced, expected) => {
    expect(locationProgress(wide, own, replaced)).toMatchObject(expected);
  });

  it('agrees with counting the statuses at the location row by row (seeded random cases)', () => {
    const status = fc.constantFrom(...requirementStatuses);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(status, { nil: undefined }), fc.option(status, { nil: undefined })), { maxLength: 30 }), (requirements) => {
        const expected = countProgress(
          requirements.map(
            ([w, own]) => statusAtLocations([...(w ? [{ locationId: null, status: w }] : []), ...(own ? [{ locationId: A, status: own }] : [])], [A]).get(A)!,
          ),
        );
        const organisationWide = tally(requirements.map(([w]) => w ?? 'open'));
        const own = tally(requirements.flatMap(([, o]) => (o ? [o] : [])));
        const replaced = tally(requirements.flatMap(([w, o]) => (o ? [w ?? 'open'] : [])));
        expect(locationProgress(organisationWide, own, replaced)).toEqual(expected);
      }),
      { seed: 390, numRuns: 500 },
    );
  });
});
