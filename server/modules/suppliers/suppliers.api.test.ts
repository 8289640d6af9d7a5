import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supplierWarnings } from '../../../domain/suppliers/supplier-warnings.ts';
import { type SupplierWarningKind, supplierWarningKinds } from '../../../domain/suppliers/suppliers.schema.ts';
import { samplePdf, upload } from '../../test/files.ts';
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

/** A calendar day `days` from the practice's today. */
function dayFromToday(days: number): string {
  const date = new Date(`${practiceToday()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

interface Supplier {
  id: string;
  name: string;
  revision: number;
  warnings: { kind: SupplierWarningKind; requirementIds: string[]; days?: number }[];
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`the supplier register on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const url = (path = '') => `/api/v1/organisations/${orgId}/suppliers${path}`;
    const assetsUrl = () => `/api/v1/organisations/${orgId}/assets`;

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());

    it('records, reads, changes and removes a supplier, with an audit entry for each step', async () => {
      const created = await admin.request('POST', url(), {
        name: 'Praxis-IT Müller GmbH',
        services: 'Betreuung der Arbeitsplätze, Fernwartung',
        criticality: 'high',
        patientDataAccess: true,
        avvStatus: 'signed',
        avvSignedOn: '2025-03-01',
        securityAgreement: true,
        auditRights: false,
        contactName: 'Frau Müller',
        contactEmail: 'support@praxis-it.example',
        emergencyPhone: '+49 30 1234567',
        nextReviewOn: dayFromToday(100),
      });
      expect(created.statusCode, created.body).toBe(201);
      const supplier = created.json() as Supplier & Record<string, unknown>;
      expect(supplier).toMatchObject({ name: 'Praxis-IT Müller GmbH', criticality: 'high', revision: 1, cloudHealthData: null, c5Scope: '', warnings: [] });
      expect(supplier).not.toHaveProperty('organisationId');

      const read = await admin.request('GET', url(`/${supplier.id}`));
      expect(read.json()).toMatchObject({ id: supplier.id, assets: [], avvEvidence: null });

      const changed = await admin.request('PUT', url(`/${supplier.id}`), {
        name: 'Praxis-IT Müller GmbH',
        patientDataAccess: true,
        avvStatus: 'requested',
        revision: 1,
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ revision: 2, avvStatus: 'requested', services: '', criticality: 'medium' });
      expect(changed.json().warnings).toEqual([{ kind: 'avv_missing', requirementIds: ['BSIG-30-2-04', 'KBV-A1-04'] }]);

      expect((await admin.request('DELETE', url(`/${supplier.id}`))).statusCode).toBe(204);
      expect((await admin.request('GET', url(`/${supplier.id}`))).statusCode).toBe(404);
      expect((await admin.request('DELETE', url(`/${supplier.id}`))).statusCode).toBe(404);

      const audit = await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=10`);
      const actions = (audit.json().items as { action: string; entityId: string }[]).filter((e) => e.entityId === supplier.id).map((e) => e.action);
      expect(actions.sort()).toEqual(['supplier.created', 'supplier.deleted', 'supplier.updated']);
    });

    it('refuses a change based on an old revision with 409 and writes nothing', async () => {
      const supplier = (await admin.request('POST', url(), { name: 'Labor Nord' })).json() as Supplier;
      const first = await admin.request('PUT', url(`/${supplier.id}`), { name: 'Labor Nord 1', revision: 1 });
      expect(first.statusCode).toBe(200);
      const second = await admin.request('PUT', url(`/${supplier.id}`), { name: 'Labor Nord 2', revision: 1 });
      expect(second.statusCode).toBe(409);
      expect(second.json().code).toBe('supplier.revision_conflict');
      expect((await admin.request('GET', url(`/${supplier.id}`))).json()).toMatchObject({ name: 'Labor Nord 1', revision: 2 });
    });

    it.each([
      ['an empty name', { name: '  ' }, 'name'],
      ['a NUL in the name', { name: 'IT\u0000' }, 'name'],
      ['an unknown criticality', { name: 'X', criticality: 'extreme' }, 'criticality'],
      ['an unknown AVV status', { name: 'X', avvStatus: 'maybe' }, 'avvStatus'],
      ['an AVV signed in the future', { name: 'X', avvSignedOn: '2999-01-01' }, 'avvSignedOn'],
      ['a C5 type that does not exist', { name: 'X', c5Type: 'type3' }, 'c5Type'],
      ['a C5 validity in the year 1', { name: 'X', c5ValidUntil: '0001-01-01' }, 'c5ValidUntil'],
      ['a C5 validity before its report', { name: 'X', c5ReportDate: '2026-05-01', c5ValidUntil: '2026-04-01' }, 'c5ValidUntil'],
      ['a review date that does not exist', { name: 'X', nextReviewOn: '2026-02-30' }, 'nextReviewOn'],
      ['an e-mail address without @', { name: 'X', contactEmail: 'support' }, 'contactEmail'],
      ['notes beyond the limit', { name: 'X', notes: 'x'.repeat(4001) }, 'notes'],
      ['an AVV document id that is no id', { name: 'X', avvEvidenceId: 'avv.pdf' }, 'avvEvidenceId'],
    ])('refuses %s at the field and stores nothing', async (_case, body, field) => {
      const before = (await admin.request('GET', url('?limit=1'))).json().total;
      const res = await admin.request('POST', url(), body);
      expect(res.statusCode).toBe(400);
      expect(res.json().issues.map((i: { path: string[] }) => i.path[0])).toContain(field);
      expect((await admin.request('GET', url('?limit=1'))).json().total).toBe(before);
    });

    it('keeps supplier names unique per organisation, ignoring case, and names the field', async () => {
      expect((await admin.request('POST', url(), { name: 'Cloud-Backup AG' })).statusCode).toBe(201);
      const dup = await admin.request('POST', url(), { name: 'cloud-backup ag' });
      expect(dup.statusCode).toBe(400);
      expect(dup.json().issues).toEqual([expect.objectContaining({ path: ['name'], code: 'supplier.name_taken' })]);
      const other = (await admin.request('POST', url(), { name: 'Cloud-Backup Zwei' })).json() as Supplier;
      const rename = await admin.request('PUT', url(`/${other.id}`), { name: 'CLOUD-BACKUP AG', revision: 1 });
      expect(rename.statusCode).toBe(400);
      expect(rename.json().issues[0]).toMatchObject({ path: ['name'], code: 'supplier.name_taken' });
      expect((await admin.request('PUT', url(`/${other.id}`), { name: 'Cloud-Backup Zwei', notes: 'gleich', revision: 1 })).statusCode).toBe(200);
    });

    it('links the signed AVV as an evidence file and forgets the link when the file is deleted', async () => {
      const file = await upload(admin, t, `/api/v1/organisations/${orgId}/requirements/KBV-A1-04/evidence`, 'AVV Praxis-IT.pdf', samplePdf);
      expect(file.statusCode).toBe(201);
      const evidenceId = file.json().id as string;
      const created = await admin.request('POST', url(), { name: 'PVS-Hoster', patientDataAccess: true, avvStatus: 'signed', avvEvidenceId: evidenceId });
      expect(created.statusCode, created.body).toBe(201);
      const supplier = created.json() as Supplier;
      const detail = (await admin.request('GET', url(`/${supplier.id}`))).json();
      expect(detail.avvEvidence).toMatchObject({ id: evidenceId, fileName: 'AVV Praxis-IT.pdf', mediaType: 'application/pdf' });
      expect((await admin.request('DELETE', `/api/v1/organisations/${orgId}/evidence/${evidenceId}`)).statusCode).toBe(204);
      expect((await admin.request('GET', url(`/${supplier.id}`))).json()).toMatchObject({ avvEvidenceId: null, avvEvidence: null, avvStatus: 'signed' });
      const gone = await admin.request('PUT', url(`/${supplier.id}`), { name: 'PVS-Hoster', avvEvidenceId: evidenceId, revision: 1 });
      expect(gone.statusCode).toBe(400);
      expect(gone.json().issues[0]).toMatchObject({ path: ['avvEvidenceId'], code: 'supplier.evidence_unknown' });
    });

    it('sets the assets a supplier provides as a whole set, shows them and drops links with the asset', async () => {
      const supplier = (await admin.request('POST', url(), { name: 'TI-Anbieter' })).json() as Supplier;
      const connector = (await admin.request('POST', assetsUrl(), { name: 'Konnektor', kind: 'ti_connector' })).json() as { id: string };
      const kim = (await admin.request('POST', assetsUrl(), { name: 'KIM-Dienst', kind: 'kim' })).json() as { id: string };
      const both = await admin.request('PUT', url(`/${supplier.id}/assets`), { assetIds: [kim.id, connector.id, kim.id] });
      expect(both.statusCode, both.body).toBe(200);
      expect(both.json().assets).toEqual([
        { id: kim.id, name: 'KIM-Dienst', kind: 'kim' },
        { id: connector.id, name: 'Konnektor', kind: 'ti_connector' },
      ]);
      const one = await admin.request('PUT', url(`/${supplier.id}/assets`), { assetIds: [connector.id] });
      expect(one.json().assets.map((a: { id: string }) => a.id)).toEqual([connector.id]);
      const unknown = await admin.request('PUT', url(`/${supplier.id}/assets`), { assetIds: [connector.id, '00000000-0000-4000-8000-000000000009'] });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().issues[0]).toMatchObject({ path: ['assetIds', 1], code: 'supplier.asset_unknown' });
      expect((await admin.request('GET', url(`/${supplier.id}`))).json().assets.map((a: { id: string }) => a.id)).toEqual([connector.id]);
      expect((await admin.request('DELETE', `${assetsUrl()}/${connector.id}`)).statusCode).toBe(204);
      expect((await admin.request('GET', url(`/${supplier.id}`))).json().assets).toEqual([]);
      const audit = await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=20`);
      const actions = (audit.json().items as { action: string; entityId: string }[]).filter((e) => e.entityId === supplier.id).map((e) => e.action);
      expect(actions.filter((a) => a === 'supplier.assets_changed')).toHaveLength(2);
    });

    it('answers another organisation with 404 and refuses its assets and files at the field', async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis B', 'admin@praxis-b.example');
      const mine = (await admin.request('POST', url(), { name: 'Meiner' })).json() as Supplier;
      const theirs = `/api/v1/organisations/${other.organisationId}`;
      expect((await other.agent.request('GET', `${theirs}/suppliers/${mine.id}`)).statusCode).toBe(404);
      expect((await other.agent.request('PUT', `${theirs}/suppliers/${mine.id}`, { name: 'x', revision: 1 })).statusCode).toBe(404);
      expect((await other.agent.request('PUT', `${theirs}/suppliers/${mine.id}/assets`, { assetIds: [] })).statusCode).toBe(404);
      expect((await other.agent.request('DELETE', `${theirs}/suppliers/${mine.id}`)).statusCode).toBe(404);
      expect((await other.agent.request('GET', `${theirs}/suppliers`)).json().items).toEqual([]);
      // The same name is free in another organisation.
      expect((await other.agent.request('POST', `${theirs}/suppliers`, { name: 'Meiner' })).statusCode).toBe(201);
      const theirAsset = (await other.agent.request('POST', `${theirs}/assets`, { name: 'Fremd', kind: 'server' })).json() as { id: string };
      const link = await admin.request('PUT', url(`/${mine.id}/assets`), { assetIds: [theirAsset.id] });
      expect(link.statusCode).toBe(400);
      expect(link.json().issues[0]).toMatchObject({ path: ['assetIds', 0], code: 'supplier.asset_unknown' });
      const theirFile = await upload(other.agent, t, `${theirs}/requirements/KBV-A1-04/evidence`, 'AVV.pdf', samplePdf);
      const file = await admin.request('PUT', url(`/${mine.id}`), { name: 'Meiner', avvEvidenceId: theirFile.json().id, revision: 1 });
      expect(file.statusCode).toBe(400);
      expect(file.json().issues[0]).toMatchObject({ path: ['avvEvidenceId'], code: 'supplier.evidence_unknown' });
    });

    it('warns in the list, the filter and the counts exactly as the domain rules say', async () => {
      const fresh = await createOrganisationWithAdmin(t, 'Praxis W', 'admin@praxis-w.example');
      const base = `/api/v1/organisations/${fresh.organisationId}/suppliers`;
      const c5 = { cloudHealthData: true, c5Basis: 'attestation', c5Type: 'type2' };
      const cases = [
        { name: 'Ohne AVV', patientDataAccess: true, avvStatus: 'missing' },
        { name: 'AVV angefragt', patientDataAccess: true, avvStatus: 'requested' },
        { name: 'AVV offen', patientDataAccess: true },
        { name: 'AVV unterschrieben', patientDataAccess: true, avvStatus: 'signed' },
        { name: 'Kein Auftragsverarbeiter', patientDataAccess: true, avvStatus: 'not_required' },
        { name: 'Keine Patientendaten', patientDataAccess: false, avvStatus: 'missing' },
        { name: 'Cloud ohne C5', cloudHealthData: true },
        { name: 'Cloud Typ 1', ...c5, c5Type: 'type1' },
        { name: 'Cloud Typ 2', ...c5 },
        { name: 'Cloud abgelaufen', ...c5, c5ValidUntil: dayFromToday(-1) },
        { name: 'Cloud endet heute', ...c5, c5ValidUntil: dayFromToday(0) },
        { name: 'Cloud endet in 60 Tagen', ...c5, c5ValidUntil: dayFromToday(60) },
        { name: 'Cloud endet in 61 Tagen', ...c5, c5ValidUntil: dayFromToday(61) },
        { name: 'Cloud gleichwertig', cloudHealthData: true, c5Basis: 'equivalence' },
        { name: 'Cloud gleichwertig bald', cloudHealthData: true, c5Basis: 'equivalence', c5ValidUntil: dayFromToday(5) },
        { name: 'Keine Cloud', cloudHealthData: false, c5ValidUntil: dayFromToday(-100) },
        { name: 'Prüfung überfällig', nextReviewOn: dayFromToday(-1) },
        { name: 'Prüfung heute', nextReviewOn: dayFromToday(0) },
      ];
      for (const body of cases) {
        const res = await fresh.agent.request('POST', base, body);
        expect(res.statusCode, res.body).toBe(201);
      }
      const today = practiceToday();
      const none = { patientDataAccess: null, avvStatus: null, cloudHealthData: null, c5Basis: null, c5Type: null, c5ValidUntil: null, nextReviewOn: null };
      const expected = (kind: SupplierWarningKind) =>
        cases
          .filter((c) => supplierWarnings({ ...none, ...c } as Parameters<typeof supplierWarnings>[0], today).some((w) => w.kind === kind))
          .map((c) => c.name)
          .sort();
      expect(expected('c5_missing')).toEqual(['Cloud Typ 1', 'Cloud abgelaufen', 'Cloud ohne C5'].sort());
      expect(expected('c5_expiring')).toEqual(['Cloud endet heute', 'Cloud endet in 60 Tagen', 'Cloud gleichwertig bald'].sort());
      const summary = (await fresh.agent.request('GET', `${base}/summary`)).json();
      expect(summary.total).toBe(cases.length);
      expect(summary.patientDataAccess).toBe(5);
      expect(summary.byCriticality).toEqual([{ criticality: 'medium', count: cases.length }]);
      for (const kind of supplierWarningKinds) {
        const page = (await fresh.agent.request('GET', `${base}?warning=${kind}&limit=100`)).json();
        expect(page.items.map((s: Supplier) => s.name).sort(), kind).toEqual(expected(kind));
        expect(summary.warnings[kind], kind).toBe(expected(kind).length);
        for (const item of page.items as Supplier[]) expect(item.warnings.map((w) => w.kind)).toContain(kind);
      }
      expect((await fresh.agent.request('GET', `${base}?patientDataAccess=yes`)).json().total).toBe(5);
      expect((await fresh.agent.request('GET', `${base}?patientDataAccess=no`)).json().total).toBe(1);
      expect((await fresh.agent.request('GET', `${base}?patientDataAccess=unknown`)).json().total).toBe(cases.length - 6);
    });

    it('pages, sorts, searches and filters in the database, and names a bad query field', async () => {
      const fresh = await createOrganisationWithAdmin(t, 'Praxis P', 'admin@praxis-p.example');
      const base = `/api/v1/organisations/${fresh.organisationId}/suppliers`;
      const levels = ['low', 'medium', 'high', 'critical'];
      for (let n = 1; n <= 25; n++) {
        const body = { name: `Dienstleister ${String(n).padStart(2, '0')}`, criticality: levels[n % 4], services: n % 5 === 0 ? 'Fernwartung' : 'Lieferung' };
        expect((await fresh.agent.request('POST', base, body)).statusCode).toBe(201);
      }
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await fresh.agent.request('GET', `${base}?limit=10&sort=name&order=desc${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.statusCode).toBe(200);
        const page = res.json();
        expect(page.total).toBe(25);
        names.push(...page.items.map((s: Supplier) => s.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(names).toHaveLength(25);
      expect(names[0]).toBe('Dienstleister 25');
      expect(names).toEqual([...names].sort().reverse());
      const byLevel: string[] = [];
      cursor = null;
      do {
        const res = await fresh.agent.request('GET', `${base}?limit=7&sort=criticality${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        const page = res.json();
        byLevel.push(...page.items.map((s: { criticality: string }) => s.criticality));
        cursor = page.nextCursor;
      } while (cursor);
      expect(byLevel).toHaveLength(25);
      expect(byLevel).toEqual([...byLevel].sort((a, b) => levels.indexOf(a) - levels.indexOf(b)));
      expect((await fresh.agent.request('GET', `${base}?criticality=critical`)).json().total).toBe(6);
      expect((await fresh.agent.request('GET', `${base}?q=fernwartung`)).json().total).toBe(5);
      for (const query of ['sort=organisationId', 'limit=0', 'criticality=extreme', 'warning=all', 'patientDataAccess=true', 'q=%00']) {
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
      const supplier = (await admin.request('POST', url(), { name: 'Nur lesbar' })).json() as Supplier;
      expect((await staff.request('GET', url())).statusCode).toBe(200);
      expect((await staff.request('GET', url(`/${supplier.id}`))).statusCode).toBe(200);
      expect((await staff.request('POST', url(), { name: 'Von Mia' })).statusCode).toBe(403);
      expect((await staff.request('PUT', url(`/${supplier.id}`), { name: 'Von Mia', revision: 1 })).statusCode).toBe(403);
      expect((await staff.request('PUT', url(`/${supplier.id}/assets`), { assetIds: [] })).statusCode).toBe(403);
      expect((await staff.request('DELETE', url(`/${supplier.id}`))).statusCode).toBe(403);
    });
  });
}
