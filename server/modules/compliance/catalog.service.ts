import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { isOverdue, overallStatus, type ScopedStatus } from '../../../domain/compliance/progress.ts';
import type { RequirementStatus, UpdateRequirementStatus } from '../../../domain/compliance/requirement-status.schema.ts';
import { assessRequirement, berlinDate } from '../../../domain/kbv/applicability.ts';
import type { Explanation } from '../../../domain/kbv/explanation.ts';
import type { KbvRequirement, TargetObject } from '../../../domain/kbv/requirement.ts';
import { queryRows, type Tx } from '../../db/connect.ts';
import { catalogRequirements, locations, memberships, requirementStatuses } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { latestCheckSummaries, type Nis2Summary } from './applicability.service.ts';

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

function nis2Applicability(nis2: Nis2Summary | null, today: string): { applicable: boolean; mandatory: boolean; reason: Explanation } {
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
  if (nis2.category === 'not_affected') {
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
      params: { category: nis2.category },
      de: 'Als (besonders) wichtige Einrichtung muss die Praxis diese Maßnahme umsetzen.',
      en: 'As an (particularly) important entity the organisation must implement this measure.',
      legalBasis: ['§ 30 Abs. 1 BSIG'],
    },
  };
}

type CatalogRow = typeof catalogRequirements.$inferSelect;
let catalogCache: Promise<CatalogRow[]> | null = null;

/**
 * The catalog rows, read once per process: they are versioned data that only a migration changes, migrations run
 * before the server starts, and every database of this version holds the same rows. Reading them per request cost
 * more than all the organisation's own data.
 */
function loadCatalog(tx: Tx): Promise<CatalogRow[]> {
  if (!catalogCache) {
    const loading = tx.select().from(catalogRequirements).where(isNull(catalogRequirements.withdrawnAt)).orderBy(asc(catalogRequirements.sortOrder));
    catalogCache = loading.then((rows) => rows);
    catalogCache.catch(() => (catalogCache = null));
  }
  return catalogCache;
}

/**
 * Every status entry of the organisation, as one JSON document: with thousands of entries
 * this is several times faster than row-by-row results, most of all on PGlite.
 */
async function loadStatusEntries(tx: Tx, organisationId: string): Promise<Map<string, StatusEntry[]>> {
  type Packed = [string, string, string | null, RequirementStatus, string | null, string | null, string | null, string | null, string, number];
  const [row] = await queryRows<{ entries: Packed[] | string | null }>(
    tx,
    sql`select json_agg(json_build_array(s.id, s.requirement_id, s.location_id, s.status, s.not_applicable_reason,
                   s.owner_user_id, s.due_date, s.notes, s.updated_at, s.evidence_count)) as entries
          from requirement_statuses s
         where s.organisation_id = ${organisationId}`,
  );
  const packed = (typeof row?.entries === 'string' ? JSON.parse(row.entries) : row?.entries ?? []) as Packed[];
  const byRequirement = new Map<string, StatusEntry[]>();
  for (const [id, requirementId, locationId, status, notApplicableReason, ownerUserId, dueDate, notes, updatedAt, evidenceCount] of packed) {
    const list = byRequirement.get(requirementId) ?? [];
    list.push({ id, locationId, status, notApplicableReason, ownerUserId, dueDate, notes, updatedAt: new Date(updatedAt), evidenceCount });
    byRequirement.set(requirementId, list);
  }
  return byRequirement;
}

/**
 * The catalog as one organisation sees it: every requirement with whether it applies (and why), whether it is
 * binding today, and the organisation's status, organisation-wide and per location, with evidence counts.
 */
export async function listCatalog(tx: Tx, organisationId: string, now = new Date()) {
  const today = berlinDate(now);
  const { nis2: nis2Check, profile } = await latestCheckSummaries(tx, organisationId);
  const requirements = await loadCatalog(tx);
  const locationRows = await tx
    .select({ id: locations.id, name: locations.name })
    .from(locations)
    .where(eq(locations.organisationId, organisationId));
  const locationIds = locationRows.map((l) => l.id);
  const byRequirement = await loadStatusEntries(tx, organisationId);
  const nis2 = nis2Applicability(nis2Check, today);
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
    nis2: nis2Check,
    locations: locationRows,
    requirements: items,
  };
}

/**
 * The catalog list as sent to the browser: per requirement the organisation-wide entry's owner and due date, the
 * status at each location that has its own entry, and no entry ids or notes (the detail endpoint has those). Keeps
 * the answer for ten locations small enough to stay fast.
 */
export function summariseCatalog(catalog: Awaited<ReturnType<typeof listCatalog>>) {
  return {
    ...catalog,
    requirements: catalog.requirements.map(({ entries, ...requirement }) => {
      const organisationWide = entries.find((e) => e.locationId === null);
      const dueDates = entries.filter((e) => e.dueDate && e.status !== 'implemented' && e.status !== 'not_applicable').map((e) => e.dueDate!);
      return {
        ...requirement,
        ownerUserId: organisationWide?.ownerUserId ?? null,
        dueDate: dueDates.sort()[0] ?? null,
        locationStatuses: Object.fromEntries(entries.filter((e) => e.locationId !== null).map((e) => [e.locationId!, e.status])),
      };
    }),
  };
}

/** One requirement with all its entries (organisation-wide and per location). */
export async function requirementDetail(tx: Tx, organisationId: string, requirementId: string, now = new Date()) {
  await findRequirement(tx, requirementId);
  const catalog = await listCatalog(tx, organisationId, now);
  const requirement = catalog.requirements.find((r) => r.id === requirementId)!;
  return { ...requirement, locations: catalog.locations, profile: catalog.profile };
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
