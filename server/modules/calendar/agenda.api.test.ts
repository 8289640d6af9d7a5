import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationDueDate } from '../../../domain/incidents/deadlines.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { type Agent, createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';
import { agenda as agendaOf, keptAgendas } from './agenda.service.ts';
import { dayFromToday, inviteMember, seedDates, tasksOf } from './calendar.fixtures.ts';

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`"Was ist jetzt zu tun?" on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    let ids: Awaited<ReturnType<typeof seedDates>>;
    let tasks: string[];
    const agenda = (query = '', agent?: Agent) => (agent ?? admin).request('GET', `/api/v1/organisations/${orgId}/agenda${query}`);

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      ids = await seedDates(t, admin, orgId);
      tasks = await tasksOf(t, orgId, admin.userId, [
        { title: 'Notfallplan drucken', ownerUserId: admin.userId, dueOn: dayFromToday(-4) },
        { title: 'Virenschutz prüfen', ownerUserId: null, dueOn: dayFromToday(-2) },
        { title: 'Noch nicht fällig', ownerUserId: admin.userId, dueOn: dayFromToday(2) },
      ]);
    });
    afterAll(async () => t?.close());

    it('lists the most urgent items across the product in order, with who, by when and where to act', async () => {
      const res = await agenda();
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.map((i: { kind: string; subject: string }) => [i.kind, i.subject])).toEqual([
        // 0: the running 24-hour clock of § 32 Abs. 1 Nr. 1 BSIG.
        ['incident_clock', 'Praxissoftware verschlüsselt'],
        // 1: duties already missed, by their date.
        ['registration_overdue', ''],
        ['leaver_access', 'Bernd Weg'],
        ['c5_expiry', 'Altes Rechenzentrum'],
        // 2: the plan's overdue tasks, oldest first.
        ['task_overdue', 'Notfallplan drucken'],
        ['task_overdue', 'Virenschutz prüfen'],
        // 3: what is coming within the warning periods.
        ['management_training', 'Dr. Anna Admin'],
        ['c5_expiry', 'Cloud-PVS GmbH'],
      ]);
      const [clock, registration, leaver, expired, task, unowned, director, expiring] = body.items;
      expect(clock).toMatchObject({
        report: 'early_warning',
        number: 1,
        isOverdue: false,
        dueOn: null,
        who: { name: null, role: 'it_lead' },
        path: `incidents/${ids.incidentId}`,
      });
      expect(Date.parse(clock.dueAt) - Date.parse(ids.noticedAt)).toBe(24 * 3600_000);
      expect(registration).toMatchObject({
        dueOn: registrationDueDate(dayFromToday(-120)),
        isOverdue: true,
        who: { name: null, role: 'management' },
        path: 'registration',
      });
      expect(leaver).toMatchObject({ dueOn: dayFromToday(-10), count: 1, who: { role: 'it_lead' }, path: `staff/${ids.leaver}` });
      expect(expired).toMatchObject({ dueOn: dayFromToday(-5), isOverdue: true, path: `suppliers/${ids.expiredSupplierId}` });
      expect(task).toMatchObject({ dueOn: dayFromToday(-4), who: { name: 'Anna Admin', role: null }, path: `tasks/${tasks[0]}` });
      expect(unowned).toMatchObject({ who: { name: null, role: null }, path: `tasks/${tasks[1]}` });
      expect(director).toMatchObject({ dueOn: dayFromToday(10), isOverdue: false, who: { name: 'Dr. Anna Admin' }, path: `management/${ids.director}` });
      expect(expiring).toMatchObject({ dueOn: dayFromToday(20), isOverdue: false, path: `suppliers/${ids.supplierId}` });
      expect(body.counts).toEqual({ incident_clock: 1, registration_overdue: 1, leaver_access: 1, task_overdue: 2, c5_expiry: 2, management_training: 1 });
      expect(body.total).toBe(8);
      expect(body.today).toBe(dayFromToday(0));
    });

    it('keeps to the limit and still counts everything', async () => {
      const body = (await agenda('?limit=3')).json();
      expect(body.items.map((i: { kind: string }) => i.kind)).toEqual(['incident_clock', 'registration_overdue', 'leaver_access']);
      expect(body.total).toBe(8);
      expect(body.counts.task_overdue).toBe(2);
    });

    it('names the escalation chain’s first person for the clocks and the MUK holder for the registration once they are set', async () => {
      await admin.request('PUT', `/api/v1/organisations/${orgId}/registration`, {
        qualifiesSince: dayFromToday(-120),
        mukHolder: { name: 'Dr. Anna Admin', email: '', phone: '' },
        escalation: [{ role: 'IT-Dienstleister', name: 'Max Techniker', phone: '', email: '' }],
      });
      const [clock, registration] = (await agenda()).json().items;
      expect(clock.who).toEqual({ name: 'Max Techniker', role: null });
      expect(registration.who).toEqual({ name: 'Dr. Anna Admin', role: null });
    });

    it('shows every member the agenda, and no one outside the organisation', async () => {
      const staff = await inviteMember(t, admin, orgId, 'mfa@praxis-a.example', 'staff');
      expect((await agenda('', staff)).statusCode).toBe(200);
      const other = await createOrganisationWithAdmin(t, 'Praxis B', 'admin@praxis-b.example');
      expect((await other.agent.request('GET', `/api/v1/organisations/${orgId}/agenda`)).statusCode).toBe(404);
      const theirs = (await other.agent.request('GET', `/api/v1/organisations/${other.organisationId}/agenda`)).json();
      expect(theirs).toMatchObject({ items: [], total: 0 });
    });

    it('keeps the agenda until the organisation changes something, and decides afresh whether a clock has run out', async () => {
      await agenda();
      const made = keptAgendas.made;
      await agenda();
      expect(keptAgendas.made).toBe(made);
      // An hour after the 24-hour early warning ran out: the clock is overdue, and still first.
      const later = new Date(Date.parse(ids.noticedAt) + 25 * 3600_000);
      const [clock] = (await withOrganisation(t.ctx.db, orgId, (tx) => agendaOf(tx, orgId, 10, later))).items;
      expect(clock).toMatchObject({ kind: 'incident_clock', report: 'early_warning', isOverdue: true });
      await agenda();
      const before = keptAgendas.made;
      await tasksOf(t, orgId, admin.userId, [{ title: 'Gerade überfällig geworden', ownerUserId: null, dueOn: dayFromToday(-1) }]);
      expect((await agenda()).json().counts.task_overdue).toBe(3);
      expect(keptAgendas.made).toBe(before + 1);
    });

    it.each([['?limit=0'], ['?limit=51'], ['?limit=abc'], ['?limit=%00'], ['?limit=1e309']])('refuses %s at the field', async (query) => {
      const res = await agenda(query);
      expect(res.statusCode).toBe(400);
      expect(res.json().issues[0].path).toEqual(['limit']);
    });
  });
}
