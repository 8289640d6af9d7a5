import { fixedEscalationSteps } from './incident.schema.ts';

/** An entry of the organisation's own escalation chain (registration preparation, § 33 BSIG). */
export interface OwnEscalationEntry {
  role: string;
  name: string;
}

export interface EscalationStep {
  /** The key a tick is stored under: itLead, management, dpo, or own-<n>. */
  step: string;
  /** The entry of the own chain this step stands for; null for the fixed chain, whose names come from the locale files. */
  entry: OwnEscalationEntry | null;
}

/**
 * The checklist "Wer muss Bescheid wissen?": the organisation's own chain when it has named anyone (entries without a
 * role and a name are blanks of the form and skipped), otherwise the fixed chain IT lead → management, DPO in parallel.
 */
export function escalationChecklist<T extends OwnEscalationEntry>(own: readonly T[]): { step: string; entry: T | null }[] {
  const named = own.filter((entry) => entry.role.trim() || entry.name.trim());
  if (named.length > 0) return named.map((entry, index) => ({ step: `own-${index}`, entry }));
  return fixedEscalationSteps.map((step) => ({ step, entry: null }));
}

/** What the timeline shows for a step: the role (or name) of an own entry, or the fixed step's key. */
export function escalationLabel(step: EscalationStep): string {
  return step.entry ? step.entry.role.trim() || step.entry.name.trim() : step.step;
}
