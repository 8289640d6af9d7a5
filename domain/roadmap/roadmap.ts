import type { Role } from '../auth/roles.ts';
import { isDone } from '../compliance/progress.ts';
import type { RequirementStatus } from '../compliance/requirement-status.schema.ts';
import { assessRequirement, type OrganisationProfile } from '../kbv/applicability.ts';
import { kbvRequirements } from '../kbv/requirements.data.ts';
import { addCalendarMonths, trainingStanding } from '../management/management.ts';
import { nis2Measures } from '../nis2/measures.data.ts';
import type { Nis2Category } from '../nis2/nis2-check.schema.ts';
import type { TaskLink } from '../tasks/tasks.schema.ts';

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

/** At most this many register records are linked to one task (the register page lists the rest). */
export const LINKED_RECORDS_MAX = 20;

/**
 * How long an awareness session counts as the kick-off: the KBV guideline leaves the interval to the practice
 * (Anlage 1 Nr. 10); the plan repeats awareness training yearly, as it does management training.
 */
export const AWARENESS_TRAINING_MONTHS = 12;

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
}

type Scope = 'all' | 'nis2' | 'kbv_only';

interface Need {
  /** Which to-do text: the default one, or a variant (`todoFlagged`, …) with the register's figures. */
  variant?: 'flagged' | 'noDirectors' | 'complete';
  params?: Record<string, number>;
  records?: readonly TaskLink[];
}

interface Facts {
  input: RoadmapInput;
  nis2InScope: boolean;
  applicable: (id: string) => boolean;
  isOpen: (id: string) => boolean;
}

interface ItemDefinition {
  key: string;
  week: RoadmapWeek;
  /** Who usually takes it on; the page preselects the first member with this role. */
  owner: Role;
  scope: Scope;
  /** Catalog ids whose open status makes the task needed (unless `need` says otherwise); cited and linked. */
  serves?: readonly string[];
  /** Catalog ids cited and linked when they apply, without making the task needed. */
  cites?: readonly string[];
  /** Legal sources outside the catalog. */
  law?: readonly string[];
  /** Whether the task is needed; by default when one of `serves` applies and is not done. */
  need?: (facts: Facts) => Need | null;
}

const kbvIds = (annex: number, ...numbers: number[]) => numbers.map((n) => `KBV-A${annex}-${String(n).padStart(2, '0')}`);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const anyOpen = (f: Facts, ids: readonly string[] | undefined) => (ids ?? []).some((id) => f.isOpen(id));
const flagged = (kind: TaskLink['kind'], list: Flagged): Need => ({
  variant: 'flagged',
  params: { n: list.count },
  records: list.ids.slice(0, LINKED_RECORDS_MAX).map((targetId) => ({ kind, targetId })),
});

/**
 * The items the plan can propose, in the order they are shown within a week. Every KBV requirement and every § 30
 * measure is served by at least one item (domain/roadmap/roadmap.test.ts checks it), so that nothing the catalog
 * shows open is left out of the plan; several requirements of one topic make one task.
 */
