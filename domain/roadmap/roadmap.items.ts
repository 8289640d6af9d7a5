import type { Role } from '../auth/roles.ts';
import { addCalendarMonths, trainingStanding } from '../management/management.ts';
import type { TaskLink } from '../tasks/tasks.schema.ts';
import type { Flagged, RoadmapInput } from './roadmap.ts';
import type { RoadmapWeek } from './roadmap.weeks.ts';

/**
 * The table of the 8-week plan (decision 032): every item the plan can propose, with its week, the role that usually
 * takes it on, its scope, the catalog ids it serves or cites, further legal sources, the rule that makes it needed and
 * the quick-check questions that ask about it (decision 032, addendum on the quick check).
 */

/** At most this many register records are linked to one task (the register page lists the rest). */
export const LINKED_RECORDS_MAX = 20;

/**
 * How long an awareness session counts as the kick-off: the KBV guideline leaves the interval to the practice
 * (Anlage 1 Nr. 10); the plan repeats awareness training yearly, as it does management training.
 */
export const AWARENESS_TRAINING_MONTHS = 12;

export type Scope = 'all' | 'nis2' | 'kbv_only';

export interface Need {
  /** Which to-do text: the default one, or a variant (`todoFlagged`, …) with the register's figures. */
  variant?: 'flagged' | 'noDirectors' | 'complete';
  params?: Record<string, number>;
  records?: readonly TaskLink[];
}

export interface Facts {
  input: RoadmapInput;
  nis2InScope: boolean;
  applicable: (id: string) => boolean;
  isOpen: (id: string) => boolean;
}

export interface ItemDefinition {
  key: string;
  week: RoadmapWeek;
  /** Stays at the top of its week whatever the quick check said: the checks that decide the plan's scope. */
  pinned?: boolean;
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
  /**
   * The quick-check questions (domain/quickcheck/questions.ts) that ask about what the task does. Their stored answers
   * word it as a confirmation or mark it as a known gap (roadmap.quickcheck.ts); an item with a "yes" to confirm has a
   * `todoConfirm` text.
   */
  asks?: readonly string[];
}

