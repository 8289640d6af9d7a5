import type { IncidentReportKind } from '../../../domain/incidents/incident.schema.ts';
import type { IncidentDetail } from './incidents.api.ts';

export interface Clock {
  kind: IncidentReportKind;
  due: string | null;
  provisional: boolean;
  /** The own submission, or the later report that covers this one. */
  doneAt: string | null;
  reference: string | null;
  coveredBy: IncidentReportKind | null;
}

/** The reports this incident needs, in the order the law asks for them, with what has been submitted. */
export function clocksOf(incident: IncidentDetail): Clock[] {
  const submitted = new Map(incident.submissions.map((s) => [s.kind, s]));
  const clocks: Clock[] = [];
  const add = (kind: IncidentReportKind, due: string | null, provisional: boolean, coveredBy: IncidentReportKind[] = []) => {
    const own = submitted.get(kind);
    const cover = own ? undefined : coveredBy.find((k) => submitted.has(k));
    clocks.push({
      kind,
      due,
      provisional,
      doneAt: own?.submittedAt ?? (cover ? submitted.get(cover)!.submittedAt : null),
      reference: own?.reference ?? null,
      coveredBy: cover ?? null,
    });
  };
  const { bsig, gdpr } = incident.clocks;
  // In the order of urgency: 24 hours, the two 72-hour reports, the persons concerned, then the monthly reports.
  if (bsig) {
    add('early_warning', bsig.earlyWarningDue, false, ['notification', 'final_report']);
    add('notification', bsig.notificationDue, false, ['final_report']);
  }
  if (gdpr?.art33Required) add('gdpr_art33', gdpr.art33Due, false);
  if (gdpr?.art34Required) add('gdpr_art34', null, false);
  if (bsig?.progressReportDue) add('progress_report', bsig.progressReportDue, bsig.progressReportProvisional, ['final_report']);
  if (bsig?.finalReportDue) add('final_report', bsig.finalReportDue, bsig.finalReportProvisional);
  return clocks;
}

const eventRank: Record<string, number> = { reported: 0, assessed: 1, alert: 2, note: 2, measure: 2, contact: 2, submitted: 3, handling_completed: 4 };

/**
 * Newest first. Typed times carry minutes only, so within one minute the logical order decides (reported before
 * assessed before submitted before completed), not the seconds of the entries made "now".
 */
export function newestFirst<T extends { at: string; kind: string }>(events: T[]): T[] {
  const minute = (e: T) => Math.floor(Date.parse(e.at) / 60_000);
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => minute(b.event) - minute(a.event) || (eventRank[b.event.kind] ?? 2) - (eventRank[a.event.kind] ?? 2) || b.index - a.index)
    .map(({ event }) => event);
}
