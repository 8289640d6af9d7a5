import type { Role } from '../auth/roles.ts';
import { isDone } from '../compliance/progress.ts';
import type { RequirementStatus } from '../compliance/requirement-status.schema.ts';
import { assessRequirement, type OrganisationProfile } from '../kbv/applicability.ts';
import { kbvRequirements } from '../kbv/requirements.data.ts';
import { nis2Measures } from '../nis2/measures.data.ts';
import type { Nis2Category } from '../nis2/nis2-check.schema.ts';
import type { TaskLink } from '../tasks/tasks.schema.ts';
import { anyOpen, type Facts, itemDefinitions, type RoadmapKey, type Scope } from './roadmap.items.ts';
import { type QuickCheckFacts, quickCheckOutcome, type RoadmapQuickCheck, usableAnswers, weekRank } from './roadmap.quickcheck.ts';
import type { RoadmapWeek } from './roadmap.weeks.ts';

export {
  AWARENESS_TRAINING_MONTHS,
  LINKED_RECORDS_MAX,
  type RoadmapKey,
  roadmapDefinitions,
  roadmapKeys,
} from './roadmap.items.ts';
export { quickCheckLineKey, type RoadmapQuickCheck, roadmapTitle } from './roadmap.quickcheck.ts';
export {
  addDays,
  defaultPlanStart,
  earliestPlanStart,
  mondayOf,
  nextMonday,
  type PlanWeek,
  planWeeks,
  ROADMAP_WEEKS,
  type RoadmapPhase,
  type RoadmapWeek,
  roadmapPhase,
  scheduleRoadmap,
} from './roadmap.weeks.ts';

/**
 * The 8-week plan (issue 11): from the stored Betroffenheitscheck, the catalog statuses and what the registers flag,
 * the app proposes concrete tasks in eight weeks and leaves out what is already done. The weeks follow the usual
 * order for an outpatient practice: weeks 1–2 take stock (scope, IT, suppliers, people and their accounts), weeks
 * 3–4 close the gaps that are cheap and effective (MFA on administrator accounts, backups with an offline copy, a
 * phishing kick-off for everyone), weeks 5–6 write down what is lived (security policy, emergency plan, supplier
 * register with processor agreements, risk register, incident path with the escalation chain), week 7 trains
 * management (§ 38 Abs. 3 BSIG) and week 8 registers with the BSI (§ 33 BSIG). An organisation outside NIS2 gets the
 * KBV-only plan: no task under §§ 30, 33 or 38 BSIG, the KBV annexes as they apply to it (§ 390 SGB V).
 * See docs/decisions/032-roadmap.md.
 */

/** Register records a warning names (people, suppliers): how many, and the first ones to link. */
export interface Flagged {
  count: number;
  ids: readonly string[];
}

export interface DirectorFacts {
  personId: string;
  /** Day of the last § 38 Abs. 3 training (YYYY-MM-DD), or null. */
  lastTrainingOn: string | null;
  /** Whether the director has approved the measures at least once (§ 38 Abs. 1 BSIG). */
  hasApproval: boolean;
}

/** What the registers hold and flag, counted by the database. */
export interface RegisterFacts {
  assets: number;
  suppliers: number;
  /** People in the register who have not left. */
  people: number;
  /** Accounts, cards and keys recorded for people. */
  accounts: number;
  risks: number;
  /** People who have left and still hold an active account (KBV Anlage 1 Nr. 2). */
  leaversWithAccess: Flagged;
  /** People holding an active administrator account without multi-factor authentication. */
  adminsWithoutMfa: Flagged;
  /** Suppliers with access to patient data and no settled processor agreement (Art. 28 DSGVO). */
  suppliersWithoutAvv: Flagged;
  /** Cloud services with health data and no current C5 attestation (§ 393 SGB V). */
  suppliersWithoutC5: Flagged;
  /** Day of the last session of a phishing or social-engineering course (YYYY-MM-DD), or null. */
  lastAwarenessTrainingOn: string | null;
  /** The current managing directors in the people register. */
  directors: readonly DirectorFacts[];
  /** The § 33 BSIG registration is ticked as done in the portal. */
  registeredWithBsi: boolean;
  /** An escalation chain for incidents is recorded (registration page). */
  escalationChainRecorded: boolean;
}

export interface RoadmapInput {
  /** The practice's calendar day (Europe/Berlin), YYYY-MM-DD. */
  today: string;
  /** The newest NIS2 check: null when none was run. */
  nis2: { category: Nis2Category } | null;
  /** The KBV profile of the newest KBV check (all annexes when none was run, as the catalog shows them). */
  kbv: OrganisationProfile & { assessed: boolean };
  /** The organisation's status per catalog id (done at every location counts as done); a missing id is open. */
  statuses: Readonly<Record<string, RequirementStatus>>;
  registers: RegisterFacts;
  /** The quick-check answers carried over at setup (decision 030), or none: they word tasks, never add or drop one. */
  quickCheck?: QuickCheckFacts | null;
}

