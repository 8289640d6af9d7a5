import { describe, expect, it } from 'vitest';
import { relativeDue } from './relative-time.ts';

const now = new Date('2026-12-07T09:00:00Z'); // 10:00 in Berlin

describe('how far a deadline lies from now', () => {
  it.each([
    [{ dueAt: '2026-12-08T09:00:00.000Z', dueOn: null }, 'de', 'in 24 Stunden'],
    [{ dueAt: '2026-12-07T09:30:00.000Z', dueOn: null }, 'de', 'in 30 Minuten'],
    [{ dueAt: '2026-12-07T07:00:00.000Z', dueOn: null }, 'de', 'vor 2 Stunden'],
    [{ dueAt: '2026-12-10T09:00:00.000Z', dueOn: null }, 'de', 'in 3 Tagen'],
    [{ dueAt: '2026-12-08T09:00:00.000Z', dueOn: null }, 'en', 'in 24 hours'],
    [{ dueAt: null, dueOn: '2026-12-07' }, 'de', 'heute'],
    [{ dueAt: null, dueOn: '2026-12-08' }, 'de', 'morgen'],
    [{ dueAt: null, dueOn: '2026-12-04' }, 'de', 'vor 3 Tagen'],
    [{ dueAt: null, dueOn: '2026-12-27' }, 'en', 'in 20 days'],
    [{ dueAt: null, dueOn: null }, 'de', ''],
  ] as const)('%j in %s is "%s"', (due, locale, expected) => {
    expect(relativeDue(due, now, locale)).toBe(expected);
  });

  it('counts Berlin calendar days: just after midnight in Berlin it is already the next day', () => {
    expect(relativeDue({ dueAt: null, dueOn: '2026-12-08' }, new Date('2026-12-07T23:30:00Z'), 'de')).toBe('heute');
  });

  it('counts a day across the change to summer time as one day', () => {
    expect(relativeDue({ dueAt: null, dueOn: '2026-03-30' }, new Date('2026-03-28T12:00:00Z'), 'de')).toBe('übermorgen');
  });
});
