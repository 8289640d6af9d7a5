import type { BsigDeadlines, GdprDuties } from './deadlines.schema.ts';
import type { IncidentReportKind } from './incident.schema.ts';

export type ReminderKind = 'early_warning' | 'notification' | 'progress_report' | 'final_report' | 'gdpr_art33';

/** Reminders go out 12 and 2 hours before a deadline, and once more when it has passed. */
export const REMINDER_OFFSETS_HOURS = [12, 2, 0] as const;

export interface PendingDeadline {
  kind: ReminderKind;
  due: string;
}

/**
 * The deadlines of an incident still waiting for a report. A later report covers the earlier stage it replaces
 * (the notification covers the early warning, the final report the progress report), as in nextDeadline.
 */
export function pendingDeadlines(bsig: BsigDeadlines | null, gdpr: GdprDuties | null, submitted: ReadonlySet<IncidentReportKind>): PendingDeadline[] {
  const has = (...kinds: IncidentReportKind[]) => kinds.some((k) => submitted.has(k));
  const result: PendingDeadline[] = [];
  if (bsig) {
    if (!has('early_warning', 'notification', 'final_report')) result.push({ kind: 'early_warning', due: bsig.earlyWarningDue });
    if (!has('notification', 'final_report')) result.push({ kind: 'notification', due: bsig.notificationDue });
    if (bsig.progressReportDue && !has('progress_report', 'final_report')) result.push({ kind: 'progress_report', due: bsig.progressReportDue });
    if (bsig.finalReportDue && !has('final_report')) result.push({ kind: 'final_report', due: bsig.finalReportDue });
  }
  if (gdpr?.art33Required && gdpr.art33Due && !has('gdpr_art33')) result.push({ kind: 'gdpr_art33', due: gdpr.art33Due });
  return result;
}

/** When each reminder for a deadline is sent; reminders whose time has passed are not planned again. */
export function reminderTimes(due: string, now: Date): { offsetHours: number; runAt: Date }[] {
  const dueMs = Date.parse(due);
  return REMINDER_OFFSETS_HOURS.map((offsetHours) => ({ offsetHours, runAt: new Date(dueMs - offsetHours * 3600_000) })).filter(
    (r) => r.runAt.getTime() > now.getTime() - 60_000,
  );
}
