import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { countAtLocations, overallStatusFromCounts } from '../../../domain/compliance/progress.ts';
import type { UpdateRequirementStatus } from '../../../domain/compliance/requirement-status.schema.ts';
import { guidanceAnswer } from '../../../domain/guidance/guidance.ts';
import { assessRequirement, berlinDate } from '../../../domain/kbv/applicability.ts';
import type { Explanation } from '../../../domain/kbv/explanation.ts';
import type { KbvRequirement, TargetObject } from '../../../domain/kbv/requirement.ts';
import type { Tx } from '../../db/connect.ts';
import { databaseErrorOf, FOREIGN_KEY_VIOLATION } from '../../db/errors.ts';
import { catalogRequirements, locations, memberships, requirementStatuses } from '../../db/schema.ts';
import type { Actor } from '../../http/auth.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { appendAudit } from '../audit/audit.ts';
import { latestCheckSummaries, type Nis2Summary } from './applicability.service.ts';
import { complianceVersion, KeptAnswers } from './compliance.cache.ts';
import { emptyAggregate, type RequirementAggregate, requirementAggregates, requirementEntries } from './compliance.queries.ts';

/** § 30 BSIG binds important and particularly important entities since the NIS2 Implementation Act (2025-12-06). */
const BSIG_IN_FORCE = '2025-12-06';

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
    const loading = tx
      .select()
      .from(catalogRequirements)
      .where(isNull(catalogRequirements.withdrawnAt))
      .orderBy(asc(catalogRequirements.sortOrder), asc(catalogRequirements.id));
    catalogCache = loading.then((rows) => rows);
    catalogCache.catch(() => (catalogCache = null));
  }
  return catalogCache;
}

const collator = new Intl.Collator('de');
/** Locations in German order, as the locations page lists them (PGlite has no ICU collations); ties keep the id order. */
export const byGermanName = <T extends { name: string }>(rows: T[]): T[] => rows.sort((a, b) => collator.compare(a.name, b.name));

type Profile = Awaited<ReturnType<typeof latestCheckSummaries>>['profile'];

function applicabilityOf(r: CatalogRow, profile: Profile, nis2: ReturnType<typeof nis2Applicability>, today: string) {
  if (r.framework !== 'kbv') return nis2;
  return assessRequirement(
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
  );
}

/**
 * One requirement as the organisation sees it, from its aggregate: the organisation-wide status by the rule "done
 * only when done at every location with its own entry", and how many locations stand at each status.
 */
function catalogItem(r: CatalogRow, applicability: ReturnType<typeof applicabilityOf>, aggregate: RequirementAggregate, locationCount: number) {
  const ownEntries = aggregate.own.open + aggregate.own.in_progress + aggregate.own.implemented + aggregate.own.not_applicable;
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
    status: overallStatusFromCounts(aggregate.organisationWide, locationCount, aggregate.own),
    overdue: aggregate.overdue,
    evidenceCount: aggregate.evidenceCount,
    /** Owner of the organisation-wide entry. */
    ownerUserId: aggregate.ownerUserId,
    /** Earliest due date of an entry not yet done. */
    dueDate: aggregate.dueDate,
    /** Locations per status (their own entry, else the organisation-wide one) and how many have their own entry. */
    locationCounts: { ...countAtLocations(aggregate.organisationWide, locationCount, aggregate.own), ownEntries },
  };
}

export type CatalogItem = ReturnType<typeof catalogItem>;

/**
 * The catalog as one organisation sees it: every requirement with whether it applies (and why), whether it is
 * binding today, and the organisation's status with counts per location, owner, due date and evidence count. The
 * database aggregates the status entries per requirement (decision 011): the work here is 102 requirements whether
 * the organisation has one location or 300. Per-location entries are on the requirement detail.
 */
export async function listCatalog(tx: Tx, organisationId: string, now = new Date()) {
  const { aggregates: _aggregates, ...catalog } = await catalogWithAggregates(tx, organisationId, now);
  return catalog;
}

