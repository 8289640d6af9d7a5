import { sql } from 'drizzle-orm';
import { RISK_SCALE, type RiskMatrixLabels, type RiskMatrixLabelsUpdate } from '../../../domain/risks/risks.schema.ts';
import { queryRows, type Tx } from '../../db/connect.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { type Locale, t } from '../../i18n/texts.ts';
import { appendAudit } from '../audit/audit.ts';

const SCALE = Array.from({ length: RISK_SCALE }, (_, index) => index + 1);

/** The labels every organisation starts with, from the locale files (risks.likelihood.1 … risks.impact.5). */
export function defaultMatrixLabels(locale: Locale): RiskMatrixLabels {
  return {
    likelihood: SCALE.map((n) => t(locale, `risks.likelihood.${n}`)),
    impact: SCALE.map((n) => t(locale, `risks.impact.${n}`)),
  };
}

interface StoredRow {
  likelihood: string[] | null;
  impact: string[] | null;
  revision: number;
}

async function storedRow(tx: Tx, organisationId: string): Promise<StoredRow | undefined> {
  // As JSON: both engines answer it as an array, whatever their text[] parsing.
  const [row] = await queryRows<StoredRow>(
    tx,
    sql`select array_to_json(likelihood) as likelihood, array_to_json(impact) as impact, revision
        from risk_matrix_labels where organisation_id = ${organisationId}`,
  );
  return row;
}

/** The organisation's own labels, or undefined while it uses the defaults. */
export async function storedMatrixLabels(tx: Tx, organisationId: string): Promise<RiskMatrixLabels | undefined> {
  const row = await storedRow(tx, organisationId);
  return row?.likelihood && row.impact ? { likelihood: row.likelihood, impact: row.impact } : undefined;
}

/** The labels that count: the organisation's own, or the defaults of the given language; the revision to send back. */
export async function matrixLabels(tx: Tx, organisationId: string, locale: Locale) {
  const row = await storedRow(tx, organisationId);
  const revision = row ? Number(row.revision) : 0;
  if (!row?.likelihood || !row.impact) return { ...defaultMatrixLabels(locale), custom: false, revision };
  return { likelihood: row.likelihood, impact: row.impact, custom: true, revision };
}

/** A text[] from a JSON array, in its order (a JSON parameter, so both engines bind it alike). */
const textArray = (values: readonly string[] | undefined) =>
  values ? sql`array(select value from json_array_elements_text(${JSON.stringify(values)}::json) with ordinality order by ordinality)` : sql`null::text[]`;

/**
 * Stores the organisation's own labels (or, with null, goes back to the defaults) when the client saw the current
 * revision (0 while nothing was ever stored); otherwise 409 and nothing is written. Each check and write is one
 * statement, so of two writes on the same revision exactly one wins. The revision keeps counting across a reset.
 */
export async function setMatrixLabels(tx: Tx, actor: Actor, update: RiskMatrixLabelsUpdate, locale: Locale) {
  const organisationId = actor.organisationId;
  const before = await storedMatrixLabels(tx, organisationId);
  const likelihood = textArray(update.labels?.likelihood);
  const impact = textArray(update.labels?.impact);
  const written =
    update.revision === 0
      ? await queryRows<{ revision: number }>(
          tx,
          sql`insert into risk_matrix_labels (organisation_id, likelihood, impact, revision)
              values (${organisationId}, ${likelihood}, ${impact}, 1)
              on conflict (organisation_id) do nothing
              returning revision`,
        )
      : await queryRows<{ revision: number }>(
          tx,
          sql`update risk_matrix_labels set likelihood = ${likelihood}, impact = ${impact}, revision = revision + 1, updated_at = now()
              where organisation_id = ${organisationId} and revision = ${update.revision}::int
              returning revision`,
        );
  // The risk register's conflict code: the dialog says in its own words that the labels changed meanwhile.
  if (written.length === 0) throw new AppError('risk.revision_conflict', 409);
  await appendAudit(tx, {
    organisationId,
    actorUserId: actor.userId,
    action: 'risk.matrix_labels_updated',
    entityType: 'organisation',
    entityId: organisationId,
    data: { before: before ?? null, after: update.labels, reset: update.labels === null, revision: Number(written[0]!.revision) },
  });
  return matrixLabels(tx, organisationId, locale);
}