const kbvIds = (annex: number, ...numbers: number[]) => numbers.map((n) => `KBV-A${annex}-${String(n).padStart(2, '0')}`);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Whether one of `ids` applies and is not done. */
export const anyOpen = (f: Facts, ids: readonly string[] | undefined) => (ids ?? []).some((id) => f.isOpen(id));
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
    pinned: true,
    owner: 'management',
    scope: 'all',
    law: ['§ 28 BSIG'],
    need: (f) => (f.input.nis2 === null ? {} : null),
  },
  {
    key: 'check-kbv',
    week: 1,
    pinned: true,
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
    asks: ['leavers'],
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
    asks: ['admin_mfa'],
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
    asks: ['backup_daily', 'backup_offline'],
    serves: kbvIds(1, 21, 22, 23, 24),
    cites: ['BSIG-30-2-03'],
  },
  {
    key: 'phishing-kickoff',
    week: 3,
    owner: 'it_lead',
    scope: 'all',
    asks: ['staff_training'],
    serves: [...kbvIds(1, 9, 10, 41), 'KBV-A3-01'],
    cites: ['BSIG-30-2-07'],
    need: (f) => {
      const last = f.input.registers.lastAwarenessTrainingOn;
      const recent = last !== null && addCalendarMonths(last, AWARENESS_TRAINING_MONTHS) > f.input.today;
      return !recent && anyOpen(f, ['KBV-A1-09', 'KBV-A1-10', 'KBV-A1-41', 'KBV-A3-01']) ? {} : null;
    },
  },
  {
    key: 'backup-restore-test',
    week: 4,
    owner: 'it_lead',
    scope: 'all',
    asks: ['restore_tested'],
    serves: ['KBV-A1-25'],
    cites: ['BSIG-30-2-03', 'BSIG-30-2-06'],
  },
  {
    key: 'updates',
    week: 4,
    owner: 'it_lead',
    scope: 'all',
    asks: ['updates', 'unsupported_systems'],
    serves: kbvIds(1, 14, 15, 16, 17),
    cites: ['BSIG-30-2-05'],
  },
  { key: 'workstations', week: 4, owner: 'it_lead', scope: 'all', serves: kbvIds(1, 18, 19, 20, 27, 29), cites: ['BSIG-30-2-07'] },
  {
    key: 'access-rights',
    week: 4,
    owner: 'it_lead',
    scope: 'all',
    asks: ['everyday_accounts'],
    serves: ['KBV-A1-26', 'KBV-A1-28', 'KBV-A2-03', 'KBV-A2-04'],
    cites: ['BSIG-30-2-09'],
  },
  {
    key: 'network',
    week: 4,
    owner: 'it_lead',
    scope: 'all',
    asks: ['firewall', 'remote_access', 'admin_mfa'],
    serves: [...kbvIds(1, 11, 12, 13), 'KBV-A2-01', 'KBV-A3-02'],
  },
  { key: 'telematics', week: 4, owner: 'it_lead', scope: 'all', asks: ['ti_connector', 'ti_admin_data'], serves: kbvIds(5, ...range(1, 9)) },
  // Weeks 5–6: writing down what is lived.
  { key: 'security-policy', week: 5, owner: 'management', scope: 'nis2', serves: ['BSIG-30-2-01'], law: ['§ 30 Abs. 1 BSIG'] },
  {
    key: 'risk-register',
    week: 5,
    owner: 'management',
    scope: 'nis2',
    asks: ['risk_analysis'],
    serves: ['BSIG-30-2-01'],
    need: (f) => (f.input.registers.risks === 0 && f.isOpen('BSIG-30-2-01') ? {} : null),
  },
  { key: 'emergency-plan', week: 5, owner: 'management', scope: 'nis2', asks: ['emergency_plan'], serves: ['BSIG-30-2-03'], cites: ['BSIG-30-2-10'] },
  { key: 'staff-lifecycle', week: 5, owner: 'it_lead', scope: 'all', asks: ['leavers'], serves: kbvIds(1, 1, 2), cites: ['BSIG-30-2-09'] },
  { key: 'staff-rules', week: 5, owner: 'management', scope: 'all', serves: kbvIds(1, 3, 4, 5, 6, 7), cites: ['BSIG-30-2-09'] },
  {
    key: 'supplier-avv',
    week: 6,
    owner: 'data_protection_officer',
    scope: 'all',
    asks: ['supplier_contracts'],
    cites: ['KBV-A1-04', 'BSIG-30-2-04'],
    law: ['Art. 28 DSGVO'],
    need: (f) => (f.input.registers.suppliersWithoutAvv.count > 0 ? flagged('supplier', f.input.registers.suppliersWithoutAvv) : null),
  },
  {
    key: 'supplier-c5',
    week: 6,
    owner: 'it_lead',
    scope: 'all',
    asks: ['cloud_c5'],
    serves: ['KBV-A1-50'],
    law: ['§ 393 SGB V'],
    need: (f) => {
      const withoutC5 = f.input.registers.suppliersWithoutC5;
      if (withoutC5.count > 0) return flagged('supplier', withoutC5);
      return f.isOpen('KBV-A1-50') ? {} : null;
    },
  },
  { key: 'supplier-security', week: 6, owner: 'it_lead', scope: 'nis2', asks: ['supplier_contracts'], serves: ['BSIG-30-2-04'] },
  {
    key: 'incident-response',
    week: 6,
    owner: 'management',
    scope: 'nis2',
    asks: ['incident_reporting'],
    serves: ['BSIG-30-2-02'],
    cites: ['KBV-A2-01'],
    law: ['§ 32 BSIG', 'Art. 33 DSGVO'],
    need: (f) => (f.isOpen('BSIG-30-2-02') || !f.input.registers.escalationChainRecorded ? {} : null),
  },
  { key: 'encryption', week: 6, owner: 'it_lead', scope: 'all', serves: ['KBV-A1-49', 'KBV-A2-02', 'KBV-A3-03', 'BSIG-30-2-08'] },
  { key: 'procurement-vulnerabilities', week: 6, owner: 'it_lead', scope: 'nis2', serves: ['BSIG-30-2-05'] },
  // § 30 Abs. 2 Satz 2 Nr. 7 BSIG asks for regular, documented training beyond the kick-off of week 3.
  {
    key: 'training-programme',
    week: 6,
    owner: 'it_lead',
    scope: 'nis2',
    asks: ['staff_training'],
    serves: ['BSIG-30-2-07'],
    cites: ['KBV-A1-10', 'KBV-A3-01'],
  },
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
    asks: ['management_training'],
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
    asks: ['risk_analysis'],
    law: ['§ 38 Abs. 1 BSIG'],
    need: (f) => {
      const { directors } = f.input.registers;
      if (directors.length === 0) return {};
      const pending = directors.filter((d) => !d.hasApproval);
      return pending.length > 0 ? flagged('person', { count: pending.length, ids: pending.map((d) => d.personId) }) : null;
    },
  },
  { key: 'leadership-awareness', week: 7, owner: 'management', scope: 'kbv_only', asks: ['management_training'], serves: ['KBV-A1-08'] },
  // Week 8: registration and the cycle that follows.
  {
    key: 'bsi-registration',
    week: 8,
    owner: 'management',
    scope: 'nis2',
    asks: ['nis2_registration'],
    law: ['§ 33 BSIG'],
    need: (f) => (f.input.registers.registeredWithBsi ? null : {}),
  },
  { key: 'effectiveness-review', week: 8, owner: 'management', scope: 'nis2', serves: ['BSIG-30-2-06'] },
] as const satisfies readonly ItemDefinition[];

export type RoadmapKey = (typeof definitions)[number]['key'];
export const roadmapKeys = definitions.map((d) => d.key) as readonly RoadmapKey[] as [RoadmapKey, ...RoadmapKey[]];

/** The items a proposal can hold, for the tests and the texts: key, week, scope and the catalog ids they serve. */
export const roadmapDefinitions: readonly (Pick<ItemDefinition, 'week' | 'owner' | 'scope' | 'serves' | 'cites' | 'law' | 'asks' | 'pinned'> & {
  key: RoadmapKey;
})[] = definitions;

/** The table with its rules, for the generator. */
export const itemDefinitions: readonly ItemDefinition[] = definitions;
