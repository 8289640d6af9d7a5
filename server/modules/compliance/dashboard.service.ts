import { countProgress, isDone, locationProgress, tally } from '../../../domain/compliance/progress.ts';
import { berlinDate } from '../../../domain/kbv/applicability.ts';
import { type KbvStatus, nis2Coverage } from '../../../domain/nis2/coverage.ts';
import type { Tx } from '../../db/connect.ts';
import { incidentsWithDeadlines } from '../incidents/incidents.ts';
import { byGermanName, countCatalog } from './catalog.service.ts';
import { complianceVersion, KeptAnswers } from './compliance.cache.ts';
import { locationAggregates, overdueEntries } from './compliance.queries.ts';

/** Report deadlines within two days count as due soon on the dashboard. */
const DUE_SOON_MS = 48 * 3600_000;
/** The dashboard lists the oldest overdue entries and says how many there are; the catalog filter shows them all. */
export const DASHBOARD_OVERDUE_LIMIT = 50;

/**
 * Where the organisation stands: progress per framework, annex and location, what is overdue, what is binding and
 * still open, how far the KBV work covers § 30 BSIG, and the fine exposure from the NIS2 check. The status entries
 * are counted by the database (per requirement, per location); nothing here loops over locations × requirements.
 */
export async function dashboard(tx: Tx, organisationId: string, now = new Date()) {
  const version = await complianceVersion(tx, organisationId);
  const counted = await keptDashboards.get(organisationId, `${version}|${berlinDate(now)}`, () => countDashboard(tx, organisationId, now));
  return {
    ...counted,
    // Deadlines move with the clock, not with the data: always read (one row per incident with a pending report).
    incidentDeadlines: (await incidentsWithDeadlines(tx, organisationId, now))
      .filter((i) => i.next && (i.next.isOverdue || i.next.remainingMs < DUE_SOON_MS))
      .map((i) => ({ incidentId: i.id, number: i.number, title: i.title, next: i.next! })),
  };
}

export const keptDashboards = new KeptAnswers<Awaited<ReturnType<typeof countDashboard>>>();

/** The counted part of the dashboard, kept until the compliance version moves or the day changes (decision 015); exported for the tests, which compare it with the kept one. */
export async function countDashboard(tx: Tx, organisationId: string, now: Date) {
  const catalog = await countCatalog(tx, organisationId, berlinDate(now));
  const applicable = catalog.requirements.filter((r) => r.applicable);
  const kbv = applicable.filter((r) => r.framework === 'kbv');
  const nis2 = applicable.filter((r) => r.framework === 'nis2');
  const byId = new Map(catalog.requirements.map((r) => [r.id, r]));

  const byAnnex = [1, 2, 3, 4, 5]
    .filter((annex) => kbv.some((r) => r.annex === annex))
    .map((annex) => ({ annex, ...countProgress(kbv.filter((r) => r.annex === annex).map((r) => r.status)) }));

  // At each location its own entry counts, else the organisation-wide one: organisation-wide counts once, and per
  // location what its own entries replace.
  const organisationWide = new Map(kbv.map((r) => [r.id, catalog.aggregates.get(r.id)?.organisationWide ?? 'open'] as const));
  const wide = tally(organisationWide.values());
  const byLocation = byGermanName(await locationAggregates(tx, organisationId, organisationWide)).map((l) => ({
    locationId: l.locationId,
    name: l.name,
    ...locationProgress(wide, l.own, l.replaced),
  }));

  const overdueFound = await overdueEntries(
    tx,
    organisationId,
    applicable.map((r) => r.id),
    catalog.today,
    DASHBOARD_OVERDUE_LIMIT,
  );
  const overdue = overdueFound.items.map((e) => {
    const r = byId.get(e.requirementId)!;
    return { requirementId: r.id, titleDe: r.titleDe, titleEn: r.titleEn, dueDate: e.dueDate, locationId: e.locationId, status: e.status };
  });

  const mandatoryOpen = applicable
    .filter((r) => r.mandatory && !isDone(r.status))
    .map((r) => ({ requirementId: r.id, framework: r.framework, titleDe: r.titleDe, titleEn: r.titleEn, status: r.status, effectiveFrom: r.effectiveFrom }));

  // Requirements that do not apply to this practice count as not applicable for the NIS2 coverage.
  const kbvStatuses = new Map<string, KbvStatus>(
    catalog.requirements.filter((r) => r.framework === 'kbv').map((r) => [r.id, r.applicable ? r.status : 'not_applicable']),
  );

  return {
    today: catalog.today,
    profile: catalog.profile,
    nis2: catalog.nis2,
    progress: {
      kbv: countProgress(kbv.map((r) => r.status)),
      nis2: countProgress(nis2.map((r) => r.status)),
      byAnnex,
      byLocation,
    },
    overdue,
    /** All overdue entries; `overdue` lists the oldest DASHBOARD_OVERDUE_LIMIT of them. */
    overdueTotal: overdueFound.total,
    mandatoryOpen,
    coverage: nis2Coverage(kbvStatuses),
    evidenceFiles: catalog.requirements.reduce((n, r) => n + r.evidenceCount, 0),
  };
}
