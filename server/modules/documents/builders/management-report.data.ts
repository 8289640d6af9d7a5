import { and, asc, desc, eq, gte, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { countProgress } from '../../../../domain/compliance/progress.ts';
import { ACCEPTANCE_LINE } from '../../../../domain/risks/risk-rating.ts';
import { practiceDay } from '../../../../domain/tasks/task-rules.ts';
import type { Tx } from '../../../db/connect.ts';
import { countRows } from '../../../db/list.ts';
import { incidents, risks, suppliers, tasks, users } from '../../../db/schema.ts';
import { listCatalog, overdueEntries } from '../../compliance/compliance.ts';
import { incidentsWithPendingDeadlines } from '../../incidents/incidents.ts';
import { managementOverview } from '../../management/management.ts';
import { registrationStatus } from '../../registration/registration.ts';
import { riskSummary } from '../../risks/risks.ts';
import { summariseSuppliers } from '../../suppliers/suppliers.ts';
import { trainingCoverage } from '../../training/training.ts';

/**
 * What the quarterly management report (§ 38 Abs. 1 BSIG) reads, each part counted or paged in SQL: progress per
 * framework from the catalog (102 requirements), the risks above the acceptance line, the quarter's incidents,
 * training coverage, overdue tasks and other overdue items (the ten oldest of each and their number), the directors'
 * § 38 duties and the registration under § 33 BSIG. Nothing here reads all assets, tasks or people of the organisation.
 */

/** Rows a list of the report shows at most; the count beside it says how many there are. */
export const TOP = 10;

const PRACTICE_ZONE = 'Europe/Berlin';

export interface Quarter {
  year: number;
  quarter: number;
  /** First and last calendar day (YYYY-MM-DD). */
  from: string;
  to: string;
  /** The quarter as instants: from its first midnight in Berlin up to (not including) the next quarter's. */
  start: Date;
  end: Date;
}

/** The calendar quarter that holds `now` in Germany: a report speaks for the quarter it is written in. */
export function quarterOf(now: Date): Quarter {
  const day = DateTime.fromJSDate(now).setZone(PRACTICE_ZONE);
  const first = day.startOf('quarter');
  const next = first.plus({ months: 3 });
  return {
    year: first.year,
    quarter: first.quarter,
    from: first.toISODate()!,
    to: next.minus({ days: 1 }).toISODate()!,
    start: first.toJSDate(),
    end: next.toJSDate(),
  };
}

async function progress(tx: Tx, organisationId: string, now: Date) {
  const catalog = await listCatalog(tx, organisationId, now);
  const applicable = catalog.requirements.filter((r) => r.applicable);
  const frameworks = (['kbv', 'nis2'] as const).map((framework) => ({
    framework,
    ...countProgress(applicable.filter((r) => r.framework === framework).map((r) => r.status)),
  }));
  const overdue = await overdueEntries(
    tx,
    organisationId,
    applicable.map((r) => r.id),
    catalog.today,
    TOP,
  );
  const requirementById = new Map(catalog.requirements.map((r) => [r.id, r]));
  const locationById = new Map(catalog.locations.map((l) => [l.id, l.name]));
  return {
    today: catalog.today,
    nis2: catalog.nis2,
    kbvAssessed: catalog.profile.assessed,
    frameworks,
    overdueRequirements: {
      total: overdue.total,
      items: overdue.items.map((entry) => ({
        ...entry,
        requirement: requirementById.get(entry.requirementId)!,
        location: entry.locationId ? (locationById.get(entry.locationId) ?? null) : null,
      })),
    },
  };
}

const currentScore = sql<number>`coalesce(${risks.residualLikelihood} * ${risks.residualImpact}, ${risks.likelihood} * ${risks.impact})`;

/** The highest risks above the acceptance line that management has not accepted, and the summary's counts. */
async function openRisks(tx: Tx, organisationId: string) {
  const summary = await riskSummary(tx, organisationId);
  const top = await tx
    .select({
      number: risks.number,
      title: risks.title,
      owner: risks.owner,
      treatment: risks.treatment,
      score: currentScore.mapWith(Number),
    })
    .from(risks)
    .where(and(eq(risks.organisationId, organisationId), sql`${currentScore} > ${ACCEPTANCE_LINE}::int`, isNull(risks.acceptedAt)))
    .orderBy(desc(currentScore), asc(risks.number))
    .limit(TOP);
  return { total: summary.total, open: summary.openDecisions, accepted: summary.accepted, top };
}

/** Incidents noticed in the quarter (with the significant ones), those still open, and the newest of either. */
async function incidentFigures(tx: Tx, organisationId: string, quarter: Quarter) {
  const inQuarter = and(gte(incidents.noticedAt, quarter.start), lt(incidents.noticedAt, quarter.end));
  const open = isNull(incidents.handlingCompletedAt);
  const count = (condition: SQL | undefined) => sql<number>`count(*) filter (where ${condition})::int`.mapWith(Number);
  const [counts] = await tx
    .select({
      inQuarter: count(inQuarter),
      significant: count(and(inQuarter, eq(incidents.significant, true))),
      unassessed: count(and(inQuarter, isNull(incidents.significant))),
      open: count(open),
    })
    .from(incidents)
    .where(eq(incidents.organisationId, organisationId));
  const shown = await tx
    .select({
      number: incidents.number,
      title: incidents.title,
      noticedAt: incidents.noticedAt,
      significant: incidents.significant,
      completedAt: incidents.handlingCompletedAt,
    })
    .from(incidents)
    .where(and(eq(incidents.organisationId, organisationId), or(inQuarter, open)))
    .orderBy(desc(incidents.noticedAt), desc(incidents.number))
    .limit(TOP);
  return { ...(counts ?? { inQuarter: 0, significant: 0, unassessed: 0, open: 0 }), shown };
}

/** Reports of incidents past their deadline: from the newest incidents' clocks, as the calendar feeds read them. */
async function overdueReports(tx: Tx, organisationId: string, now: Date) {
  const pending = await incidentsWithPendingDeadlines(tx, organisationId, now);
  return pending.flatMap((incident) =>
    incident.deadlines
      .filter((deadline) => Date.parse(deadline.due) < now.getTime())
      .map((deadline) => ({ number: incident.number, title: incident.title, report: deadline.report, due: deadline.due })),
  );
}

const taskOverdue = (today: string) => and(sql`${tasks.status} in ('open', 'in_progress')`, lt(tasks.dueOn, today));

async function overdueTasks(tx: Tx, organisationId: string, today: string) {
  const mine = and(eq(tasks.organisationId, organisationId), taskOverdue(today));
  const [counted] = await tx.select({ n: countRows() }).from(tasks).where(mine);
  const top = await tx
    .select({ title: tasks.title, dueOn: tasks.dueOn, owner: users.name })
    .from(tasks)
    .leftJoin(users, eq(users.id, tasks.ownerUserId))
    .where(mine)
    .orderBy(asc(tasks.dueOn), asc(tasks.id))
    .limit(TOP);
  return { total: counted?.n ?? 0, top };
}

/** Reviews of risks and suppliers whose date has passed: the oldest of each and how many. */
async function overdueReviews(tx: Tx, organisationId: string, today: string) {
  const riskDue = and(eq(risks.organisationId, organisationId), lt(risks.reviewOn, today));
  const supplierDue = and(eq(suppliers.organisationId, organisationId), lt(suppliers.nextReviewOn, today));
  const [riskCount] = await tx.select({ n: countRows() }).from(risks).where(riskDue);
  const [supplierCount] = await tx.select({ n: countRows() }).from(suppliers).where(supplierDue);
  const riskTop = await tx
    .select({ number: risks.number, title: risks.title, due: risks.reviewOn })
    .from(risks)
    .where(riskDue)
    .orderBy(asc(risks.reviewOn), asc(risks.number))
    .limit(TOP);
  const supplierTop = await tx
    .select({ name: suppliers.name, due: suppliers.nextReviewOn })
    .from(suppliers)
    .where(supplierDue)
    .orderBy(asc(suppliers.nextReviewOn), asc(suppliers.id))
    .limit(TOP);
  return { risks: { total: riskCount?.n ?? 0, top: riskTop }, suppliers: { total: supplierCount?.n ?? 0, top: supplierTop } };
}

export async function readReportData(tx: Tx, organisationId: string, now: Date) {
  const today = practiceDay(now);
  const quarter = quarterOf(now);
  const supplierSummary = await summariseSuppliers(tx, organisationId, today);
  const management = await managementOverview(tx, organisationId, null, now);
  const registration = await registrationStatus(tx, organisationId, now);
  return {
    today,
    quarter,
    progress: await progress(tx, organisationId, now),
    risks: await openRisks(tx, organisationId),
    incidents: await incidentFigures(tx, organisationId, quarter),
    overdueReports: await overdueReports(tx, organisationId, now),
    training: await trainingCoverage(tx, organisationId, today),
    tasks: await overdueTasks(tx, organisationId, today),
    reviews: await overdueReviews(tx, organisationId, today),
    suppliers: { avvMissing: supplierSummary.warnings.avv_missing, c5Missing: supplierSummary.warnings.c5_missing },
    directors: management.directors,
    registration: { ...registration.readiness, registered: registration.setup.checklist.registeredInPortal },
  };
}

export type ReportData = Awaited<ReturnType<typeof readReportData>>;
