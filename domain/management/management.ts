import { z } from 'zod';
import { eventDate, plainText, safeText } from '../common/input.ts';

/**
 * The personal duties of management under § 38 BSIG (issue 10, part 4). Each managing director of an important or
 * particularly important entity must approve ("billigen") the risk-management measures of § 30 and oversee their
 * implementation (Abs. 1) and must attend training regularly (Abs. 3) to recognise risks and judge risk-management
 * practices. The duty is personal: it cannot be delegated to IT or to a practice manager (Abs. 1 Satz 2 i. V. m.
 * Art. 20 Abs. 1 NIS2-Richtlinie), and a director who breaches it is liable to the entity (Abs. 2).
 */
export const MANAGEMENT_NORMS = {
  approval: '§ 38 Abs. 1 BSIG',
  liability: '§ 38 Abs. 2 BSIG',
  training: '§ 38 Abs. 3 BSIG',
} as const;

/**
 * "Regelmäßig" is not defined by the law; the BSI and the KBV material speak of yearly refreshers, and the plan of
 * this app repeats management training every year (issue 11). A record counts for twelve calendar months.
 */
export const MANAGEMENT_TRAINING_MONTHS = 12;
/** The overview warns this many days before a director's training lapses. */
export const MANAGEMENT_TRAINING_WARNING_DAYS = 60;

export const MANAGEMENT_TEXT_MAX = 200;
export const MANAGEMENT_AGENDA_MAX = 4000;

export const managementIssueCodes = {
  notDirector: 'management.not_director',
  notYourself: 'management.not_yourself',
  evidenceUnknown: 'management.evidence_unknown',
} as const;

export const managementTrainingInputSchema = z.object({
  heldOn: eventDate(),
  /** What was covered: risks, the § 30 measures, reporting duties, liability, current threats. */
  agenda: safeText().trim().min(1).max(MANAGEMENT_AGENDA_MAX),
  provider: safeText().trim().min(1).max(MANAGEMENT_TEXT_MAX),
  durationMinutes: z.number().int().min(15).max(2400).nullable().default(null),
  /** The certificate as an evidence file (uploaded to the requirement on management duties, linked here). */
  certificateEvidenceId: z.uuid().nullable().default(null),
  notes: plainText(MANAGEMENT_AGENDA_MAX),
});
export type ManagementTrainingInput = z.output<typeof managementTrainingInputSchema>;
export const managementTrainingUpdateSchema = managementTrainingInputSchema.extend({ revision: z.int().min(1).max(2_147_483_647) });

export const managementApprovalInputSchema = z.object({
  /** What the director approves in words of their own (optional): e.g. "mit der Maßgabe, das Backup bis März zu testen". */
  remark: plainText(MANAGEMENT_AGENDA_MAX),
});
export type ManagementApprovalInput = z.output<typeof managementApprovalInputSchema>;

export const managementTrainingStates = ['missing', 'current', 'due_soon', 'lapsed'] as const;
export type ManagementTrainingState = (typeof managementTrainingStates)[number];

/** The day a training taken on `heldOn` stops counting: the same calendar day `months` later (31 Jan + 1 → 28/29 Feb). */
export function addCalendarMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface TrainingStanding {
  state: ManagementTrainingState;
  /** The day the last training lapses (null without one). */
  dueOn: string | null;
  /** Days until it lapses (negative: since it lapsed). */
  daysLeft: number | null;
}

/** Where one director stands with the § 38 Abs. 3 training on `today` (the practice's calendar day). */
export function trainingStanding(lastHeldOn: string | null, today: string): TrainingStanding {
  if (!lastHeldOn) return { state: 'missing', dueOn: null, daysLeft: null };
  const dueOn = addCalendarMonths(lastHeldOn, MANAGEMENT_TRAINING_MONTHS);
  const daysLeft = daysBetween(today, dueOn);
  const state = daysLeft <= 0 ? 'lapsed' : daysLeft <= MANAGEMENT_TRAINING_WARNING_DAYS ? 'due_soon' : 'current';
  return { state, dueOn, daysLeft };
}

export const managementApprovalStates = ['missing', 'current', 'changed'] as const;
export type ManagementApprovalState = (typeof managementApprovalStates)[number];

/**
 * Whether a director's last approval still covers the measures as they stand: the status version counts every change
 * of a requirement's status; an approval of an older version is "changed" (still on record, but worth renewing).
 */
export function approvalStanding(approvedVersion: number | null, currentVersion: number): { state: ManagementApprovalState; changesSince: number } {
  if (approvedVersion === null) return { state: 'missing', changesSince: 0 };
  const changesSince = Math.max(0, currentVersion - approvedVersion);
  return { state: changesSince === 0 ? 'current' : 'changed', changesSince };
}

/** What is still missing for one director: the overview lists it in this order. */
export function missingDuties(training: ManagementTrainingState, approval: ManagementApprovalState): ('training' | 'approval')[] {
  const missing: ('training' | 'approval')[] = [];
  if (training === 'missing' || training === 'lapsed') missing.push('training');
  if (approval === 'missing') missing.push('approval');
  return missing;
}
