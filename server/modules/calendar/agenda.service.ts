import { DateTime } from 'luxon';
import type { Role } from '../../../domain/auth/roles.ts';
import { type AgendaKind, orderAgenda } from '../../../domain/calendar/agenda.ts';
import { practiceDay } from '../../../domain/calendar/reminders.ts';
import { registrationReadiness, storedRegistrationSetupSchema } from '../../../domain/registration/registration.ts';
import type { Tx } from '../../db/connect.ts';
import { latestCheckSummaries } from '../compliance/compliance.ts';
import { incidentsWithDeadlines } from '../incidents/incidents.ts';
import { agendaRows, auditVersion } from './calendar.queries.ts';
import { Kept } from './kept.ts';

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
 * in SQL (at most `limit` rows, in the order of its date, with the count of all; one statement for the registers and
 * the tasks, the incidents' running clocks from their module), so the work stays the same however large the
 * organisation; domain/calendar/agenda.ts orders the few rows read across kinds.
 */
async function makeAgenda(tx: Tx, organisationId: string, limit: number, now: Date, today: string) {
  const rows = await agendaRows(tx, organisationId, today, limit);
  const setup = storedRegistrationSetupSchema.parse(rows.registration ?? {});
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

  const items: Item[] = [
    ...incidentItems,
    ...registrationItems,
    ...rows.tasks.map(
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
    ...rows.leavers.map(
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
        path: `staff/${person.id}`,
      }),
    ),
    ...rows.suppliers.map(
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
    ...rows.directors.map(
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
    task_overdue: rows.taskCount,
    leaver_access: rows.leaverCount,
    c5_expiry: rows.supplierCount,
    management_training: rows.directorCount,
  };
  return { items: orderAgenda(items, limit), counts, total: Object.values(counts).reduce((sum, n) => sum + n, 0) };
}

/**
 * Agendas kept per organisation and limit (decision 033): made again when the organisation's audit head or the day
 * moves, and at least every minute. Nothing in them depends on the time of day except whether a report clock has run
 * out, which is decided afresh on every answer; its place in the order does not change with it.
 */
export const keptAgendas = new Kept<Awaited<ReturnType<typeof makeAgenda>>>({ maxEntries: 500, maxAgeMs: 60_000 });

/** "Was ist jetzt zu tun?" of the organisation at `now`. */
export async function agenda(tx: Tx, organisationId: string, limit: number, now = new Date()) {
  const today = practiceDay(now);
  const version = await auditVersion(tx, organisationId);
  const kept = await keptAgendas.get(
    `${organisationId}|${limit}`,
    `${version}|${today}`,
    () => makeAgenda(tx, organisationId, limit, now, today),
    now.getTime(),
  );
  return {
    now: DateTime.fromJSDate(now).toUTC().toISO()!,
    today,
    ...kept,
    items: kept.items.map((item) => (item.kind === 'incident_clock' && item.dueAt ? { ...item, isOverdue: Date.parse(item.dueAt) < now.getTime() } : item)),
  };
}
