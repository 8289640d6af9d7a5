import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessSummary, Account, Checklist, PersonAccounts } from '../../../domain/access/access.response.ts';
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
import { practiceToday } from '../assets/assets.ts';
import { insertPerson, setEndsOn } from './access.fixtures.ts';

/** A calendar day `days` from the practice's today. */
function dayFromToday(days: number): string {
  const date = new Date(`${practiceToday()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`access and on-/offboarding on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const org = (path: string) => `/api/v1/organisations/${orgId}${path}`;
    const summary = async () => (await admin.request('GET', org('/access/summary'))).json() as AccessSummary;
    const auditActions = async () =>
      ((await admin.request('GET', org('/audit?limit=200'))).json() as { items: { action: string }[] }).items.map((e) => e.action);

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());

    it('records, reads, changes, disables and removes accounts, with an audit entry for each step', async () => {
      const personId = await insertPerson(t.database, orgId, { name: 'Clara Conrad' });
      const asset = (await admin.request('POST', org('/assets'), { name: 'PVS Praxisnet', kind: 'pvs' })).json() as { id: string };
      const created = await admin.request('POST', org(`/people/${personId}/accounts`), {
        system: 'pvs',
        assetId: asset.id,
        accountName: 'c.conrad',
        mfa: true,
      });
      expect(created.statusCode, created.body).toBe(201);
      const account = created.json() as Account;
      expect(account).toMatchObject({
        personId,
        system: 'pvs',
        assetId: asset.id,
        assetName: 'PVS Praxisnet',
        isAdmin: false,
        status: 'active',
        disabledOn: null,
        revision: 1,
        warnings: [],
      });
      expect(account).not.toHaveProperty('organisationId');

      const listed = (await admin.request('GET', org(`/people/${personId}/accounts`))).json() as PersonAccounts;
      expect(listed.person).toEqual({ id: personId, name: 'Clara Conrad', endsOn: null });
      expect(listed.leaver).toBeNull();
      expect(listed.accounts.map((a) => a.id)).toEqual([account.id]);

      const changed = await admin.request('PUT', org(`/accounts/${account.id}`), {
        system: 'pvs',
        accountName: 'c.conrad',
        isAdmin: true,
        mfa: false,
        status: 'active',
        revision: 1,
      });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({
        revision: 2,
        isAdmin: true,
        assetId: null,
        warnings: [{ kind: 'admin_mfa_missing', requirementIds: ['BSIG-30-2-10'] }],
      });
      const stale = await admin.request('PUT', org(`/accounts/${account.id}`), { system: 'pvs', status: 'active', revision: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('access.revision_conflict');

      const disabled = await admin.request('POST', org(`/accounts/${account.id}/disable`));
      expect(disabled.statusCode).toBe(200);
      expect(disabled.json()).toMatchObject({ status: 'disabled', disabledOn: practiceToday(), revision: 3, warnings: [] });
      const again = await admin.request('POST', org(`/accounts/${account.id}/disable`));
      expect(again.json()).toMatchObject({ status: 'disabled', revision: 3 });

      const reenabled = await admin.request('PUT', org(`/accounts/${account.id}`), { system: 'pvs', status: 'active', revision: 3 });
      expect(reenabled.json()).toMatchObject({ status: 'active', disabledOn: null });

      expect((await admin.request('DELETE', org(`/accounts/${account.id}`))).statusCode).toBe(204);
      expect((await admin.request('DELETE', org(`/accounts/${account.id}`))).statusCode).toBe(404);
      const actions = await auditActions();
      expect(actions.filter((a) => a === 'access.account_disabled')).toHaveLength(1);
      expect(actions).toEqual(expect.arrayContaining(['access.account_created', 'access.account_updated', 'access.account_deleted']));
    });

    it('flags a leaver once the end date has passed, until every account is disabled (KBV Anlage 1 Nr. 2)', async () => {
      const personId = await insertPerson(t.database, orgId, { name: 'Anna Berger', endsOn: dayFromToday(5) });
      const first = (await admin.request('POST', org(`/people/${personId}/accounts`), { system: 'windows_ad', accountName: 'aberger' })).json() as Account;
      const second = (
        await admin.request('POST', org(`/people/${personId}/accounts`), { system: 'email', accountName: 'a.berger@praxis.example' })
      ).json() as Account;
      expect((await summary()).leavers.count).toBe(0);

      // The last working day is today: the access is still needed.
      await setEndsOn(t.database, orgId, personId, practiceToday());
      expect((await summary()).leavers.count).toBe(0);

      await setEndsOn(t.database, orgId, personId, dayFromToday(-12));
      let s = await summary();
      expect(s.leavers).toEqual({ count: 1, first: [{ personId, name: 'Anna Berger', endsOn: dayFromToday(-12), daysSinceLeaving: 12, activeAccounts: 2 }] });
      const own = (await admin.request('GET', org(`/people/${personId}/accounts`))).json() as PersonAccounts;
      expect(own.leaver).toEqual({ daysSinceLeaving: 12, activeAccounts: 2 });
      expect(own.accounts[0]!.warnings).toEqual([{ kind: 'leaver_active', requirementIds: ['KBV-A1-02', 'BSIG-30-2-09'], days: 12 }]);
      const leaverList = (await admin.request('GET', org('/accounts?leaver=true'))).json() as { items: Account[]; total: number };
      expect(leaverList.items.map((a) => a.id).sort()).toEqual([first.id, second.id].sort());

      // Completing the offboarding checklist does not disable anything.
      const checklist = (await admin.request('POST', org(`/people/${personId}/checklists`), { kind: 'offboarding' })).json() as Checklist;
      for (const item of checklist.items) await admin.request('PUT', org(`/checklists/${checklist.id}/items/${item.position}`), { done: true });
      expect((await summary()).leavers.count).toBe(1);

      await admin.request('POST', org(`/accounts/${first.id}/disable`));
      s = await summary();
      expect(s.leavers.first[0]).toMatchObject({ personId, activeAccounts: 1 });

      await admin.request('POST', org(`/accounts/${second.id}/disable`));
      s = await summary();
      expect(s.leavers).toEqual({ count: 0, first: [] });
      expect(((await admin.request('GET', org(`/people/${personId}/accounts`))).json() as PersonAccounts).leaver).toBeNull();
    });

    it('counts and lists admin accounts without confirmed MFA (§ 30 Abs. 2 Satz 2 Nr. 10 BSIG)', async () => {
      const fresh = await createOrganisationWithAdmin(t, 'Praxis M', 'admin@praxis-m.example');
      const url = (path: string) => `/api/v1/organisations/${fresh.organisationId}${path}`;
      const personId = await insertPerson(t.database, fresh.organisationId, { name: 'Max Admin' });
      const post = (body: object) => fresh.agent.request('POST', url(`/people/${personId}/accounts`), body);
      await post({ system: 'windows_ad', accountName: 'admin1', isAdmin: true, mfa: false });
      await post({ system: 'cloud_service', accountName: 'admin2', isAdmin: true, mfa: null });
      await post({ system: 'vpn_remote', accountName: 'admin3', isAdmin: true, mfa: true });
      await post({ system: 'pvs', accountName: 'user', isAdmin: false, mfa: false });
      const off = (await post({ system: 'email', accountName: 'old-admin', isAdmin: true, mfa: false })).json() as Account;
      await fresh.agent.request('POST', url(`/accounts/${off.id}/disable`));
      const s = (await fresh.agent.request('GET', url('/access/summary'))).json() as AccessSummary;
      expect(s).toMatchObject({ adminWithoutMfa: 2, activeAccounts: 4, totalAccounts: 5 });
      const page = (await fresh.agent.request('GET', url('/accounts?adminWithoutMfa=true&sort=accountName'))).json() as {
        items: (Account & { personName: string })[];
        total: number;
      };
      expect(page.total).toBe(2);
      expect(page.items.map((a) => a.accountName)).toEqual(['admin1', 'admin2']);
      expect(page.items[0]!.personName).toBe('Max Admin');
      const bySystem = (await fresh.agent.request('GET', url('/accounts?system=vpn_remote'))).json() as { total: number };
      expect(bySystem.total).toBe(1);
      // By the location of the person holding the account (issue 10 item 5: everything per location).
      const second = (await fresh.agent.request('POST', url('/locations'), { name: 'Zweigpraxis' })).json() as {
        id: string;
      };
      const elsewhere = await insertPerson(t.database, fresh.organisationId, { name: 'Zoe Zweig', locationId: second.id });
      await fresh.agent.request('POST', url(`/people/${elsewhere}/accounts`), { system: 'pvs', accountName: 'zoe', isAdmin: false, mfa: false });
      const atSecond = (await fresh.agent.request('GET', url(`/accounts?locationId=${second.id}`))).json() as { items: Account[]; total: number };
      expect(atSecond.total).toBe(1);
      expect(atSecond.items.map((a) => a.accountName)).toEqual(['zoe']);
      const paged = (await fresh.agent.request('GET', url('/accounts?limit=2&sort=accountName'))).json() as { items: Account[]; nextCursor: string | null };
      const next = (await fresh.agent.request('GET', url(`/accounts?limit=2&sort=accountName&cursor=${paged.nextCursor}`))).json() as { items: Account[] };
      expect([...paged.items, ...next.items].map((a) => a.accountName)).toEqual(['admin1', 'admin2', 'admin3', 'old-admin']);
    });

    it('keeps checklist templates: defaults in both languages, own items, reset; started checklists keep their copy', async () => {
      const de = (await admin.request('GET', org('/checklist-templates/onboarding'))).json();
      expect(de).toMatchObject({ kind: 'onboarding', isDefault: true, updatedAt: null });
      expect(de.items[2].hint).toContain('§ 203 StGB');
      const en = (await admin.request('GET', org('/checklist-templates/offboarding?locale=en'))).json();
      expect(en.items[0].title).toBe('Every account disabled');

      const saved = await admin.request('PUT', org('/checklist-templates/onboarding'), {
        items: [{ title: 'Schlüssel ausgeben', hint: 'Buch führen' }, { title: 'PVS-Zugang anlegen' }],
      });
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({
        isDefault: false,
        items: [
          { title: 'Schlüssel ausgeben', hint: 'Buch führen' },
          { title: 'PVS-Zugang anlegen', hint: '' },
        ],
      });

      const personId = await insertPerson(t.database, orgId, { name: 'Nina Neu' });
      const started = await admin.request('POST', org(`/people/${personId}/checklists`), { kind: 'onboarding' });
      expect(started.statusCode, started.body).toBe(201);
      const checklist = started.json() as Checklist;
      expect(checklist.items.map((i) => i.title)).toEqual(['Schlüssel ausgeben', 'PVS-Zugang anlegen']);
      const twice = await admin.request('POST', org(`/people/${personId}/checklists`), { kind: 'onboarding' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().code).toBe('access.checklist_open');

      const reset = await admin.request('DELETE', org('/checklist-templates/onboarding'));
      expect(reset.json()).toMatchObject({ isDefault: true });
      expect(reset.json().items).toHaveLength(5);

      const ticked = (await admin.request('PUT', org(`/checklists/${checklist.id}/items/1`), { done: true })).json() as Checklist;
      expect(ticked.items[0]).toMatchObject({ title: 'Schlüssel ausgeben', doneByName: expect.any(String) });
      expect(ticked.items[0]!.doneAt).not.toBeNull();
      expect(ticked.completedAt).toBeNull();
      const done = (await admin.request('PUT', org(`/checklists/${checklist.id}/items/2`), { done: true })).json() as Checklist;
      expect(done.completedAt).not.toBeNull();
      // Complete: a new onboarding may start; unticking the old one would reopen a second one, so it is refused.
      expect((await admin.request('POST', org(`/people/${personId}/checklists`), { kind: 'onboarding' })).statusCode).toBe(201);
      expect((await admin.request('PUT', org(`/checklists/${checklist.id}/items/2`), { done: false })).statusCode).toBe(409);
      expect((await admin.request('PUT', org(`/checklists/${checklist.id}/items/9`), { done: true })).statusCode).toBe(404);
      const lists = (await admin.request('GET', org(`/people/${personId}/checklists`))).json() as Checklist[];
      expect(lists.map((l) => l.completedAt === null)).toEqual([true, false]);
      expect(await auditActions()).toEqual(
        expect.arrayContaining([
          'access.checklist_template_saved',
          'access.checklist_template_reset',
          'access.checklist_started',
          'access.checklist_item_done',
        ]),
      );
    });

    it('refuses bad input at the field', async () => {
      const personId = await insertPerson(t.database, orgId, { name: 'Fritz Feld' });
      const other = await createOrganisationWithAdmin(t, 'Praxis F', 'admin@praxis-f.example');
      const foreignAsset = (
        await other.agent.request('POST', `/api/v1/organisations/${other.organisationId}/assets`, { name: 'Fremdes PVS', kind: 'pvs' })
      ).json() as { id: string };
      const cases: [string, string, object, (string | number)[]][] = [
        ['POST', `/people/${personId}/accounts`, { system: 'fax' }, ['system']],
        ['POST', `/people/${personId}/accounts`, { system: 'pvs', accountName: 'x'.repeat(201) }, ['accountName']],
        ['POST', `/people/${personId}/accounts`, { system: 'pvs', accountName: 'a\u0000b' }, ['accountName']],
        ['POST', `/people/${personId}/accounts`, { system: 'pvs', mfa: 'yes' }, ['mfa']],
        ['POST', `/people/${personId}/accounts`, { system: 'pvs', assetId: foreignAsset.id }, ['assetId']],
        ['PUT', '/checklist-templates/onboarding', { items: [] }, ['items']],
        ['PUT', '/checklist-templates/onboarding', { items: Array.from({ length: 51 }, () => ({ title: 'x' })) }, ['items']],
        ['PUT', '/checklist-templates/offboarding', { items: [{ title: 'ok' }, { title: 'x'.repeat(201) }] }, ['items', 1, 'title']],
        ['PUT', '/checklist-templates/offboarding', { items: [{ title: '\u0007' }] }, ['items', 0, 'title']],
        ['POST', `/people/${personId}/checklists`, { kind: 'midboarding' }, ['kind']],
        ['GET', '/accounts?system=fax', {}, ['system']],
        ['GET', '/accounts?leaver=maybe', {}, ['leaver']],
        ['GET', '/accounts?locationId=not-a-uuid', {}, ['locationId']],
      ];
      for (const [method, path, body, field] of cases) {
        const res = await admin.request(method, org(path), method === 'GET' ? undefined : body);
        expect(res.statusCode, `${method} ${path} ${JSON.stringify(body)}: ${res.body}`).toBe(400);
        expect(res.json().issues.map((i: { path: unknown }) => i.path)).toContainEqual(field);
      }
    });

    it("answers 404 for another organisation's person, account and checklist", async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis O', 'admin@praxis-o.example');
      const otherUrl = (path: string) => `/api/v1/organisations/${other.organisationId}${path}`;
      const foreignPerson = await insertPerson(t.database, other.organisationId, { name: 'Olga Other' });
      const foreignAccount = (await other.agent.request('POST', otherUrl(`/people/${foreignPerson}/accounts`), { system: 'pvs' })).json() as Account;
      const foreignChecklist = (await other.agent.request('POST', otherUrl(`/people/${foreignPerson}/checklists`), { kind: 'onboarding' })).json() as Checklist;
      const attempts: [string, string, object | undefined][] = [
        ['GET', `/people/${foreignPerson}/accounts`, undefined],
        ['POST', `/people/${foreignPerson}/accounts`, { system: 'pvs' }],
        ['PUT', `/accounts/${foreignAccount.id}`, { system: 'pvs', status: 'active', revision: 1 }],
        ['POST', `/accounts/${foreignAccount.id}/disable`, undefined],
        ['DELETE', `/accounts/${foreignAccount.id}`, undefined],
        ['GET', `/people/${foreignPerson}/checklists`, undefined],
        ['POST', `/people/${foreignPerson}/checklists`, { kind: 'offboarding' }],
        ['PUT', `/checklists/${foreignChecklist.id}/items/1`, { done: true }],
      ];
      for (const [method, path, body] of attempts) {
        const res = await admin.request(method, org(path), body);
        expect(res.statusCode, `${method} ${path}: ${res.body}`).toBe(404);
      }
      const still = (await other.agent.request('GET', otherUrl(`/people/${foreignPerson}/accounts`))).json() as PersonAccounts;
      expect(still.accounts[0]).toMatchObject({ status: 'active', revision: 1 });
    });

    it('lets staff read access but not change it', async () => {
      const invite = await admin.request('POST', org('/invitations'), { email: 'staff@praxis-a.example', role: 'staff' });
      const token = new URL(invite.json().link).pathname.split('/').pop();
      const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Sam Staff', password: PASSWORD } });
      const secret = accepted.json().enrolment.secret;
      await completeEnrolment(t.app, `ps_session=${accepted.cookies.find((c) => c.name === 'ps_session')!.value}`, secret);
      const staff = await login(t, 'staff@praxis-a.example', secret);
      const personId = await insertPerson(t.database, orgId, { name: 'Lea Lesbar' });
      const account = (await admin.request('POST', org(`/people/${personId}/accounts`), { system: 'pvs' })).json() as Account;
      const checklist = (await admin.request('POST', org(`/people/${personId}/checklists`), { kind: 'onboarding' })).json() as Checklist;
      expect((await staff.request('GET', org(`/people/${personId}/accounts`))).statusCode).toBe(200);
      expect((await staff.request('GET', org('/accounts'))).statusCode).toBe(200);
      expect((await staff.request('GET', org('/access/summary'))).statusCode).toBe(200);
      expect((await staff.request('GET', org('/checklist-templates/onboarding'))).statusCode).toBe(200);
      const writes: [string, string, object | undefined][] = [
        ['POST', `/people/${personId}/accounts`, { system: 'pvs' }],
        ['PUT', `/accounts/${account.id}`, { system: 'pvs', status: 'active', revision: 1 }],
        ['POST', `/accounts/${account.id}/disable`, undefined],
        ['DELETE', `/accounts/${account.id}`, undefined],
        ['PUT', '/checklist-templates/onboarding', { items: [{ title: 'x' }] }],
        ['DELETE', '/checklist-templates/onboarding', undefined],
        ['POST', `/people/${personId}/checklists`, { kind: 'offboarding' }],
        ['PUT', `/checklists/${checklist.id}/items/1`, { done: true }],
      ];
      for (const [method, path, body] of writes) expect((await staff.request(method, org(path), body)).statusCode, `${method} ${path}`).toBe(403);
    });
  });
}
