import { RISK_SCALE, type RiskLevel } from './risks.schema.ts';

/** Likelihood × impact on the 5 × 5 matrix: 1 … 25. */
export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

/**
 * The band of a score: four levels like the categories of BSI-Standard 200-3 (gering, mittel, hoch, sehr hoch), laid
 * over the 5 × 5 matrix; the limits (≤ 4, ≤ 9, ≤ 16, above) are this product's choice (decision 025).
 */
export function riskLevel(score: number): RiskLevel {
  if (score <= 4) return 'low';
  if (score <= 9) return 'medium';
  if (score <= 16) return 'high';
  return 'critical';
}

/**
 * The acceptance line: a risk whose residual score (or, without one, inherent score) lies above it needs a decision
 * by management (§ 38 Abs. 1 BSIG: management approves the risk-management measures) — treat it further or accept
 * it on the record. Medium and below may be carried by the practice's day-to-day management.
 */
export const ACCEPTANCE_LINE = 9;

export interface RatedRisk {
  likelihood: number;
  impact: number;
  residualLikelihood: number | null;
  residualImpact: number | null;
}

/** The score that counts now: the residual one once measures are rated, else the inherent one. */
export function currentScore(risk: RatedRisk): number {
  return risk.residualLikelihood !== null && risk.residualImpact !== null
    ? riskScore(risk.residualLikelihood, risk.residualImpact)
    : riskScore(risk.likelihood, risk.impact);
}

export function needsManagementDecision(risk: RatedRisk): boolean {
  return currentScore(risk) > ACCEPTANCE_LINE;
}

/** Counts per cell of the matrix, [likelihood - 1][impact - 1], from grouped counts (the heat map). */
export function heatMap(cells: readonly { likelihood: number; impact: number; count: number }[]): number[][] {
  const grid = Array.from({ length: RISK_SCALE }, () => Array.from({ length: RISK_SCALE }, () => 0));
  for (const cell of cells) {
    if (cell.likelihood < 1 || cell.likelihood > RISK_SCALE || cell.impact < 1 || cell.impact > RISK_SCALE) continue;
    grid[cell.likelihood - 1]![cell.impact - 1]! += cell.count;
  }
  return grid;
}