const keptCatalogs = new KeptAnswers<Awaited<ReturnType<typeof countCatalog>>>();

/**
 * The catalog and the aggregates it was made from (the dashboard needs the organisation-wide statuses), kept until
 * the organisation's compliance version moves or the day changes (decision 015).
 */
export async function catalogWithAggregates(tx: Tx, organisationId: string, now = new Date()) {
  const today = berlinDate(now);
  const version = await complianceVersion(tx, organisationId);
  return keptCatalogs.get(organisationId, `${version}|${today}`, () => countCatalog(tx, organisationId, today));
}

/** The catalog counted afresh, without the kept answer (the tests compare both). */
export async function countCatalog(tx: Tx, organisationId: string, today: string) {
  const { nis2: nis2Check, profile } = await latestCheckSummaries(tx, organisationId);
  const requirements = await loadCatalog(tx);
  const locationRows = await tx
    .select({ id: locations.id, name: locations.name })
    .from(locations)
    .where(eq(locations.organisationId, organisationId))
    .orderBy(asc(locations.name), asc(locations.id))
    .then(byGermanName);
  const aggregates = await requirementAggregates(tx, organisationId, today);
  const nis2 = nis2Applicability(nis2Check, today);
  const items = requirements.map((r) =>
    catalogItem(r, applicabilityOf(r, profile, nis2, today), aggregates.get(r.id) ?? emptyAggregate(), locationRows.length),
  );
  return {
    today,
    profile,
    nis2: nis2Check,
    locations: locationRows,
    requirements: items,
    aggregates,
  };
}

/** One requirement with all its entries (organisation-wide and per location, at most one per location). */
export async function requirementDetail(tx: Tx, organisationId: string, requirementId: string, now = new Date()) {
  const row = await findRequirement(tx, requirementId);
  const today = berlinDate(now);
  const { nis2: nis2Check, profile } = await latestCheckSummaries(tx, organisationId);
  const locationRows = await tx
    .select({ id: locations.id, name: locations.name })
    .from(locations)
    .where(eq(locations.organisationId, organisationId))
    .orderBy(asc(locations.name), asc(locations.id))
    .then(byGermanName);
  const aggregate = (await requirementAggregates(tx, organisationId, today, requirementId)).get(requirementId) ?? emptyAggregate();
  const item = catalogItem(row, applicabilityOf(row, profile, nis2Applicability(nis2Check, today), today), aggregate, locationRows.length);
  const entries = await requirementEntries(tx, organisationId, requirementId);
  return { ...item, entries, locations: locationRows, profile, guidance: guidanceAnswer(requirementId) };
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

/**
 * The status row of one requirement and scope, created (open) when it does not exist yet, and locked until the
 * transaction ends. Insert-on-conflict instead of read-then-insert: the first writes of one scope may arrive at once,
 * and the unique index requirement_statuses_scope lets exactly one insert through while the others wait for it.
 */
export async function ensureStatusRow(tx: Tx, actor: Actor, requirementId: string, locationId: string | null) {
  await tx
    .insert(requirementStatuses)
    .values({ organisationId: actor.organisationId, id: randomUUID(), requirementId, locationId, status: 'open', updatedBy: actor.userId })
    .onConflictDoNothing()
    .catch((error: unknown) => {
      // The location was deleted by a request that committed after assertLocation looked.
      throw databaseErrorOf(error)?.code === FOREIGN_KEY_VIOLATION ? fieldError(['locationId'], 'location.not_found') : error;
    });
  const scope = locationId ? eq(requirementStatuses.locationId, locationId) : isNull(requirementStatuses.locationId);
  const [row] = await tx
    .select()
    .from(requirementStatuses)
    .where(and(eq(requirementStatuses.organisationId, actor.organisationId), eq(requirementStatuses.requirementId, requirementId), scope))
    .for('update');
  return row!;
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
