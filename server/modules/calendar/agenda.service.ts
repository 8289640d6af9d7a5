import { DateTime } from 'luxon';
import type { Role } from '../../../domain/auth/roles.ts';
import { type AgendaKind, orderAgenda } from '../../../domain/calendar/agenda.ts';
import { practiceDay } from '../../../domain/calendar/reminders.ts';
import { registrationReadiness, storedRegistrationSetupSchema } from '../../../domain/registration/registration.ts';
import type { Tx } from '../../db/connect.ts';
import { latestCheckSummaries } from '../compliance/compliance.ts';
import { incidentsWithDeadlines } from '../incidents/incidents.ts';
import { expiringC5, lapsingManagementTraining, leaversWithAccess, overdueTasks, storedRegistration } from './calendar.queries.ts';

interface Item {
  kind: AgendaKind;
  key: string;
  subject: string;
  report: string | null;
  number: number | null;
  count: number | null;
  who: { name: string | null; role: Role | null };
  dueAt: string | null;
  dueOn: string | null;
  isOverdue: boolean;
  path: string;
}

const base = { report: null, number: null, count: null, dueAt: null, dueOn: null };

/**
 * "Was ist jetzt zu tun?": the most urgent items across the product with who acts, by when and where. Each kind is read
 * in SQL (at most `limit` rows, in the order of its date, with the count of all), so the work stays the same however
 * large the organisation; domain/calendar/agenda.ts orders the few rows read across kinds.
 */
export async function agenda(tx: Tx, organisationId: string, limit: number, now = new Date()) {
  const today = practiceDay(now);
  const setup = storedRegistrationSetupSchema.parse((await storedRegistration(tx, organisationId)) ?? {});
  const { nis2 } = await latestCheckSummaries(tx, organisationId);
  // The escalation chain's first person stands for the incident clocks; without one, the IT lead's role.
  const firstInChain = setup.escalation.find((row) => row.name.trim())?.name ?? null;

  const clocks = (await incidentsWithDeadlines(tx, organisationId, now)).filter((i) => i.next !== null);
  const incidentItems: Item[] = clocks.map((i) => ({
    ...base,
    kind: 'incident_clock',
    key: `incident_clock:${i.id}`,
    subject: i.title,
    report: i.next!.kind,
    number: i.number,
    who: { name: firstInChain, role: firstInChain ? null : 'it_lead' },
    dueAt: i.next!.due,
    isOverdue: i.next!.isOverdue,
    path: `incidents/${i.id}`,
  }));

  const readiness = registrationReadiness(setup, nis2?.category ?? null, today);
  const registrationItems: Item[] =
    readiness.required && readiness.isOverdue
      ? [
          {
            ...base,
            kind: 'registration_overdue',
            key: 'registration_overdue',
            subject: '',
            who: { name: setup.mukHolder.name.trim() || null, role: setup.mukHolder.name.trim() ? null : 'management' },
            dueOn: readiness.dueDate,
            isOverdue: true,
            path: 'registration',
          },
        ]
      : [];

  const tasks = await overdueTasks(tx, organisationId, today, limit);
  const leavers = await leaversWithAccess(tx, organisationId, today, limit);
  const c5 = await expiringC5(tx, organisationId, today, limit);
  const directors = await lapsingManagementTraining(tx, organisationId, today, limit);

  const items: Item[] = [
    ...incidentItems,
    ...registrationItems,
    ...tasks.items.map(
      (task): Item => ({
        ...base,
        kind: 'task_overdue',
        key: `task_overdue:${task.id}`,
        subject: task.title,
        who: { name: task.ownerName, role: null },
        dueOn: task.dueOn,
        isOverdue: true,
        path: `tasks/${task.id}`,
      }),
    ),
    ...leavers.items.map(
      (person): Item => ({
        ...base,
        kind: 'leaver_access',
        key: `leaver_access:${person.id}`,
        subject: person.name,
        count: person.accounts,
        // Accounts are disabled by whoever administers them: the IT lead.
        who: { name: null, role: 'it_lead' },
        dueOn: person.endsOn,
        isOverdue: true,
        path: `access/people/${person.id}`,
      }),
    ),
    ...c5.items.map(
      (supplier): Item => ({
        ...base,
        kind: 'c5_expiry',
        key: `c5_expiry:${supplier.id}`,
        subject: supplier.name,
        who: { name: null, role: 'it_lead' },
        dueOn: supplier.validUntil,
        // Valid until that day inclusive (domain/suppliers/supplier-warnings.ts).
        isOverdue: supplier.validUntil < today,
        path: `suppliers/${supplier.id}`,
      }),
    ),
    ...directors.items.map(
      (director): Item => ({
        ...base,
        kind: 'management_training',
        key: `management_training:${director.id}`,
        subject: director.name,
        who: { name: director.name, role: null },
        dueOn: director.dueOn,
        // trainingStanding (domain/management): lapsed on the due day itself.
        isOverdue: director.dueOn <= today,
        path: `management/${director.id}`,
      }),
    ),
  ];
  const counts: Record<AgendaKind, number> = {
    incident_clock: incidentItems.length,
    registration_overdue: registrationItems.length,
    task_overdue: tasks.total,
    leaver_access: leavers.total,
    c5_expiry: c5.total,
    management_training: directors.total,
  };
  return {
    now: DateTime.fromJSDate(now).toUTC().toISO()!,
    today,
    items: orderAgenda(items, limit),
    counts,
    total: Object.values(counts).reduce((sum, n) => sum + n, 0),
  };
}
