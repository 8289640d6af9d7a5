import { describe, expect, it } from 'vitest';
import { kbvRequirements } from './requirements.data.ts';
import { kbvGuidelineVersions, requirementStart, type StartDateFacts } from './start-date.ts';

// KBV IT-Sicherheitsrichtlinie: first version under § 75b SGB V a. F. from 2021-04-01; revision under § 390 SGB V in force
// 2025-04-01, new requirements binding from 2025-10-01 (six-month transition); carried-over ones apply without a break.
describe('requirementStart', () => {
  const kbv = (effectiveFrom: string, newInRevision: boolean): StartDateFacts => ({ framework: 'kbv', effectiveFrom, newInRevision });
  it.each([
    ['carried over, any day after the revision', kbv('2025-04-01', false), '2026-01-15', { kind: 'carried_over', firstYear: 2021, revisedSince: '2025-04-01' }],
    ['carried over, before the revision', kbv('2025-04-01', false), '2025-03-01', { kind: 'carried_over', firstYear: 2021, revisedSince: '2025-04-01' }],
    ['new, on its first day', kbv('2025-10-01', true), '2025-10-01', { kind: 'new_since', date: '2025-10-01', revisionInForce: '2025-04-01' }],
    ['new, the day before', kbv('2025-10-01', true), '2025-09-30', { kind: 'new_from', date: '2025-10-01', revisionInForce: '2025-04-01' }],
    [
      'a BSIG measure',
      { framework: 'nis2', effectiveFrom: '2025-12-06', newInRevision: false } satisfies StartDateFacts,
      '2026-01-01',
      { kind: 'since', date: '2025-12-06' },
    ],
    [
      'a BSIG measure not yet binding',
      { framework: 'nis2', effectiveFrom: '2025-12-06', newInRevision: false } satisfies StartDateFacts,
      '2025-12-05',
      { kind: 'from', date: '2025-12-06' },
    ],
  ])('%s', (_label, facts, today, expected) => {
    expect(requirementStart(facts, today)).toEqual(expected);
  });

  it('has no start without a date', () => {
    expect(requirementStart({ framework: 'nis2', effectiveFrom: null, newInRevision: false }, '2026-01-01')).toBeNull();
  });

  it('never says "seit 01.04.2025" alone for the catalogue: every requirement is either carried over or new from 2025-10-01', () => {
    const kinds = kbvRequirements.map(
      (r) => requirementStart({ framework: 'kbv', effectiveFrom: r.effectiveFrom, newInRevision: r.newIn2025 }, '2026-01-15')?.kind,
    );
    expect(new Set(kinds)).toEqual(new Set(['carried_over', 'new_since']));
    expect(kinds.filter((k) => k === 'carried_over')).toHaveLength(63);
    expect(kinds.filter((k) => k === 'new_since')).toHaveLength(29);
    for (const r of kbvRequirements.filter((x) => x.newIn2025)) expect(r.effectiveFrom).toBe(kbvGuidelineVersions.revision2025.newRequirementsFrom);
  });
});
