import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf, samplePng, upload } from '../../test/files.ts';
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

interface CatalogItem {
  id: string;
  framework: string;
  annex: number | null;
  applicable: boolean;
  mandatory: boolean;
  status: string;
  reason: { code: string; de: string };
  evidenceCount: number;
  locationCounts: Record<string, number>;
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`applicability, catalog, evidence and dashboard on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    let locationIds: string[];
    const catalog = async () =>
      (await admin.request('GET', `/api/v1/organisations/${orgId}/catalog`)).json() as {
        requirements: CatalogItem[];
        profile: { assessed: boolean; annexes: number[] };
      };
    const item = async (id: string) => (await catalog()).requirements.find((r) => r.id === id)!;

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      locationIds = ((await admin.request('GET', `/api/v1/organisations/${orgId}/locations`)).json() as { id: string }[]).map((l) => l.id);
    });
    afterAll(async () => t?.close());

    it('lists all 92 KBV requirements and the ten § 30 BSIG measures, every annex shown until the check is run', async () => {
      const c = await catalog();
      expect(c.profile.assessed).toBe(false);
      expect(c.requirements.filter((r) => r.framework === 'kbv')).toHaveLength(92);
      expect(c.requirements.filter((r) => r.framework === 'nis2')).toHaveLength(10);
      expect(c.requirements.every((r) => r.applicable && r.status === 'open')).toBe(true);
    });

    it('stores the KBV check and filters the catalog by annex and target objects', async () => {
      const bad = await admin.request('POST', `/api/v1/organisations/${orgId}/applicability/kbv`, {
        check: { personsHandlingData: -1, significantScaleProcessing: 'no', majorMedicalDevices: true },
      });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .issues.map((i: { path: string[] }) => i.path.join('.'))
          .sort(),
      ).toEqual(['check.contractPractice', 'check.personsHandlingData', 'check.significantScaleProcessing']);

      const res = await admin.request('POST', `/api/v1/organisations/${orgId}/applicability/kbv`, {
        check: { personsHandlingData: 12, significantScaleProcessing: false, majorMedicalDevices: true, contractPractice: true },
        targetObjects: { usesWindowsClients: false },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().result).toMatchObject({ guidelineApplies: true, size: 'medium', annexes: [1, 2, 4, 5] });
      const c = await catalog();
      const annex3 = c.requirements.find((r) => r.id === 'KBV-A3-01')!;
      expect(annex3.applicable).toBe(false);
      expect(annex3.reason.code).toBe('kbv.requirement_annex_not_applicable');
      const windows = c.requirements.filter((r) => r.reason.code === 'kbv.requirement_target_object_absent');
      expect(windows.length).toBeGreaterThan(0);
      expect(c.requirements.find((r) => r.id === 'KBV-A4-01')!.applicable).toBe(true);
      expect(c.requirements.find((r) => r.id === 'KBV-A1-01')!.mandatory).toBe(true);
    });

    it('stores the NIS2 check with its result; an important entity must implement the § 30 measures', async () => {
      const bad = await admin.request('POST', `/api/v1/organisations/${orgId}/applicability/nis2`, {
        financialYear: 2025,
        check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: -3, annualTurnoverEur: '8000000', balanceSheetTotalEur: 4_000_000 },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(expect.arrayContaining(['check.staffAwu', 'check.annualTurnoverEur']));
      const res = await admin.request('POST', `/api/v1/organisations/${orgId}/applicability/nis2`, {
        financialYear: 2025,
        check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 67.5, annualTurnoverEur: 8_000_000, balanceSheetTotalEur: 4_000_000 },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ financialYear: 2025, result: { category: 'important', maxFineEur: 7_000_000 } });
      const measure = await item('BSIG-30-2-01');
      expect(measure).toMatchObject({ applicable: true, mandatory: true });
      const history = (await admin.request('GET', `/api/v1/organisations/${orgId}/applicability`)).json().history;
      expect(history.map((h: { kind: string }) => h.kind)).toEqual(['nis2', 'kbv']);
    });

    it('sets a status and asks for a reason when a requirement is not applicable', async () => {
      const url = `/api/v1/organisations/${orgId}/requirements/KBV-A1-01/status`;
      const noReason = await admin.request('PUT', url, { status: 'not_applicable' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().issues).toEqual([expect.objectContaining({ path: ['notApplicableReason'], code: 'reason_required' })]);
      const bad = await admin.request('PUT', url, { status: 'done', dueDate: '31.12.2026' });
      expect(
        bad
          .json()
          .issues.map((i: { path: string[] }) => i.path[0])
          .sort(),
      ).toEqual(['dueDate', 'status']);
      const ok = await admin.request('PUT', url, {
        status: 'in_progress',
        ownerUserId: admin.userId,
        dueDate: '2026-12-31',
        notes: 'Checkliste liegt im QM-Handbuch',
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'in_progress', dueDate: '2026-12-31', ownerUserId: admin.userId });
      expect((await item('KBV-A1-01')).status).toBe('in_progress');
      const unknown = await admin.request('PUT', `/api/v1/organisations/${orgId}/requirements/KBV-A9-99/status`, { status: 'open' });
      expect(unknown.statusCode).toBe(404);
    });

    it('refuses an owner or a location from elsewhere, naming the field', async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis Fremd', 'admin@fremd.example');
      const foreignLocation = ((await other.agent.request('GET', `/api/v1/organisations/${other.organisationId}/locations`)).json() as { id: string }[])[0]!.id;
      const url = `/api/v1/organisations/${orgId}/requirements/KBV-A1-02/status`;
      const owner = await admin.request('PUT', url, { status: 'open', ownerUserId: other.agent.userId });
      expect(owner.statusCode).toBe(400);
      expect(owner.json().issues[0].path).toEqual(['ownerUserId']);
      const location = await admin.request('PUT', url, { status: 'open', locationId: foreignLocation });
      expect(location.statusCode).toBe(400);
      expect(location.json().issues[0].path).toEqual(['locationId']);
    });

    it('tracks status per location: implemented for the organisation only when done everywhere', async () => {
      const url = `/api/v1/organisations/${orgId}/requirements/KBV-A1-03/status`;
      await admin.request('PUT', url, { status: 'implemented', locationId: locationIds[0] });
      expect((await item('KBV-A1-03')).status).toBe('open');
      expect((await item('KBV-A1-03')).locationCounts).toEqual({ ownEntries: 1, implemented: 1, open: 1, in_progress: 0, not_applicable: 0 });
      const detail = (await admin.request('GET', `/api/v1/organisations/${orgId}/requirements/KBV-A1-03`)).json();
      expect(detail.entries).toEqual([expect.objectContaining({ locationId: locationIds[0], status: 'implemented' })]);
      expect(detail.reason.code).toBe('kbv.requirement_mandatory');
      await admin.request('PUT', url, { status: 'implemented', locationId: locationIds[1] });
      expect((await item('KBV-A1-03')).status).toBe('implemented');
      // A location with recorded work cannot be deleted.
      const removed = await admin.request('DELETE', `/api/v1/organisations/${orgId}/locations/${locationIds[1]}`);
      expect(removed.statusCode).toBe(409);
      expect(removed.json().code).toBe('location.in_use');
    });

    it('stores evidence checked by content with its SHA-256, serves it back and audits it', async () => {
      const base = `/api/v1/organisations/${orgId}/requirements/KBV-A1-04/evidence`;
      const pdf = await upload(admin, t, base, 'Datensicherungskonzept.pdf', samplePdf);
      expect(pdf.statusCode).toBe(201);
      expect(pdf.json()).toMatchObject({ fileName: 'Datensicherungskonzept.pdf', mediaType: 'application/pdf', sizeBytes: samplePdf.length });
      expect(pdf.json().sha256).toMatch(/^[0-9a-f]{64}$/);
      const png = await upload(admin, t, `${base}?locationId=${locationIds[0]}`, 'foto.png', samplePng);
      expect(png.statusCode).toBe(201);

      const disguised = await upload(admin, t, base, 'rechnung.pdf', Buffer.from('MZ\x90\x00 this is a Windows program'));
      expect(disguised.statusCode).toBe(400);
      expect(disguised.json().issues[0]).toMatchObject({ path: ['file'], code: 'evidence.type_not_allowed' });
      const text = await upload(admin, t, base, 'notiz.pdf', Buffer.from('just text'));
      expect(text.statusCode).toBe(400);

      const list = (await admin.request('GET', base)).json() as { id: string; fileName: string; locationId: string | null }[];
      expect(list.map((f) => f.fileName)).toEqual(['Datensicherungskonzept.pdf', 'foto.png']);
      const download = await admin.request('GET', `/api/v1/organisations/${orgId}/evidence/${list[0]!.id}/download`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toContain('Datensicherungskonzept.pdf');
      expect(download.rawPayload.equals(samplePdf)).toBe(true);
      expect((await item('KBV-A1-04')).evidenceCount).toBe(2);

      const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=500`)).json().items as {
        action: string;
        data: { sha256?: string };
      }[];
      expect(audit.filter((e) => e.action === 'evidence.uploaded').map((e) => e.data.sha256)).toContain(pdf.json().sha256);
      expect(audit.some((e) => e.action === 'requirement.status_changed')).toBe(true);

      expect((await admin.request('DELETE', `/api/v1/organisations/${orgId}/evidence/${list[1]!.id}`)).statusCode).toBe(204);
      expect((await admin.request('GET', `/api/v1/organisations/${orgId}/evidence/${list[1]!.id}/download`)).statusCode).toBe(404);
    });

    it('refuses files above 25 MB and requests without a file', async () => {
      const base = `/api/v1/organisations/${orgId}/requirements/KBV-A1-05/evidence`;
      const big = Buffer.concat([samplePdf, Buffer.alloc(25 * 1024 * 1024)]);
      const res = await upload(admin, t, base, 'gross.pdf', big);
      expect(res.statusCode).toBe(413);
      const none = await admin.request('POST', base, {});
      expect(none.statusCode).toBe(400);
      expect(none.json().issues[0].path).toEqual(['file']);
      expect((await item('KBV-A1-05')).evidenceCount).toBe(0);
    });

    it('shows progress, overdue work, binding open requirements, NIS2 coverage and fine exposure on the dashboard', async () => {
      const before = (await admin.request('GET', `/api/v1/organisations/${orgId}/dashboard`)).json();
      expect(before.nis2).toMatchObject({ category: 'important', maxFineEur: 7_000_000 });
      expect(before.coverage.totalMeasures).toBe(10);
      for (const id of ['KBV-A1-06', 'KBV-A1-07']) {
        await admin.request('PUT', `/api/v1/organisations/${orgId}/requirements/${id}/status`, { status: 'implemented' });
      }
      await admin.request('PUT', `/api/v1/organisations/${orgId}/requirements/KBV-A1-08/status`, { status: 'open', dueDate: '2026-01-31' });
      const after = (await admin.request('GET', `/api/v1/organisations/${orgId}/dashboard`)).json();
      expect(after.progress.kbv.done).toBe(before.progress.kbv.done + 2);
      expect(after.progress.byAnnex.map((a: { annex: number }) => a.annex)).toEqual([1, 2, 4, 5]);
      expect(after.progress.byLocation).toHaveLength(2);
      expect(after.overdue.map((o: { requirementId: string }) => o.requirementId)).toContain('KBV-A1-08');
      expect(after.mandatoryOpen.length).toBe(before.mandatoryOpen.length - 2);
      expect(after.evidenceFiles).toBe(1);
    });

    it('lets staff and auditors read but not change the compliance work', async () => {
      const invite = await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email: 'mfa@praxis-a.example', role: 'staff' });
      const token = new URL(invite.json().link).pathname.split('/').pop()!;
      const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Maria MFA', password: PASSWORD } });
      const secret = accepted.json().enrolment.secret;
      await completeEnrolment(t.app, `ps_session=${accepted.cookies.find((c) => c.name === 'ps_session')!.value}`, secret);
      const staff = await login(t, 'mfa@praxis-a.example', secret);
      expect((await staff.request('GET', `/api/v1/organisations/${orgId}/dashboard`)).statusCode).toBe(200);
      expect((await staff.request('PUT', `/api/v1/organisations/${orgId}/requirements/KBV-A1-09/status`, { status: 'implemented' })).statusCode).toBe(403);
      expect((await upload(staff, t, `/api/v1/organisations/${orgId}/requirements/KBV-A1-09/evidence`, 'x.pdf', samplePdf)).statusCode).toBe(403);
      expect(
        (
          await staff.request('POST', `/api/v1/organisations/${orgId}/applicability/kbv`, {
            check: { personsHandlingData: 3, significantScaleProcessing: false, majorMedicalDevices: false, contractPractice: true },
          })
        ).statusCode,
      ).toBe(403);
    });
  });
}
