import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../db/connect.ts';
import { withOrganisation } from '../db/tenant.ts';
import { samplePdf, upload as uploadEvidence } from './files.ts';
import { createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type Agent, type TestApp } from './test-app.ts';

/** Valid bodies, so that a 404/403 comes from the access check and not from validation. */
const bodies: Record<string, unknown> = {
  'PATCH /api/v1/organisations/:organisationId': { name: 'Übernommen', legalForm: 'other' },
  'POST /api/v1/organisations/:organisationId/locations': { name: 'Eingeschleust' },
  'PATCH /api/v1/organisations/:organisationId/locations/:locationId': { name: 'Umbenannt' },
  'PATCH /api/v1/organisations/:organisationId/members/:userId': { role: 'auditor', isAdmin: false },
  'POST /api/v1/organisations/:organisationId/invitations': { email: 'eindringling@example.org', role: 'management', isAdmin: true },
  'POST /api/v1/organisations/:organisationId/applicability/nis2': {
    financialYear: 2025,
    check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 10, annualTurnoverEur: 1, balanceSheetTotalEur: 1 },
  },
  'POST /api/v1/organisations/:organisationId/applicability/kbv': {
    check: { personsHandlingData: 3, significantScaleProcessing: false, majorMedicalDevices: false, contractPractice: true },
  },
  'PUT /api/v1/organisations/:organisationId/requirements/:requirementId/status': { status: 'implemented' },
  'POST /api/v1/organisations/:organisationId/members/:userId/reset-mfa': undefined,
  'POST /api/v1/organisations/:organisationId/incidents': { title: 'Eingeschleust', noticedAt: '2026-01-15T10:00:00+01:00', patientDataInvolved: false },
  'PUT /api/v1/organisations/:organisationId/incidents/:incidentId/significance': {
    severeDisruption: 'no',
    financialLoss: 'no',
    considerableHarmToOthers: 'no',
    maliciousSuspected: false,
    crossBorderImpact: false,
    personalDataBreach: false,
    gdprRisk: 'none',
  },
  'POST /api/v1/organisations/:organisationId/incidents/:incidentId/events': { kind: 'note', text: 'Eingeschleust' },
  'POST /api/v1/organisations/:organisationId/incidents/:incidentId/submissions': { kind: 'early_warning', submittedAt: '2026-01-15T11:00:00+01:00' },
  'PUT /api/v1/organisations/:organisationId/incidents/:incidentId/handling-completed': { completedAt: '2026-01-16T11:00:00+01:00' },
  'POST /api/v1/organisations/:organisationId/incidents/:incidentId/intermediate-requests': { requestedAt: '2026-01-16T09:00:00+01:00', dueAt: '2026-01-18T12:00:00+01:00' },
  'PUT /api/v1/organisations/:organisationId/incidents/:incidentId/intermediate-requests/:requestId/submission': { submittedAt: '2026-01-17T11:00:00+01:00' },
  'PUT /api/v1/organisations/:organisationId/incidents/:incidentId/escalation': { step: 'management', ticked: false },
  'POST /api/v1/organisations/:organisationId/api-tokens': { name: 'Eingeschleust' },
  'PUT /api/v1/organisations/:organisationId/registration': { registrationReference: 'Eingeschleust' },
  'POST /api/v1/organisations/:organisationId/incidents/intake': { source: 'X', severity: 'high', title: 'Eingeschleust', detectedAt: '2026-01-15T10:00:00+01:00' },
  // A multipart upload: sent without a file, the membership check must still answer before the body is read.
  'POST /api/v1/organisations/:organisationId/requirements/:requirementId/evidence': undefined,
};

