import type { LegalSource } from '../kbv/explanation.ts';
import { kbvRequirements } from '../kbv/requirements.data.ts';
import { nis2Measures } from '../nis2/measures.data.ts';

/**
 * The quick check ("Schnellcheck"): twenty plain questions on the measures that decide most of a practice's IT
 * security, answered without an account in about half an hour. The questions are versioned data with stable ids; a
 * stored answer set names its version. Question texts, hints and the next step of each question live in the locale
 * files under quickCheck.question.<id> (German and English). See docs/decisions/030-quick-check.md for the choice.
 */
export const QUICK_CHECK_VERSION = '2026-1';

/** The levers the questions are grouped by, in the order the page shows them. */
export const quickCheckLevers = ['access', 'backup', 'updates', 'ti', 'suppliers', 'training', 'emergency', 'governance'] as const;
export type QuickCheckLever = (typeof quickCheckLevers)[number];

/** "Don't know" counts as a gap: a backup nobody can vouch for protects no better than none. */
export const quickCheckAnswers = ['yes', 'partly', 'no', 'unknown', 'not_applicable'] as const;
export type QuickCheckAnswer = (typeof quickCheckAnswers)[number];

export interface QuickCheckQuestion {
  /** Stable id, also the locale key quickCheck.question.<id>. */
  id: string;
  lever: QuickCheckLever;
  /**
   * 3: stops or recovers from the attacks that hit practices most (stolen admin or remote access, ransomware without a
   * usable backup, unpatched systems, no plan); 2: a duty of the guideline or the BSIG with a real risk behind it;
   * 1: supporting measures.
   */
  weight: 1 | 2 | 3;
  /** Offers "trifft nicht zu" (no remote access, no TI connector, no cloud service). */
  allowsNotApplicable: boolean;
  /** Catalog ids (KBV-A… of the KBV guideline, BSIG-30-2-… of § 30 Abs. 2 BSIG) the question asks about. */
  requirementIds: readonly string[];
  /** Further provisions the question rests on, cited in the next step. */
  otherSources: readonly LegalSource[];
}

const BSIG = (section: number) => `https://www.gesetze-im-internet.de/bsig_2025/__${section}.html`;
const GDPR_URL = 'https://eur-lex.europa.eu/eli/reg/2016/679/oj/eng';

const sources = {
  bsig28: { citation: '§ 28 BSIG', url: BSIG(28) },
  bsig32: { citation: '§ 32 BSIG', url: BSIG(32) },
  bsig33: { citation: '§ 33 BSIG', url: BSIG(33) },
  bsig38Approval: { citation: '§ 38 Abs. 1 BSIG', url: BSIG(38) },
  bsig38Training: { citation: '§ 38 Abs. 3 BSIG', url: BSIG(38) },
  gdpr28: { citation: 'Art. 28 DSGVO', url: GDPR_URL },
  gdpr33: { citation: 'Art. 33 DSGVO', url: GDPR_URL },
  sgb393: { citation: '§ 393 SGB V', url: 'https://www.gesetze-im-internet.de/sgb_5/__393.html' },
} as const satisfies Record<string, LegalSource>;

