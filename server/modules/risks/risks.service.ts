import { randomUUID } from 'node:crypto';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { kbvRequirements } from '../../../domain/kbv/requirements.data.ts';
import { nis2Measures } from '../../../domain/nis2/measures.data.ts';
import { currentScore, needsManagementDecision, riskLevel, riskScore } from '../../../domain/risks/risk-rating.ts';
import { RISK_TEMPLATES_VERSION, riskTemplates } from '../../../domain/risks/risk-templates.data.ts';
import {
  type RiskExportQuery,
  type RiskInput,
  type RiskListQuery,
  type RiskTemplateLocale,
  riskInputSchema,
  riskIssueCodes,
} from '../../../domain/risks/risks.schema.ts';
import { riskSheet } from '../../../domain/risks/risks.sheet.ts';
import { queryRows, type Tx } from '../../db/connect.ts';
import { databaseErrorOf, UNIQUE_VIOLATION } from '../../db/errors.ts';
import { risks } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { t } from '../../i18n/texts.ts';
import { exportSheet, type SheetRow, sheetFileName, sheetMediaTypes } from '../../spreadsheet/export.ts';
import { appendAudit } from '../audit/audit.ts';
import { defaultMatrixLabels, storedMatrixLabels } from './risk-matrix-labels.ts';
import { listRisks, risksForExport, summariseRisks } from './risks.queries.ts';

type RiskRow = typeof risks.$inferSelect;

/** The ids of the catalog a risk may cite: the KBV requirements and the § 30 BSIG measures. */
const catalogIds = new Set<string>([...kbvRequirements.map((r) => r.id), ...nis2Measures.map((m) => m.id)]);
const templatesById = new Map(riskTemplates.map((t) => [t.id, t]));

/** A row as the register answers it: the rating computed by the domain rules. */
export function withRating(row: RiskRow) {
  const { organisationId: _organisation, ...risk } = row;
  const score = riskScore(row.likelihood, row.impact);
  const current = currentScore(row);
  return {
    ...risk,
    score,
    level: riskLevel(score),
    residualScore: row.residualLikelihood !== null && row.residualImpact !== null ? riskScore(row.residualLikelihood, row.residualImpact) : null,
    currentScore: current,
    currentLevel: riskLevel(current),
    needsDecision: needsManagementDecision(row),
  };
}

export async function listPage(tx: Tx, organisationId: string, query: RiskListQuery) {
  const page = await listRisks(tx, organisationId, query);
  return { ...page, items: page.items.map(withRating) };
}

export const summary = (tx: Tx, organisationId: string) => summariseRisks(tx, organisationId);

async function findRisk(tx: Tx, organisationId: string, riskId: string, lock = false): Promise<RiskRow> {
  const query = tx
    .select()
    .from(risks)
    .where(and(eq(risks.organisationId, organisationId), eq(risks.id, riskId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('risk.not_found', 404);
  return row;
}

export async function getRisk(tx: Tx, organisationId: string, riskId: string) {
  return withRating(await findRisk(tx, organisationId, riskId));
}

/** Catalog ids and the template id, at the field a person corrects. */
function checkInput(input: RiskInput) {
  const unknown = input.requirementIds.findIndex((id) => !catalogIds.has(id));
  if (unknown >= 0) throw fieldError(['requirementIds', unknown], riskIssueCodes.requirementUnknown);
  if (input.templateId !== null && !templatesById.has(input.templateId)) throw fieldError(['templateId'], riskIssueCodes.templateUnknown);
}

function asFieldError(error: unknown): unknown {
  const db = databaseErrorOf(error);
  if (db?.code === UNIQUE_VIOLATION && db.constraint === 'risks_template_unique') return fieldError(['templateId'], riskIssueCodes.templateAdopted);
  return error;
}

/**
 * The next risk number of the organisation from its counter row, in one statement like incident numbers: simultaneous
 * creates queue on that row and each gets its own number, without gaps while none is rolled back. A counter behind the
 * risks (a backup from before the counter) continues from the highest stored number.
 */
async function nextRiskNumber(tx: Tx, organisationId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`insert into organisation_counters (organisation_id, risk_number)
        values (${organisationId}, (select coalesce(max(number), 0) + 1 from risks where organisation_id = ${organisationId}))
        on conflict (organisation_id) do update
          set risk_number = greatest(organisation_counters.risk_number + 1, excluded.risk_number)
        returning risk_number as n`,
  );
  return Number(row!.n);
}

/** Locks the organisation's counter row without counting: adoptions of one template queue here, then see each other. */
async function lockCounter(tx: Tx, organisationId: string) {
  await queryRows(
    tx,
    sql`insert into organisation_counters (organisation_id) values (${organisationId})
        on conflict (organisation_id) do update set risk_number = organisation_counters.risk_number
        returning organisation_id`,
  );
}

export async function createRisk(tx: Tx, actor: Actor, input: RiskInput) {
  checkInput(input);
  const number = await nextRiskNumber(tx, actor.organisationId);
  const id = randomUUID();
  const [row] = await tx
    .insert(risks)
    .values({ ...input, organisationId: actor.organisationId, id, number })
    .returning()
    .catch((error: unknown) => {
      throw asFieldError(error);
    });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'risk.created',
    entityType: 'risk',
    entityId: id,
    data: { number, title: input.title, likelihood: input.likelihood, impact: input.impact, treatment: input.treatment, templateId: input.templateId },
  });
  return withRating(row!);
}

