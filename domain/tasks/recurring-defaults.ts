import type { TaskLink, TaskRhythm } from './tasks.schema.ts';

/**
 * The built-in recurring tasks every organisation starts with: the cycle that follows the 8-week roadmap. Their title
 * and description are locale keys (tasks.builtIn.<key>.title / .description in client/locales), so they read in the
 * reader's language until the organisation writes its own; rhythm, active flag, default owner and links can be changed
 * per organisation (task_templates, migration 0031). The id is the same in every organisation, so that a built-in
 * template needs no row until it is changed.
 */
export interface BuiltInTemplate {
  id: string;
  key: BuiltInTemplateKey;
  rhythm: TaskRhythm;
  /** The source of the duty and of the rhythm, shown beside the template. */
  source: string;
  links: readonly TaskLink[];
}

export const builtInTemplateKeys = [
  'risk_register',
  'emergency_plan',
  'phishing_simulation',
  'tabletop_exercise',
  'external_assessment',
  'management_training',
  'restore_test',
] as const;
export type BuiltInTemplateKey = (typeof builtInTemplateKeys)[number];

const requirement = (targetId: string): TaskLink => ({ kind: 'requirement', targetId });

export const builtInTemplates: readonly BuiltInTemplate[] = [
  {
    // Seed article: "quarterly updates to the risk register"; § 30 Abs. 2 Satz 2 Nr. 1 BSIG (risk analysis).
    id: '7a5c0000-0000-4000-8000-000000000001',
    key: 'risk_register',
    rhythm: 'quarterly',
    source: '§ 30 Abs. 2 Satz 2 Nr. 1 BSIG',
    links: [requirement('BSIG-30-2-01')],
  },
  {
    // Seed article: quarterly update of the emergency plan; § 30 Abs. 2 Satz 2 Nr. 3 BSIG (business continuity).
    id: '7a5c0000-0000-4000-8000-000000000002',
    key: 'emergency_plan',
    rhythm: 'quarterly',
    source: '§ 30 Abs. 2 Satz 2 Nr. 3 BSIG',
    links: [requirement('BSIG-30-2-03')],
  },
  {
    // Seed article: annual phishing simulation; § 30 Abs. 2 Satz 2 Nr. 7 BSIG, KBV Anlage 1 Nr. 10 (awareness).
    id: '7a5c0000-0000-4000-8000-000000000003',
    key: 'phishing_simulation',
    rhythm: 'yearly',
    source: '§ 30 Abs. 2 Satz 2 Nr. 7 BSIG, KBV Anlage 1 Nr. 10',
    links: [requirement('BSIG-30-2-07'), requirement('KBV-A1-10')],
  },
  {
    // Seed article: tabletop exercise at least once a year; § 30 Abs. 2 Satz 2 Nr. 2 and 3 BSIG.
    id: '7a5c0000-0000-4000-8000-000000000004',
    key: 'tabletop_exercise',
    rhythm: 'yearly',
    source: '§ 30 Abs. 2 Satz 2 Nr. 2 und 3 BSIG',
    links: [requirement('BSIG-30-2-02'), requirement('BSIG-30-2-03')],
  },
  {
    // Seed article: external assessment of the measures every two years; § 30 Abs. 2 Satz 2 Nr. 6 BSIG (effectiveness).
    id: '7a5c0000-0000-4000-8000-000000000005',
    key: 'external_assessment',
    rhythm: 'biennial',
    source: '§ 30 Abs. 2 Satz 2 Nr. 6 BSIG',
    links: [requirement('BSIG-30-2-06')],
  },
  {
    // § 38 Abs. 3 BSIG: management takes part in training regularly; yearly, as domain/management counts it.
    id: '7a5c0000-0000-4000-8000-000000000006',
    key: 'management_training',
    rhythm: 'yearly',
    source: '§ 38 Abs. 3 BSIG',
    links: [requirement('KBV-A1-08')],
  },
  {
    // KBV Anlage 1 Nr. 25: restoring from the backups is tested regularly; yearly is our default, the practice may
    // shorten it. § 30 Abs. 2 Satz 2 Nr. 3 BSIG names backup management and recovery.
    id: '7a5c0000-0000-4000-8000-000000000007',
    key: 'restore_test',
    rhythm: 'yearly',
    source: 'KBV Anlage 1 Nr. 25, § 30 Abs. 2 Satz 2 Nr. 3 BSIG',
    links: [requirement('KBV-A1-25'), requirement('BSIG-30-2-03')],
  },
];

export const builtInTemplatesById: ReadonlyMap<string, BuiltInTemplate> = new Map(builtInTemplates.map((t) => [t.id, t]));
export const builtInTemplatesByKey: ReadonlyMap<string, BuiltInTemplate> = new Map(builtInTemplates.map((t) => [t.key, t]));
