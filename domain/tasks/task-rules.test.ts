import { describe, expect, it } from 'vitest';
import { builtInTemplates } from './recurring-defaults.ts';
import {
  addRhythm,
  firstOccurrenceOn,
  isDueBeforeCreated,
  isOverdue,
  isoWeekOf,
  nextOccurrenceOn,
  practiceDay,
  RHYTHM_MONTHS,
  weekRange,
  weeksFrom,
} from './task-rules.ts';
import { isoWeeksInYear, type TaskRhythm } from './tasks.schema.ts';

describe('the rhythm of a recurring task', () => {
  // Seed article (NIS2 for MVZ, "after that"): risk register and emergency plan quarterly, phishing simulation and
  // tabletop exercise yearly, external assessment every two years; § 38 Abs. 3 BSIG training yearly (domain/management).
  it.each([
    ['quarterly', 3],
    ['yearly', 12],
    ['biennial', 24],
  ] as const)('%s is %i calendar months', (rhythm, months) => {
    expect(RHYTHM_MONTHS[rhythm]).toBe(months);
  });

  it.each<[string, TaskRhythm, string]>([
    ['2026-01-15', 'quarterly', '2026-04-15'],
    // A month without the day ends at its last day (as PostgreSQL's date + interval).
    ['2026-01-31', 'quarterly', '2026-04-30'],
    ['2026-11-30', 'quarterly', '2027-02-28'],
    ['2027-11-30', 'quarterly', '2028-02-29'],
    ['2026-08-31', 'quarterly', '2026-11-30'],
    ['2026-12-31', 'quarterly', '2027-03-31'],
    ['2026-03-01', 'yearly', '2027-03-01'],
    ['2028-02-29', 'yearly', '2029-02-28'],
    ['2028-02-29', 'biennial', '2030-02-28'],
    ['2026-06-30', 'biennial', '2028-06-30'],
  ])('%s + %s is %s', (from, rhythm, expected) => {
    expect(addRhythm(from, rhythm)).toBe(expected);
  });

  // Seed article: a tabletop exercise "at least once a year"; counting from the completion keeps two rounds within a
  // rhythm however early or late the last one was done.
  it.each<[string, string, TaskRhythm, string]>([
    ['done on time', '2027-03-01', 'yearly', '2028-03-01'],
    ['done three months early', '2026-12-01', 'yearly', '2027-12-01'],
    ['done two months late', '2027-05-03', 'yearly', '2028-05-03'],
    ['the risk register on the last day of a month', '2027-01-31', 'quarterly', '2027-04-30'],
    ['the external assessment (§ 30 Abs. 2 Satz 2 Nr. 6 BSIG)', '2027-09-15', 'biennial', '2029-09-15'],
  ])('the next occurrence, %s on %s (%s), is due on %s', (_case, completedOn, rhythm, expected) => {
    expect(nextOccurrenceOn(completedOn, rhythm)).toBe(expected);
  });

  it.each<[string, TaskRhythm, string, string]>([
    ['2026-12-07', 'quarterly', '2026-12-07', '2027-03-07'],
    ['2026-12-07', 'biennial', '2026-12-07', '2028-12-07'],
    // A start day long past: the first occurrence is due today, not before it existed.
    ['2026-01-05', 'quarterly', '2026-12-07', '2026-12-07'],
    ['2026-01-05', 'yearly', '2026-12-07', '2027-01-05'],
  ])('the cycle started on %s (%s), seen on %s, is first due on %s', (startOn, rhythm, today, expected) => {
    expect(firstOccurrenceOn(startOn, rhythm, today)).toBe(expected);
  });

  it('ships the cycle of the seed article, the § 38 training and the KBV restore test, each with its source', () => {
    expect(builtInTemplates.map((t) => [t.key, t.rhythm])).toEqual([
      ['risk_register', 'quarterly'],
      ['emergency_plan', 'quarterly'],
      ['phishing_simulation', 'yearly'],
      ['tabletop_exercise', 'yearly'],
      ['external_assessment', 'biennial'],
      ['management_training', 'yearly'],
      ['restore_test', 'yearly'],
    ]);
    expect(builtInTemplates.find((t) => t.key === 'management_training')?.source).toBe('§ 38 Abs. 3 BSIG');
    expect(builtInTemplates.find((t) => t.key === 'restore_test')?.links).toContainEqual({ kind: 'requirement', targetId: 'KBV-A1-25' });
    expect(new Set(builtInTemplates.map((t) => t.id)).size).toBe(builtInTemplates.length);
  });
});

describe('overdue and the due day', () => {
  const today = '2026-12-07';
  it.each([
    ['open, due yesterday', 'open', '2026-12-06', true],
    ['in progress, due yesterday', 'in_progress', '2026-12-06', true],
    ['open, due today', 'open', '2026-12-07', false],
    ['open, due tomorrow', 'open', '2026-12-08', false],
    ['done, due last month', 'done', '2026-11-07', false],
    ['dropped, due last month', 'cancelled', '2026-11-07', false],
    ['open without a due day', 'open', null, false],
  ] as const)('%s: %s', (_case, status, dueOn, expected) => {
    expect(isOverdue({ status, dueOn }, today)).toBe(expected);
  });

  it.each([
    ['2026-12-06', '2026-12-07', true],
    ['2026-12-07', '2026-12-07', false],
    ['2027-01-01', '2026-12-07', false],
  ])('due %s on a task created %s is before it existed: %s', (dueOn, createdOn, expected) => {
    expect(isDueBeforeCreated(dueOn, createdOn)).toBe(expected);
  });

  it.each([
    // 23:30 UTC on 6 December is already the 7th in Berlin (CET, UTC+1); 22:30 UTC on 30 June is 1 July (CEST, UTC+2).
    ['2026-12-06T23:30:00Z', '2026-12-07'],
    ['2026-12-06T22:59:59Z', '2026-12-06'],
    ['2026-06-30T22:30:00Z', '2026-07-01'],
    ['2026-06-30T21:59:59Z', '2026-06-30'],
  ])('the practice day at %s is %s (Europe/Berlin)', (instant, expected) => {
    expect(practiceDay(new Date(instant))).toBe(expected);
  });
});

describe('ISO weeks (ISO 8601: weeks from Monday, week 1 holds the year’s first Thursday)', () => {
  it.each([
    ['2026-12-07', '2026-W50'],
    ['2026-12-06', '2026-W49'],
    ['2026-01-01', '2026-W01'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('%s lies in %s', (day, week) => {
    expect(isoWeekOf(day)).toBe(week);
  });

  it.each([
    ['2026-W50', '2026-12-07', '2026-12-13'],
    ['2026-W53', '2026-12-28', '2027-01-03'],
    ['2025-W01', '2024-12-30', '2025-01-05'],
  ])('%s runs from %s to %s', (week, from, to) => {
    expect(weekRange(week)).toEqual({ from, to });
  });

  it('counts weeks across a year with 53 of them', () => {
    expect(weeksFrom('2026-W52', 4)).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(weeksFrom('2027-W52', 2)).toEqual(['2027-W52', '2028-W01']);
  });

  it.each([
    [2026, 53],
    [2027, 52],
    [2020, 53],
    [2032, 53],
    [2025, 52],
  ])('%i has %i weeks', (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
  });
});
