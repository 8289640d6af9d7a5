import { type RoadmapKey, type RoadmapWeek, roadmapDefinitions } from '../roadmap/roadmap.ts';

/**
 * Where a requirement fits in the 8-week plan (issue 12), derived from the plan's items (domain/roadmap/roadmap.ts,
 * decision 032). Kept apart from the guidance data so that the browser app can format weeks without loading it.
 */

/**
 * Plan items whose task goes on after the eight weeks: the plan repeats awareness and management training yearly
 * (AWARENESS_TRAINING_MONTHS, § 38 Abs. 3 BSIG "regelmäßig"), the training programme sets the yearly rhythm, and the
 * effectiveness review of week 8 is the cycle that follows the plan (§ 30 Abs. 2 Satz 2 Nr. 6 BSIG).
 */
const RECURRING_ITEMS: ReadonlySet<RoadmapKey> = new Set<RoadmapKey>(['phishing-kickoff', 'training-programme', 'management-training', 'effectiveness-review']);

/** One plan item that names the requirement: `serves` (an open status makes the task needed) or only `cites` it. */
export interface RoadmapFitItem {
  key: RoadmapKey;
  week: RoadmapWeek;
  role: 'serves' | 'cites';
}

/**
 * The items that serve the requirement, then those that only cite it, each by week; `weeks` are the weeks of the
 * serving items (of the citing ones when none serves); `recurring` when one of its items goes on after the eight
 * weeks. `inPlan` false: no item names it ("not in the 8 weeks").
 */
export interface RoadmapFit {
  inPlan: boolean;
  weeks: RoadmapWeek[];
  items: RoadmapFitItem[];
  recurring: boolean;
}

export function roadmapFitOf(requirementId: string): RoadmapFit {
  const named = (role: RoadmapFitItem['role']) =>
    roadmapDefinitions
      .filter((d) => (role === 'serves' ? d.serves : d.cites)?.includes(requirementId))
      .map((d) => ({ key: d.key, week: d.week, role }))
      .sort((a, b) => a.week - b.week);
  const serving = named('serves');
  const citing = named('cites');
  const items = [...serving, ...citing];
  const weeks = [...new Set((serving.length > 0 ? serving : citing).map((i) => i.week))].sort((a, b) => a - b);
  return { inPlan: items.length > 0, weeks, items, recurring: items.some((i) => RECURRING_ITEMS.has(i.key)) };
}

/** Weeks as people write them: "3", "3–4", "1, 4–6". */
export function weekRanges(weeks: readonly number[]): string {
  const sorted = [...new Set(weeks)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] as number;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i] as number;
    parts.push(end === start ? `${start}` : `${start}–${end}`);
  }
  return parts.join(', ');
}
