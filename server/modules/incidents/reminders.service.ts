import { DateTime } from 'luxon';
import { LEGAL_ZONE } from '../../../domain/incidents/deadlines.ts';
import type { IncidentReportKind } from '../../../domain/incidents/incident.schema.ts';
import { pendingDeadlines, reminderTimes, type ReminderKind } from '../../../domain/incidents/reminders.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/connect.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { scheduleJob, type JobHandler } from '../jobs/jobs.service.ts';
import { escalationRecipients } from '../registration/registration.service.ts';
import { publicUrl } from '../setup/public-url.ts';
import { incidentWithClocks } from './clocks.service.ts';

export const REMINDER_JOB = 'incident.deadline_reminder';

const reportNames: Record<ReminderKind, string> = {
  early_warning: 'frühe Erstmeldung an das BSI (§ 32 Abs. 1 Nr. 1 BSIG)',
  notification: 'Meldung an das BSI (§ 32 Abs. 1 Nr. 2 BSIG)',
  progress_report: 'Fortschrittsmeldung an das BSI (§ 32 Abs. 2 BSIG)',
  final_report: 'Abschlussmeldung an das BSI (§ 32 Abs. 1 Nr. 4 BSIG)',
  gdpr_art33: 'Meldung an die Datenschutzaufsicht (Art. 33 DSGVO)',
};

async function pendingOf(tx: Tx, organisationId: string, incidentId: string) {
  const { incident, submissions, clocks } = await incidentWithClocks(tx, organisationId, incidentId);
  const submitted = new Set(submissions.map((s) => s.kind as IncidentReportKind));
  return { incident, pending: pendingDeadlines(clocks.bsig, clocks.gdpr, submitted) };
}

/**
 * Plans the reminders of every pending deadline of one incident, inside the caller's transaction. Called whenever
 * the clocks may have moved (assessment, submission, end of handling); a moved deadline gets new reminders and the
 * old ones find their deadline changed and stay silent.
 */
export async function planReminders(tx: Tx, organisationId: string, incidentId: string, now = new Date()) {
  const { pending } = await pendingOf(tx, organisationId, incidentId);
  for (const deadline of pending) {
    for (const { offsetHours, runAt } of reminderTimes(deadline.due, now)) {
      await scheduleJob(tx, {
        organisationId,
        kind: REMINDER_JOB,
        runAt,
        payload: { incidentId, kind: deadline.kind, due: deadline.due, offsetHours },
        uniqueKey: `reminder:${incidentId}:${deadline.kind}:${deadline.due}:${offsetHours}`,
      });
    }
  }
}

/** Sends one reminder if its deadline is still pending and unchanged: to the IT lead and management, and the DPO. */
export const sendDeadlineReminder: JobHandler = async (ctx: AppContext, job) => {
  const { incidentId, kind, due, offsetHours } = job.payload as { incidentId: string; kind: ReminderKind; due: string; offsetHours: number };
  if (!job.organisationId) return;
  const organisationId = job.organisationId;
  await withOrganisation(ctx.db, organisationId, async (tx) => {
    const { incident, pending } = await pendingOf(tx, organisationId, incidentId);
    if (!pending.some((p) => p.kind === kind && p.due === due)) return; // sent meanwhile, or the deadline moved
    const recipients = await escalationRecipients(tx, organisationId);
    const dueText = DateTime.fromISO(due, { setZone: true }).setZone(LEGAL_ZONE).toFormat("dd.MM.yyyy 'um' HH:mm 'Uhr'");
    const subject =
      offsetHours === 0
        ? `Frist abgelaufen: ${reportNames[kind]} zu Vorfall #${incident.number}`
        : `Noch ${offsetHours} Stunden: ${reportNames[kind]} zu Vorfall #${incident.number}`;
    const link = `${await publicUrl(ctx, tx)}/o/${organisationId}/incidents/${incidentId}`;
    for (const person of recipients) {
      await ctx.mailer.queue(tx, {
        organisationId,
        to: person.email,
        kind: 'incident_reminder',
        subject,
        text: [
          `Guten Tag ${person.name},`,
          '',
          `für den Sicherheitsvorfall #${incident.number} „${incident.title}“ ist die ${reportNames[kind]} fällig bis ${dueText}.`,
          offsetHours === 0 ? 'Die Frist ist abgelaufen. Bitte melden Sie jetzt, auch wenn noch nicht alles bekannt ist.' : 'Der Entwurf liegt in praxisschild bereit.',
          '',
          link,
        ].join('\n'),
      });
    }
  });
  await ctx.mailer.deliverPending(ctx.db);
};

export const jobHandlers: Record<string, JobHandler> = { [REMINDER_JOB]: sendDeadlineReminder };
