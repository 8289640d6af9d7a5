import { describe, expect, it } from 'vitest';
import { instantSchema } from '../../../domain/incidents/deadlines.schema.ts';
import { berlinInstant, berlinInstantInput, berlinParts, isUrgent, remainingUntil } from './berlin-time.ts';

describe('Berlin time on the incident pages', () => {
  it('turns a typed Berlin date and time into an instant with the offset of that day', () => {
    expect(berlinInstant('15.01.2026', '10:00')).toBe('2026-01-15T10:00:00.000+01:00');
    expect(berlinInstant('15.7.26', '7.30')).toBe('2026-07-15T07:30:00.000+02:00');
    expect(berlinInstant('15/07/2026', '07:30')).toBe('2026-07-15T07:30:00.000+02:00');
    expect(berlinInstant('2026-07-15', '10:00')).toBe('2026-07-15T10:00:00.000+02:00');
  });

  it('refuses what is not a date or time', () => {
    expect(berlinInstant('', '10:00')).toBeNull();
    expect(berlinInstant('30.02.2026', '10:00')).toBeNull();
    expect(berlinInstant('15.01.2026', '25:00')).toBeNull();
    expect(berlinInstant('15.01.2026', '10')).toBeNull();
  });

  it('gives the schema what names the problem of a typed date and time', () => {
    const code = (date: string, time: string) => instantSchema.safeParse(berlinInstantInput(date, time)).error?.issues[0]?.message;
    expect(berlinInstantInput('15.01.2026', '10:00')).toBe('2026-01-15T10:00:00.000+01:00');
    expect(code('15.01.2026', '10:00')).toBeUndefined();
    expect(berlinInstantInput(' ', '')).toBe('');
    expect(code('31.02.2026', '10:00')).toBe('invalid_date');
    expect(code('15.01.2026', '25:00')).toBe('datetime_with_offset');
    expect(code('15.13', '10:00')).toBe('datetime_with_offset');
    expect(code('15.01.2026', '')).toBe('datetime_with_offset');
    expect(code('15.01.1999', '10:00')).toBe('date.out_of_range');
  });

  it('shows an instant as Berlin date and time', () => {
    expect(berlinParts('2026-01-15T09:00:00Z')).toEqual({ date: '15.01.2026', time: '10:00' });
  });

  it('counts the time left and marks the last two hours as urgent', () => {
    const now = Date.parse('2026-01-15T10:00:00+01:00');
    expect(remainingUntil('2026-01-16T12:30:00+01:00', now)).toEqual({ overdue: false, days: 1, hours: 2, minutes: 30 });
    expect(remainingUntil('2026-01-15T09:00:00+01:00', now)).toEqual({ overdue: true, days: 0, hours: 1, minutes: 0 });
    expect(isUrgent('2026-01-15T11:59:00+01:00', now)).toBe(true);
    expect(isUrgent('2026-01-15T12:01:00+01:00', now)).toBe(false);
  });
});
