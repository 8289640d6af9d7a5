import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/auth/roles.ts';
import { addRhythm, isOverdue, isoWeekOf, practiceDay, weekRange } from '../../../domain/tasks/task-rules.ts';
import { queryRows } from '../../db/connect.ts';
import {
  type Agent,
  completeEnrolment,
  createOrganisationWithAdmin,
  eachEngine,
  login,
  PASSWORD,
  runFirstSetup,
  startTestApp,
  type TestApp,
} from '../../test/test-app.ts';

/** A calendar day `days` days from the practice's today. */
function fromToday(days: number): string {
  const date = new Date(`${practiceDay(new Date())}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`tasks on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const url = (path = '') => `/api/v1/organisations/${orgId}/tasks${path}`;
    const today = () => practiceDay(new Date());

    async function member(role: Role, email: string): Promise<Agent> {
      const invite = await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email, role });
      expect(invite.statusCode, invite.body).toBeLessThan(300);
      const token = new URL(invite.json().link).pathname.split('/').pop();
      const accepted = await t.app.inject({
        method: 'POST',
        url: `/api/v1/invitations/${token}/accept`,
        payload: { name: `Person ${role}`, password: PASSWORD },
      });
      expect(accepted.statusCode).toBeLessThan(300);
      const secret = accepted.json().enrolment.secret;
      await completeEnrolment(t.app, `ps_session=${accepted.cookies.find((c) => c.name === 'ps_session')!.value}`, secret);
      return login(t, email, secret);
    }

    /** Moves a task's due day and creation into the past (test-side database access), as time would. */
    async function age(taskId: string, dueOn: string, createdOn: string) {
      await t.ctx.db.execute(sql`update tasks set due_on = ${dueOn}::date, created_at = ${`${createdOn}T09:00:00Z`}::timestamptz where id = ${taskId}`);
    }

    const actions = async () =>
      ((await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=200`)).json().items as { action: string; entityId: string | null }[]).map(
        (e) => `${e.action} ${e.entityId}`,
      );

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());

    it('creates a task with an owner and links in words, finds it by the filters and on the board, takes comments and completes it', async () => {
      const asset = (
        await admin.request('POST', `/api/v1/organisations/${orgId}/assets`, { name: 'NAS Datensicherung', kind: 'server', inventoryNumber: 'INV-7' })
      ).json();
      const dueOn = fromToday(9);
      const created = await admin.request('POST', `${url()}?locale=de`, {
        title: '  Rücksicherung testen ',
        description: 'PVS-Datenbank auf dem Testrechner',
        ownerUserId: admin.userId,
        dueOn,
        links: [
          { kind: 'requirement', targetId: 'KBV-A1-25' },
          { kind: 'asset', targetId: asset.id.toUpperCase() },
        ],
      });
      expect(created.statusCode, created.body).toBe(201);
      const task = created.json();
      expect(task).toMatchObject({
        title: 'Rücksicherung testen',
        status: 'open',
        dueOn,
        overdue: false,
        ownerUserId: admin.userId,
        ownerName: 'Anna Admin',
        source: 'manual',
        revision: 1,
        linkCount: 2,
        createdByName: 'Anna Admin',
        doneAt: null,
        template: null,
        next: null,
      });
      expect(task).not.toHaveProperty('organisationId');
      expect(task.links).toEqual([
        { kind: 'asset', targetId: asset.id, label: 'NAS Datensicherung', reference: 'INV-7' },
        { kind: 'requirement', targetId: 'KBV-A1-25', label: 'Test der Datensicherung', reference: 'Anlage 1 Nr. 25' },
      ]);
      const english = (await admin.request('GET', url(`/${task.id}?locale=en`))).json();
      expect(english.links[1]).toMatchObject({ label: 'Testing backups' });

      const other = await admin.request('POST', url(), { title: 'Notfallplan drucken', dueOn: fromToday(40) });
      expect(other.statusCode).toBe(201);

      const find = async (query: string) => ((await admin.request('GET', url(`?${query}`))).json().items as { id: string }[]).map((i) => i.id);
      expect(await find('mine=true')).toEqual([task.id]);
      expect(await find(`week=${isoWeekOf(dueOn)}`)).toContain(task.id);
      expect(await find(`week=${isoWeekOf(fromToday(40))}`)).not.toContain(task.id);
      expect(await find('ownerUserId=none')).toEqual([other.json().id]);
      expect(await find('linkKind=requirement&linkTargetId=KBV-A1-25')).toEqual([task.id]);
      expect(await find(`linkKind=asset&linkTargetId=${asset.id}`)).toEqual([task.id]);
      expect(await find('q=rücksich')).toEqual([task.id]);
      expect(await find('status=active&sort=dueOn')).toEqual([task.id, other.json().id]);

      const board = (await admin.request('GET', url('/board?weeks=8'))).json();
      const column = board.weeks.find((w: { week: string }) => w.week === isoWeekOf(dueOn));
      expect(column).toMatchObject({ total: 1, from: weekRange(isoWeekOf(dueOn)).from });
      expect(column.items[0]).toMatchObject({ id: task.id, linkCount: 2, ownerName: 'Anna Admin' });
      expect(board.weeks[0].week).toBe(isoWeekOf(today()));

      const comment = await admin.request('POST', url(`/${task.id}/comments`), { body: 'Termin mit Herrn Krause am Freitag.' });
      expect(comment.statusCode, comment.body).toBe(201);
      expect(comment.json()).toMatchObject({ authorName: 'Anna Admin', body: 'Termin mit Herrn Krause am Freitag.' });

      const done = await admin.request('POST', url(`/${task.id}/complete`));
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ status: 'done', doneBy: admin.userId, doneByName: 'Anna Admin', revision: 2, commentCount: 1, next: null });
      expect(done.json().doneAt).toBeTruthy();
      // Done already: answered unchanged, no second entry.
      expect((await admin.request('POST', url(`/${task.id}/complete`))).json()).toMatchObject({ revision: 2, status: 'done' });
      const reopened = await admin.request('POST', url(`/${task.id}/reopen`));
      expect(reopened.json()).toMatchObject({ status: 'open', doneAt: null, doneBy: null, revision: 3 });

      const trail = await actions();
      for (const action of ['task.created', 'task.commented', 'task.completed', 'task.reopened']) expect(trail).toContain(`${action} ${task.id}`);
      expect(trail.filter((a) => a === `task.completed ${task.id}`)).toHaveLength(1);
    });

    it('keeps a change on its revision (409 on a stale one), moves the links and completes through the status', async () => {
      const risk = (await admin.request('POST', `/api/v1/organisations/${orgId}/risks`, { title: 'Ausfall des Konnektors', likelihood: 2, impact: 4 })).json();
      const task = (await admin.request('POST', url(), { title: 'Konnektor tauschen', links: [{ kind: 'requirement', targetId: 'KBV-A1-11' }] })).json();
      const body = { title: 'Konnektor tauschen lassen', description: '', ownerUserId: null, dueOn: fromToday(3), status: 'in_progress', revision: 1 };
      const changed = await admin.request('PUT', url(`/${task.id}`), { ...body, links: [{ kind: 'risk', targetId: risk.id }] });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({
        title: 'Konnektor tauschen lassen',
        status: 'in_progress',
        revision: 2,
        links: [{ kind: 'risk', label: 'Ausfall des Konnektors', reference: `R-${risk.number}` }],
      });
      const stale = await admin.request('PUT', url(`/${task.id}`), { ...body, title: 'Alt' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('task.revision_conflict');
      const done = await admin.request('PUT', url(`/${task.id}`), { ...body, status: 'done', revision: 2, links: [{ kind: 'risk', targetId: risk.id }] });
      expect(done.json()).toMatchObject({ status: 'done', doneBy: admin.userId, revision: 3 });
      expect(await actions()).toContain(`task.completed ${task.id}`);

      // A link to a record deleted since is kept as written, without words, and does not block saving.
      await admin.request('DELETE', `/api/v1/organisations/${orgId}/risks/${risk.id}`);
      const after = (await admin.request('GET', url(`/${task.id}`))).json();
      expect(after.links).toEqual([{ kind: 'risk', targetId: risk.id, label: null, reference: null }]);
      const again = await admin.request('PUT', url(`/${task.id}`), { ...body, status: 'done', revision: 3, links: [{ kind: 'risk', targetId: risk.id }] });
      expect(again.statusCode, again.body).toBe(200);

      expect((await admin.request('DELETE', url(`/${task.id}`))).statusCode).toBe(204);
      expect((await admin.request('GET', url(`/${task.id}`))).statusCode).toBe(404);
      expect(await actions()).toContain(`task.deleted ${task.id}`);
    });

    it('refuses bad input at the field, all at once, and writes nothing', async () => {
      const b = await createOrganisationWithAdmin(t, 'Praxis B', 'admin@praxis-b-tasks.example');
      const foreignRisk = (
        await b.agent.request('POST', `/api/v1/organisations/${b.organisationId}/risks`, { title: 'Fremd', likelihood: 1, impact: 1 })
      ).json();
      const before = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from tasks where organisation_id = ${orgId}`);
      const res = await admin.request('POST', url(), {
        title: 'Mit allem Falschen',
        dueOn: fromToday(-1),
        ownerUserId: b.agent.userId,
        links: [
          { kind: 'requirement', targetId: 'KBV-A9-99' },
          { kind: 'risk', targetId: foreignRisk.id },
          { kind: 'incident', targetId: randomUUID() },
        ],
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().issues).toEqual([
        expect.objectContaining({ path: ['dueOn'], code: 'task.due_before_created' }),
        expect.objectContaining({ path: ['ownerUserId'], code: 'task.owner_unknown' }),
        expect.objectContaining({ path: ['links', 0, 'targetId'], code: 'task.requirement_unknown' }),
        expect.objectContaining({ path: ['links', 1, 'targetId'], code: 'task.link_unknown' }),
        expect.objectContaining({ path: ['links', 2, 'targetId'], code: 'task.link_unknown' }),
      ]);
      // Another organisation's member or record reads like one that does not exist.
      expect(res.body).not.toContain('Praxis B');
      const after = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from tasks where organisation_id = ${orgId}`);
      expect(after).toEqual(before);

      for (const [body, path, code] of [
        [{ title: 'NUL \u0000' }, ['title'], 'text.control_character'],
        [{ title: 'x', dueOn: '0001-01-01' }, ['dueOn'], 'date.out_of_range'],
        [{ title: 'x', dueOn: '10000-01-01' }, ['dueOn'], 'invalid_format'],
        [{ title: 'x'.repeat(100_000) }, ['title'], 'too_big'],
        [{ title: 'x', description: 'y'.repeat(8001) }, ['description'], 'too_big'],
      ] as const) {
        const refused = await admin.request('POST', url(), body);
        expect(refused.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(refused.json().issues).toContainEqual(expect.objectContaining({ path, code }));
      }

      // A change may not move the due day before the day the task was created.
      const task = (await admin.request('POST', url(), { title: 'Alte Aufgabe' })).json();
      await age(task.id, fromToday(10), fromToday(-20));
      const earlier = { title: 'Alte Aufgabe', status: 'open', revision: 1 };
      expect((await admin.request('PUT', url(`/${task.id}`), { ...earlier, dueOn: fromToday(-21) })).json().issues).toEqual([
        expect.objectContaining({ path: ['dueOn'], code: 'task.due_before_created' }),
      ]);
      expect((await admin.request('PUT', url(`/${task.id}`), { ...earlier, dueOn: fromToday(-20) })).statusCode).toBe(200);
    });

    it('counts overdue in SQL as the domain rule does, and shows it in the list, the summary and the board', async () => {
      const org = await createOrganisationWithAdmin(t, 'Praxis Fristen', 'admin@praxis-fristen.example');
      const base = `/api/v1/organisations/${org.organisationId}/tasks`;
      const cases = [
        { title: 'gestern, offen', due: -1, status: 'open' },
        { title: 'gestern, in Arbeit', due: -1, status: 'in_progress' },
        { title: 'heute', due: 0, status: 'open' },
        { title: 'morgen', due: 1, status: 'open' },
        { title: 'gestern, erledigt', due: -1, status: 'done' },
        { title: 'gestern, entfällt', due: -1, status: 'cancelled' },
        { title: 'ohne Datum', due: null, status: 'open' },
      ];
      const ids: Record<string, string> = {};
      for (const c of cases) {
        const created = (await org.agent.request('POST', base, { title: c.title, ownerUserId: org.agent.userId })).json();
        ids[c.title] = created.id;
        await t.ctx.db.execute(sql`update tasks set due_on = ${c.due === null ? null : fromToday(c.due)}::date, status = ${c.status},
          done_at = ${c.status === 'done' ? new Date() : null}, created_at = now() - interval '30 days' where id = ${created.id}`);
      }
      const listed = (await org.agent.request('GET', `${base}?limit=50`)).json().items as {
        title: string;
        overdue: boolean;
        status: string;
        dueOn: string | null;
      }[];
      for (const item of listed) expect(item.overdue, item.title).toBe(isOverdue(item, today()));
      const overdue = (await org.agent.request('GET', `${base}?overdue=true`)).json();
      expect(overdue.items.map((i: { title: string }) => i.title).sort()).toEqual(['gestern, in Arbeit', 'gestern, offen']);
      expect(overdue.total).toBe(2);

      const summary = (await org.agent.request('GET', `${base}/summary`)).json();
      const thisWeek = weekRange(isoWeekOf(today()));
      const dueThisWeek = cases.filter(
        (c) => c.due !== null && ['open', 'in_progress'].includes(c.status) && fromToday(c.due) >= thisWeek.from && fromToday(c.due) <= thisWeek.to,
      ).length;
      expect(summary).toMatchObject({ today: today(), week: isoWeekOf(today()), active: 5, overdue: 2, mine: 5, mineOverdue: 2, unassigned: 0, dueThisWeek });

      const board = (await org.agent.request('GET', `${base}/board`)).json();
      expect(board.overdue.items.map((i: { title: string }) => i.title).sort()).toEqual(['gestern, in Arbeit', 'gestern, offen']);
      const shown = board.weeks.flatMap((w: { items: { title: string }[] }) => w.items.map((i) => i.title));
      expect(shown).not.toContain('gestern, entfällt');
      expect(shown).not.toContain('ohne Datum');
      expect(shown).toContain('morgen');
    });

    it('groups the board by ISO week and cuts each column at perWeek, saying how many there are', async () => {
      const org = await createOrganisationWithAdmin(t, 'Praxis Wochen', 'admin@praxis-wochen.example');
      const base = `/api/v1/organisations/${org.organisationId}/tasks`;
      const nextMonday = weekRange(isoWeekOf(fromToday(7))).from;
      for (let i = 0; i < 5; i++) await org.agent.request('POST', base, { title: `Woche 2 Nr. ${i}`, dueOn: nextMonday });
      await org.agent.request('POST', base, { title: 'Woche 3', dueOn: addRhythm(nextMonday, 'quarterly') });
      const board = (await org.agent.request('GET', `${base}/board?from=${isoWeekOf(nextMonday)}&weeks=2&perWeek=3`)).json();
      expect(board.weeks.map((w: { week: string; total: number; items: unknown[] }) => [w.week, w.total, w.items.length])).toEqual([
        [isoWeekOf(nextMonday), 5, 3],
        [isoWeekOf(fromToday(14)), 0, 0],
      ]);
      expect(board.weeks[0].items.map((i: { title: string }) => i.title)).toEqual(['Woche 2 Nr. 0', 'Woche 2 Nr. 1', 'Woche 2 Nr. 2']);
      expect((await org.agent.request('GET', `${base}/board?weeks=13`)).statusCode).toBe(400);
      expect((await org.agent.request('GET', `${base}/board?from=2027-W53`)).json().issues[0].path).toEqual(['from']);
    });

    it('lets staff work on their own tasks only and the auditor only read', async () => {
      const staff = await member('staff', 'staff@praxis-a.example');
      const auditor = await member('auditor', 'pruefer@praxis-a.example');
      const own = (await admin.request('POST', url(), { title: 'Bildschirmsperre einrichten', ownerUserId: staff.userId })).json();
      const foreign = (await admin.request('POST', url(), { title: 'Firewall prüfen', ownerUserId: admin.userId })).json();
      expect((await staff.request('POST', url(), { title: 'Selbst angelegt' })).statusCode).toBe(403);
      expect((await staff.request('PUT', url(`/${own.id}`), { title: 'x', status: 'open', revision: 1 })).statusCode).toBe(403);
      expect((await staff.request('POST', url(`/${own.id}/complete`))).json()).toMatchObject({ status: 'done', doneBy: staff.userId });
      expect((await staff.request('POST', url(`/${own.id}/reopen`))).statusCode).toBe(200);
      const refused = await staff.request('POST', url(`/${foreign.id}/complete`));
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('task.not_owner');
      expect((await staff.request('POST', url(`/${foreign.id}/comments`), { body: 'Kann ich helfen?' })).statusCode).toBe(201);
      expect((await auditor.request('GET', url(`/${foreign.id}`))).statusCode).toBe(200);
      expect((await auditor.request('POST', url(`/${foreign.id}/comments`), { body: 'Prüfer' })).statusCode).toBe(403);
      expect((await auditor.request('POST', url(`/${foreign.id}/complete`))).statusCode).toBe(403);
    });

    it('offers link targets of each kind by name or number, only of this organisation', async () => {
      const picked = (await admin.request('GET', url('/link-targets?kind=requirement&q=Datensicherung&locale=de'))).json();
      expect(picked.map((p: { id: string }) => p.id)).toContain('KBV-A1-25');
      expect((await admin.request('GET', url('/link-targets?kind=requirement&q=A1-25'))).json()).toEqual([
        { id: 'KBV-A1-25', label: 'Test der Datensicherung', reference: 'Anlage 1 Nr. 25' },
      ]);
      const assets = (await admin.request('GET', url('/link-targets?kind=asset&q=inv-7'))).json();
      expect(assets).toEqual([expect.objectContaining({ label: 'NAS Datensicherung', reference: 'INV-7' })]);
      expect((await admin.request('GET', url('/link-targets?kind=risk&q=Fremd'))).json()).toEqual([]);
      expect((await admin.request('GET', url('/link-targets?kind=person&q=%25'))).statusCode).toBe(200);
    });
  });
}