export const quickCheckQuestions: readonly QuickCheckQuestion[] = [
  // Zugänge und Anmeldung
  {
    id: 'admin_mfa',
    lever: 'access',
    weight: 3,
    allowsNotApplicable: false,
    requirementIds: ['KBV-A1-26', 'KBV-A1-13', 'BSIG-30-2-10'],
    otherSources: [],
  },
  {
    id: 'remote_access',
    lever: 'access',
    weight: 3,
    allowsNotApplicable: true,
    requirementIds: ['KBV-A1-11', 'BSIG-30-2-10'],
    otherSources: [],
  },
  {
    id: 'everyday_accounts',
    lever: 'access',
    weight: 2,
    allowsNotApplicable: false,
    requirementIds: ['KBV-A1-26', 'BSIG-30-2-09'],
    otherSources: [],
  },
  {
    id: 'leavers',
    lever: 'access',
    weight: 2,
    allowsNotApplicable: false,
    requirementIds: ['KBV-A1-02', 'BSIG-30-2-09'],
    otherSources: [],
  },
  // Datensicherung
  {
    id: 'backup_daily',
    lever: 'backup',
    weight: 3,
    allowsNotApplicable: false,
    requirementIds: ['KBV-A1-21', 'KBV-A1-23', 'KBV-A1-24', 'BSIG-30-2-03'],
    otherSources: [],
  },
  {
    id: 'backup_offline',
    lever: 'backup',
    weight: 3,
    allowsNotApplicable: false,
    requirementIds: ['KBV-A1-22', 'BSIG-30-2-03'],
    otherSources: [],
  },
  {
    id: 'restore_tested',
    lever: 'backup',
    weight: 2,
    allowsNotApplicable: false,
    requirementIds: ['KBV-A1-25', 'BSIG-30-2-03', 'BSIG-30-2-06'],
    otherSources: [],
  },
  // Updates und Netz
  {
    id: 'updates',
    lever: 'updates',
    weight: 3,
    allowsNotApplicable: false,
    requirementIds: ['KBV-A1-14', 'KBV-A1-15', 'KBV-A1-16', 'BSIG-30-2-05'],
    otherSources: [],
  },
  {
    id: 'unsupported_systems',
    lever: 'updates',
    weight: 2,
    allowsNotApplicable: false,
    requirementIds: ['KBV-A1-17', 'BSIG-30-2-05'],
    otherSources: [],
  },
  {
    id: 'firewall',
    lever: 'updates',
    weight: 2,
    allowsNotApplicable: false,
    requirementIds: ['KBV-A1-11', 'KBV-A1-12', 'BSIG-30-2-01'],
    otherSources: [],
  },
  // Telematikinfrastruktur
  {
    id: 'ti_connector',
    lever: 'ti',
    weight: 2,
    allowsNotApplicable: true,
    requirementIds: ['KBV-A5-02', 'KBV-A5-08'],
    otherSources: [],
  },
  {
    id: 'ti_admin_data',
    lever: 'ti',
    weight: 1,
    allowsNotApplicable: true,
    requirementIds: ['KBV-A5-09', 'KBV-A5-03'],
    otherSources: [],
  },
  // Dienstleister und Verträge
  {
    id: 'supplier_contracts',
    lever: 'suppliers',
    weight: 2,
    allowsNotApplicable: false,
    requirementIds: ['KBV-A1-03', 'KBV-A1-04', 'BSIG-30-2-04'],
    otherSources: [sources.gdpr28],
  },
  {
    id: 'cloud_c5',
    lever: 'suppliers',
    weight: 1,
    allowsNotApplicable: true,
    requirementIds: ['KBV-A1-50', 'BSIG-30-2-04'],
    otherSources: [sources.sgb393],
  },
  // Schulung
  {
    id: 'staff_training',
    lever: 'training',
    weight: 2,
    allowsNotApplicable: false,
    requirementIds: ['KBV-A1-09', 'KBV-A1-10', 'BSIG-30-2-07'],
    otherSources: [],
  },
  {
    id: 'management_training',
    lever: 'training',
    weight: 2,
    allowsNotApplicable: false,
    requirementIds: ['KBV-A1-08'],
    otherSources: [sources.bsig38Training],
  },
  // Notfall und Vorfälle
  {
    id: 'emergency_plan',
    lever: 'emergency',
    weight: 3,
    allowsNotApplicable: false,
    requirementIds: ['BSIG-30-2-03', 'BSIG-30-2-02'],
    otherSources: [],
  },
  {
    id: 'incident_reporting',
    lever: 'emergency',
    weight: 2,
    allowsNotApplicable: false,
    requirementIds: ['BSIG-30-2-02'],
    otherSources: [sources.bsig32, sources.gdpr33],
  },
  // Pflichten der Leitung
  {
    id: 'nis2_registration',
    lever: 'governance',
    weight: 2,
    allowsNotApplicable: false,
    requirementIds: [],
    otherSources: [sources.bsig28, sources.bsig33],
  },
  {
    id: 'risk_analysis',
    lever: 'governance',
    weight: 2,
    allowsNotApplicable: false,
    requirementIds: ['BSIG-30-2-01'],
    otherSources: [sources.bsig38Approval],
  },
];

const questionsById = new Map(quickCheckQuestions.map((q) => [q.id, q]));

/** The question with this id in the current version, or undefined. */
export function findQuestion(id: string): QuickCheckQuestion | undefined {
  return questionsById.get(id);
}

/** The answers a question offers: yes, partly, no, don't know, and "does not apply" where that can be true. */
export function answerOptions(question: QuickCheckQuestion): readonly QuickCheckAnswer[] {
  return question.allowsNotApplicable ? quickCheckAnswers : quickCheckAnswers.filter((a) => a !== 'not_applicable');
}

const kbvById = new Map(kbvRequirements.map((r) => [r.id, r]));
const measureById = new Map(nis2Measures.map((m) => [m.id, m]));
const KBV_TITLE = 'KBV-IT-Sicherheitsrichtlinie (2025)';

/** A catalog id as a citation with its link: "KBV-IT-Sicherheitsrichtlinie (2025), Anlage 1 Nr. 26", "§ 30 Abs. 2 Satz 2 Nr. 10 BSIG". */
export function citationOf(requirementId: string): LegalSource {
  const kbv = kbvById.get(requirementId);
  if (kbv) return { citation: `${KBV_TITLE}, ${kbv.kbvReference}`, url: kbv.sourceUrl };
  const measure = measureById.get(requirementId);
  if (measure) return { citation: measure.legalBasis, url: BSIG(30) };
  throw new Error(`unknown catalog id ${requirementId}`);
}

/** Everything a question rests on: its catalog ids in order, then the further provisions. */
export function citationsOf(question: QuickCheckQuestion): LegalSource[] {
  return [...question.requirementIds.map(citationOf), ...question.otherSources];
}
