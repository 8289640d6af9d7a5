import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetWarnings } from '../../../domain/assets/asset-warnings.ts';
import { type AssetWarningKind, assetWarningKinds } from '../../../domain/assets/assets.schema.ts';
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
import { practiceToday } from './assets.service.ts';

/** A calendar day `days` from the practice's today. */
function dayFromToday(days: number): string {
  const date = new Date(`${practiceToday()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

interface Asset {
  id: string;
  name: string;
  revision: number;
  warnings: { kind: AssetWarningKind; requirementIds: string[]; days?: number }[];
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the asset register on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    let locationId: string;
    const url = (path = '') => `/api/v1/organisations/${orgId}/assets${path}`;

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      locationId = (await admin.request('GET', `/api/v1/organisations/${orgId}/locations`)).json()[0].id;
    });
    afterAll(async () => t?.close());

    it('records, reads, changes and removes an asset, with an audit entry for each step', async () => {
      const created = await admin.request('POST', url(), {
        name: 'Konnektor Empfang',
        kind: 'ti_connector',
        locationId,
        inventoryNumber: 'TI-01',
        manufacturer: 'secunet',
        supportEndsOn: '2030-06-30',
        protectionNeed: 'very_high',
      });
      expect(created.statusCode).toBe(201);
      const asset = created.json() as Asset & Record<string, unknown>;
      expect(asset).toMatchObject({ name: 'Konnektor Empfang', kind: 'ti_connector', locationId, revision: 1, owner: '', adminMfa: null, warnings: [] });
      expect(asset).not.toHaveProperty('organisationId');

      const read = await admin.request('GET', url(`/${asset.id}`));
      expect(read.json()).toMatchObject({ id: asset.id, relations: [] });

      const changed = await admin.request('PUT', url(`/${asset.id}`), {
        name: 'Konnektor Empfang',
        kind: 'ti_connector',
        locationId,
        inventoryNumber: 'TI-01',
        adminMfa: false,
        revision: 1,
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ revision: 2, adminMfa: false, manufacturer: '' });
      expect(changed.json().warnings.map((w: { kind: string }) => w.kind)).toEqual(['admin_mfa_missing']);

      expect((await admin.request('DELETE', url(`/${asset.id}`))).statusCode).toBe(204);
      expect((await admin.request('GET', url(`/${asset.id}`))).statusCode).toBe(404);
      expect((await admin.request('DELETE', url(`/${asset.id}`))).statusCode).toBe(404);

      const audit = await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=10`);
      const actions = (audit.json().items as { action: string; entityId: string }[]).filter((e) => e.entityId === asset.id).map((e) => e.action);
      expect(actions.sort()).toEqual(['asset.created', 'asset.deleted', 'asset.updated']);
    });

    it('refuses a change based on an old revision with 409 and writes nothing', async () => {
      const asset = (await admin.request('POST', url(), { name: 'Empfangs-PC', kind: 'workstation' })).json() as Asset;
      const first = await admin.request('PUT', url(`/${asset.id}`), { name: 'Empfang 1', kind: 'workstation', revision: 1 });
      expect(first.statusCode).toBe(200);
      const second = await admin.request('PUT', url(`/${asset.id}`), { name: 'Empfang 2', kind: 'workstation', revision: 1 });
      expect(second.statusCode).toBe(409);
      expect(second.json().code).toBe('asset.revision_conflict');
      expect((await admin.request('GET', url(`/${asset.id}`))).json()).toMatchObject({ name: 'Empfang 1', revision: 2 });
    });

    it.each([
      ['an empty name', { name: '  ', kind: 'server' }, 'name'],
      ['a NUL in the name', { name: 'PC\u0000', kind: 'server' }, 'name'],
      ['an unknown kind', { name: 'PC', kind: 'toaster' }, 'kind'],
      ['support ending in the year 1', { name: 'PC', kind: 'server', supportEndsOn: '0001-01-01' }, 'supportEndsOn'],
      ['a date that does not exist', { name: 'PC', kind: 'server', supportEndsOn: '2026-02-30' }, 'supportEndsOn'],
      ['a patch date in the future', { name: 'PC', kind: 'server', lastPatchedOn: '2999-01-01' }, 'lastPatchedOn'],
      ['notes beyond the limit', { name: 'PC', kind: 'server', notes: 'x'.repeat(4001) }, 'notes'],
      ['a protection need outside the three levels', { name: 'PC', kind: 'server', protectionNeed: 'extreme' }, 'protectionNeed'],
      ['a location id that is no id', { name: 'PC', kind: 'server', locationId: 'Keller' }, 'locationId'],
    ])('refuses %s at the field and stores nothing', async (_case, body, field) => {
      const before = (await admin.request('GET', url('?limit=1'))).json().total;
      const res = await admin.request('POST', url(), body);
      expect(res.statusCode).toBe(400);
      expect(res.json().issues.map((i: { path: string[] }) => i.path[0])).toContain(field);
      expect((await admin.request('GET', url('?limit=1'))).json().total).toBe(before);
    });

    it('keeps inventory numbers unique per organisation, ignoring case, and names the field', async () => {
      expect((await admin.request('POST', url(), { name: 'Drucker', kind: 'printer', inventoryNumber: 'INV-7' })).statusCode).toBe(201);
      const dup = await admin.request('POST', url(), { name: 'Drucker 2', kind: 'printer', inventoryNumber: 'inv-7' });
      expect(dup.statusCode).toBe(400);
      expect(dup.json().issues).toEqual([expect.objectContaining({ path: ['inventoryNumber'], code: 'asset.inventory_number_taken' })]);
    });

    it('answers another organisation with 404 and refuses its locations at the field', async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis B', 'admin@praxis-b.example');
      const mine = (await admin.request('POST', url(), { name: 'Meins', kind: 'server' })).json() as Asset;
      const theirs = `/api/v1/organisations/${other.organisationId}`;
      const foreignLocation = (await other.agent.request('GET', `${theirs}/locations`)).json()[0].id;
      expect((await other.agent.request('GET', `${theirs}/assets/${mine.id}`)).statusCode).toBe(404);
      expect((await other.agent.request('PUT', `${theirs}/assets/${mine.id}`, { name: 'x', kind: 'server', revision: 1 })).statusCode).toBe(404);
      expect((await other.agent.request('DELETE', `${theirs}/assets/${mine.id}`)).statusCode).toBe(404);
      expect((await other.agent.request('GET', `${theirs}/assets`)).json().items).toEqual([]);
      const wrongPlace = await admin.request('POST', url(), { name: 'PC', kind: 'server', locationId: foreignLocation });
      expect(wrongPlace.statusCode).toBe(400);
      expect(wrongPlace.json().issues[0]).toMatchObject({ path: ['locationId'], code: 'asset.location_unknown' });
      const theirAsset = (await other.agent.request('POST', `${theirs}/assets`, { name: 'Fremd', kind: 'server' })).json() as Asset;
      const link = await admin.request('POST', url(`/${mine.id}/relations`), { kind: 'runs_on', targetId: theirAsset.id });
      expect(link.statusCode).toBe(400);
      expect(link.json().issues[0]).toMatchObject({ path: ['targetId'], code: 'asset.relation_target_unknown' });
    });

    it('relates assets both ways, keeps one relation per pair and kind, and drops relations with the asset', async () => {
      const pvs = (await admin.request('POST', url(), { name: 'PVS', kind: 'pvs' })).json() as Asset;
      const server = (await admin.request('POST', url(), { name: 'Server', kind: 'server' })).json() as Asset;
      const self = await admin.request('POST', url(`/${pvs.id}/relations`), { kind: 'runs_on', targetId: pvs.id });
      expect(self.json().issues[0]).toMatchObject({ path: ['targetId'], code: 'asset.relation_self' });
      const first = await admin.request('POST', url(`/${pvs.id}/relations`), { kind: 'runs_on', targetId: server.id });
      const again = await admin.request('POST', url(`/${pvs.id}/relations`), { kind: 'runs_on', targetId: server.id });
      expect(first.statusCode).toBe(201);
      expect(again.json().id).toBe(first.json().id);
      expect(first.json()).toMatchObject({ sourceId: pvs.id, targetId: server.id, otherName: 'Server', otherKind: 'server' });
      const seenFromServer = (await admin.request('GET', url(`/${server.id}`))).json();
      expect(seenFromServer.relations).toEqual([expect.objectContaining({ id: first.json().id, sourceId: pvs.id, otherName: 'PVS' })]);
      expect((await admin.request('DELETE', url(`/${server.id}/relations/${first.json().id}`))).statusCode).toBe(204);
      expect((await admin.request('DELETE', url(`/${server.id}/relations/${first.json().id}`))).statusCode).toBe(404);
      await admin.request('POST', url(`/${pvs.id}/relations`), { kind: 'runs_on', targetId: server.id });
      expect((await admin.request('DELETE', url(`/${server.id}`))).statusCode).toBe(204);
      expect((await admin.request('GET', url(`/${pvs.id}`))).json().relations).toEqual([]);

      // The supplier register's links show on the asset as "looked after by".
      const vendor = (await admin.request('POST', `/api/v1/organisations/${orgId}/suppliers`, { name: 'PVS-Hersteller GmbH' })).json() as { id: string };
      expect((await admin.request('GET', url(`/${pvs.id}`))).json().suppliers).toEqual([]);
      const linked = await admin.request('PUT', `/api/v1/organisations/${orgId}/suppliers/${vendor.id}/assets`, { assetIds: [pvs.id] });
      expect(linked.statusCode).toBe(200);
      expect((await admin.request('GET', url(`/${pvs.id}`))).json().suppliers).toEqual([{ id: vendor.id, name: 'PVS-Hersteller GmbH' }]);
    });

    it('warns in the list, the filter and the counts exactly as the domain rules say', async () => {
      const fresh = await createOrganisationWithAdmin(t, 'Praxis W', 'admin@praxis-w.example');
      const base = `/api/v1/organisations/${fresh.organisationId}/assets`;
      const cases = [
        { name: 'Altserver', kind: 'server', supportEndsOn: dayFromToday(-1) },
        { name: 'Endet heute', kind: 'workstation', supportEndsOn: dayFromToday(0) },
        { name: 'Endet bald', kind: 'workstation', supportEndsOn: dayFromToday(90) },
        { name: 'Endet später', kind: 'workstation', supportEndsOn: dayFromToday(91) },
        { name: 'Firewall ohne MFA', kind: 'network', adminMfa: false },
        { name: 'Firewall mit MFA', kind: 'network', adminMfa: true },
        { name: 'Drucker ohne MFA', kind: 'printer', adminMfa: false },
        { name: 'Laptop unverschlüsselt', kind: 'laptop', encryptedAtRest: false },
        { name: 'Handy unbekannt', kind: 'mobile', encryptedAtRest: null },
        { name: 'Server unverschlüsselt', kind: 'server', encryptedAtRest: false },
      ];
      const created: Asset[] = [];
      for (const body of cases) {
        const res = await fresh.agent.request('POST', base, body);
        expect(res.statusCode, res.body).toBe(201);
        created.push(res.json());
      }
      const today = practiceToday();
      const expected = (kind: AssetWarningKind) =>
        cases
          .filter((c) =>
            assetWarnings({ supportEndsOn: null, adminMfa: null, encryptedAtRest: null, ...c } as Parameters<typeof assetWarnings>[0], today).some(
              (w) => w.kind === kind,
            ),
          )
          .map((c) => c.name)
          .sort();
      expect(expected('unsupported')).toEqual(['Altserver', 'Endet heute']);
      const summary = (await fresh.agent.request('GET', `${base}/summary`)).json();
      expect(summary.total).toBe(cases.length);
      const kinds = [...new Set(cases.map((c) => c.kind))].sort();
      expect(summary.byKind).toEqual(kinds.map((kind) => ({ kind, count: cases.filter((c) => c.kind === kind).length })));
      expect(summary.byLocation).toEqual([{ locationId: null, count: cases.length }]);
      for (const kind of assetWarningKinds) {
        const page = (await fresh.agent.request('GET', `${base}?warning=${kind}&limit=100`)).json();
        expect(page.items.map((a: Asset) => a.name).sort(), kind).toEqual(expected(kind));
        expect(summary.warnings[kind], kind).toBe(expected(kind).length);
        for (const item of page.items as Asset[]) expect(item.warnings.map((w) => w.kind)).toContain(kind);
      }
      const firewall = created.find((a) => a.name === 'Firewall ohne MFA')!;
      expect(firewall.warnings).toEqual([{ kind: 'admin_mfa_missing', requirementIds: expect.arrayContaining(['BSIG-30-2-10']) }]);
    });

    it('pages, sorts, searches and filters in the database, and names a bad query field', async () => {
      const fresh = await createOrganisationWithAdmin(t, 'Praxis P', 'admin@praxis-p.example');
      const base = `/api/v1/organisations/${fresh.organisationId}/assets`;
      for (let n = 1; n <= 25; n++) {
        const kind = n % 5 === 0 ? 'printer' : 'workstation';
        expect(
          (await fresh.agent.request('POST', base, { name: `Arbeitsplatz ${String(n).padStart(2, '0')}`, kind, inventoryNumber: `P-${n}` })).statusCode,
        ).toBe(201);
      }
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await fresh.agent.request('GET', `${base}?limit=10&sort=name&order=desc${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.statusCode).toBe(200);
        const page = res.json();
        expect(page.total).toBe(25);
        names.push(...page.items.map((a: Asset) => a.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(names).toHaveLength(25);
      expect(names[0]).toBe('Arbeitsplatz 25');
      expect(names).toEqual([...names].sort().reverse());
      expect((await fresh.agent.request('GET', `${base}?kind=printer`)).json().total).toBe(5);
      expect((await fresh.agent.request('GET', `${base}?q=p-1`)).json().total).toBe(11);
      // The search looks in name, inventory number, manufacturer, model and owner, ignores case (umlauts too), takes %
      // and _ literally and never matches across two columns.
      const found = await fresh.agent.request('POST', base, {
        name: 'Ultraschall',
        kind: 'medical_device',
        manufacturer: 'Großgerätebau 100%',
        model: 'Ä_1',
        owner: 'Dr. Öz',
      });
      expect(found.statusCode).toBe(201);
      const search = async (q: string) => (await fresh.agent.request('GET', `${base}?q=${encodeURIComponent(q)}`)).json().items.map((a: Asset) => a.name);
      for (const q of ['ULTRA', 'GROßGERÄTE', 'gerätebau 100%', 'ä_1', 'dr. öz', 'ÖZ']) expect(await search(q), q).toEqual(['Ultraschall']);
      for (const q of ['100 %', 'ä%1', 'schall großgeräte', 'a_1']) expect(await search(q), q).toEqual([]);
      for (const query of ['sort=organisationId', 'limit=0', 'kind=toaster', 'warning=all', 'locationId=Keller', 'q=%00']) {
        const res = await fresh.agent.request('GET', `${base}?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json().issues[0].path[0], query).toBe(query.split('=')[0]);
      }
    });

    it('lets staff read the register but not change it', async () => {
      const invite = await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email: 'mfa@praxis-a.example', role: 'staff' });
      const token = new URL(invite.json().link).pathname.split('/').pop();
      const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Mia MFA', password: PASSWORD } });
      expect(accepted.statusCode).toBeLessThan(300);
      const secret = accepted.json().enrolment.secret;
      await completeEnrolment(t.app, `ps_session=${accepted.cookies.find((c) => c.name === 'ps_session')!.value}`, secret);
      const staff = await login(t, 'mfa@praxis-a.example', secret);
      expect((await staff.request('GET', url())).statusCode).toBe(200);
      expect((await staff.request('POST', url(), { name: 'PC', kind: 'server' })).statusCode).toBe(403);
    });
  });
}
