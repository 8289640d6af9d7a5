import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrationDueDate } from '../../../domain/incidents/deadlines.ts';
import { queryRows } from '../../db/connect.ts';
import { type Agent, createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';
import { dayFromToday, feedPath, inviteMember, kindOfUid, parseFeed, removeMembership, seedDates, tasksOf } from './calendar.fixtures.ts';
import { keptFeeds } from './feed.service.ts';

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`calendar feeds on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let staff: Agent;
    let orgId: string;
    let ids: Awaited<ReturnType<typeof seedDates>>;
    let taskIds: string[];
    const url = (path: string) => `/api/v1/organisations/${orgId}/calendar${path}`;
    const fetchFeed = (path: string) => t.app.inject({ method: 'GET', url: path, remoteAddress: '10.9.0.1' });
    const unknownPath = () => t.app.inject({ method: 'GET', url: '/api/v1/calendar/no-such-path/at-all', remoteAddress: '10.9.0.1' });

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      staff = await inviteMember(t, admin, orgId, 'mfa@praxis-a.example', 'staff');
      ids = await seedDates(t, admin, orgId);
      taskIds = await tasksOf(t, orgId, admin.userId, [
        { title: 'Backup-Wiederherstellung testen', ownerUserId: admin.userId, dueOn: dayFromToday(3) },
        { title: 'Passwortrichtlinie aushängen', ownerUserId: staff.userId, dueOn: dayFromToday(5) },
        { title: 'Notfallplan drucken', ownerUserId: null, dueOn: dayFromToday(-4) },
        { title: 'Ohne Termin', ownerUserId: admin.userId },
        { title: 'Längst vergessen', ownerUserId: admin.userId, dueOn: dayFromToday(-400) },
      ]);
    });
    afterAll(async () => t?.close());

    it('serves the organisation feed with every kind of event, read back by a calendar parser', async () => {
      const created = await admin.request('POST', url('/feeds'), { scope: 'organisation' });
      expect(created.statusCode).toBe(201);
      expect(created.json().url).toMatch(/^http:\/\/praxisschild\.test\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const res = await fetchFeed(feedPath(created.json().url));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      const feed = parseFeed(res.body);
      expect(feed.name).toBe('praxisschild: Praxis A');
      const kinds = new Set(feed.events.map((e) => kindOfUid(e.uid)));
      expect([...kinds].sort()).toEqual(['c5_expiry', 'incident_deadline', 'management_training_due', 'registration_due', 'task', 'training_due']);

      const byKind = (kind: string) => feed.events.filter((e) => kindOfUid(e.uid) === kind);
      // Open tasks with a due date inside the window, all-day, with the owner and a link to the task.
      expect(
        byKind('task')
          .map((e) => e.summary)
          .sort(),
      ).toEqual(['Aufgabe fällig: Backup-Wiederherstellung testen', 'Aufgabe fällig: Notfallplan drucken', 'Aufgabe fällig: Passwortrichtlinie aushängen']);
      const backup = byKind('task').find((e) => e.summary.includes('Backup'))!;
      expect(backup).toMatchObject({ allDay: true, start: dayFromToday(3), url: `http://praxisschild.test/o/${orgId}/tasks/${taskIds[0]}` });
      expect(backup.description).toContain('Zuständig: Anna Admin');
      // § 32 Abs. 1 Nr. 1 and 2 BSIG and Art. 33 DSGVO: three running clocks, timed, 24 and 72 hours after awareness;
      // § 32 Abs. 2 BSIG: while handling goes on, the progress report one month after the notification, a whole day.
      const clocks = byKind('incident_deadline');
      expect(clocks.map((e) => [e.summary, e.allDay]).sort()).toEqual([
        ['Frist: Fortschrittsmeldung an das BSI (§ 32 Abs. 2 BSIG), Vorfall #1', true],
        ['Frist: Meldung an das BSI (§ 32 Abs. 1 Nr. 2 BSIG), Vorfall #1', false],
        ['Frist: Meldung an die Datenschutzaufsicht (Art. 33 DSGVO), Vorfall #1', false],
        ['Frist: frühe Erstmeldung an das BSI (§ 32 Abs. 1 Nr. 1 BSIG), Vorfall #1', false],
      ]);
      const early = clocks.find((e) => e.summary.includes('frühe Erstmeldung'))!;
      expect(Date.parse(early.start) - Date.parse(ids.noticedAt)).toBe(24 * 3600_000);
      expect(clocks.every((e) => e.url === `http://praxisschild.test/o/${orgId}/incidents/${ids.incidentId}`)).toBe(true);
      // § 33 Abs. 1 BSIG: three months after qualifying, not yet registered.
      expect(byKind('registration_due')).toEqual([
        expect.objectContaining({ allDay: true, start: registrationDueDate(dayFromToday(-120)), url: `http://praxisschild.test/o/${orgId}/registration` }),
      ]);
      expect(byKind('c5_expiry').map((e) => [e.summary, e.start])).toEqual([
        ['C5-Testat endet: Altes Rechenzentrum', dayFromToday(-5)],
        ['C5-Testat endet: Cloud-PVS GmbH', dayFromToday(20)],
      ]);
      // One event per course and day, with the number of people due: the nurse and the director.
      expect(byKind('training_due').map((e) => [e.summary, e.start])).toEqual([['Schulung fällig: Phishing erkennen (Personen: 2)', dayFromToday(30)]]);
      expect(byKind('management_training_due').map((e) => [e.summary, e.start])).toEqual([['§ 38-Schulung läuft ab: Dr. Anna Admin', dayFromToday(10)]]);
      expect(new Set(feed.events.map((e) => e.uid)).size).toBe(feed.events.length);
    });

    it("gives a member's personal feed their own tasks and what their role answers for", async () => {
      const mine = await admin.request('POST', url('/feeds'), { scope: 'personal' });
      expect(mine.statusCode).toBe(201);
      const adminFeed = parseFeed((await fetchFeed(feedPath(mine.json().url))).body);
      expect(adminFeed.name).toBe('praxisschild: Anna Admin (Praxis A)');
      const adminTasks = adminFeed.events.filter((e) => kindOfUid(e.uid) === 'task').map((e) => e.summary);
      expect(adminTasks).toEqual(['Aufgabe fällig: Backup-Wiederherstellung testen']);
      // Management and administrator: the incident clocks, the registration, the C5 dates, and their own training.
      expect(new Set(adminFeed.events.map((e) => kindOfUid(e.uid)))).toEqual(
        new Set(['task', 'incident_deadline', 'registration_due', 'c5_expiry', 'training_due', 'management_training_due']),
      );
      expect(adminFeed.events.find((e) => kindOfUid(e.uid) === 'training_due')?.summary).toBe('Schulung fällig: Phishing erkennen (Personen: 1)');

      const theirs = await staff.request('POST', url('/feeds'), { scope: 'personal' });
      const staffFeed = parseFeed((await fetchFeed(feedPath(theirs.json().url))).body);
      expect(staffFeed.events.map((e) => e.summary)).toEqual(['Aufgabe fällig: Passwortrichtlinie aushängen']);
    });

    it('lists feeds without their addresses and refuses a second working feed with 409', async () => {
      const feeds = (await admin.request('GET', url('/feeds'))).json();
      expect(feeds).toMatchObject({ personal: { scope: 'personal' }, organisation: { scope: 'organisation' }, canManageOrganisationFeed: true });
      expect(JSON.stringify(feeds)).not.toMatch(/\.ics/);
      expect(feeds.personal.lastFetchedAt).not.toBeNull();
      const again = await admin.request('POST', url('/feeds'), { scope: 'personal' });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('calendar.feed_exists');
      // Staff may have their own feed, not the organisation's; they see it exists, not how to manage it.
      expect((await staff.request('POST', url('/feeds'), { scope: 'organisation' })).statusCode).toBe(403);
      const staffView = (await staff.request('GET', url('/feeds'))).json();
      expect(staffView).toMatchObject({ canManageOrganisationFeed: false, organisation: { scope: 'organisation' } });
      expect((await staff.request('DELETE', url(`/feeds/${staffView.organisation.id}`))).statusCode).toBe(403);
      // Another member's personal feed is not theirs to see.
      expect((await staff.request('POST', url(`/feeds/${feeds.personal.id}/rotate`))).statusCode).toBe(404);
    });

    it('answers a renewed, revoked or malformed address exactly like any unknown path, with no hint', async () => {
      const created = (await admin.request('GET', url('/feeds'))).json();
      const rotated = await admin.request('POST', url(`/feeds/${created.organisation.id}/rotate`));
      expect(rotated.statusCode).toBe(200);
      const path = feedPath(rotated.json().url);
      expect((await fetchFeed(path)).statusCode).toBe(200);
      const again = await admin.request('POST', url(`/feeds/${created.organisation.id}/rotate`));
      const oldPath = path;
      const newPath = feedPath(again.json().url);
      expect((await fetchFeed(newPath)).statusCode).toBe(200);

      expect((await admin.request('DELETE', url(`/feeds/${created.organisation.id}`))).statusCode).toBe(204);
      expect((await admin.request('DELETE', url(`/feeds/${created.organisation.id}`))).statusCode).toBe(404);
      const reference = await unknownPath();
      const strip = (headers: Record<string, unknown>) => {
        const { date: _date, 'content-length': _length, ...rest } = headers;
        return rest;
      };
      const tokenLike = 'A'.repeat(43);
      for (const candidate of [
        newPath,
        oldPath,
        `/api/v1/calendar/${tokenLike}.ics`,
        '/api/v1/calendar/abc.ics',
        `/api/v1/calendar/${'A'.repeat(44)}.ics`,
        '/api/v1/calendar/%00.ics',
        `/api/v1/calendar/${'A'.repeat(42)}%C3%A4.ics`,
        '/api/v1/calendar/.ics',
      ]) {
        const res = await fetchFeed(candidate);
        expect(res.statusCode, candidate).toBe(404);
        expect(res.json(), candidate).toEqual({ code: 'not_found', message: `GET ${candidate} not found` });
        expect(Object.keys(strip(res.headers)).sort(), candidate).toEqual(Object.keys(strip(reference.headers)).sort());
      }
      expect(reference.json()).toEqual({ code: 'not_found', message: 'GET /api/v1/calendar/no-such-path/at-all not found' });
      // A token far beyond any length is refused before any lookup, like any unknown path.
      const long = `/api/v1/calendar/${'x'.repeat(5000)}.ics`;
      expect((await fetchFeed(long)).json()).toEqual({ code: 'not_found', message: `GET ${long} not found` });
    });

    it("stops a member's personal feed when they leave the organisation", async () => {
      const member = await inviteMember(t, admin, orgId, 'leaves@praxis-a.example', 'it_lead');
      const created = await member.request('POST', url('/feeds'), { scope: 'personal' });
      expect((await fetchFeed(feedPath(created.json().url))).statusCode).toBe(200);
      await removeMembership(t, orgId, member.userId);
      expect((await fetchFeed(feedPath(created.json().url))).statusCode).toBe(404);
    });

    it("answers another organisation's feed ids with 404 and changes nothing", async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis B', 'admin@praxis-b.example');
      const theirs = await other.agent.request('POST', `/api/v1/organisations/${other.organisationId}/calendar/feeds`, { scope: 'organisation' });
      expect(theirs.statusCode).toBe(201);
      const id = theirs.json().id;
      expect((await admin.request('POST', url(`/feeds/${id}/rotate`))).statusCode).toBe(404);
      expect((await admin.request('DELETE', url(`/feeds/${id}`))).statusCode).toBe(404);
      expect((await admin.request('GET', `/api/v1/organisations/${other.organisationId}/calendar/feeds`)).statusCode).toBe(404);
      expect((await fetchFeed(feedPath(theirs.json().url))).statusCode).toBe(200);
      const feed = parseFeed((await fetchFeed(feedPath(theirs.json().url))).body);
      expect(feed.events.every((e) => !e.summary.includes('Backup'))).toBe(true);
    });

    it('keeps a rendered feed until the organisation changes something, then renders it afresh', async () => {
      const created = (await admin.request('GET', url('/feeds'))).json();
      const fresh = await admin.request('POST', url(`/feeds/${created.personal.id}/rotate`));
      const path = feedPath(fresh.json().url);
      const first = await fetchFeed(path);
      const rendered = keptFeeds.made;
      const second = await fetchFeed(path);
      expect(keptFeeds.made).toBe(rendered);
      expect(second.body).toBe(first.body);
      await tasksOf(t, orgId, admin.userId, [{ title: 'Neu dazugekommen', ownerUserId: admin.userId, dueOn: dayFromToday(2) }]);
      const third = await fetchFeed(path);
      expect(keptFeeds.made).toBe(rendered + 1);
      expect(parseFeed(third.body).events.map((e) => e.summary)).toContain('Aufgabe fällig: Neu dazugekommen');
    });

    it('stores reminder preferences per member and refuses absurd values at the field', async () => {
      expect((await staff.request('GET', url('/preferences'))).json()).toEqual({ taskReminders: true, dailyDigest: false });
      const saved = await staff.request('PUT', url('/preferences'), { taskReminders: false, dailyDigest: true });
      expect(saved.statusCode).toBe(200);
      expect((await staff.request('GET', url('/preferences'))).json()).toEqual({ taskReminders: false, dailyDigest: true });
      expect((await admin.request('GET', url('/preferences'))).json()).toEqual({ taskReminders: true, dailyDigest: false });
      const before = await queryRows(t.ctx.db, sql`select * from calendar_preferences order by user_id`);
      for (const [body, field] of [
        [{ taskReminders: '\u0000', dailyDigest: true }, 'taskReminders'],
        [{ taskReminders: true, dailyDigest: 'ja' }, 'dailyDigest'],
        [{ taskReminders: 2 ** 53 + 1, dailyDigest: true }, 'taskReminders'],
        [{ taskReminders: true }, 'dailyDigest'],
        [{ taskReminders: null, dailyDigest: [] }, 'taskReminders'],
      ] as const) {
        const res = await staff.request('PUT', url('/preferences'), body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().issues.map((i: { path: string[] }) => i.path[0])).toContain(field);
      }
      const nul = await t.app.inject({
        method: 'PUT',
        url: url('/preferences'),
        headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'application/json' },
        payload: '{"taskReminders": true, "dailyDigest": true, "\u0000": "\u0000"}',
      });
      expect(nul.statusCode).toBeLessThan(500);
      const scope = await admin.request('POST', url('/feeds'), { scope: 'alle\u0000' });
      expect(scope.statusCode).toBe(400);
      expect(scope.json().issues[0].path).toEqual(['scope']);
      expect(await queryRows(t.ctx.db, sql`select * from calendar_preferences where user_id <> ${staff.userId} order by user_id`)).toEqual(
        before.filter((r) => (r as { user_id: string }).user_id !== staff.userId),
      );
    });
  });
}
