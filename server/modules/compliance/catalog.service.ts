import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { isOverdue, overallStatus, type ScopedStatus } from '../../../domain/compliance/progress.ts';
import type { RequirementStatus, UpdateRequirementStatus } from '../../../domain/compliance/requirement-status.schema.ts';
import { assessRequirement, berlinDate } from '../../../domain/kbv/applicability.ts';
import type { Explanation } from '../../../domain/kbv/explanation.ts';
import type { KbvRequirement, TargetObject } from '../../../domain/kbv/requirement.ts';
import type { Nis2Classification } from '../../../domain/nis2/nis2-check.schema.ts';
import { queryRows, type Tx } from '../../db/connect.ts';
import { catalogRequirements, locations, memberships, requirementStatuses } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { latestChecks, profileFrom, type StoredCheck } from './applicability.service.ts';

/** § 30 BSIG binds important and particularly important entities since the NIS2 Implementation Act (2025-12-06). */
const BSIG_IN_FORCE = '2025-12-06';

export interface StatusEntry {
  id: string;
  locationId: string | null;
  status: RequirementStatus;
  notApplicableReason: string | null;
  ownerUserId: string | null;
  dueDate: string | null;
  notes: string | null;
  updatedAt: Date;
  evidenceCount: number;
}

function nis2Applicability(nis2: StoredCheck<Nis2Classification> | null, today: string): { applicable: boolean; mandatory: boolean; reason: Explanation } {
  if (!nis2) {
    return {
      applicable: true,
      mandatory: false,
      reason: {
        code: 'nis2.measure_not_assessed',
        params: {},
        de: 'Die NIS2-Betroffenheit ist noch nicht geprüft. Führen Sie den Betroffenheitscheck durch.',
        en: 'NIS2 applicability has not been checked yet. Run the applicability check.',
        legalBasis: ['§ 28 BSIG'],
      },
    };
  }
  if (nis2.result.category === 'not_affected') {
    return {
      applicable: false,
      mandatory: false,
      reason: {
        code: 'nis2.measure_not_affected',
        params: {},
        de: 'Nach dem Betroffenheitscheck ist die Einrichtung nicht von NIS2 erfasst; die Maßnahme ist freiwillig.',
        en: 'According to the applicability check the organisation is not in scope of NIS2; the measure is voluntary.',
        legalBasis: ['§ 28 BSIG'],
      },
    };
  }
  return {
    applicable: true,
    mandatory: today >= BSIG_IN_FORCE,
    reason: {
      code: 'nis2.measure_applies',
      params: { category: nis2.result.category },
      de: 'Als (besonders) wichtige Einrichtung muss die Praxis diese Maßnahme umsetzen.',
      en: 'As an (particularly) important entity the organisation must implement this measure.',
      legalBasis: ['§ 30 Abs. 1 BSIG'],
    },
  };
}

/**
 * The catalog as one organisation sees it: every requirement with whether it applies (and why), whether it is
 * binding today, and the organisation's status, organisation-wide and per location, with evidence counts.
 */
export async function listCatalog(tx: Tx, organisationId: string, now = new Date()) {
  const today = berlinDate(now);
  const checks = await latestChecks(tx, organisationId);
  const profile = profileFrom(checks.kbv);
  const requirements = await tx
    .select()
    .from(catalogRequirements)
    .where(isNull(catalogRequirements.withdrawnAt))
    .orderBy(asc(catalogRequirements.sortOrder));
  const locationRows = await tx
    .select({ id: locations.id, name: locations.name })
    .from(locations)
    .where(eq(locations.organisationId, organisationId));
  const locationIds = locationRows.map((l) => l.id);
  const statusRows = await queryRows<{
    id: string;
    requirement_id: string;
    location_id: string | null;
    status: RequirementStatus;
    not_applicable_reason: string | null;
    owner_user_id: string | null;
    due_date: string | null;
    notes: string | null;
    updated_at: string;
    evidence_count: number;
  }>(
    tx,
    sql`select s.id, s.requirement_id, s.location_id, s.status, s.not_applicable_reason, s.owner_user_id,
               to_char(s.due_date, 'YYYY-MM-DD') as due_date, s.notes, s.updated_at,
               (select count(*)::int from evidence_files e
                 where e.organisation_id = s.organisation_id and e.requirement_status_id = s.id) as evidence_count
          from requirement_statuses s where s.organisation_id = ${organisationId}`,
  );
  const byRequirement = new Map<string, StatusEntry[]>();
  for (const row of statusRows) {
    const entry: StatusEntry = {
      id: row.id,
      locationId: row.location_id,
      status: row.status,
      notApplicableReason: row.not_applicable_reason,
      ownerUserId: row.owner_user_id,
      dueDate: row.due_date,
      notes: row.notes,
      updatedAt: new Date(row.updated_at),
      evidenceCount: Number(row.evidence_count),
    };
    const list = byRequirement.get(row.requirement_id) ?? [];
    list.push(entry);
    byRequirement.set(row.requirement_id, list);
  }
  const nis2 = nis2Applicability(checks.nis2, today);
  const items = requirements.map((r) => {
    const applicability =
      r.framework === 'kbv'
        ? assessRequirement(
            {
              ...r,
              annex: r.annex as KbvRequirement['annex'],
              kbvReference: r.reference,
              targetObjectDe: r.targetObjectDe ?? '',
              targetObjectEn: r.targetObjectEn ?? '',
              appliesIf: r.appliesIf as TargetObject[],
              effectiveFrom: r.effectiveFrom ?? '2021-04-01',
              newIn2025: r.newInRevision,
              summaryConfidence: r.summaryConfidence as KbvRequirement['summaryConfidence'],
              sourceUrl: r.sourceUrl ?? '',
            },
            profile,
            today,
          )
        : nis2;
    const entries = byRequirement.get(r.id) ?? [];
    const status = overallStatus(entries as ScopedStatus[], locationIds);
    return {
      id: r.id,
      framework: r.framework as 'kbv' | 'nis2',
      annex: r.annex,
      number: r.number,
      reference: r.reference,
      titleDe: r.titleDe,
      titleEn: r.titleEn,
      summaryDe: r.summaryDe,
      summaryEn: r.summaryEn,
      summaryConfidence: r.summaryConfidence,
      targetObjectDe: r.targetObjectDe,
      targetObjectEn: r.targetObjectEn,
      effectiveFrom: r.effectiveFrom,
      newInRevision: r.newInRevision,
      sourceUrl: r.sourceUrl,
      applicable: applicability.applicable,
      mandatory: applicability.mandatory,
      reason: applicability.reason,
      status,
      overdue: entries.some((e) => isOverdue(e.dueDate, e.status, today)),
      evidenceCount: entries.reduce((n, e) => n + e.evidenceCount, 0),
      entries,
    };
  });
  return {
    today,
    profile,
    nis2: checks.nis2 ? { category: checks.nis2.result.category, maxFineEur: checks.nis2.result.maxFineEur, financialYear: checks.nis2.financialYear, checkedAt: checks.nis2.checkedAt } : null,
    locations: locationRows,
    requirements: items,
  };
}

