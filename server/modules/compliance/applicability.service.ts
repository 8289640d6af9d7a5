import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { RecordKbvCheck, RecordNis2Check } from '../../../domain/compliance/applicability.schema.ts';
import { departsFromRegister, type StaffFigureKind, typedAwu } from '../../../domain/compliance/staff-figure.ts';
import type { OrganisationProfile } from '../../../domain/kbv/applicability.ts';
import { determinePracticeSize, type PracticeSizeResult } from '../../../domain/kbv/practice-size.ts';
import type { TargetObject } from '../../../domain/kbv/requirement.ts';
import { classifyNis2 } from '../../../domain/nis2/classification.ts';
import type { Nis2Classification } from '../../../domain/nis2/nis2-check.schema.ts';
import { queryRows, type Tx } from '../../db/connect.ts';
import { applicabilityChecks } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { fieldError } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { peopleFigures } from '../people/people.ts';

export interface StoredCheck<TResult> {
  id: string;
  financialYear: number | null;
  inputs: Record<string, unknown>;
  result: TResult;
  checkedAt: Date;
  checkedBy: string | null;
}

/**
 * The register's figure beside the typed one, stored with the check: a figure that departs from a register that counts
 * anyone needs a reason (400 on overrideReason otherwise). Computed in the same transaction as the check is stored.
 */
async function staffFigureRecord(tx: Tx, actor: Actor, kind: StaffFigureKind, typed: number, overrideReason: string | undefined) {
  const figures = await peopleFigures(tx, actor.organisationId, { fullTimeHours: 40 });
  const register = { counted: figures.contributors.total, value: kind === 'kbvPersons' ? figures.kbvPersons : figures.awu };
  const departs = departsFromRegister(kind, typed, register);
  if (departs && !overrideReason) throw fieldError(['overrideReason'], 'override_reason_required');
  return {
    staffRegister: { kind, value: register.value, counted: register.counted, on: figures.on },
    ...(departs ? { overrideReason } : {}),
  };
}

export async function recordNis2Check(tx: Tx, actor: Actor, input: RecordNis2Check) {
  const result = classifyNis2(input.check);
  const register = await staffFigureRecord(tx, actor, 'awu', typedAwu(input.check), input.overrideReason);
  const id = randomUUID();
  await tx.insert(applicabilityChecks).values({
    organisationId: actor.organisationId,
    id,
    kind: 'nis2',
    financialYear: input.financialYear,
    inputs: { ...(input.check as unknown as Record<string, unknown>), ...register },
    result: result as unknown as Record<string, unknown>,
    checkedBy: actor.userId,
  });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'applicability.nis2_checked',
    entityType: 'applicability_check',
    entityId: id,
    data: {
      financialYear: input.financialYear,
      category: result.category,
      aggregated: result.aggregated,
      registerAwu: register.staffRegister.value,
      overrideReason: register.overrideReason ?? null,
    },
  });
  return id;
}

export async function recordKbvCheck(tx: Tx, actor: Actor, input: RecordKbvCheck) {
  const result = determinePracticeSize(input.check);
  const register = await staffFigureRecord(tx, actor, 'kbvPersons', input.check.personsHandlingData, input.overrideReason);
  const id = randomUUID();
  await tx.insert(applicabilityChecks).values({
    organisationId: actor.organisationId,
    id,
    kind: 'kbv',
    financialYear: null,
    inputs: { ...input.check, targetObjects: input.targetObjects, ...register },
    result: result as unknown as Record<string, unknown>,
    checkedBy: actor.userId,
  });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'applicability.kbv_checked',
    entityType: 'applicability_check',
    entityId: id,
    data: {
      size: result.size,
      annexes: result.annexes,
      guidelineApplies: result.guidelineApplies,
      registerPersons: register.staffRegister.value,
      overrideReason: register.overrideReason ?? null,
    },
  });
  return id;
}

