import type { LegalSource } from '../kbv/explanation.ts';
import {
  citationsOf,
  QUICK_CHECK_VERSION,
  type QuickCheckAnswer,
  type QuickCheckLever,
  type QuickCheckQuestion,
  quickCheckLevers,
  quickCheckQuestions,
} from './questions.ts';

/** One answer per question id of the question set (the schema has checked ids, values and completeness). */
export type QuickCheckAnswerMap = Readonly<Record<string, QuickCheckAnswer>>;

/**
 * How much of a question's weight an answer earns. "Partly" earns half; "don't know" earns nothing, like "no": a
 * measure nobody can vouch for does not protect the practice. "Does not apply" leaves the question out.
 */
export const answerValues: Readonly<Record<Exclude<QuickCheckAnswer, 'not_applicable'>, number>> = { yes: 1, partly: 0.5, no: 0, unknown: 0 };

/** How many next steps the result names. */
export const TOP_STEPS = 5;

export const scoreBands = ['weak', 'fair', 'good'] as const;
export type ScoreBand = (typeof scoreBands)[number];

export interface LeverResult {
  lever: QuickCheckLever;
  /** 0–100, or null when every question of the lever does not apply. */
  score: number | null;
  questions: number;
  notApplicable: number;
  /** Questions answered with anything but "yes" or "does not apply". */
  gaps: number;
}

export interface NextStep {
  questionId: string;
  lever: QuickCheckLever;
  answer: QuickCheckAnswer;
  weight: number;
  /** 1 for "no" and "don't know", 0.5 for "partly". */
  gap: number;
  /** weight × gap: the order of the steps. */
  priority: number;
  requirementIds: string[];
  citations: LegalSource[];
}

export interface QuickCheckResult {
  version: string;
  /** 0–100: the share of the weight of applicable questions that the answers earn. */
  score: number;
  band: ScoreBand;
  levers: LeverResult[];
  /** The TOP_STEPS largest gaps, by weight × gap, then in question order. */
  steps: NextStep[];
  /** All gaps, of which `steps` names the first few. */
  gapCount: number;
}

function percent(earned: number, possible: number): number {
  return possible === 0 ? 0 : Math.round((100 * earned) / possible);
}

/** Weak below 50, fair below 80, good from 80: the colour of the score, not a legal judgement. */
export function bandOf(score: number): ScoreBand {
  if (score >= 80) return 'good';
  if (score >= 50) return 'fair';
  return 'weak';
}

/**
 * Scores a complete answer set: the share of the weight earned (per lever and overall) and the next steps ordered by
 * weight × gap, each citing the KBV requirements (§ 390 SGB V) and BSIG provisions it rests on.
 */
export function scoreQuickCheck(answers: QuickCheckAnswerMap, questions: readonly QuickCheckQuestion[] = quickCheckQuestions): QuickCheckResult {
  let earned = 0;
  let possible = 0;
  const perLever = new Map<QuickCheckLever, { earned: number; possible: number; questions: number; notApplicable: number; gaps: number }>();
  const gaps: (NextStep & { order: number })[] = [];

  questions.forEach((question, order) => {
    const answer = answers[question.id];
    if (answer === undefined) throw new Error(`no answer for ${question.id}`);
    const lever = perLever.get(question.lever) ?? { earned: 0, possible: 0, questions: 0, notApplicable: 0, gaps: 0 };
    perLever.set(question.lever, lever);
    lever.questions += 1;
    if (answer === 'not_applicable') {
      if (!question.allowsNotApplicable) throw new Error(`${question.id} cannot be "not_applicable"`);
      lever.notApplicable += 1;
      return;
    }
    const value = answerValues[answer];
    earned += question.weight * value;
    possible += question.weight;
    lever.earned += question.weight * value;
    lever.possible += question.weight;
    if (value < 1) {
      lever.gaps += 1;
      const gap = 1 - value;
      gaps.push({
        questionId: question.id,
        lever: question.lever,
        answer,
        weight: question.weight,
        gap,
        priority: question.weight * gap,
        requirementIds: [...question.requirementIds],
        citations: citationsOf(question),
        order,
      });
    }
  });

  const score = percent(earned, possible);
  const steps = gaps
    .sort((a, b) => b.priority - a.priority || a.order - b.order)
    .slice(0, TOP_STEPS)
    .map(({ order: _order, ...step }) => step);
  return {
    version: QUICK_CHECK_VERSION,
    score,
    band: bandOf(score),
    levers: quickCheckLevers
      .filter((lever) => perLever.has(lever))
      .map((lever) => {
        const r = perLever.get(lever)!;
        return {
          lever,
          score: r.possible === 0 ? null : percent(r.earned, r.possible),
          questions: r.questions,
          notApplicable: r.notApplicable,
          gaps: r.gaps,
        };
      }),
    steps,
    gapCount: gaps.length,
  };
}
