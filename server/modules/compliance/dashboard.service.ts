import { countProgress, isDone, isOverdue, statusAtLocations, type ScopedStatus } from '../../../domain/compliance/progress.ts';
import type { RequirementStatus } from '../../../domain/compliance/requirement-status.schema.ts';
import { nis2Coverage, type KbvStatus } from '../../../domain/nis2/coverage.ts';
import type { Tx } from '../../db/connect.ts';
import { listIncidents } from '../incidents/incidents.service.ts';
import { listCatalog } from './catalog.service.ts';

/** Report deadlines within two days count as due soon on the dashboard. */
const DUE_SOON_MS = 48 * 3600_000;

/**
 * Where the organisation stands: progress per framework, annex and location, what is overdue, what is binding and
 * still open, how far the KBV work covers § 30 BSIG, and the fine exposure from the NIS2 check.
 */
export async function dashboard(tx: Tx, organisationId: string, now = new Date()) {
  const catalog = await listCatalog(tx, organisationId, now);
  const applicable = catalog.requirements.filter((r) => r.applicable);
  const kbv = applicable.filter((r) => r.framework === 'kbv');
  const nis2 = applicable.filter((r) => r.framework === 'nis2');
  const locationIds = catalog.locations.map((l) => l.id);

  const byAnnex = [1, 2, 3, 4, 5]
    .filter((annex) => kbv.some((r) => r.annex === annex))
    .map((annex) => ({ annex, ...countProgress(kbv.filter((r) => r.annex === annex).map((r) => r.status)) }));

  const byLocation = catalog.locations.map((location) => {
    const statuses = kbv.map((r) => statusAtLocations(r.entries as ScopedStatus[], locationIds).get(location.id) ?? 'open');
    return { locationId: location.id, name: location.name, ...countProgress(statuses as RequirementStatus[]) };
  });

  const overdue = applicable.flatMap((r) =>
    r.entries
      .filter((e) => isOverdue(e.dueDate, e.status, catalog.today))
      .map((e) => ({ requirementId: r.id, titleDe: r.titleDe, titleEn: r.titleEn, dueDate: e.dueDate!, locationId: e.locationId, status: e.status })),
  );
  overdue.sort((a, b) => a.dueDate.localeCompare(b.dueDate));

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
    mandatoryOpen,
    coverage: nis2Coverage(kbvStatuses),
    incidentDeadlines: (await listIncidents(tx, organisationId, now))
      .filter((i) => i.next && (i.next.isOverdue || i.next.remainingMs < DUE_SOON_MS))
      .map((i) => ({ incidentId: i.id, number: i.number, title: i.title, next: i.next! })),
    evidenceFiles: catalog.requirements.reduce((n, r) => n + r.evidenceCount, 0),
  };
}