export async function findRequirement(tx: Tx, requirementId: string) {
  const [requirement] = await tx.select().from(catalogRequirements).where(eq(catalogRequirements.id, requirementId));
  if (!requirement) throw new AppError('requirement.not_found', 404);
  return requirement;
}

export async function assertLocation(tx: Tx, organisationId: string, locationId: string | null) {
  if (!locationId) return;
  const [location] = await tx
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.organisationId, organisationId), eq(locations.id, locationId)));
  if (!location) throw fieldError(['locationId'], 'location.not_found');
}

/** The status row of one requirement and scope, created (open) when it does not exist yet. */
export async function ensureStatusRow(tx: Tx, actor: Actor, requirementId: string, locationId: string | null) {
  const scope = locationId ? eq(requirementStatuses.locationId, locationId) : isNull(requirementStatuses.locationId);
  const [existing] = await tx
    .select()
    .from(requirementStatuses)
    .where(and(eq(requirementStatuses.organisationId, actor.organisationId), eq(requirementStatuses.requirementId, requirementId), scope));
  if (existing) return existing;
  const [created] = await tx
    .insert(requirementStatuses)
    .values({ organisationId: actor.organisationId, id: randomUUID(), requirementId, locationId, status: 'open', updatedBy: actor.userId })
    .returning();
  return created!;
}

export async function updateRequirementStatus(tx: Tx, actor: Actor, requirementId: string, input: UpdateRequirementStatus) {
  await findRequirement(tx, requirementId);
  await assertLocation(tx, actor.organisationId, input.locationId);
  if (input.ownerUserId) {
    const [member] = await tx
      .select({ id: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organisationId, actor.organisationId), eq(memberships.userId, input.ownerUserId)));
    if (!member) throw fieldError(['ownerUserId'], 'requirement.owner_not_member');
  }
  const before = await ensureStatusRow(tx, actor, requirementId, input.locationId);
  const next = {
    status: input.status,
    notApplicableReason: input.status === 'not_applicable' ? (input.notApplicableReason?.trim() ?? null) : null,
    ownerUserId: input.ownerUserId === undefined ? before.ownerUserId : input.ownerUserId,
    dueDate: input.dueDate === undefined ? before.dueDate : input.dueDate,
    notes: input.notes === undefined ? before.notes : input.notes,
  };
  const [row] = await tx
    .update(requirementStatuses)
    .set({ ...next, updatedAt: new Date(), updatedBy: actor.userId })
    .where(and(eq(requirementStatuses.organisationId, actor.organisationId), eq(requirementStatuses.id, before.id)))
    .returning();
  await appendAudit(tx, {
    organisationId: actor.organisationId,
    actorUserId: actor.userId,
    action: 'requirement.status_changed',
    entityType: 'requirement_status',
    entityId: before.id,
    data: {
      requirementId,
      locationId: input.locationId,
      before: { status: before.status, notApplicableReason: before.notApplicableReason, ownerUserId: before.ownerUserId, dueDate: before.dueDate },
      after: { status: next.status, notApplicableReason: next.notApplicableReason, ownerUserId: next.ownerUserId, dueDate: next.dueDate },
    },
  });
  return row!;
}