/** The fields whose change voids management's acceptance: the rating and the treatment. */
const acceptedFields = ['likelihood', 'impact', 'residualLikelihood', 'residualImpact', 'treatment'] as const;

/**
 * Replaces a risk when the client saw the current revision; otherwise 409 and nothing is written. A change of the
 * rating or the treatment clears management's acceptance: what was accepted is no longer what is recorded.
 */
export async function updateRisk(tx: Tx, actor: Actor, riskId: string, input: RiskInput & { revision: number }) {
  const { revision, ...fields } = input;
  const before = await findRisk(tx, actor.organisationId, riskId);
  checkInput(fields);
  const voidsAcceptance = before.acceptedAt !== null && acceptedFields.some((key) => before[key] !== fields[key]);
  const [row] = await tx
    .update(risks)
    .set({
      ...fields,
      ...(voidsAcceptance ? { acceptedByUserId: null, acceptedAt: null, acceptedRevision: null } : {}),
      revision: sql`${risks.revision} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(risks.organisationId, actor.organisationId), eq(risks.id, riskId), eq(risks.revision, revision)))
    .returning()
    .catch((error: unknown) => {
      throw asFieldError(error);
    });
  if (!row) throw new AppError('risk.revision_conflict', 409);
  const changed = Object.keys(fields).filter((key) => {
    const was = before[key as keyof RiskRow];
    const now = fields[key as keyof typeof fields];
    return Array.isArray(was) ? JSON.stringify(was) !== JSON.stringify(now) : was !== now;
  });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'risk.updated',
    entityType: 'risk',
    entityId: riskId,
    data: { number: row.number, title: row.title, changed, acceptanceCleared: voidsAcceptance },
  });
  return withRating(row);
}

export async function deleteRisk(tx: Tx, actor: Actor, riskId: string) {
  const [row] = await tx
    .delete(risks)
    .where(and(eq(risks.organisationId, actor.organisationId), eq(risks.id, riskId)))
    .returning({ number: risks.number, title: risks.title });
  if (!row) throw new AppError('risk.not_found', 404);
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'risk.deleted',
    entityType: 'risk',
    entityId: riskId,
    data: row,
  });
}

/** The template library in one language, each marked when this organisation has adopted it. */
export async function listTemplates(tx: Tx, organisationId: string, locale: RiskTemplateLocale) {
  const adopted = await tx
    .select({ templateId: risks.templateId })
    .from(risks)
    .where(and(eq(risks.organisationId, organisationId), isNotNull(risks.templateId)));
  const adoptedIds = new Set(adopted.map((r) => r.templateId));
  const en = locale === 'en';
  return {
    version: RISK_TEMPLATES_VERSION,
    locale,
    items: riskTemplates.map((t) => ({
      id: t.id,
      title: en ? t.titleEn : t.titleDe,
      description: en ? t.descriptionEn : t.descriptionDe,
      measures: en ? t.measuresEn : t.measuresDe,
      likelihood: t.likelihood,
      impact: t.impact,
      score: riskScore(t.likelihood, t.impact),
      level: riskLevel(riskScore(t.likelihood, t.impact)),
      requirementIds: [...t.requirementIds],
      adopted: adoptedIds.has(t.id),
    })),
  };
}

/**
 * Adopts a template as a risk in the given language. Adopting it again answers the risk adopted before: the counter
 * row is locked first, so adoptions sent at once queue and each after the first finds the risk of the first.
 */
export async function adoptTemplate(tx: Tx, actor: Actor, templateId: string, locale: RiskTemplateLocale) {
  const template = templatesById.get(templateId);
  if (!template) throw new AppError('risk.template_not_found', 404);
  await lockCounter(tx, actor.organisationId);
  const [existing] = await tx
    .select()
    .from(risks)
    .where(and(eq(risks.organisationId, actor.organisationId), eq(risks.templateId, templateId)));
  if (existing) return withRating(existing);
  const en = locale === 'en';
  const input = riskInputSchema.parse({
    title: en ? template.titleEn : template.titleDe,
    description: en ? template.descriptionEn : template.descriptionDe,
    likelihood: template.likelihood,
    impact: template.impact,
    measures: en ? template.measuresEn : template.measuresDe,
    requirementIds: template.requirementIds,
    templateId,
  });
  return createRisk(tx, actor, input);
}

/**
 * Management accepts the risk as recorded at the given revision (§ 38 Abs. 1 BSIG). Only a risk whose treatment is
 * "accept" can be accepted; who, when and the revision are kept until a change of rating or treatment clears them.
 */
export async function acceptRisk(tx: Tx, actor: Actor, riskId: string, revision: number) {
  const before = await findRisk(tx, actor.organisationId, riskId, true);
  if (before.revision !== revision) throw new AppError('risk.revision_conflict', 409);
  if (before.treatment !== 'accept') throw fieldError(['treatment'], riskIssueCodes.notAcceptTreatment);
  const [row] = await tx
    .update(risks)
    .set({ acceptedByUserId: actor.userId, acceptedAt: new Date(), acceptedRevision: revision })
    .where(and(eq(risks.organisationId, actor.organisationId), eq(risks.id, riskId)))
    .returning();
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'risk.accepted',
    entityType: 'risk',
    entityId: riskId,
    data: { number: before.number, title: before.title, revision, currentScore: currentScore(before) },
  });
  return withRating(row!);
}

/** Management withdraws its acceptance; nothing to withdraw is no error. */
export async function withdrawAcceptance(tx: Tx, actor: Actor, riskId: string) {
  const before = await findRisk(tx, actor.organisationId, riskId, true);
  if (before.acceptedAt === null) return withRating(before);
  const [row] = await tx
    .update(risks)
    .set({ acceptedByUserId: null, acceptedAt: null, acceptedRevision: null })
    .where(and(eq(risks.organisationId, actor.organisationId), eq(risks.id, riskId)))
    .returning();
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'risk.acceptance_withdrawn',
    entityType: 'risk',
    entityId: riskId,
    data: { number: before.number, title: before.title, acceptedRevision: before.acceptedRevision },
  });
  return withRating(row!);
}

/** The register (or its filtered part) as XLSX or CSV, titles and labels in the reader's language. */
export async function exportRisks(tx: Tx, organisationId: string, query: RiskExportQuery) {
  const rows = await risksForExport(tx, organisationId, query);
  // The names of the ratings as the organisation calls them (its matrix labels), beside the numbers an import reads.
  const labels = (await storedMatrixLabels(tx, organisationId)) ?? defaultMatrixLabels(query.locale);
  const sheetRows: SheetRow[] = rows.map(({ risk, currentScore: current }) => ({
    number: risk.number,
    title: risk.title,
    description: risk.description,
    owner: risk.owner,
    likelihood: risk.likelihood,
    impact: risk.impact,
    likelihoodLabel: labels.likelihood[risk.likelihood - 1] ?? '',
    impactLabel: labels.impact[risk.impact - 1] ?? '',
    score: riskScore(risk.likelihood, risk.impact),
    treatment: risk.treatment,
    measures: risk.measures,
    residualLikelihood: risk.residualLikelihood,
    residualImpact: risk.residualImpact,
    currentScore: current,
    requirementIds: risk.requirementIds,
    reviewOn: risk.reviewOn,
    // The day of the acceptance in Germany.
    acceptedAt: risk.acceptedAt ? practiceDay(risk.acceptedAt) : null,
  }));
  const title = t(query.locale, 'sheet.risks.sheetTitle');
  const file = await exportSheet(riskSheet, sheetRows, { format: query.format, locale: query.locale, sheetTitle: title });
  return { file, fileName: sheetFileName(title, practiceDay(new Date()), query.format), mediaType: sheetMediaTypes[query.format] };
}

function practiceDay(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
