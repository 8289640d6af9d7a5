import type { RequirementStatus } from '../compliance/requirement-status.schema.ts';
import { type QuickCheckAnswer, type QuickCheckQuestion, quickCheckQuestions } from './questions.ts';
import type { QuickCheckAnswerMap } from './scoring.ts';

/** What the answers claim about a requirement: every related question "yes", or some only "partly". */
export type QuickCheckClaim = 'stated_implemented' | 'stated_partly';

export interface InitialStatus {
  requirementId: string;
  /** The only status a quick-check answer may set: work on it is under way, to be confirmed with evidence. */
  status: Extract<RequirementStatus, 'in_progress'>;
  claim: QuickCheckClaim;
  /** The answers it rests on, in question order. */
  basis: { questionId: string; answer: QuickCheckAnswer }[];
}

/**
 * The catalog statuses a new organisation starts with when it carries its quick-check answers over. Conservative by
 * design (docs/decisions/030-quick-check.md): a self-assessment without evidence never makes a requirement
 * "implemented", and "does not apply" never makes it "not applicable" (that needs a written reason an auditor can
 * follow: decision 006 and the CHECK constraint of requirement_statuses). A requirement asked about by several questions is "in
 * progress" only when every applicable one was answered "yes" or "partly"; one "no" or "don't know" leaves it open.
 * Open is every requirement's default, so nothing is written for it.
 */
export function initialStatuses(answers: QuickCheckAnswerMap, questions: readonly QuickCheckQuestion[] = quickCheckQuestions): InitialStatus[] {
  const byRequirement = new Map<string, { questionId: string; answer: QuickCheckAnswer }[]>();
  for (const question of questions) {
    const answer = answers[question.id];
    if (answer === undefined) continue;
    for (const requirementId of question.requirementIds) {
      const basis = byRequirement.get(requirementId) ?? [];
      basis.push({ questionId: question.id, answer });
      byRequirement.set(requirementId, basis);
    }
  }
  const result: InitialStatus[] = [];
  for (const [requirementId, all] of byRequirement) {
    const basis = all.filter((b) => b.answer !== 'not_applicable');
    if (basis.length === 0) continue;
    if (!basis.every((b) => b.answer === 'yes' || b.answer === 'partly')) continue;
    const claim: QuickCheckClaim = basis.every((b) => b.answer === 'yes') ? 'stated_implemented' : 'stated_partly';
    result.push({ requirementId, status: 'in_progress', claim, basis });
  }
  return result;
}