const definitions = [
  // Weeks 1–2: taking stock.
  {
    key: 'check-nis2',
    week: 1,
    owner: 'management',
    scope: 'all',
    law: ['§ 28 BSIG'],
    need: (f) => (f.input.nis2 === null ? {} : null),
  },
  {
    key: 'check-kbv',
    week: 1,
    owner: 'management',
    scope: 'all',
    law: ['§ 390 SGB V', 'KBV-IT-Sicherheitsrichtlinie (2025), Praxisgrößen'],
    need: (f) => (f.input.kbv.assessed ? null : {}),
  },
  {
    key: 'leavers-access',
    week: 1,
    owner: 'it_lead',
    scope: 'all',
    serves: ['KBV-A1-02'],
    cites: ['KBV-A4-05', 'BSIG-30-2-09'],
    need: (f) => (f.input.registers.leaversWithAccess.count > 0 ? flagged('person', f.input.registers.leaversWithAccess) : null),
  },
  {
    key: 'inventory-assets',
    week: 1,
    owner: 'it_lead',
    scope: 'all',
    // § 30 Abs. 2 Satz 2 Nr. 9 BSIG: asset management is what the measure asks beyond its KBV part.
    serves: ['BSIG-30-2-09'],
    cites: ['KBV-A1-12'],
    need: (f) => {
      if (f.input.registers.assets === 0) return {};
      return f.isOpen('BSIG-30-2-09') ? { variant: 'complete' } : null;
    },
  },
  {
    key: 'inventory-suppliers',
    week: 2,
    owner: 'it_lead',
    scope: 'all',
    cites: ['KBV-A1-50', 'BSIG-30-2-04'],
    law: ['Art. 28 DSGVO'],
    need: (f) => (f.input.registers.suppliers === 0 ? {} : null),
  },
  {
    key: 'inventory-people',
    week: 2,
    owner: 'it_lead',
    scope: 'all',
    cites: ['KBV-A1-01', 'KBV-A1-02', 'BSIG-30-2-09'],
    need: (f) => (f.input.registers.people === 0 ? {} : null),
  },
  {
    key: 'inventory-accounts',
    week: 2,
    owner: 'it_lead',
    scope: 'all',
    cites: ['KBV-A1-26', 'KBV-A2-03', 'BSIG-30-2-09'],
    need: (f) => (f.input.registers.accounts === 0 ? {} : null),
  },
  // Weeks 3–4: quick wins.
  {
    key: 'mfa-admins',
    week: 3,
    owner: 'it_lead',
    scope: 'all',
    serves: ['BSIG-30-2-10'],
    // The KBV guideline has no general MFA duty (see BSIG-30-2-10 in measures.data.ts); outside NIS2 the state of the
    // art under Art. 32 DSGVO is what asks for it.
    law: ['Art. 32 DSGVO'],
    need: (f) => {
      const { adminsWithoutMfa, accounts } = f.input.registers;
      if (adminsWithoutMfa.count > 0) return flagged('person', adminsWithoutMfa);
      // Nothing recorded yet: in NIS2 scope the measure is proposed as such; outside, the accounts come first.
      return accounts === 0 && f.isOpen('BSIG-30-2-10') ? {} : null;
    },
  },
  {
    key: 'backup-321',
    week: 3,
    owner: 'it_lead',
    scope: 'all',
    serves: kbvIds(1, 21, 22, 23, 24),
    cites: ['BSIG-30-2-03'],
  },
  {
    key: 'phishing-kickoff',
    week: 3,
    owner: 'it_lead',
    scope: 'all',
    serves: [...kbvIds(1, 9, 10, 41), 'KBV-A3-01'],
    cites: ['BSIG-30-2-07'],
    need: (f) => {
      const last = f.input.registers.lastAwarenessTrainingOn;
      const recent = last !== null && addCalendarMonths(last, AWARENESS_TRAINING_MONTHS) > f.input.today;
      return !recent && anyOpen(f, ['KBV-A1-09', 'KBV-A1-10', 'KBV-A1-41', 'KBV-A3-01']) ? {} : null;
    },
  },
  { key: 'backup-restore-test', week: 4, owner: 'it_lead', scope: 'all', serves: ['KBV-A1-25'], cites: ['BSIG-30-2-03', 'BSIG-30-2-06'] },
  { key: 'updates', week: 4, owner: 'it_lead', scope: 'all', serves: kbvIds(1, 14, 15, 16, 17), cites: ['BSIG-30-2-05'] },
  { key: 'workstations', week: 4, owner: 'it_lead', scope: 'all', serves: kbvIds(1, 18, 19, 20, 27, 29), cites: ['BSIG-30-2-07'] },
  { key: 'access-rights', week: 4, owner: 'it_lead', scope: 'all', serves: ['KBV-A1-26', 'KBV-A1-28', 'KBV-A2-03', 'KBV-A2-04'], cites: ['BSIG-30-2-09'] },
  { key: 'network', week: 4, owner: 'it_lead', scope: 'all', serves: [...kbvIds(1, 11, 12, 13), 'KBV-A2-01', 'KBV-A3-02'] },
  { key: 'telematics', week: 4, owner: 'it_lead', scope: 'all', serves: kbvIds(5, ...range(1, 9)) },
  // Weeks 5–6: writing down what is lived.
  { key: 'security-policy', week: 5, owner: 'management', scope: 'nis2', serves: ['BSIG-30-2-01'], law: ['§ 30 Abs. 1 BSIG'] },
  {
    key: 'risk-register',
    week: 5,
    owner: 'management',
    scope: 'nis2',
    serves: ['BSIG-30-2-01'],
    need: (f) => (f.input.registers.risks === 0 && f.isOpen('BSIG-30-2-01') ? {} : null),
  },
  { key: 'emergency-plan', week: 5, owner: 'management', scope: 'nis2', serves: ['BSIG-30-2-03'], cites: ['BSIG-30-2-10'] },
  { key: 'staff-lifecycle', week: 5, owner: 'it_lead', scope: 'all', serves: kbvIds(1, 1, 2), cites: ['BSIG-30-2-09'] },
  { key: 'staff-rules', week: 5, owner: 'management', scope: 'all', serves: kbvIds(1, 3, 4, 5, 6, 7), cites: ['BSIG-30-2-09'] },
  {
    key: 'supplier-avv',
    week: 6,
    owner: 'data_protection_officer',
    scope: 'all',
    cites: ['KBV-A1-04', 'BSIG-30-2-04'],
    law: ['Art. 28 DSGVO'],
    need: (f) => (f.input.registers.suppliersWithoutAvv.count > 0 ? flagged('supplier', f.input.registers.suppliersWithoutAvv) : null),
  },
  {
    key: 'supplier-c5',
    week: 6,
    owner: 'it_lead',
    scope: 'all',
    serves: ['KBV-A1-50'],
    law: ['§ 393 SGB V'],
    need: (f) => {
      const withoutC5 = f.input.registers.suppliersWithoutC5;
      if (withoutC5.count > 0) return flagged('supplier', withoutC5);
      return f.isOpen('KBV-A1-50') ? {} : null;
    },
  },
  { key: 'supplier-security', week: 6, owner: 'it_lead', scope: 'nis2', serves: ['BSIG-30-2-04'] },
  {
    key: 'incident-response',
    week: 6,
    owner: 'management',
    scope: 'nis2',
    serves: ['BSIG-30-2-02'],
    cites: ['KBV-A2-01'],
    law: ['§ 32 BSIG', 'Art. 33 DSGVO'],
    need: (f) => (f.isOpen('BSIG-30-2-02') || !f.input.registers.escalationChainRecorded ? {} : null),
  },
  { key: 'encryption', week: 6, owner: 'it_lead', scope: 'all', serves: ['KBV-A1-49', 'KBV-A2-02', 'KBV-A3-03', 'BSIG-30-2-08'] },
  { key: 'procurement-vulnerabilities', week: 6, owner: 'it_lead', scope: 'nis2', serves: ['BSIG-30-2-05'] },
  // § 30 Abs. 2 Satz 2 Nr. 7 BSIG asks for regular, documented training beyond the kick-off of week 3.
  { key: 'training-programme', week: 6, owner: 'it_lead', scope: 'nis2', serves: ['BSIG-30-2-07'], cites: ['KBV-A1-10', 'KBV-A3-01'] },
  {
    key: 'mobile-devices',
    week: 6,
    owner: 'it_lead',
    scope: 'all',
    serves: [...kbvIds(1, ...range(30, 35), 42, 43, 44), ...kbvIds(2, 5, 6, 7, 8, 10)],
  },
  { key: 'mobile-management', week: 6, owner: 'it_lead', scope: 'all', serves: kbvIds(3, ...range(4, 12)) },
  { key: 'removable-media', week: 6, owner: 'it_lead', scope: 'all', serves: [...kbvIds(1, 36, 37, 38, 39), 'KBV-A2-09', 'KBV-A3-13', 'KBV-A3-14'] },
  { key: 'email', week: 6, owner: 'it_lead', scope: 'all', serves: ['KBV-A1-40', ...kbvIds(3, 15, 16, 17)] },
  { key: 'web-applications', week: 6, owner: 'it_lead', scope: 'all', serves: kbvIds(1, 45, 46, 47, 48) },
  { key: 'medical-devices', week: 6, owner: 'it_lead', scope: 'all', serves: kbvIds(4, ...range(1, 6)) },
  // Week 7: management.
  {
    key: 'management-training',
    week: 7,
    owner: 'management',
    scope: 'nis2',
    cites: ['KBV-A1-08'],
    law: ['§ 38 Abs. 3 BSIG'],
    need: (f) => {
      const { directors } = f.input.registers;
      if (directors.length === 0) return { variant: 'noDirectors' };
      const untrained = directors.filter((d) => {
        const state = trainingStanding(d.lastTrainingOn, f.input.today).state;
        return state === 'missing' || state === 'lapsed';
      });
      return untrained.length > 0 ? flagged('person', { count: untrained.length, ids: untrained.map((d) => d.personId) }) : null;
    },
  },
  {
    key: 'management-approval',
    week: 7,
    owner: 'management',
    scope: 'nis2',
    law: ['§ 38 Abs. 1 BSIG'],
    need: (f) => {
      const { directors } = f.input.registers;
      if (directors.length === 0) return {};
      const pending = directors.filter((d) => !d.hasApproval);
      return pending.length > 0 ? flagged('person', { count: pending.length, ids: pending.map((d) => d.personId) }) : null;
    },
  },
  { key: 'leadership-awareness', week: 7, owner: 'management', scope: 'kbv_only', serves: ['KBV-A1-08'] },
  // Week 8: registration and the cycle that follows.
  {
    key: 'bsi-registration',
    week: 8,
    owner: 'management',
    scope: 'nis2',
    law: ['§ 33 BSIG'],
    need: (f) => (f.input.registers.registeredWithBsi ? null : {}),
  },
  { key: 'effectiveness-review', week: 8, owner: 'management', scope: 'nis2', serves: ['BSIG-30-2-06'] },
] as const satisfies readonly ItemDefinition[];

