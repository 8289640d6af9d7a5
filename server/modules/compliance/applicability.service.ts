import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { RecordKbvCheck, RecordNis2Check } from '../../../domain/compliance/applicability.schema.ts';
import type { OrganisationProfile } from '../../../domain/kbv/applicability.ts';
import { determinePracticeSize, type PracticeSizeResult } from '../../../domain/kbv/practice-size.ts';
import type { TargetObject } from '../../../domain/kbv/requirement.ts';
import { classifyNis2 } from '../../../domain/nis2/classification.ts';
import type { Nis2Classification } from '../../../domain/nis2/nis2-check.schema.ts';
import type { Tx } from '../../db/connect.ts';
import { applicabilityChecks } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { appendAudit } from '../audit/audit.service.ts';

export interface StoredCheck<TResult> {
  id: string;
  financialYear: number | null;
  inputs: Record<string, unknown>;
  result: TResult;
  checkedAt: Date;
  checkedBy: string | null;
}

export async function recordNis2Check(tx: Tx, actor: Actor, input: RecordNis2Check) {
  const result = classifyNis2(input.check);
  const id = randomUUID();
  await tx.insert(applicabilityChecks).values({
    organisationId: actor.organisationId,
    id,
    kind: 'nis2',
    financialYear: input.financialYear,
    inputs: input.check as unknown as Record<string, unknown>,
    result: result as unknown as Record<string, unknown>,
    checkedBy: actor.userId,
  });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'applicability.nis2_checked',
    entityType: 'applicability_check',
    entityId: id,
    data: { financialYear: input.financialYear, category: result.category, aggregated: result.aggregated },
  });
  return id;
}

export async function recordKbvCheck(tx: Tx, actor: Actor, input: RecordKbvCheck) {
  const result = determinePracticeSize(input.check);
  const id = randomUUID();
  await tx.insert(applicabilityChecks).values({
    organisationId: actor.organisationId,
    id,
    kind: 'kbv',
    financialYear: null,
    inputs: { ...input.check, targetObjects: input.targetObjects },
    result: result as unknown as Record<string, unknown>,
    checkedBy: actor.userId,
  });
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'applicability.kbv_checked',
    entityType: 'applicability_check',
    entityId: id,
    data: { size: result.size, annexes: result.annexes, guidelineApplies: result.guidelineApplies },
  });
  return id;
}

async function latest<T>(tx: Tx, organisationId: string, kind: 'nis2' | 'kbv'): Promise<StoredCheck<T> | null> {
  const [row] = await tx
    .select()
    .from(applicabilityChecks)
    .where(and(eq(applicabilityChecks.organisationId, organisationId), eq(applicabilityChecks.kind, kind)))
    .orderBy(desc(applicabilityChecks.checkedAt))
    .limit(1);
  if (!row) return null;
  return { id: row.id, financialYear: row.financialYear, inputs: row.inputs, result: row.result as T, checkedAt: row.checkedAt, checkedBy: row.checkedBy };
}

export async function latestChecks(tx: Tx, organisationId: string) {
  const [nis2, kbv] = [await latest<Nis2Classification>(tx, organisationId, 'nis2'), await latest<PracticeSizeResult>(tx, organisationId, 'kbv')];
  return { nis2, kbv };
}

export async function checkHistory(tx: Tx, organisationId: string) {
  const rows = await tx
    .select({ id: applicabilityChecks.id, kind: applicabilityChecks.kind, financialYear: applicabilityChecks.financialYear, checkedAt: applicabilityChecks.checkedAt, result: applicabilityChecks.result })
    .from(applicabilityChecks)
    .where(eq(applicabilityChecks.organisationId, organisationId))
    .orderBy(desc(applicabilityChecks.checkedAt))
    .limit(50);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    financialYear: r.financialYear,
    checkedAt: r.checkedAt,
    summary: r.kind === 'nis2' ? { category: (r.result as { category: string }).category } : { size: (r.result as { size: string }).size, annexes: (r.result as { annexes: number[] }).annexes },
  }));
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
