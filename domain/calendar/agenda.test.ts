import { describe, expect, it } from 'vitest';
import { type AgendaOrderInput, agendaRank, compareAgendaItems, orderAgenda } from './agenda.ts';

const item = (kind: AgendaOrderInput['kind'], key: string, due: { at?: string; on?: string }, isOverdue = false): AgendaOrderInput => ({
  kind,
  key,
  dueAt: due.at ?? null,
  dueOn: due.on ?? null,
  isOverdue,
});

// The urgency classes of agendaRank, each with the rule it rests on.
describe('agenda rank', () => {
  it.each([
    // § 32 Abs. 1 Nr. 1 BSIG: the 24-hour early warning, still running.
    ['incident_clock', false, 0],
    // § 32 Abs. 1 Nr. 2 BSIG / Art. 33 DSGVO: a 72-hour clock that has run out stays on top until the report is filed.
    ['incident_clock', true, 0],
    // § 33 Abs. 1 BSIG: registration three months after qualifying, missed.
    ['registration_overdue', true, 1],
    // KBV Anlage 1 Nr. 2: access withdrawn when someone leaves.
    ['leaver_access', true, 1],
    // § 393 SGB V: no health data in a cloud without a current C5 attestation.
    ['c5_expiry', true, 1],
    // § 38 Abs. 3 BSIG: the director's training has lapsed.
    ['management_training', true, 1],
    // The practice's own plan.
    ['task_overdue', true, 2],
    ['c5_expiry', false, 3],
    ['management_training', false, 3],
  ] as const)('%s (overdue %s) is class %i', (kind, isOverdue, rank) => {
    expect(agendaRank({ kind, isOverdue })).toBe(rank);
  });
});

describe('agenda order', () => {
  // Each row: two items, the one that must come first named first.
  it.each([
    [
      'a running 24 h clock before an overdue task',
      item('incident_clock', 'i1', { at: '2026-12-08T10:00:00.000+01:00' }),
      item('task_overdue', 't1', { on: '2026-11-01' }, true),
    ],
    [
      'an overdue task before an expiring C5 attestation',
      item('task_overdue', 't1', { on: '2026-12-01' }, true),
      item('c5_expiry', 's1', { on: '2026-12-20' }),
    ],
    [
      'a running clock due later before a missed registration due long ago',
      item('incident_clock', 'i1', { at: '2026-12-10T10:00:00.000+01:00' }),
      item('registration_overdue', 'r', { on: '2026-03-06' }, true),
    ],
    [
      'the clock that runs out first before the later one (Art. 33 DSGVO 72 h after the early warning 24 h)',
      item('incident_clock', 'i1-early', { at: '2026-12-08T10:00:00.000+01:00' }),
      item('incident_clock', 'i1-art33', { at: '2026-12-10T10:00:00.000+01:00' }),
    ],
    [
      'a leaver with access before an overdue task',
      item('leaver_access', 'p1', { on: '2026-11-30' }, true),
      item('task_overdue', 't1', { on: '2026-10-01' }, true),
    ],
    [
      'an expired C5 attestation before an overdue task',
      item('c5_expiry', 's1', { on: '2026-12-01' }, true),
      item('task_overdue', 't1', { on: '2026-10-01' }, true),
    ],
    ['the older of two overdue tasks first', item('task_overdue', 't2', { on: '2026-10-01' }, true), item('task_overdue', 't1', { on: '2026-11-01' }, true)],
    [
      'a lapsing § 38 training sooner before a C5 attestation later',
      item('management_training', 'd1', { on: '2026-12-15' }),
      item('c5_expiry', 's1', { on: '2027-01-20' }),
    ],
    [
      'the same day and class ordered by kind: registration before leaver',
      item('registration_overdue', 'r', { on: '2026-03-06' }, true),
      item('leaver_access', 'p1', { on: '2026-03-06' }, true),
    ],
    [
      'a clock across the change to summer time, counted in real hours (02:00 does not exist on 29 March 2026)',
      item('incident_clock', 'a', { at: '2026-03-29T03:30:00.000+02:00' }),
      item('incident_clock', 'b', { at: '2026-03-29T02:45:00.000+01:00' }),
    ],
  ])('%s', (_name, first, second) => {
    expect(compareAgendaItems(first, second)).toBeLessThan(0);
    expect(compareAgendaItems(second, first)).toBeGreaterThan(0);
  });

  it('keeps the most urgent up to the limit, in order', () => {
    const items = [
      item('c5_expiry', 's1', { on: '2027-01-20' }),
      item('task_overdue', 't1', { on: '2026-11-01' }, true),
      item('incident_clock', 'i1', { at: '2026-12-08T10:00:00.000+01:00' }),
      item('leaver_access', 'p1', { on: '2026-11-30' }, true),
    ];
    expect(orderAgenda(items, 3).map((i) => i.key)).toEqual(['i1', 'p1', 't1']);
    expect(orderAgenda(items, 10)).toHaveLength(4);
  });

  it('orders two items without a date by kind and key, never by NaN', () => {
    const a = item('task_overdue', 'a', {});
    const b = item('task_overdue', 'b', {});
    expect(compareAgendaItems(a, b)).toBeLessThan(0);
    expect(compareAgendaItems(b, a)).toBeGreaterThan(0);
  });
});
