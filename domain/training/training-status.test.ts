import { describe, expect, it } from 'vitest';
import { courseInputSchema } from './training.schema.ts';
import { type CoveragePerson, coverage, dueOn, isActiveStaff, trainingState } from './training-status.ts';

describe('the due day of a training', () => {
  it.each([
    ['2026-01-15', 12, '2027-01-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-12-31', 60, '2031-12-31'],
  ])('%s plus %i months is %s', (last, months, due) => {
    expect(dueOn(last, months)).toBe(due);
  });

  it.each([
    [null, 12, '2026-06-01', 'never_trained', null],
    ['2025-05-31', 12, '2026-06-01', 'overdue', '2026-05-31'],
    ['2025-06-01', 12, '2026-06-01', 'due_soon', '2026-06-01'],
    ['2025-07-01', 12, '2026-06-01', 'due_soon', '2026-07-01'],
    ['2025-07-02', 12, '2026-06-01', 'current', '2026-07-02'],
    ['2026-05-01', 1, '2026-06-01', 'due_soon', '2026-06-01'],
    ['2026-04-30', 1, '2026-06-01', 'overdue', '2026-05-30'],
  ] as const)('last %s, every %i months, on %s: %s (due %s)', (last, months, today, state, due) => {
    expect(trainingState(last, months, today)).toEqual({ state, dueOn: due });
  });
});

const person = (id: string, extra: Partial<CoveragePerson> = {}): CoveragePerson => ({
  id,
  role: 'medical_assistant',
  contractType: 'permanent',
  startsOn: null,
  endsOn: null,
  ...extra,
});

describe('who the coverage counts', () => {
  const today = '2026-06-01';
  it.each([
    ['no dates', {}, true],
    ['started today', { startsOn: today }, true],
    ['starts tomorrow', { startsOn: '2026-06-02' }, false],
    ['leaves today', { endsOn: today }, true],
    ['left yesterday', { endsOn: '2026-05-31' }, false],
    ['an external', { role: 'external' }, false],
    ['a contractor', { contractType: 'contractor' }, false],
    ['an apprentice', { contractType: 'apprentice' }, true],
  ] as const)('%s: %s', (_name, extra, active) => {
    expect(isActiveStaff(person('p', extra as Partial<CoveragePerson>), today)).toBe(active);
  });
});

describe('coverage of mandatory training', () => {
  const today = '2026-06-01';
  const courses = [
    { id: 'phishing', recurrenceMonths: 12, mandatory: true },
    { id: 'ti', recurrenceMonths: 24, mandatory: true },
    { id: 'optional', recurrenceMonths: 12, mandatory: false },
  ];

  it('counts a person covered only when current on every mandatory course; optional courses and leavers do not count', () => {
    const people = [person('a'), person('b'), person('c'), person('d'), person('left', { endsOn: '2026-01-01' }), person('ext', { role: 'external' })];
    const attended = [
      { personId: 'a', courseId: 'phishing', heldOn: '2026-01-10' },
      { personId: 'a', courseId: 'ti', heldOn: '2025-01-10' },
      { personId: 'b', courseId: 'phishing', heldOn: '2024-01-10' },
      { personId: 'b', courseId: 'phishing', heldOn: '2025-06-20' },
      { personId: 'b', courseId: 'ti', heldOn: '2025-06-20' },
      { personId: 'c', courseId: 'phishing', heldOn: '2025-05-01' },
      { personId: 'c', courseId: 'ti', heldOn: '2026-05-01' },
      { personId: 'left', courseId: 'phishing', heldOn: '2026-05-01' },
    ];
    expect(coverage(people, courses, attended, today)).toEqual({
      people: 4,
      covered: 2,
      percent: 50,
      byState: { never_trained: 1, overdue: 1, due_soon: 1, current: 1 },
      perCourse: [
        { courseId: 'phishing', trained: 2, people: 4 },
        { courseId: 'ti', trained: 3, people: 4 },
      ],
    });
  });

  it('has no percentage without people or without mandatory courses', () => {
    expect(coverage([], courses, [], today).percent).toBeNull();
    expect(coverage([person('a')], [courses[2]!], [], today)).toMatchObject({ people: 1, covered: 0, percent: null, perCourse: [] });
  });
});

describe('the course input', () => {
  const course = { title: 'Phishing erkennen', topic: 'phishing', durationMinutes: 45 };
  it('fills the defaults: yearly, mandatory', () => {
    expect(courseInputSchema.parse(course)).toMatchObject({ recurrenceMonths: 12, mandatory: true, description: '' });
  });
  it.each([
    ['a duration of 0', { durationMinutes: 0 }, 'durationMinutes'],
    ['a duration over 600', { durationMinutes: 601 }, 'durationMinutes'],
    ['a recurrence of 61 months', { recurrenceMonths: 61 }, 'recurrenceMonths'],
    ['a NUL in the title', { title: 'Phishing\u0000' }, 'title'],
    ['an unknown topic', { topic: 'cooking' }, 'topic'],
  ])('refuses %s at the field', (_name, change, field) => {
    const result = courseInputSchema.safeParse({ ...course, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });
});
