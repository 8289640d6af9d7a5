import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import type { Role } from '../../../domain/auth/roles.ts';
import { addDays, practiceDay } from '../../../domain/calendar/reminders.ts';
import { memberships, people, personAccounts } from '../../db/schema.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { type Agent, completeEnrolment, login, PASSWORD, type TestApp } from '../../test/test-app.ts';
import { insertTasks, type TaskDraft } from '../tasks/tasks.ts';

// Test helpers of the calendar module: a feed parsed with ical.js (a parser other than the writer), and the dates of
// every kind written through the routes of their areas (the tasks through the tasks module's entry).

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  url: string | null;
  allDay: boolean;
  /** YYYY-MM-DD for all-day events, the instant in ISO for timed ones. */
  start: string;
}

/** The events of an ICS text as a calendar program reads them (ical.js, Mozilla's parser). */
export function parseFeed(text: string): { name: string | null; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    const allDay = event.startDate.isDate;
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      url: (component.getFirstPropertyValue('url') as string | null) ?? null,
      allDay,
      start: allDay ? event.startDate.toString() : event.startDate.toJSDate().toISOString(),
    };
  });
  return { name: (calendar.getFirstPropertyValue('x-wr-calname') as string | null) ?? null, events };
}

/** The kind of a feed event from its uid (domain/calendar/feed.ts buildFeedEvents). */
export function kindOfUid(uid: string): string {
  if (uid.startsWith('management-training-')) return 'management_training_due';
  if (uid.startsWith('registration.')) return 'registration_due';
  const prefix = uid.split('-')[0];
  return { task: 'task', incident: 'incident_deadline', c5: 'c5_expiry', training: 'training_due' }[prefix!] ?? 'unknown';
}

/** A calendar day `days` from the practice's today. */
export const dayFromToday = (days: number, now = new Date()) => addDays(practiceDay(now), days);

/** Tasks inserted through the tasks module's entry, as the given member of the organisation. */
export async function tasksOf(t: TestApp, organisationId: string, userId: string, drafts: TaskDraft[]): Promise<string[]> {
  const actor = { userId, organisationId, role: 'management' as Role, isAdmin: true };
  const created = await withOrganisation(t.ctx.db, organisationId, (tx) => insertTasks(tx, actor, drafts));
  return created.map((c) => c.id);
}

/** A member with the role, signed in (invitation accepted, two-factor enrolment done). */
export async function inviteMember(t: TestApp, admin: Agent, organisationId: string, email: string, role: Role): Promise<Agent> {
  const invitation = await admin.request('POST', `/api/v1/organisations/${organisationId}/invitations`, { email, role });
  const token = new URL(invitation.json().link).pathname.split('/').pop();
  const accepted = await t.app.inject({
    method: 'POST',
    url: `/api/v1/invitations/${token}/accept`,
    payload: { name: `Frau ${email.split('@')[0]}`, password: PASSWORD },
  });
  if (accepted.statusCode >= 300) throw new Error(`accept: ${accepted.statusCode} ${accepted.body}`);
  const secret = accepted.json().enrolment.secret;
  await completeEnrolment(t.app, `ps_session=${accepted.cookies.find((c) => c.name === 'ps_session')!.value}`, secret);
  return login(t, email, secret);
}

/** The path of a feed address, for app.inject. */
export const feedPath = (url: string) => new URL(url).pathname;

/**
 * One date of every kind, for the feeds and the agenda: a running incident (significant, personal data breached), the
 * § 33 registration a month overdue, a cloud supplier whose C5 attestation ends in 20 days and one whose ended 5 days
 * ago, a course due again in about a month for a nurse and the admin's own person, the admin as a director whose § 38
 * training lapses in about ten days, and a leaver with an active account. Returns the ids.
 */
export async function seedDates(t: TestApp, admin: Agent, organisationId: string) {
  const org = (path: string) => `/api/v1/organisations/${organisationId}${path}`;
  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await admin.request(method, org(path), body);
    if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? null : res.json();
  };
  await ok('POST', '/applicability/nis2', {
    financialYear: 2025,
    check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 80, annualTurnoverEur: 6_000_000, balanceSheetTotalEur: 3_000_000 },
  });
  await ok('PUT', '/registration', { qualifiesSince: dayFromToday(-120) });
  // A whole minute an hour ago: the feed writes instants to the second.
  const noticedAt = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3600_000).toISOString();
  const incident = await ok('POST', '/incidents', {
    title: 'Praxissoftware verschlüsselt',
    noticedAt,
    patientDataInvolved: true,
  });
  await ok('PUT', `/incidents/${incident.id}/significance`, {
    severeDisruption: 'yes',
    financialLoss: 'no',
    considerableHarmToOthers: 'no',
    maliciousSuspected: true,
    crossBorderImpact: false,
    personalDataBreach: true,
    gdprRisk: 'risk',
  });
  const supplier = await ok('POST', '/suppliers', {
    name: 'Cloud-PVS GmbH',
    cloudHealthData: true,
    c5Basis: 'attestation',
    c5Type: 'type2',
    c5ValidUntil: dayFromToday(20),
  });
  const expired = await ok('POST', '/suppliers', {
    name: 'Altes Rechenzentrum',
    cloudHealthData: true,
    c5Basis: 'attestation',
    c5Type: 'type2',
    c5ValidUntil: dayFromToday(-5),
  });
  // People are written directly: their register is a module of its own.
  const nurse = randomUUID();
  const director = randomUUID();
  const leaver = randomUUID();
  await t.ctx.db.insert(people).values([
    { organisationId, id: nurse, name: 'Lena Schmidt', role: 'nurse', startsOn: '2020-01-01' },
    { organisationId, id: director, name: 'Dr. Anna Admin', role: 'management', startsOn: '2020-01-01', userId: admin.userId },
    { organisationId, id: leaver, name: 'Bernd Weg', role: 'physician', startsOn: '2020-01-01', endsOn: dayFromToday(-10) },
  ]);
  await t.ctx.db
    .insert(personAccounts)
    .values({ organisationId, id: randomUUID(), personId: leaver, system: 'windows_ad', accountName: 'bweg', status: 'active' });
  const course = await ok('POST', '/training/courses', { title: 'Phishing erkennen', topic: 'phishing', durationMinutes: 45, recurrenceMonths: 12 });
  const session = await ok('POST', '/training/sessions', { courseId: course.id, heldOn: addDays(dayFromToday(30), -365) });
  await ok('PUT', `/training/sessions/${session.id}/attendance`, {
    attendees: [
      { personId: nurse, attended: true },
      { personId: director, attended: true },
    ],
  });
  await ok('POST', `/management/people/${director}/trainings`, {
    heldOn: addDays(dayFromToday(10), -365),
    agenda: 'Pflichten nach § 38 BSIG',
    provider: 'Ärztekammer',
  });
  return {
    noticedAt,
    incidentId: incident.id as string,
    supplierId: supplier.id as string,
    expiredSupplierId: expired.id as string,
    courseId: course.id as string,
    nurse,
    director,
    leaver,
  };
}

/** Ends a membership directly (the member left the organisation). */
export async function removeMembership(t: TestApp, organisationId: string, userId: string) {
  const { and, eq } = await import('drizzle-orm');
  await t.ctx.db.delete(memberships).where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
}