/** One proposed task. Texts are locale keys (client/locales, section roadmap.items) with their parameters. */
export interface RoadmapItem {
  key: RoadmapKey;
  week: RoadmapWeek;
  ownerRole: Role;
  /** Locale keys of the title, the plain-language reason and the concrete to-do. */
  text: { title: string; why: string; todo: string };
  params: Record<string, number>;
  /** Legal sources the task serves, e.g. "KBV-IT-Sicherheitsrichtlinie (2025), Anlage 1 Nr. 21–24" or "§ 33 BSIG". */
  citations: string[];
  /** The catalog requirements it serves (those open, else those that apply). */
  requirementIds: string[];
  /** What the task serves: its requirements and, where a register flags them, the records concerned. */
  links: TaskLink[];
  /** What the quick check said about it: confirm (answered "yes"), a known gap ("no"), or contradicted by a register. */
  quickCheck: RoadmapQuickCheck | null;
}

const kbvById = new Map(kbvRequirements.map((r) => [r.id, r]));
const nis2ById = new Map(nis2Measures.map((m) => [m.id, m]));

/** The KBV requirements as citations, grouped by annex with ranges: "…, Anlage 1 Nr. 21–24, 30". */
export function kbvCitations(ids: readonly string[]): string[] {
  const byAnnex = new Map<number, number[]>();
  for (const id of ids) {
    const requirement = kbvById.get(id);
    if (!requirement) continue;
    byAnnex.set(requirement.annex, [...(byAnnex.get(requirement.annex) ?? []), requirement.number]);
  }
  return [...byAnnex.entries()]
    .sort(([a], [b]) => a - b)
    .map(([annex, numbers]) => `KBV-IT-Sicherheitsrichtlinie (2025), Anlage ${annex} Nr. ${numberRanges(numbers)}`);
}

function numberRanges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i]!;
    parts.push(end >= start + 2 ? `${start}–${end}` : end === start + 1 ? `${start}, ${end}` : `${start}`);
  }
  return parts.join(', ');
}

function citationsOf(ids: readonly string[], law: readonly string[]): string[] {
  const nis2 = ids.flatMap((id) => nis2ById.get(id)?.legalBasis ?? []);
  return [...kbvCitations(ids.filter((id) => kbvById.has(id))), ...nis2, ...law];
}

/** Whether the organisation is an important or particularly important entity by its newest NIS2 check (§ 28 BSIG). */
export function isInNis2Scope(nis2: RoadmapInput['nis2']): boolean {
  return nis2 !== null && nis2.category !== 'not_affected';
}

function factsOf(input: RoadmapInput): Facts {
  const nis2InScope = isInNis2Scope(input.nis2);
  const kbvApplicable = new Map(kbvRequirements.map((r) => [r.id, assessRequirement(r, input.kbv, input.today).applicable]));
  // Before the NIS2 check nothing under the BSIG is planned: the first task is the check itself (decision 032).
  const applicable = (id: string) => (nis2ById.has(id) ? nis2InScope : (kbvApplicable.get(id) ?? false));
  return {
    input,
    nis2InScope,
    applicable,
    isOpen: (id) => applicable(id) && !isDone(input.statuses[id] ?? 'open'),
  };
}

function inScope(scope: Scope, nis2InScope: boolean): boolean {
  if (scope === 'nis2') return nis2InScope;
  if (scope === 'kbv_only') return !nis2InScope;
  return true;
}

const capitalised = (variant: string) => variant[0]!.toUpperCase() + variant.slice(1);

/**
 * The tasks the plan proposes, by week and in a fixed order within a week. An item is left out when its scope does
 * not fit (NIS2-only items outside NIS2, the KBV-only item inside it), when what it serves is done (implemented or
 * not applicable in the catalog) or does not apply (annex or target object), or when the register it fills is no
 * longer empty or no longer flags anything. Everything done gives an empty list. The quick-check answers never add or
 * drop an item nor change its key or week: they word it as a confirmation, or put a known gap first in its week
 * (roadmap.quickcheck.ts).
 */
export function proposeRoadmap(input: RoadmapInput): RoadmapItem[] {
  const facts = factsOf(input);
  const answers = usableAnswers(input.quickCheck);
  const items: (RoadmapItem & { rank: number; order: number })[] = [];
  itemDefinitions.forEach((definition, order) => {
    if (!inScope(definition.scope, facts.nis2InScope)) return;
    const need = definition.need ? definition.need(facts) : anyOpen(facts, definition.serves) ? {} : null;
    if (!need) return;
    const served = (definition.serves ?? []).filter(facts.applicable);
    const open = served.filter(facts.isOpen);
    const cited = (definition.cites ?? []).filter(facts.applicable);
    const requirementIds = [...new Set([...(open.length > 0 ? open : served), ...cited])];
    const quickCheck = quickCheckOutcome(definition.asks, answers, open, need.variant);
    const base = `roadmap.items.${definition.key}`;
    const confirm = quickCheck?.outcome === 'confirm';
    items.push({
      key: definition.key as RoadmapKey,
      week: definition.week,
      ownerRole: definition.owner,
      text: {
        title: `${base}.title`,
        why: `${base}.why`,
        todo: confirm ? `${base}.todoConfirm` : need.variant ? `${base}.todo${capitalised(need.variant)}` : `${base}.todo`,
      },
      params: need.params ?? {},
      citations: citationsOf(requirementIds, definition.law ?? []),
      requirementIds,
      links: [...requirementIds.map((targetId) => ({ kind: 'requirement' as const, targetId })), ...(need.records ?? [])],
      quickCheck,
      rank: weekRank(definition.pinned, quickCheck),
      order,
    });
  });
  return items.sort((a, b) => a.week - b.week || a.rank - b.rank || a.order - b.order).map(({ rank: _rank, order: _order, ...item }) => item);
}
