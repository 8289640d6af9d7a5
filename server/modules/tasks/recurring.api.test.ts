import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInTemplates } from '../../../domain/tasks/recurring-defaults.ts';
import { addRhythm, firstOccurrenceOn, nextOccurrenceOn, practiceDay } from '../../../domain/tasks/task-rules.ts';
import { queryRows } from '../../db/connect.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { type Agent, createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';
import { startRecurringCycle } from './tasks.ts';

interface Template {
  id: string;
  builtInKey: string | null;
  title: string;
  description: string;
  ownText: boolean;
  rhythm: string;
  active: boolean;
  revision: number;
  defaultOwnerUserId: string | null;
  links: { kind: string; targetId: string; label: string | null }[];
  openTask: { id: string; dueOn: string } | null;
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the recurring cycle on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const url = (path = '') => `/api/v1/organisations/${orgId}/tasks${path}`;
    const today = () => practiceDay(new Date());
    const templates = async (locale = 'de') => (await admin.request('GET', url(`/templates?locale=${locale}`))).json() as Template[];
    const byKey = async (key: string) => (await templates()).find((template) => template.builtInKey === key)!;
    const template = (body: Template, change: Record<string, unknown>) => ({
      title: body.ownText ? body.title : null,
      description: body.ownText ? body.description : null,
      rhythm: body.rhythm,
      active: body.active,
      defaultOwnerUserId: body.defaultOwnerUserId,
      links: body.links.map(({ kind, targetId }) => ({ kind, targetId })),
      revision: body.revision,
      ...change,
    });

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());

    it('lists the built-in templates in the asked language, with their sources and links in words', async () => {
      const german = await templates('de');
      expect(german.map((x) => [x.builtInKey, x.rhythm, x.active, x.revision])).toEqual(builtInTemplates.map((b) => [b.key, b.rhythm, true, 0]));
      expect(german.find((x) => x.builtInKey === 'restore_test')).toMatchObject({
        title: 'Wiederherstellung aus der Datensicherung testen',
        ownText: false,
        source: 'KBV Anlage 1 Nr. 25, § 30 Abs. 2 Satz 2 Nr. 3 BSIG',
        links: [
          { kind: 'requirement', targetId: 'KBV-A1-25', label: 'Test der Datensicherung', reference: 'Anlage 1 Nr. 25' },
          expect.objectContaining({ targetId: 'BSIG-30-2-03' }),
        ],
        openTask: null,
      });
      expect((await templates('en')).find((x) => x.builtInKey === 'management_training')?.title).toBe('Management training');
    });

    it('starts the cycle once: the first occurrence of every active template one rhythm after the start, nothing twice', async () => {
      const startOn = today();
      const started = await admin.request('POST', url('/recurring/start?locale=de'), { startOn });
      expect(started.statusCode, started.body).toBe(200);
      const created = started.json().created as { templateId: string; dueOn: string; title: string }[];
      expect(created).toHaveLength(builtInTemplates.length);
      for (const builtIn of builtInTemplates) {
        expect(created.find((c) => c.templateId === builtIn.id)?.dueOn).toBe(firstOccurrenceOn(startOn, builtIn.rhythm, today()));
      }
      expect(created.find((c) => c.templateId === builtInTemplates[0]!.id)?.title).toBe('Risikoregister aktualisieren');

      const again = await admin.request('POST', url('/recurring/start'), { startOn: addRhythm(startOn, 'quarterly') });
      expect(again.json()).toEqual({ created: [], running: builtInTemplates.length });

      const list = (await admin.request('GET', url('?source=recurring&limit=50'))).json();
      expect(list.total).toBe(builtInTemplates.length);
      const restore = (await byKey('restore_test')).openTask!;
      const detail = (await admin.request('GET', url(`/${restore.id}`))).json();
      expect(detail).toMatchObject({
        source: 'recurring',
        template: { rhythm: 'yearly', active: true },
        links: [expect.objectContaining({ targetId: 'BSIG-30-2-03' }), expect.objectContaining({ targetId: 'KBV-A1-25' })],
      });
      expect(detail.sourceKey).toBe(`recurring:${builtInTemplates[6]!.id}:${restore.dueOn}`);
      const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=50`)).json().items as { action: string }[];
      expect(audit.filter((e) => e.action === 'task.recurring_started')).toHaveLength(2);
    });

    it('creates the next occurrence once when a recurring task is completed, one rhythm after the day it was done', async () => {
      const risk = await byKey('risk_register');
      const first = risk.openTask!;
      const done = await admin.request('POST', url(`/${first.id}/complete`));
      expect(done.statusCode, done.body).toBe(200);
      const next = done.json().next;
      expect(next).toMatchObject({ title: 'Risikoregister aktualisieren', dueOn: nextOccurrenceOn(today(), 'quarterly'), status: 'open' });
      const nextDetail = (await admin.request('GET', url(`/${next.id}`))).json();
      expect(nextDetail).toMatchObject({
        followsTaskId: first.id,
        templateId: risk.id,
        source: 'recurring',
        links: [expect.objectContaining({ targetId: 'BSIG-30-2-01' })],
      });

      // Reopened and completed again: the follower exists, no second one.
      await admin.request('POST', url(`/${first.id}/reopen`));
      const again = await admin.request('POST', url(`/${first.id}/complete`));
      expect(again.json().next.id).toBe(next.id);
      const followers = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from tasks where follows_task_id = ${first.id}`);
      expect(followers[0]!.n).toBe(1);
      expect((await byKey('risk_register')).openTask?.id).toBe(next.id);
    });

    it('follows the template as it stands: its own text and owner, cancelled goes on, switched off stops', async () => {
      const b = await createOrganisationWithAdmin(t, 'Praxis Vorlagen', 'admin@praxis-vorlagen.example');
      const plan = await byKey('emergency_plan');
      // An owner from another organisation is refused at the field, as if unknown.
      const foreign = await admin.request('PUT', url(`/templates/${plan.id}`), template(plan, { defaultOwnerUserId: b.agent.userId }));
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().issues).toEqual([expect.objectContaining({ path: ['defaultOwnerUserId'], code: 'task.owner_unknown' })]);

      const changed = await admin.request(
        'PUT',
        url(`/templates/${plan.id}`),
        template(plan, {
          title: 'Notfallordner prüfen',
          rhythm: 'yearly',
          defaultOwnerUserId: admin.userId,
          links: [...plan.links, { kind: 'requirement', targetId: 'KBV-A1-24' }],
        }),
      );
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ title: 'Notfallordner prüfen', ownText: true, rhythm: 'yearly', revision: 1, defaultOwnerName: 'Anna Admin' });
      const stale = await admin.request('PUT', url(`/templates/${plan.id}`), template(plan, { rhythm: 'biennial' }));
      expect(stale.statusCode).toBe(409);

      // Cancelling an occurrence keeps the rhythm going, with the template's text, owner and links as they are now.
      const occurrence = plan.openTask!;
      const current = (await admin.request('GET', url(`/${occurrence.id}`))).json();
      const cancelled = await admin.request('PUT', url(`/${occurrence.id}`), {
        title: current.title,
        description: current.description,
        ownerUserId: null,
        dueOn: current.dueOn,
        status: 'cancelled',
        links: [],
        revision: current.revision,
      });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      const next = (await admin.request('GET', url(`/${cancelled.json().next.id}`))).json();
      expect(next).toMatchObject({ title: 'Notfallordner prüfen', ownerUserId: admin.userId, dueOn: nextOccurrenceOn(today(), 'yearly') });
      expect(next.links.map((l: { targetId: string }) => l.targetId).sort()).toEqual(['BSIG-30-2-03', 'KBV-A1-24']);

      // Switched off: completing the next one creates nothing.
      const off = await admin.request('PUT', url(`/templates/${plan.id}`), template(changed.json(), { active: false }));
      expect(off.json()).toMatchObject({ active: false, revision: 2 });
      const last = await admin.request('POST', url(`/${next.id}/complete`));
      expect(last.json()).toMatchObject({ status: 'done', next: null, template: { active: false } });

      // Back to the shipped template: text in the reader's language again, on, quarterly.
      const reset = await admin.request('POST', url('/templates/reset?locale=en'));
      expect(reset.statusCode).toBe(200);
      expect(reset.json().find((x: Template) => x.id === plan.id)).toMatchObject({
        title: 'Update the emergency plan',
        ownText: false,
        active: true,
        rhythm: 'quarterly',
        revision: 0,
        defaultOwnerUserId: null,
      });
    });

    it('keeps a built-in text unchanged in either language as the default, so that it goes on following the reader', async () => {
      const tabletop = await byKey('tabletop_exercise');
      const english = (await templates('en')).find((x) => x.id === tabletop.id)!;
      const saved = await admin.request(
        'PUT',
        url(`/templates/${tabletop.id}?locale=de`),
        template(tabletop, { title: english.title, description: tabletop.description, rhythm: 'yearly' }),
      );
      expect(saved.json()).toMatchObject({ ownText: false, title: tabletop.title, revision: 1 });
    });

    it("keeps the organisation's own templates: add, change, delete; a built-in one cannot be deleted", async () => {
      const created = await admin.request('POST', url('/templates'), {
        title: 'Virenschutz-Berichte durchsehen',
        rhythm: 'quarterly',
        links: [{ kind: 'requirement', targetId: 'KBV-A1-16' }],
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ builtInKey: null, ownText: true, revision: 1, openTask: null, source: null });
      const own = created.json() as Template;
      expect((await admin.request('PUT', url(`/templates/${own.id}`), template(own, { title: null }))).json().issues).toEqual([
        expect.objectContaining({ path: ['title'], code: 'task.title_required' }),
      ]);
      const unknown = await admin.request('POST', url('/templates'), { title: 'x', rhythm: 'yearly', links: [{ kind: 'requirement', targetId: 'KBV-A9-99' }] });
      expect(unknown.json().issues).toEqual([expect.objectContaining({ path: ['links', 0, 'targetId'], code: 'task.requirement_unknown' })]);

      const started = (await admin.request('POST', url('/recurring/start'), { startOn: today() })).json();
      expect(started.created.map((c: { templateId: string }) => c.templateId)).toEqual([own.id]);

      const builtIn = await admin.request('DELETE', url(`/templates/${builtInTemplates[0]!.id}`));
      expect(builtIn.statusCode).toBe(409);
      expect(builtIn.json().code).toBe('task.template_built_in');
      expect((await admin.request('DELETE', url(`/templates/${own.id}`))).statusCode).toBe(204);
      expect((await admin.request('PUT', url(`/templates/${own.id}`), template(own, {}))).statusCode).toBe(404);
      // Its task stays, and ends the cycle when done.
      const task = started.created[0].id as string;
      expect((await admin.request('POST', url(`/${task}/complete`))).json()).toMatchObject({ status: 'done', next: null, template: null });
    });

    it('is exported for the roadmap: startRecurringCycle(tx, actor, startOn) in the acting person’s language', async () => {
      const org = await createOrganisationWithAdmin(t, 'Praxis Fahrplan', 'admin@praxis-fahrplan.example');
      await t.ctx.db.execute(sql`update users set locale = 'en' where id = ${org.agent.userId}`);
      const actor = { userId: org.agent.userId, organisationId: org.organisationId, role: 'management' as const, isAdmin: true };
      const first = await withOrganisation(t.ctx.db, org.organisationId, (tx) => startRecurringCycle(tx, actor, '2026-01-05'));
      expect(first.created).toHaveLength(builtInTemplates.length);
      // A start long past: nothing is due before today.
      expect(first.created.every((c) => c.dueOn >= today())).toBe(true);
      expect(first.created.map((c) => c.title)).toContain('Test restoring from the backup');
      const second = await withOrganisation(t.ctx.db, org.organisationId, (tx) => startRecurringCycle(tx, actor, '2026-01-05'));
      expect(second).toEqual({ created: [], running: builtInTemplates.length });
    });
  });
}
