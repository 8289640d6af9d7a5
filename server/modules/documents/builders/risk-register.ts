import { and, eq, gt } from 'drizzle-orm';
import type { DocumentBlock, TableBlock } from '../../../../domain/documents/document-model.ts';
import { ACCEPTANCE_LINE, currentScore, needsManagementDecision, riskLevel, riskScore } from '../../../../domain/risks/risk-rating.ts';
import { RISK_SCALE, riskLevels } from '../../../../domain/risks/risks.schema.ts';
import type { Tx } from '../../../db/connect.ts';
import { risks, users } from '../../../db/schema.ts';
import { formatDate, type Locale, t } from '../../../i18n/texts.ts';
import { riskMatrixLabels, riskSummary } from '../../risks/risks.ts';
import type { DocumentBuilder } from '../builder.ts';
import { formatCount, kindTexts, readInBatches } from './builder-kit.ts';

/**
 * The risk register as a document (§ 30 Abs. 2 Satz 2 Nr. 1 BSIG: risk analysis; § 38 Abs. 1 BSIG: management decides
 * above the acceptance line): the counts and the heat map of the current rating from SQL, then every risk, highest
 * current score first, with its rating before and after the measures, treatment, owner and management's decision.
 */

type RiskRow = Awaited<ReturnType<typeof readRisks>>[number];

function readRisks(tx: Tx, organisationId: string) {
  return readInBatches((after, limit) =>
    tx
      .select({
        id: risks.id,
        number: risks.number,
        title: risks.title,
        owner: risks.owner,
        likelihood: risks.likelihood,
        impact: risks.impact,
        residualLikelihood: risks.residualLikelihood,
        residualImpact: risks.residualImpact,
        treatment: risks.treatment,
        acceptedAt: risks.acceptedAt,
        acceptedBy: users.name,
      })
      .from(risks)
      .leftJoin(users, eq(users.id, risks.acceptedByUserId))
      .where(and(eq(risks.organisationId, organisationId), after ? gt(risks.id, after) : undefined))
      .orderBy(risks.id)
      .limit(limit),
  );
}

/** "3 × 5 = 15" and the level under it. */
function rating(locale: Locale, likelihood: number, impact: number): string {
  const score = riskScore(likelihood, impact);
  return `${likelihood} × ${impact} = ${score}\n${t(locale, `risks.level.${riskLevel(score)}`)}`;
}

function decision(locale: Locale, risk: RiskRow): string {
  const text = kindTexts(locale, 'riskRegister');
  if (risk.acceptedAt) {
    const date = formatDate(locale, risk.acceptedAt);
    return risk.acceptedBy ? text('decision.acceptedBy', { date, name: risk.acceptedBy }) : text('decision.accepted', { date });
  }
  return needsManagementDecision(risk) ? text('decision.open') : text('decision.notNeeded');
}

function riskCells(locale: Locale, risk: RiskRow): string[] {
  const text = kindTexts(locale, 'riskRegister');
  const rated = risk.residualLikelihood !== null && risk.residualImpact !== null;
  return [
    text('number', { number: risk.number }),
    risk.title,
    rating(locale, risk.likelihood, risk.impact),
    rated ? rating(locale, risk.residualLikelihood!, risk.residualImpact!) : t(locale, 'risks.notRated'),
    t(locale, `risks.treatment.${risk.treatment}`),
    risk.owner || '–',
    decision(locale, risk),
  ];
}

/** The heat map of the current rating: likelihood from the top (most likely) down, impact from left to right. */
function heatMapTable(locale: Locale, grid: number[][], labels: { likelihood: string[]; impact: string[] }): TableBlock {
  const text = kindTexts(locale, 'riskRegister');
  const scale = Array.from({ length: RISK_SCALE }, (_, i) => i);
  return {
    kind: 'table',
    columns: [{ title: text('heatMap.corner'), width: 0.3 }, ...scale.map((i) => ({ title: String(i + 1), width: 0.14 }))],
    rows: [...scale].reverse().map((l) => [`${l + 1} ${labels.likelihood[l]}`, ...scale.map((i) => formatCount(locale, grid[l]![i]!))]),
  };
}

async function summaryBlocks(tx: Tx, organisationId: string, locale: Locale): Promise<DocumentBlock[]> {
  const text = kindTexts(locale, 'riskRegister');
  const summary = await riskSummary(tx, organisationId);
  const labels = await riskMatrixLabels(tx, organisationId, locale);
  const aboveLine = summary.currentHeatMap.reduce(
    (sum, row, l) => sum + row.reduce((cells, count, i) => cells + (riskScore(l + 1, i + 1) > ACCEPTANCE_LINE ? count : 0), 0),
    0,
  );
  return [
    { kind: 'heading', level: 1, text: text('summaryHeading') },
    { kind: 'paragraph', text: text('acceptanceLine', { line: ACCEPTANCE_LINE }), tone: 'note' },
    {
      kind: 'fields',
      rows: [
        { label: text('total'), value: formatCount(locale, summary.total) },
        { label: text('aboveLine'), value: formatCount(locale, aboveLine) },
        { label: text('openDecisions'), value: formatCount(locale, summary.openDecisions) },
        { label: text('accepted'), value: formatCount(locale, summary.accepted) },
        {
          label: text('byLevel'),
          value: [...riskLevels]
            .reverse()
            .map((level) => `${t(locale, `risks.level.${level}`)}: ${formatCount(locale, summary.byLevel[level])}`)
            .join(' · '),
        },
      ],
    },
    { kind: 'heading', level: 2, text: text('heatMap.heading') },
    { kind: 'paragraph', text: text('heatMap.hint'), tone: 'muted' },
    heatMapTable(locale, summary.currentHeatMap, labels),
    { kind: 'paragraph', text: text('heatMap.impactLegend', { labels: labels.impact.map((label, i) => `${i + 1} ${label}`).join(' · ') }), tone: 'muted' },
  ];
}

export const buildRiskRegister: DocumentBuilder = async ({ tx, organisationId, locale }) => {
  const text = kindTexts(locale, 'riskRegister');
  const rows = (await readRisks(tx, organisationId)).sort((a, b) => currentScore(b) - currentScore(a) || a.number - b.number);
  return {
    title: t(locale, 'documents.kind.risk_register.title'),
    subtitle: text('subtitle'),
    blocks: [
      ...(await summaryBlocks(tx, organisationId, locale)),
      { kind: 'heading', level: 1, text: text('registerHeading') },
      {
        kind: 'table',
        columns: [
          { title: text('column.number'), width: 0.065 },
          { title: text('column.title'), width: 0.22 },
          { title: text('column.inherent'), width: 0.11 },
          { title: text('column.residual'), width: 0.12 },
          { title: text('column.treatment'), width: 0.12 },
          { title: text('column.owner'), width: 0.135 },
          { title: text('column.decision'), width: 0.23 },
        ],
        rows: rows.map((risk) => riskCells(locale, risk)),
        empty: text('empty'),
      },
    ],
    footnote: text('footnote'),
  };
};