export type RoadmapKey = (typeof definitions)[number]['key'];
export const roadmapKeys = definitions.map((d) => d.key) as readonly RoadmapKey[] as [RoadmapKey, ...RoadmapKey[]];

/** The items a proposal can hold, for the tests and the texts: key, week, scope and the catalog ids they serve. */
export const roadmapDefinitions: readonly (Pick<ItemDefinition, 'week' | 'owner' | 'scope' | 'serves' | 'cites' | 'law'> & { key: RoadmapKey })[] = definitions;

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
 * longer empty or no longer flags anything. Everything done gives an empty list.
 */
export function proposeRoadmap(input: RoadmapInput): RoadmapItem[] {
  const facts = factsOf(input);
  const items: RoadmapItem[] = [];
  for (const definition of definitions as readonly ItemDefinition[]) {
    if (!inScope(definition.scope, facts.nis2InScope)) continue;
    const need = definition.need ? definition.need(facts) : anyOpen(facts, definition.serves) ? {} : null;
    if (!need) continue;
    const served = (definition.serves ?? []).filter(facts.applicable);
    const open = served.filter(facts.isOpen);
    const cited = (definition.cites ?? []).filter(facts.applicable);
    const requirementIds = [...new Set([...(open.length > 0 ? open : served), ...cited])];
    const base = `roadmap.items.${definition.key}`;
    items.push({
      key: definition.key as RoadmapKey,
      week: definition.week,
      ownerRole: definition.owner,
      text: { title: `${base}.title`, why: `${base}.why`, todo: need.variant ? `${base}.todo${capitalised(need.variant)}` : `${base}.todo` },
      params: need.params ?? {},
      citations: citationsOf(requirementIds, definition.law ?? []),
      requirementIds,
      links: [...requirementIds.map((targetId) => ({ kind: 'requirement' as const, targetId })), ...(need.records ?? [])],
    });
  }
  return items.sort((a, b) => a.week - b.week);
}

// ---- dates -------------------------------------------------------------------------------------------------------

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
