import { eq } from 'drizzle-orm';
import type { IncidentReportKind } from '../../../domain/incidents/incident.schema.ts';
import { pendingDeadlines, type ReminderKind, reminderTimes } from '../../../domain/incidents/reminders.ts';
import type { AppContext } from '../../context.ts';
import type { Tx } from '../../db/connect.ts';
import { organisations } from '../../db/schema.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { publicUrl } from '../../public-url.ts';
import { type JobHandler, type JobRegistry, scheduleJob } from '../jobs/jobs.ts';
import { incidentReminderMail } from '../mail/mail.ts';
import { escalationRecipients } from '../registration/registration.ts';
import { incidentWithClocks } from './clocks.service.ts';

export const REMINDER_JOB = 'incident.deadline_reminder';

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
    const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
    const link = `${await publicUrl(ctx, tx)}/o/${organisationId}/incidents/${incidentId}`;
    for (const person of recipients) {
      const mail = incidentReminderMail(person.locale, {
        organisation: organisation?.name ?? '',
        name: person.name,
        report: kind,
        number: incident.number,
        title: incident.title,
        due,
        hoursLeft: offsetHours,
        link,
      });
      await ctx.mailer.queue(tx, { organisationId, to: person.email, kind: 'incident_reminder', ...mail });
    }
  });
  ctx.mailer.deliverSoon(ctx.db);
};

/** The incidents module's scheduled work, registered when the app is built. */
export function registerReminderJobs(registry: JobRegistry) {
  registry.register(REMINDER_JOB, sendDeadlineReminder);
}
