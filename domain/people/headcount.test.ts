import { describe, expect, it } from 'vitest';
import { MEDIUM_MAX_PERSONS, SMALL_MAX_PERSONS } from '../kbv/practice-size.ts';
import { thresholds } from '../nis2/classification.ts';
import { countsForKbv, daysEmployed, type HeadcountPerson, personAwu, referencePeriod, staffFigures } from './headcount.ts';

const day = '2026-12-06';
const person = (overrides: Partial<HeadcountPerson> = {}): HeadcountPerson => ({
  role: 'medical_assistant',
  contractType: 'permanent',
  handlesPatientData: true,
  startsOn: '2020-01-01',
  endsOn: null,
  weeklyHours: 40,
  ...overrides,
});
const many = (n: number, overrides: Partial<HeadcountPerson> = {}) => Array.from({ length: n }, () => person(overrides));

describe('the reference period (Empfehlung 2003/361/EG, Anhang Art. 4 Abs. 1: the last twelve months)', () => {
  it.each([
    ['2026-12-06', '2025-12-07', 365],
    ['2024-12-31', '2024-01-01', 366],
    ['2024-02-29', '2023-03-01', 366],
    ['2025-03-01', '2024-03-02', 365],
  ])('ending on %s starts on %s and has %i days', (to, from, days) => {
    expect(referencePeriod(to)).toEqual({ from, to, days });
  });

  it('counts the days employed within the period, start and end inclusive', () => {
    expect(daysEmployed(person({ startsOn: null }), day)).toBe(365);
    expect(daysEmployed(person({ startsOn: '2026-12-06' }), day)).toBe(1);
    expect(daysEmployed(person({ startsOn: '2026-12-07' }), day)).toBe(0);
    expect(daysEmployed(person({ endsOn: '2025-12-06' }), day)).toBe(0);
    expect(daysEmployed(person({ endsOn: '2025-12-07' }), day)).toBe(1);
  });
});

describe('KBV practice size input (KBV-IT-Sicherheitsrichtlinie 2025, Praxisgrößen: persons permanently handling data, heads)', () => {
  it.each<[string, Partial<HeadcountPerson>, boolean]>([
    ['a full-time assistant', {}, true],
    ['a part-timer counts fully', { weeklyHours: 8, contractType: 'mini_job' }, true],
    ['an apprentice who handles patient data', { contractType: 'apprentice' }, true],
    ['the owner', { contractType: 'owner', role: 'physician' }, true],
    ['no start date: has started', { startsOn: null }, true],
    ['starts on the day', { startsOn: day }, true],
    ['ends on the day', { endsOn: day }, true],
    ['starts tomorrow', { startsOn: '2026-12-07' }, false],
    ['left yesterday', { endsOn: '2026-12-05' }, false],
    ['does not handle patient data', { handlesPatientData: false }, false],
    ['a contractor', { contractType: 'contractor' }, false],
    ['an external', { role: 'external' }, false],
  ])('%s → %s', (_name, overrides, counted) => {
    expect(countsForKbv(person(overrides), day)).toBe(counted);
  });

  it.each([
    [SMALL_MAX_PERSONS, 'small'],
    [SMALL_MAX_PERSONS + 1, 'medium'],
    [MEDIUM_MAX_PERSONS, 'medium'],
    [MEDIUM_MAX_PERSONS + 1, 'large'],
  ])('%i persons with patient data land on the %s side of the border (part-timers and leavers mixed in)', (n, size) => {
    const register = [...many(n - 1), person({ weeklyHours: 10 }), person({ endsOn: '2026-11-30' }), person({ handlesPatientData: false })];
    const { kbvPersons } = staffFigures(register, day);
    expect(kbvPersons).toBe(n);
    const actual = kbvPersons <= SMALL_MAX_PERSONS ? 'small' : kbvPersons <= MEDIUM_MAX_PERSONS ? 'medium' : 'large';
    expect(actual).toBe(size);
  });
});

describe('NIS2 staff figure in annual work units (Empfehlung 2003/361/EG, Anhang Art. 5)', () => {
  it.each<[string, Partial<HeadcountPerson>, number]>([
    ['full time, whole year', {}, 1],
    ['20 of 40 hours (Art. 5 Satz 1: part-time as a fraction)', { weeklyHours: 20 }, 0.5],
    ['more than full time is capped at 1', { weeklyHours: 50 }, 1],
    ['no weekly hours: assumed full time', { weeklyHours: null }, 1],
    ['an apprentice is not counted (Art. 5 Satz 2)', { contractType: 'apprentice' }, 0],
    ['the owner counts (Art. 5 lit. c)', { contractType: 'owner', weeklyHours: null }, 1],
    ['a contractor is not staff', { contractType: 'contractor' }, 0],
    ['an external is not staff', { role: 'external' }, 0],
    ['a mini-job counts with its hours', { contractType: 'mini_job', weeklyHours: 10 }, 0.25],
    ['patient data does not matter', { handlesPatientData: false }, 1],
    ['left a year ago', { endsOn: '2025-12-06' }, 0],
  ])('%s → %f', (_name, overrides, awu) => {
    expect(personAwu(person(overrides), day)).toBeCloseTo(awu, 10);
  });

  it('counts the share of the year employed (Art. 5 Satz 1: work for part of the year as a fraction)', () => {
    // 2026-06-09 … 2026-12-06: 181 of 365 days, half time.
    expect(personAwu(person({ startsOn: '2026-06-09', weeklyHours: 20 }), day)).toBeCloseTo((0.5 * 181) / 365, 10);
    // A leaver who worked 2025-12-07 … 2026-03-06: 90 days, full time.
    expect(personAwu(person({ endsOn: '2026-03-06' }), day)).toBeCloseTo(90 / 365, 10);
  });

  it('measures against the given full-time hours', () => {
    expect(personAwu(person({ weeklyHours: 38.5 }), day, 38.5)).toBe(1);
    expect(personAwu(person({ weeklyHours: 19.25 }), day, 38.5)).toBeCloseTo(0.5, 10);
  });

  it.each([
    [49, 36, 49.9, false],
    [49, 40, 50, true],
  ])('%i full-timers and one person with %i hours: %f AWU, important entity size %s', (n, hours, awu, reached) => {
    const figures = staffFigures([...many(n), person({ weeklyHours: hours }), person({ contractType: 'apprentice' })], day);
    expect(figures.awu).toBe(awu);
    expect(figures.awu >= thresholds.important.staffAwu).toBe(reached);
    expect(figures.heads).toBe(n + 1);
  });

  it.each([
    [249, 36, 249.9, false],
    [249, 40, 250, true],
  ])('%i full-timers and one person with %i hours: %f AWU, particularly important size %s', (n, hours, awu, reached) => {
    const figures = staffFigures([...many(n), person({ weeklyHours: hours })], day);
    expect(figures.awu).toBe(awu);
    expect(figures.awu >= thresholds.particularlyImportant.staffAwu).toBe(reached);
  });

  it('reports the people counted as full time for want of hours', () => {
    const figures = staffFigures([person({ weeklyHours: null }), person({ weeklyHours: null, contractType: 'apprentice' }), person()], day);
    expect(figures).toEqual({ kbvPersons: 3, awu: 2, heads: 2, assumedFullTime: 1, fullTimeHours: 40 });
  });
});