/** The newest check of each kind, in one query. */
export async function latestChecks(tx: Tx, organisationId: string) {
  const rows = await tx
    .selectDistinctOn([applicabilityChecks.kind])
    .from(applicabilityChecks)
    .where(eq(applicabilityChecks.organisationId, organisationId))
    .orderBy(applicabilityChecks.kind, desc(applicabilityChecks.checkedAt), desc(applicabilityChecks.id));
  const pick = <T>(kind: string): StoredCheck<T> | null => {
    const row = rows.find((r) => r.kind === kind);
    return row
      ? { id: row.id, financialYear: row.financialYear, inputs: row.inputs, result: row.result as T, checkedAt: row.checkedAt, checkedBy: row.checkedBy }
      : null;
  };
  return { nis2: pick<Nis2Classification>('nis2'), kbv: pick<PracticeSizeResult>('kbv') };
}

export async function checkHistory(tx: Tx, organisationId: string) {
  const rows = await tx
    .select({
      id: applicabilityChecks.id,
      kind: applicabilityChecks.kind,
      financialYear: applicabilityChecks.financialYear,
      checkedAt: applicabilityChecks.checkedAt,
      result: applicabilityChecks.result,
    })
    .from(applicabilityChecks)
    .where(eq(applicabilityChecks.organisationId, organisationId))
    .orderBy(desc(applicabilityChecks.checkedAt), desc(applicabilityChecks.id))
    .limit(50);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    financialYear: r.financialYear,
    checkedAt: r.checkedAt,
    summary:
      r.kind === 'nis2'
        ? { category: (r.result as { category: string }).category }
        : { size: (r.result as { size: string }).size, annexes: (r.result as { annexes: number[] }).annexes },
  }));
}

export interface Nis2Summary {
  category: Nis2Classification['category'];
  maxFineEur: number | null;
  financialYear: number | null;
  checkedAt: Date;
}

/**
 * What the catalog needs of the newest checks (category, fine ceiling, annexes, target objects), without the full
 * stored inputs and explanations: read on every catalog and dashboard request.
 */
export async function latestCheckSummaries(tx: Tx, organisationId: string) {
  const rows = await queryRows<{
    kind: string;
    financial_year: number | null;
    checked_at: string;
    category: Nis2Classification['category'] | null;
    max_fine_eur: number | null;
    guideline_applies: boolean | null;
    annexes: number[] | string | null;
    target_objects: Record<string, boolean> | string | null;
  }>(
    tx,
    sql`select distinct on (kind) kind, financial_year, checked_at,
               result->>'category' as category, (result->>'maxFineEur')::float8 as max_fine_eur,
               (result->>'guidelineApplies')::boolean as guideline_applies, result->'annexes' as annexes,
               inputs->'targetObjects' as target_objects
          from applicability_checks where organisation_id = ${organisationId}
         order by kind, checked_at desc, id desc`,
  );
  const json = <T>(value: T | string | null): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
  const nis2Row = rows.find((r) => r.kind === 'nis2');
  const kbvRow = rows.find((r) => r.kind === 'kbv');
  const nis2: Nis2Summary | null = nis2Row
    ? { category: nis2Row.category!, maxFineEur: nis2Row.max_fine_eur, financialYear: nis2Row.financial_year, checkedAt: new Date(nis2Row.checked_at) }
    : null;
  const profile: OrganisationProfile & { assessed: boolean } = kbvRow
    ? {
        assessed: true,
        guidelineApplies: kbvRow.guideline_applies ?? true,
        annexes: json<number[]>(kbvRow.annexes) ?? [],
        targetObjects: (json<Record<string, boolean>>(kbvRow.target_objects) ?? {}) as Partial<Record<TargetObject, boolean>>,
      }
    : profileFrom(null);
  return { nis2, profile };
}

/** Until the KBV check has been run, every annex is shown: better to see too much than to miss a requirement. */
export function profileFrom(kbv: StoredCheck<PracticeSizeResult> | null): OrganisationProfile & { assessed: boolean } {
  if (!kbv) return { assessed: false, guidelineApplies: true, annexes: [1, 2, 3, 4, 5] };
  return {
    assessed: true,
    guidelineApplies: kbv.result.guidelineApplies,
    annexes: kbv.result.annexes,
    targetObjects: (kbv.inputs.targetObjects ?? {}) as Partial<Record<TargetObject, boolean>>,
  };
}
