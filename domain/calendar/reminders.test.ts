import { describe, expect, it } from 'vitest';
import { addDays, practiceDay, sweepAt, sweepDays, taskReminderKind } from './reminders.ts';

describe('task reminders', () => {
  it.each([
    ['2026-12-14', '2026-12-07', 'task_week_before'], // exactly a week before
    ['2026-12-15', '2026-12-07', null], // more than a week ahead: not yet
    ['2026-12-08', '2026-12-07', 'task_week_before'], // made the day before: still told once
    ['2026-12-07', '2026-12-07', 'task_due'], // the due date
    ['2026-12-05', '2026-12-07', 'task_due'], // the server was down on the day: sent two days late at the most
    ['2026-12-04', '2026-12-07', null], // longer overdue: the digest and the dashboard show it
    ['2027-01-04', '2026-12-28', 'task_week_before'], // across the turn of the year
    ['2026-03-01', '2026-02-22', 'task_week_before'], // across the end of February
  ])('a task due on %s gets on %s: %s', (dueOn, today, expected) => {
    expect(taskReminderKind(dueOn, today)).toBe(expected);
  });
});

describe('the daily sweep at 07:00 Berlin time', () => {
  it.each([
    ['2026-12-07', '2026-12-07T06:00:00.000Z'], // winter time, UTC+1
    ['2026-07-01', '2026-07-01T05:00:00.000Z'], // summer time, UTC+2
    ['2026-03-29', '2026-03-29T05:00:00.000Z'], // the day the clocks go forward (02:00 → 03:00)
    ['2026-10-25', '2026-10-25T06:00:00.000Z'], // the day the clocks go back (03:00 → 02:00)
  ])('on %s runs at %s', (day, expected) => {
    expect(sweepAt(day).toISOString()).toBe(expected);
  });

  it.each([
    ['2026-12-07T22:30:00Z', ['2026-12-07', '2026-12-08']], // 23:30 in Berlin
    ['2026-12-07T23:30:00Z', ['2026-12-08', '2026-12-09']], // 00:30 in Berlin, already the next day
    ['2026-03-28T23:30:00Z', ['2026-03-29', '2026-03-30']],
  ])('at %s plans the sweeps of %j', (now, days) => {
    expect(sweepDays(new Date(now))).toEqual(days);
  });

  it('counts days in the practice calendar', () => {
    expect(practiceDay(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
