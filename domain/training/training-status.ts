import { DateTime } from 'luxon';
import type { ContractType, PersonRole } from '../people/people.schema.ts';
import type { TrainingState } from './training.schema.ts';

/** A training falls "due soon" this many days before its due date. */
export const DUE_SOON_DAYS = 30;

/**
 * The day a training is due again: the last attended day plus the course's recurrence in calendar months. A month
 * later than 31 January is the last day of February (as PostgreSQL's `date + interval '1 month'`, which the overview's
 * SQL uses). Days are calendar days of the practice (Europe/Berlin); no time of day is involved.
 */
export function dueOn(lastAttendedOn: string, recurrenceMonths: number): string {
  return DateTime.fromISO(lastAttendedOn, { zone: 'utc' }).plus({ months: recurrenceMonths }).toISODate()!;
}

function addDays(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/**
 * One person's state for one course on `today`: never trained, overdue (the due day has passed), due soon (due within
 * 30 days, the due day included) or current.
 */
export function trainingState(lastAttendedOn: string | null, recurrenceMonths: number, today: string): { state: TrainingState; dueOn: string | null } {
  if (!lastAttendedOn) return { state: 'never_trained', dueOn: null };
  const due = dueOn(lastAttendedOn, recurrenceMonths);
  if (due < today) return { state: 'overdue', dueOn: due };
  if (due <= addDays(today, DUE_SOON_DAYS)) return { state: 'due_soon', dueOn: due };
  return { state: 'current', dueOn: due };
}

/** Worst first: a person's overall state is the worst of their mandatory courses. */
const severity: Record<TrainingState, number> = { never_trained: 4, overdue: 3, due_soon: 2, current: 1 };
export function worstState(states: TrainingState[]): TrainingState | null {
  return states.reduce<TrainingState | null>((worst, s) => (worst === null || severity[s] > severity[worst] ? s : worst), null);
}

export interface CoveragePerson {
  id: string;
  role: PersonRole;
  contractType: ContractType;
  startsOn: string | null;
  endsOn: string | null;
}

/**
 * Who the coverage counts: people working in the practice on `today` (started, or no start given; not yet left, or no
 * end given), not externals and not contractors, whose training is their own employer's business.
 */
export function isActiveStaff(person: CoveragePerson, today: string): boolean {
  if (person.role === 'external' || person.contractType === 'contractor') return false;
  return (person.startsOn === null || person.startsOn <= today) && (person.endsOn === null || person.endsOn >= today);
}

export interface CoverageCourse {
  id: string;
  recurrenceMonths: number;
  mandatory: boolean;
}

export interface CoverageAttendance {
  personId: string;
  courseId: string;
  heldOn: string;
}

export interface Coverage {
  /** Active staff counted. */
  people: number;
  /** Active staff current (or due soon) on every mandatory course. */
  covered: number;
  /** covered / people in percent, rounded down; null without active staff or mandatory courses. */
  percent: number | null;
  /** People by their worst state over the mandatory courses. */
  byState: Record<TrainingState, number>;
  perCourse: { courseId: string; trained: number; people: number }[];
}

/**
 * The coverage of mandatory training on `today`: the share of active staff trained within the recurrence of every
 * mandatory course. Optional courses do not count. The overview computes the same in SQL; this is its specification,
 * and the API tests hold both to the same answers.
 */
export function coverage(people: CoveragePerson[], courses: CoverageCourse[], attended: CoverageAttendance[], today: string): Coverage {
  const active = people.filter((p) => isActiveStaff(p, today));
  const mandatory = courses.filter((c) => c.mandatory);
  const last = new Map<string, string>();
  for (const a of attended) {
    const key = `${a.personId}/${a.courseId}`;
    const seen = last.get(key);
    if (!seen || a.heldOn > seen) last.set(key, a.heldOn);
  }
  const byState: Record<TrainingState, number> = { never_trained: 0, overdue: 0, due_soon: 0, current: 0 };
  const trained = new Map<string, number>(mandatory.map((c) => [c.id, 0]));
  let covered = 0;
  for (const person of active) {
    const states = mandatory.map((course) => {
      const { state } = trainingState(last.get(`${person.id}/${course.id}`) ?? null, course.recurrenceMonths, today);
      if (state === 'current' || state === 'due_soon') trained.set(course.id, (trained.get(course.id) ?? 0) + 1);
      return state;
    });
    const worst = worstState(states);
    if (worst) byState[worst] += 1;
    if (worst === 'current' || worst === 'due_soon') covered += 1;
  }
  const percent = active.length > 0 && mandatory.length > 0 ? Math.floor((covered * 100) / active.length) : null;
  return {
    people: active.length,
    covered,
    percent,
    byState,
    perCourse: mandatory.map((c) => ({ courseId: c.id, trained: trained.get(c.id) ?? 0, people: active.length })),
  };
}
