import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { berlinDate } from '../../../domain/kbv/applicability.ts';
import { withOrganisation } from '../../db/tenant.ts';
import { samplePdf, upload } from '../../test/files.ts';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';
import { countCatalog } from './catalog.service.ts';
import { countDashboard, dashboard, keptDashboards } from './dashboard.service.ts';

/**
 * The dashboard and the catalog are kept between requests until the organisation's compliance version moves
 * (migration 0014, decision 015). After every kind of write that changes what they show, the kept answer must equal
 * one counted afresh; without writes, nothing is counted again.
 */
for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`kept dashboard and catalog on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    const org = (path: string) => `/api/v1/organisations/${orgId}${path}`;

    /** What the routes answer and what counting afresh gives, with the clock-driven incident part left out. */
    const both = async () => {
      const dash = (await admin.request('GET', org('/dashboard'))).json();
      const catalog = (await admin.request('GET', org('/catalog'))).json();
      const fresh = await withOrganisation(t.ctx.db, orgId, async (tx) => {
        const { incidentDeadlines: _deadlines, ...counted } = { ...(await countDashboard(tx, orgId, new Date())), incidentDeadlines: null };
        const { aggregates: _aggregates, ...freshCatalog } = await countCatalog(tx, orgId, berlinDate(new Date()));
        return { dashboard: JSON.parse(JSON.stringify(counted)), catalog: JSON.parse(JSON.stringify(freshCatalog)) };
      });
      const { incidentDeadlines: _d, ...kept } = dash;
      return { kept: { dashboard: kept, catalog }, fresh };
    };

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());

    it('counts once while nothing changes, and again when a day begins', async () => {
      await admin.request('GET', org('/dashboard'));
      const before = keptDashboards.computed;
      for (let i = 0; i < 5; i++) expect((await admin.request('GET', org('/dashboard'))).statusCode).toBe(200);
      expect(keptDashboards.computed).toBe(before);
      const tomorrow = new Date(Date.now() + 24 * 3600_000);
      const later = await withOrganisation(t.ctx.db, orgId, (tx) => dashboard(tx, orgId, tomorrow));
      expect(keptDashboards.computed).toBe(before + 1);
      expect(later.today).toBe(berlinDate(tomorrow));
    });

    const writes: [string, () => Promise<unknown>][] = [
      [
        'a status entry',
        async () => expect((await admin.request('PUT', org('/requirements/KBV-A1-01/status'), { status: 'implemented' })).statusCode).toBe(200),
      ],
      [
        'a due date in the past',
        async () =>
          expect((await admin.request('PUT', org('/requirements/KBV-A1-02/status'), { status: 'in_progress', dueDate: '2026-01-31' })).statusCode).toBe(200),
      ],
      [
        'an evidence file',
        async () => expect((await upload(admin, t, org('/requirements/KBV-A1-01/evidence'), 'nachweis.pdf', samplePdf)).statusCode).toBe(201),
      ],
      ['a new location', async () => expect((await admin.request('POST', org('/locations'), { name: 'Zweigpraxis Süd' })).statusCode).toBe(201)],
      [
        'an entry of its own at a location',
        async () => {
          const locations = (await admin.request('GET', org('/locations'))).json() as { id: string; name: string }[];
          const south = locations.find((l) => l.name === 'Zweigpraxis Süd')!;
          expect((await admin.request('PUT', org('/requirements/KBV-A1-01/status'), { status: 'open', locationId: south.id })).statusCode).toBe(200);
        },
      ],
      [
        'a renamed location',
        async () => {
          const locations = (await admin.request('GET', org('/locations'))).json() as { id: string; name: string }[];
          const branch = locations.find((l) => l.name === 'Filiale Nord')!;
          expect((await admin.request('PATCH', org(`/locations/${branch.id}`), { name: 'Filiale Nordost' })).statusCode).toBe(200);
        },
      ],
      [
        'a KBV check that adds annexes',
        async () =>
          expect(
            (
              await admin.request('POST', org('/applicability/kbv'), {
                check: { personsHandlingData: 25, significantScaleProcessing: false, majorMedicalDevices: true, contractPractice: true },
              })
            ).statusCode,
          ).toBe(201),
      ],
      [
        'a NIS2 check',
        async () =>
          expect(
            (
              await admin.request('POST', org('/applicability/nis2'), {
                financialYear: 2025,
                check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 80, annualTurnoverEur: 8_000_000, balanceSheetTotalEur: 4_000_000 },
              })
            ).statusCode,
          ).toBe(201),
      ],
      [
        // Another app process on the same PostgreSQL server, or an administrator in psql: no hook of this process runs.
        'a change written beside the app, straight into the database',
        () =>
          t.ctx.db.execute(
            sql`update requirement_statuses set status = 'not_applicable', not_applicable_reason = 'Kein Gerät' where organisation_id = ${orgId} and requirement_id = 'KBV-A1-02'`,
          ),
      ],
      [
        'a deleted location',
        async () => {
          const locations = (await admin.request('GET', org('/locations'))).json() as { id: string; name: string }[];
          const branch = locations.find((l) => l.name === 'Filiale Nordost')!;
          expect((await admin.request('DELETE', org(`/locations/${branch.id}`))).statusCode).toBe(204);
        },
      ],
    ];

    for (const [what, write] of writes) {
      it(`shows ${what} at once, as counted afresh`, async () => {
        const before = await both();
        expect(before.kept).toEqual(before.fresh);
        await write();
        const after = await both();
        expect(after.kept).toEqual(after.fresh);
        expect(after.kept).not.toEqual(before.kept);
      });
    }
  });
}
