import { and, eq, type SQL, sql } from 'drizzle-orm';
import { ACCEPTANCE_LINE, heatMap, riskLevel } from '../../../domain/risks/risk-rating.ts';
import { RISK_SCALE, type RiskLevel, type RiskListQuery, riskLevels, riskTreatments } from '../../../domain/risks/risks.schema.ts';
import type { Tx } from '../../db/connect.ts';
import { containsText, countRows, type ListDefinition, planList } from '../../db/list.ts';
import { risks } from '../../db/schema.ts';

/** currentScore of domain/risks/risk-rating.ts in SQL: the residual score once rated (both halves or neither), else the inherent one. */
export const currentScoreSql = sql<number>`coalesce(${risks.residualLikelihood} * ${risks.residualImpact}, ${risks.likelihood} * ${risks.impact})`;
const currentLikelihood = sql<number>`coalesce(${risks.residualLikelihood}, ${risks.likelihood})`.mapWith(Number);
const currentImpact = sql<number>`coalesce(${risks.residualImpact}, ${risks.impact})`.mapWith(Number);

/** The scores of each level, from riskLevel itself, so the filter cannot drift from the domain's bands. */
const scoresByLevel = (() => {
  const bands = new Map<RiskLevel, number[]>(riskLevels.map((level) => [level, []]));
  for (let score = 1; score <= RISK_SCALE * RISK_SCALE; score++) bands.get(riskLevel(score))!.push(score);
  return bands;
})();

export function levelCondition(level: RiskLevel): SQL {
  const scores = scoresByLevel.get(level)!;
  return sql`${currentScoreSql} between ${Math.min(...scores)}::int and ${Math.max(...scores)}::int`;
}

/** needsManagementDecision in SQL. */
export const needsDecisionSql = sql`${currentScoreSql} > ${ACCEPTANCE_LINE}::int`;

const riskList: ListDefinition<RiskListQuery['sort']> = {
  sort: {
    score: { sql: currentScoreSql, type: 'integer' },
    title: { sql: sql`lower(${risks.title})`, type: 'text' },
    // Risks without a review date sort after every date.
    reviewOn: { sql: sql`coalesce(${risks.reviewOn}, '9999-12-31'::date)`, type: 'date' },
    updatedAt: { sql: risks.updatedAt, type: 'timestamptz' },
    number: { sql: risks.number, type: 'integer' },
  },
  unique: { sql: risks.id, type: 'uuid' },
};

const yesNo = (value: 'yes' | 'no' | undefined, condition: SQL): SQL | undefined =>
  value === 'yes' ? condition : value === 'no' ? sql`not (${condition})` : undefined;

/** A page of the register: filters, search and keyset paging in SQL, so the cost is the page, not the register. */
export async function listRisks(tx: Tx, organisationId: string, query: RiskListQuery) {
  const plan = planList(riskList, query);
  const filters = and(
    eq(risks.organisationId, organisationId),
    query.level ? levelCondition(query.level) : undefined,
    query.treatment ? eq(risks.treatment, query.treatment) : undefined,
    yesNo(query.needsDecision, needsDecisionSql),
    yesNo(query.accepted, sql`${risks.acceptedAt} is not null`),
    containsText(query.q, risks.title, risks.description, risks.owner, risks.measures),
  );
  const rows = await tx
    .select({ risk: risks, ...plan.cursorColumns })
    .from(risks)
    .where(and(filters, plan.after))
    .orderBy(...plan.orderBy)
    .limit(plan.fetch);
  const [count] = await tx.select({ n: countRows() }).from(risks).where(filters);
  return plan.page(
    rows.map((r) => ({ ...r.risk, listSortValue: r.listSortValue, listUniqueValue: r.listUniqueValue })),
    Number(count?.n ?? 0),
  );
}

/**
 * The counts of the register in three grouped queries, whatever its size: the heat maps of the inherent and the current
 * rating (at most 25 cells each; the levels follow from the cells), the treatments, and the open decisions.
 */
export async function summariseRisks(tx: Tx, organisationId: string) {
  const mine = eq(risks.organisationId, organisationId);
  const count = (condition: SQL) => sql<number>`count(*) filter (where ${condition})::int`.mapWith(Number);
  const inherentCells = await tx
    .select({ likelihood: risks.likelihood, impact: risks.impact, count: countRows() })
    .from(risks)
    .where(mine)
    .groupBy(risks.likelihood, risks.impact);
  const currentCells = await tx
    .select({ likelihood: currentLikelihood, impact: currentImpact, count: countRows() })
    .from(risks)
    .where(mine)
    .groupBy(currentLikelihood, currentImpact);
  const treatments = await tx.select({ treatment: risks.treatment, count: countRows() }).from(risks).where(mine).groupBy(risks.treatment);
  const [totals] = await tx
    .select({
      total: countRows(),
      openDecisions: count(sql`${needsDecisionSql} and ${risks.acceptedAt} is null`),
      accepted: count(sql`${risks.acceptedAt} is not null`),
    })
    .from(risks)
    .where(mine);
  const byLevel = Object.fromEntries(riskLevels.map((level) => [level, 0])) as Record<RiskLevel, number>;
  for (const cell of currentCells) byLevel[riskLevel(cell.likelihood * cell.impact)] += cell.count;
  const byTreatment = Object.fromEntries(riskTreatments.map((treatment) => [treatment, 0])) as Record<(typeof riskTreatments)[number], number>;
  for (const row of treatments) byTreatment[row.treatment] = row.count;
  return {
    total: totals?.total ?? 0,
    inherentHeatMap: heatMap(inherentCells),
    currentHeatMap: heatMap(currentCells),
    byLevel,
    byTreatment,
    openDecisions: totals?.openDecisions ?? 0,
    accepted: totals?.accepted ?? 0,
  };
}

/** Every risk matching the list's filters, highest current score first: the rows of an export. */
export async function risksForExport(tx: Tx, organisationId: string, query: Omit<RiskListQuery, 'limit' | 'sort' | 'order' | 'cursor'>) {
  return tx
    .select({ risk: risks, currentScore: currentScoreSql.mapWith(Number) })
    .from(risks)
    .where(
      and(
        eq(risks.organisationId, organisationId),
        query.level ? levelCondition(query.level) : undefined,
        query.treatment ? eq(risks.treatment, query.treatment) : undefined,
        yesNo(query.needsDecision, needsDecisionSql),
        yesNo(query.accepted, sql`${risks.acceptedAt} is not null`),
        containsText(query.q, risks.title, risks.description, risks.owner, risks.measures),
      ),
    )
    .orderBy(sql`${currentScoreSql} desc`, risks.number);
}