/** Tables holding organisation data, compared before and after the attack. */
const tenantTables = [
  'organisations',
  'locations',
  'memberships',
  'invitations',
  'outbox_mails',
  'audit_events',
  'audit_heads',
  'applicability_checks',
  'requirement_statuses',
  'evidence_files',
  'incidents',
  'incident_events',
  'incident_submissions',
  'incident_intermediate_requests',
  'incident_escalation_ticks',
  'api_tokens',
  'registration_setups',
  'jobs',
  'organisation_counters',
  'compliance_versions',
];

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`tenant isolation on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let userA: Agent;
    let orgA: string;
    let orgB: string;
    let ids: Record<string, string>;

    async function snapshot(organisationId: string) {
      const state: Record<string, unknown[]> = {};
      for (const table of tenantTables) {
        const column = table === 'organisations' ? 'id' : 'organisation_id';
        state[table] = await queryRows(t.ctx.db, sql`select * from ${sql.identifier(table)} where ${sql.identifier(column)} = ${organisationId} order by 1, 2`);
      }
      // Accounts are global, but an attack through an organisation route must not touch the members' accounts either.
      state.users = await queryRows(
        t.ctx.db,
        sql`select u.* from users u join memberships m on m.user_id = u.id where m.organisation_id = ${organisationId} order by u.id`,
      );
      return state;
    }

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: userA, organisationId: orgA } = await runFirstSetup(t.app));
      const b = await createOrganisationWithAdmin(t, 'Praxis B', 'admin@praxis-b.example');
      orgB = b.organisationId;
      const invitation = await b.agent.request('POST', `/api/v1/organisations/${orgB}/invitations`, { email: 'staff@praxis-b.example', role: 'staff' });
      const locations = (await b.agent.request('GET', `/api/v1/organisations/${orgB}/locations`)).json() as { id: string }[];
      await b.agent.request('PUT', `/api/v1/organisations/${orgB}/requirements/KBV-A1-01/status`, { status: 'in_progress', notes: 'nur für B' });
      const evidence = await uploadEvidence(b.agent, t, `/api/v1/organisations/${orgB}/requirements/KBV-A1-01/evidence`, 'b.pdf', samplePdf);
      const incident = await b.agent.request('POST', `/api/v1/organisations/${orgB}/incidents`, { title: 'Vorfall in B', noticedAt: '2026-01-15T10:00:00+01:00', patientDataInvolved: false });
      const apiToken = await b.agent.request('POST', `/api/v1/organisations/${orgB}/api-tokens`, { name: 'Token von B' });
      // B's own request and tick, so that an attack reaches existing rows (and the untick in `bodies` would delete one).
      const intermediate = await b.agent.request('POST', `/api/v1/organisations/${orgB}/incidents/${incident.json().id}/intermediate-requests`, { requestedAt: '2026-01-16T08:00:00+01:00' });
      await b.agent.request('PUT', `/api/v1/organisations/${orgB}/incidents/${incident.json().id}/escalation`, { step: 'management', ticked: true });
      ids = {
        tokenId: apiToken.json().id,
        incidentId: incident.json().id,
        requestId: intermediate.json().id,
        requirementId: 'KBV-A1-01',
        evidenceId: evidence.json().id,
        organisationId: orgB,
        locationId: locations[0]!.id,
        userId: b.agent.userId,
        invitationId: invitation.json().id,
        token: new URL(invitation.json().link).pathname.split('/').pop()!,
      };
    });
    afterAll(async () => t?.close());

    it('answers 404 or 403 on every organisation route with the other organisation’s ids, and changes nothing', async () => {
      const before = await snapshot(orgB);
      const routes = t.routes.filter((r) => r.url.includes(':organisationId') || r.url.includes(':token'));
      expect(routes.length).toBeGreaterThan(10);
      const results: string[] = [];
      for (const route of routes) {
        const url = route.url.replace(/:(\w+)/g, (_m, name: string) => ids[name] ?? `missing-${name}`);
        const res = await userA.request(route.method, url, bodies[`${route.method} ${route.url}`]);
        results.push(`${route.method} ${route.url} -> ${res.statusCode}`);
        if (route.url.startsWith('/api/v1/invitations/:token')) continue; // the link itself is the credential; see below
        // The intake answers to an organisation's API token only; a session of another organisation is no token.
        const allowed = route.url.endsWith('/incidents/intake') ? [401] : [403, 404];
        expect(allowed, `${route.method} ${url}: ${res.body}`).toContain(res.statusCode);
      }
      expect(await snapshot(orgB)).toEqual(before);
      expect(results.length).toBe(routes.length);
    });

    it('answers 404 for the other organisation’s records inside one’s own organisation', async () => {
      const before = await snapshot(orgB);
      // Catalog requirements are shared by all organisations; only organisation-owned sub-records are attacked here.
      const routes = t.routes.filter((r) => /:organisationId\/.+:\w+/.test(r.url) && !r.url.includes(':requirementId'));
      expect(routes.length).toBeGreaterThan(3);
      for (const route of routes) {
        const url = route.url.replace(/:(\w+)/g, (_m, name: string) => (name === 'organisationId' ? orgA : ids[name]!));
        const res = await userA.request(route.method, url, bodies[`${route.method} ${route.url}`]);
        expect([403, 404], `${route.method} ${url}: ${res.body}`).toContain(res.statusCode);
      }
      expect(await snapshot(orgB)).toEqual(before);
    });

    it('does not let an invitation for someone else be joined with another account', async () => {
      const res = await userA.request('POST', `/api/v1/invitations/${ids.token}/join`);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('invite.wrong_account');
    });

    it('has every route with a body listed here, so new routes are attacked too', () => {
      const withBody = t.routes.filter((r) => r.url.includes(':organisationId') && ['POST', 'PATCH', 'PUT'].includes(r.method));
      for (const route of withBody) expect(Object.keys(bodies), `${route.method} ${route.url} needs a body in this test`).toContain(`${route.method} ${route.url}`);
    });

    it('lets PostgreSQL itself hide and protect the other organisation’s rows', async () => {
      const seen = await withOrganisation(t.ctx.db, orgA, async (tx) => {
        const counts: Record<string, number> = {};
        for (const table of tenantTables) {
          const column = table === 'organisations' ? 'id' : 'organisation_id';
          const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} <> ${orgA}`);
          counts[table] = row!.n;
        }
        return counts;
      });
      expect(Object.values(seen).every((n) => n === 0)).toBe(true);
      // Without any WHERE clause the app role still sees only its organisation.
      const all = await withOrganisation(t.ctx.db, orgA, (tx) => queryRows<{ organisation_id: string }>(tx, sql`select organisation_id from locations`));
      expect(new Set(all.map((r) => r.organisation_id))).toEqual(new Set([orgA]));

      const insert = await withOrganisation(t.ctx.db, orgA, (tx) =>
        tx.execute(sql`insert into locations (organisation_id, id, name) values (${orgB}, gen_random_uuid(), 'Eingeschleust')`),
      ).then(() => 'inserted', (error: Error & { cause?: Error }) => String(error.cause?.message ?? error.message));
      expect(insert).toMatch(/row-level security/);
      const update = await withOrganisation(t.ctx.db, orgA, (tx) =>
        queryRows(tx, sql`update locations set name = 'Übernommen' where organisation_id = ${orgB} returning id`),
      );
      expect(update).toEqual([]);
    });
  });
}
