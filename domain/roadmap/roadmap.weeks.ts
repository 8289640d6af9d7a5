/** The eight weeks of the plan, what each is for, and the calendar days of a plan (decision 032). */

export const ROADMAP_WEEKS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export type RoadmapWeek = (typeof ROADMAP_WEEKS)[number];

/** What a week is for; week 8 is the BSI registration in NIS2 scope and the review of the plan outside it. */
export type RoadmapPhase = 'inventory' | 'quick_wins' | 'documentation' | 'leadership' | 'registration';

export function roadmapPhase(week: RoadmapWeek): RoadmapPhase {
  if (week <= 2) return 'inventory';
  if (week <= 4) return 'quick_wins';
  if (week <= 6) return 'documentation';
  return week === 7 ? 'leadership' : 'registration';
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The calendar day `days` after `day` (both YYYY-MM-DD, no time zone involved). */
export function addDays(day: string, days: number): string {
  return dayOf(dayNumber(day) + days);
}

/** The Monday of the week that holds `day` (weeks start on Monday, ISO 8601). */
export function mondayOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** The default start of a plan: the first Monday on or after `today`. */
export function nextMonday(today: string): string {
  const monday = mondayOf(today);
  return monday === today ? today : addDays(monday, 7);
}

/**
 * The earliest Monday a plan may start on: eight weeks back, so that the current week is still one of its weeks. Items
 * added to a running plan take its start; their due dates are then at the earliest today (see scheduleRoadmap).
 */
export function earliestPlanStart(today: string): string {
  return addDays(mondayOf(today), -7 * (ROADMAP_WEEKS.length - 1));
}

/**
 * Where a new proposal starts by default: in the running plan when there is one (the latest acceptance's Monday, while
 * the current week is one of its eight), else on the next Monday.
 */
export function defaultPlanStart(today: string, runningStart: string | null): string {
  return runningStart !== null && mondayOf(runningStart) >= earliestPlanStart(today) ? mondayOf(runningStart) : nextMonday(today);
}

export interface PlanWeek {
  week: RoadmapWeek;
  /** Monday */
  startsOn: string;
  /** Friday: a practice's working week; the week's tasks are due then. */
  endsOn: string;
}

/** The eight weeks of a plan starting in the week of `startOn`, Monday to Friday. */
export function planWeeks(startOn: string): PlanWeek[] {
  const monday = mondayOf(startOn);
  return ROADMAP_WEEKS.map((week) => ({ week, startsOn: addDays(monday, 7 * (week - 1)), endsOn: addDays(monday, 7 * (week - 1) + 4) }));
}

/**
 * Default due dates: the end (Friday) of each item's week, the plan starting in the week of `startOn`. A due date
 * that would lie before `today` (a plan started earlier this week) is today.
 */
export function scheduleRoadmap<T extends { week: number }>(items: readonly T[], startOn: string, today?: string): (T & { dueOn: string })[] {
  const weeks = planWeeks(startOn);
  return items.map((item) => {
    const due = weeks[Math.min(Math.max(item.week, 1), 8) - 1]!.endsOn;
    return { ...item, dueOn: today !== undefined && due < today ? today : due };
  });
}
