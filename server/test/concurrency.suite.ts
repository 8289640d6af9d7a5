import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LOCATIONS_PER_ORGANISATION } from '../../domain/organisations/organisation.schema.ts';
import { microTrainingQuestions } from '../../domain/phishing/micro-training.ts';
import { QUICK_CHECK_VERSION, quickCheckQuestions } from '../../domain/quickcheck/questions.ts';
import { type Engine, queryRows } from '../db/connect.ts';
import { locations, memberships, people, users } from '../db/schema.ts';
import { withOrganisation } from '../db/tenant.ts';
import { insertPerson } from '../modules/access/access.fixtures.ts';
import { verifyAllAuditChains } from '../modules/audit/audit.service.ts';
import { hashPassword } from '../modules/auth/auth.service.ts';
import { countDashboard } from '../modules/compliance/dashboard.service.ts';
import { createOrganisation } from '../modules/organisations/organisations.service.ts';
import { campaignBody } from '../modules/phishing/phishing.fixtures.ts';
import { trackingToken } from '../modules/phishing/phishing.tokens.ts';
import { multipart, samplePdf } from './files.ts';
import { type Agent, PASSWORD, runFirstSetup, startTestApp, type TestApp, totpCode } from './test-app.ts';

/**
 * The same write sent N times at once over real HTTP, so that on PostgreSQL the requests run in overlapping
 * transactions on different pool connections (PGlite has one connection and serialises them). Each test asserts
 * that no answer is a 5xx and that the invariant the write must keep still holds afterwards.
 */
const N = 10;

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the suites read fields of many different answers
  body: any;
}

/**
 * The suite on one engine; `concurrency.pglite.api.test.ts` and `concurrency.postgres.api.test.ts` each run it, so that the two
 * engines run in parallel test workers.
 */
export function concurrencySuite({ engine, skipReason }: { engine: Engine; skipReason: string | null }) {
  describe.skipIf(skipReason !== null)(`concurrent writes on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    let origin: string;
    let passwordHash: string;
    let nextAddress = 1;

    const call = async (agent: Agent, method: string, path: string, body?: unknown): Promise<Answer> => {
      const res = await fetch(origin + path, {
        method,
        headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    };
    const all = (count: number, send: (i: number) => Promise<Answer>) => Promise.all(Array.from({ length: count }, (_, i) => send(i)));
    const serverErrors = (answers: Answer[]) => answers.filter((a) => a.status >= 500);
    const statuses = (answers: Answer[]) => answers.map((a) => a.status).sort();
    const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(t.ctx.db, query))[0]!;

    /** Signs a person in (password, then TOTP enrolment) from an address of their own, so rate limits stay out of the way. */
    const signIn = async (email: string): Promise<Agent> => {
      const remoteAddress = `10.0.${Math.floor(nextAddress / 250)}.${(nextAddress++ % 250) + 1}`;
      const cookieOf = (res: LightMyRequestResponse) => `ps_session=${res.cookies.find((c) => c.name === 'ps_session')!.value}`;
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD }, remoteAddress });
      if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
      const cookie = cookieOf(login);
      const secret = login.json().enrolment.secret as string;
      const csrfOf = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).json().csrfToken as string;
      const confirm = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/enrolment/confirm',
        headers: { cookie, 'x-csrf-token': await csrfOf() },
        payload: { code: await totpCode(secret) },
        remoteAddress,
      });
      if (confirm.statusCode !== 200) throw new Error(`enrolment failed: ${confirm.body}`);
      const userId = (await one<{ id: string }>(sql`select id from users where email = ${email}`)).id;
      const csrf = await csrfOf();
      return {
        cookie,
        csrf,
        userId,
        email,
        totpSecret: secret,
        request: (method, url, payload) =>
          t.app.inject({
            method: method as 'GET',
            url,
            headers: { cookie, 'x-csrf-token': csrf },
            ...(payload !== undefined ? { payload: payload as object } : {}),
          }),
      };
    };

    /** A new organisation with `admins` signed-in administrators and `locationCount` locations. */
    const organisationWith = async (label: string, admins: number, locationCount = 1) => {
      const ids = Array.from({ length: admins }, () => randomUUID());
      const emails = ids.map((_, i) => `admin${i}@${label}.example`);
      const organisation = await t.ctx.db.transaction(async (tx) => {
        await tx.insert(users).values(ids.map((id, i) => ({ id, email: emails[i]!, name: `Admin ${i} ${label}`, passwordHash })));
        const org = await createOrganisation(tx, ids[0]!, 'management', {
          name: `Praxis ${label}`,
          legalForm: 'einzelpraxis',
          locations: Array.from({ length: locationCount }, (_, i) => ({ name: `Standort ${i + 1}`, street: null, postalCode: null, city: null })),
        });
        if (admins > 1) {
          await tx.insert(memberships).values(ids.slice(1).map((userId) => ({ organisationId: org.id, userId, role: 'management' as const, isAdmin: true })));
        }
        return org;
      });
      const agents: Agent[] = [];
      for (const email of emails) agents.push(await signIn(email));
      return { id: organisation.id, admins: agents };
    };

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      passwordHash = await hashPassword(PASSWORD);
      origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => {
      // Dropping the test database ends its connections; N requests at once leave N pool connections whose ending
      // can overlap with the drop, and pg reports that on the pool, which has no error listener of its own.
      if (t) (t.ctx.db as unknown as { $client?: { on?: (event: string, listener: () => void) => void } }).$client?.on?.('error', () => undefined);
      await t?.close();
    });

    const incidentsUrl = () => `/api/v1/organisations/${orgId}/incidents`;
    const report = (i: number) => ({ title: `Gleichzeitige Meldung ${i}`, noticedAt: new Date().toISOString(), patientDataInvolved: false });

    it('numbers incidents reported at the same moment 1..N without gaps or duplicates', async () => {
      const answers = await all(N, (i) => call(admin, 'POST', incidentsUrl(), report(i)));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(N).fill(201));
      expect(answers.map((a) => a.body.number).sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    });

    let token = '';
    const alert = (source: string, title = 'Ransomware-Verhalten erkannt') => ({
      source,
      severity: 'high',
      title,
      detectedAt: '2026-11-23T03:12:00+01:00',
      host: 'EMPFANG-PC',
    });
    const sendAlert = async (body: unknown): Promise<Answer> => {
      const res = await fetch(`${origin}${incidentsUrl()}/intake`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    };

    it('puts alerts from one source that arrive at once on one incident, none lost', async () => {
      token = (await call(admin, 'POST', `/api/v1/organisations/${orgId}/api-tokens`, { name: 'Virenscanner' })).body.token;
      const answers = await all(N, (i) => sendAlert(alert('Defender', `Alarm ${i}`)));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(answers.map((a) => a.body.incidentId)).size).toBe(1);
      expect(answers[0]!.body.number).toBe(N + 1);
      const events = await one<{ n: number }>(sql`select count(*)::int as n from incident_events where incident_id = ${answers[0]!.body.incidentId}`);
      expect(events.n).toBe(N);
    });

    it('keeps numbers distinct when reports and alerts from new sources arrive together', async () => {
      const answers = await all(2 * N, (i) => (i % 2 ? call(admin, 'POST', incidentsUrl(), report(i)) : sendAlert(alert(`Firewall ${i}`))));
      expect(serverErrors(answers)).toEqual([]);
      expect(answers.every((a) => a.status === 201)).toBe(true);
      const numbers = await queryRows<{ number: number }>(t.ctx.db, sql`select number from incidents where organisation_id = ${orgId} order by number`);
      expect(numbers.map((r) => r.number)).toEqual(Array.from({ length: 3 * N + 1 }, (_, i) => i + 1));
    });

    it('adds events and records submissions of one incident written at once', async () => {
      const incidentId = (await call(admin, 'POST', incidentsUrl(), report(99))).body.id as string;
      const submittedAt = new Date().toISOString();
      const answers = await all(2 * N, (i) =>
        i % 2
          ? call(admin, 'POST', `${incidentsUrl()}/${incidentId}/events`, { kind: 'measure', text: `Maßnahme ${i}` })
          : call(admin, 'POST', `${incidentsUrl()}/${incidentId}/submissions`, { kind: 'early_warning', submittedAt, reference: `BSI-${i}` }),
      );
      expect(serverErrors(answers)).toEqual([]);
      expect(answers.every((a) => a.status === 201 || a.status === 200 || a.status === 204)).toBe(true);
      const counts = await one<{ events: number; submissions: number }>(sql`select
        (select count(*)::int from incident_events where incident_id = ${incidentId} and kind = 'measure') as events,
        (select count(*)::int from incident_submissions where incident_id = ${incidentId} and kind = 'early_warning') as submissions`);
      expect(counts).toEqual({ events: N, submissions: 1 });
    });

    it('keeps one escalation tick, one timeline entry and one audit entry when the same tick arrives ten times at once', async () => {
      const incidentId = (await call(admin, 'POST', incidentsUrl(), report(98))).body.id as string;
      const answers = await all(N, () => call(admin, 'PUT', `${incidentsUrl()}/${incidentId}/escalation`, { step: 'management', ticked: true }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(N).fill(200));
      expect(answers.every((a) => a.body.ticks.length === 1 && a.body.ticks[0].step === 'management')).toBe(true);
      const counts = await one<{ ticks: number; events: number; audit: number }>(sql`select
        (select count(*)::int from incident_escalation_ticks where incident_id = ${incidentId}) as ticks,
        (select count(*)::int from incident_events where incident_id = ${incidentId} and kind = 'escalation_ticked') as events,
        (select count(*)::int from audit_events where entity_id = ${incidentId} and action = 'incident.escalation_ticked') as audit`);
      expect(counts).toEqual({ ticks: 1, events: 1, audit: 1 });
      // Taking it back ten times at once: no row, one more entry each.
      const back = await all(N, () => call(admin, 'PUT', `${incidentsUrl()}/${incidentId}/escalation`, { step: 'management', ticked: false }));
      expect(serverErrors(back)).toEqual([]);
      const after = await one<{ ticks: number; events: number }>(sql`select
        (select count(*)::int from incident_escalation_ticks where incident_id = ${incidentId}) as ticks,
        (select count(*)::int from incident_events where incident_id = ${incidentId} and kind = 'escalation_unticked') as events`);
      expect(after).toEqual({ ticks: 0, events: 1 });
    });

    it('keeps one BSI request for an intermediate report recorded ten times at once, and one answer', async () => {
      const incidentId = (await call(admin, 'POST', incidentsUrl(), report(97))).body.id as string;
      const requestedAt = new Date().toISOString();
      const answers = await all(N, () => call(admin, 'POST', `${incidentsUrl()}/${incidentId}/intermediate-requests`, { requestedAt, reference: 'BSI-4711' }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(N).fill(201));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      const submitted = await all(N, () =>
        call(admin, 'PUT', `${incidentsUrl()}/${incidentId}/intermediate-requests/${answers[0]!.body.id}/submission`, { submittedAt: requestedAt }),
      );
      expect(serverErrors(submitted)).toEqual([]);
      const counts = await one<{ requests: number; requested: number; submitted: number }>(sql`select
        (select count(*)::int from incident_intermediate_requests where incident_id = ${incidentId}) as requests,
        (select count(*)::int from incident_events where incident_id = ${incidentId} and kind = 'intermediate_requested') as requested,
        (select count(*)::int from incident_events where incident_id = ${incidentId} and kind = 'submitted') as submitted`);
      expect(counts).toEqual({ requests: 1, requested: 1, submitted: 1 });
    });

    it('creates exactly one status row when the first status writes of a requirement arrive at once', async () => {
      const locationId = (await call(admin, 'GET', `/api/v1/organisations/${orgId}/locations`)).body[0].id as string;
      const statusesInTurn = ['open', 'in_progress', 'implemented'];
      const answers = await all(2 * N, (i) =>
        call(admin, 'PUT', `/api/v1/organisations/${orgId}/requirements/KBV-A1-05/status`, { status: statusesInTurn[i % 3], ...(i % 2 ? { locationId } : {}) }),
      );
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(2 * N).fill(200));
      const rows = await queryRows<{ location_id: string | null }>(
        t.ctx.db,
        sql`select location_id from requirement_statuses where requirement_id = 'KBV-A1-05'`,
      );
      expect(rows.map((r) => r.location_id).sort()).toEqual([locationId, null]);
    });

    it('shows every status written while dashboards are read at the same moment (the kept dashboard is never older)', async () => {
      const ids = Array.from({ length: N }, (_, i) => `KBV-A1-${String(20 + i).padStart(2, '0')}`);
      const answers = await all(2 * N, (i) =>
        i % 2
          ? call(admin, 'PUT', `/api/v1/organisations/${orgId}/requirements/${ids[i >> 1]}/status`, { status: 'implemented' })
          : call(admin, 'GET', `/api/v1/organisations/${orgId}/dashboard`),
      );
      expect(serverErrors(answers)).toEqual([]);
      const dash = (await call(admin, 'GET', `/api/v1/organisations/${orgId}/dashboard`)).body;
      const fresh = await withOrganisation(t.ctx.db, orgId, (tx) => countDashboard(tx, orgId, new Date()));
      expect(dash.progress).toEqual(JSON.parse(JSON.stringify(fresh.progress)));
      const catalog = (await call(admin, 'GET', `/api/v1/organisations/${orgId}/catalog`)).body as { requirements: { id: string; status: string }[] };
      expect(catalog.requirements.filter((r) => ids.includes(r.id)).map((r) => r.status)).toEqual(Array(N).fill('implemented'));
    });

    it('keeps every evidence file of first uploads sent at once, on one status row with the right count', async () => {
      const answers = await all(N, async (i) => {
        const body = multipart(`nachweis-${i}.pdf`, samplePdf);
        const res = await fetch(`${origin}/api/v1/organisations/${orgId}/requirements/KBV-A1-06/evidence`, {
          method: 'POST',
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': body.contentType },
          body: body.payload,
        });
        return { status: res.status, body: await res.json() };
      });
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(N).fill(201));
      const rows = await queryRows<{ evidence_count: number; files: number }>(
        t.ctx.db,
        sql`select s.evidence_count, (select count(*)::int from evidence_files f where f.requirement_status_id = s.id) as files
              from requirement_statuses s where s.requirement_id = 'KBV-A1-06'`,
      );
      expect(rows).toEqual([{ evidence_count: N, files: N }]);
    });

    it('stores one location when the same name (any case, any spaces) is created N times at once', async () => {
      const spellings = ['Filiale Süd', 'filiale süd', 'FILIALE SÜD', '  Filiale Süd  ', 'Filiale süd '];
      const answers = await all(N, (i) => call(admin, 'POST', `/api/v1/organisations/${orgId}/locations`, { name: spellings[i % spellings.length] }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual([201, ...Array(N - 1).fill(400)]);
      for (const refused of answers.filter((a) => a.status === 400)) {
        expect(refused.body.issues).toEqual([expect.objectContaining({ path: ['name'], code: 'location.name_taken' })]);
      }
      const same = await one<{ n: number }>(
        sql`select count(*)::int as n from locations where organisation_id = ${orgId} and lower(trim(name)) = 'filiale süd'`,
      );
      expect(same.n).toBe(1);
    });

    it('stops at the location cap when the last free places are taken at once', async () => {
      const org = await organisationWith('kette', 1, 1);
      await t.ctx.db
        .insert(locations)
        .values(Array.from({ length: MAX_LOCATIONS_PER_ORGANISATION - 3 }, (_, i) => ({ organisationId: org.id, id: randomUUID(), name: `Vorab ${i}` })));
      const answers = await all(N, (i) => call(org.admins[0]!, 'POST', `/api/v1/organisations/${org.id}/locations`, { name: `Neu ${i}` }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual([201, 201, ...Array(N - 2).fill(400)]);
      expect(answers.filter((a) => a.status === 400).every((a) => a.body.code === 'location.limit_reached')).toBe(true);
      const count = await one<{ n: number }>(sql`select count(*)::int as n from locations where organisation_id = ${org.id}`);
      expect(count.n).toBe(MAX_LOCATIONS_PER_ORGANISATION);
    });

    it('keeps one location when the last two are deleted at once', async () => {
      const org = await organisationWith('zwei-standorte', 1, 2);
      const ids = (await call(org.admins[0]!, 'GET', `/api/v1/organisations/${org.id}/locations`)).body.map((l: { id: string }) => l.id) as string[];
      const answers = await all(N, (i) => call(org.admins[0]!, 'DELETE', `/api/v1/organisations/${org.id}/locations/${ids[i % 2]}`));
      expect(serverErrors(answers)).toEqual([]);
      expect(answers.filter((a) => a.status === 204)).toHaveLength(1);
      expect(answers.every((a) => [204, 404, 409].includes(a.status))).toBe(true);
      const count = await one<{ n: number }>(sql`select count(*)::int as n from locations where organisation_id = ${org.id}`);
      expect(count.n).toBe(1);
    });

    it('answers a status write for a location deleted at the same moment with 400 at the field, never 500', async () => {
      const org = await organisationWith('standort-weg', 1, 2);
      const requirementIds = (await queryRows<{ id: string }>(t.ctx.db, sql`select id from catalog_requirements order by id limit ${N}`)).map((r) => r.id);
      for (let round = 0; round < 3; round++) {
        const target = (await call(org.admins[0]!, 'POST', `/api/v1/organisations/${org.id}/locations`, { name: `Kurzlebig ${round}` })).body.id as string;
        const answers = await all(N + 1, (i) =>
          i === 0
            ? call(org.admins[0]!, 'DELETE', `/api/v1/organisations/${org.id}/locations/${target}`)
            : call(org.admins[0]!, 'PUT', `/api/v1/organisations/${org.id}/requirements/${requirementIds[i - 1]}/status`, {
                status: 'in_progress',
                locationId: target,
              }),
        );
        expect(serverErrors(answers)).toEqual([]);
        expect([204, 409]).toContain(answers[0]!.status);
        for (const refused of answers.slice(1).filter((a) => a.status !== 200)) {
          expect(refused.status).toBe(400);
          expect(refused.body.issues).toEqual([expect.objectContaining({ path: ['locationId'], code: 'location.not_found' })]);
        }
      }
      // Either the deletion or the status writes win; no answer is a 500 and no status points at a missing location.
      const orphans = await one<{ n: number }>(sql`select count(*)::int as n from requirement_statuses s
        where s.organisation_id = ${org.id} and s.location_id is not null
          and not exists (select 1 from locations l where l.organisation_id = s.organisation_id and l.id = s.location_id)`);
      expect(orphans.n).toBe(0);
    });

    const adminCount = (organisationId: string) =>
      one<{ n: number }>(sql`select count(*)::int as n from memberships where organisation_id = ${organisationId} and is_admin and role <> 'auditor'`);

    it('keeps an administrator when N administrators demote each other at once', async () => {
      const org = await organisationWith('herabstufen', N);
      const answers = await all(N, (i) =>
        call(org.admins[i]!, 'PATCH', `/api/v1/organisations/${org.id}/members/${org.admins[(i + 1) % N]!.userId}`, { role: 'staff', isAdmin: false }),
      );
      expect(serverErrors(answers)).toEqual([]);
      expect(answers.every((a) => [200, 403, 404, 409].includes(a.status))).toBe(true);
      expect((await adminCount(org.id)).n).toBeGreaterThanOrEqual(1);
    });

    it('keeps an administrator and a member when N administrators remove each other at once', async () => {
      const org = await organisationWith('entfernen', N);
      const answers = await all(N, (i) => call(org.admins[i]!, 'DELETE', `/api/v1/organisations/${org.id}/members/${org.admins[(i + 1) % N]!.userId}`));
      expect(serverErrors(answers)).toEqual([]);
      expect(answers.every((a) => [204, 403, 404, 409].includes(a.status))).toBe(true);
      expect((await adminCount(org.id)).n).toBeGreaterThanOrEqual(1);
    });

    it('leaves one open invitation when the same address is invited N times at once', async () => {
      const answers = await all(N, (i) =>
        call(admin, 'POST', `/api/v1/organisations/${orgId}/invitations`, { email: 'Neu.Kollegin@praxis-a.example', role: i % 2 ? 'staff' : 'it_lead' }),
      );
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(N).fill(201));
      const open = await one<{ n: number }>(
        sql`select count(*)::int as n from invitations where organisation_id = ${orgId} and email = 'neu.kollegin@praxis-a.example' and accepted_at is null and revoked_at is null`,
      );
      expect(open.n).toBe(1);
    });

    it("makes one account per address when two practices' invitations to it are accepted at once", async () => {
      const other = await organisationWith('zweite-einladung', 1);
      const addresses = Array.from({ length: N / 2 }, (_, i) => `doppelt.${i}@it-dienst.example`);
      const tokens: { address: string; token: string }[] = [];
      for (const address of addresses) {
        for (const [agent, id] of [
          [admin, orgId],
          [other.admins[0]!, other.id],
        ] as const) {
          const link = (await call(agent, 'POST', `/api/v1/organisations/${id}/invitations`, { email: address, role: 'it_lead' })).body.link as string;
          tokens.push({ address, token: link.match(/\/invite\/([A-Za-z0-9_-]+)/)![1]! });
        }
      }
      const answers = await Promise.all(
        tokens.map(async ({ address, token }) => {
          const res = await fetch(`${origin}/api/v1/invitations/${token}/accept`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name: 'Doppelt Eingeladen', password: PASSWORD }),
          });
          return { address, status: res.status, body: await res.json() };
        }),
      );
      expect(serverErrors(answers)).toEqual([]);
      for (const address of addresses) {
        // Whether the two overlap or not, one makes the account and the other is asked to sign in first.
        const mine = answers.filter((a) => a.address === address);
        expect(statuses(mine)).toEqual([201, 409]);
        expect(mine.find((a) => a.status === 409)!.body.code).toBe('invite.login_required');
      }
      const accounts = await one<{ n: number }>(sql`select count(*)::int as n from users where email like 'doppelt.%@it-dienst.example'`);
      expect(accounts.n).toBe(addresses.length);
    });

    it('creates N organisations requested at once, each with its creator as administrator', async () => {
      const answers = await all(N, (i) =>
        call(admin, 'POST', '/api/v1/organisations', { name: `Mandant ${i}`, legalForm: 'einzelpraxis', locations: [{ name: 'Praxis' }] }),
      );
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(N).fill(201));
      const ids = answers.map((a) => a.body.id as string);
      expect(new Set(ids).size).toBe(N);
      const rows = await queryRows<{ admins: number; locations: number }>(
        t.ctx.db,
        sql`select (select count(*)::int from memberships m where m.organisation_id = o.id and m.is_admin) as admins,
                   (select count(*)::int from locations l where l.organisation_id = o.id) as locations
              from organisations o where o.name like 'Mandant %'`,
      );
      expect(rows).toEqual(Array(N).fill({ admins: 1, locations: 1 }));
    });

    it('records NIS2 and KBV checks sent at once, each one', async () => {
      const before = await one<{ n: number }>(sql`select count(*)::int as n from applicability_checks where organisation_id = ${orgId}`);
      const answers = await all(2 * N, (i) =>
        i % 2
          ? call(admin, 'POST', `/api/v1/organisations/${orgId}/applicability/nis2`, {
              financialYear: 2025,
              check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 60 + i, annualTurnoverEur: 8_000_000, balanceSheetTotalEur: 4_000_000 },
            })
          : call(admin, 'POST', `/api/v1/organisations/${orgId}/applicability/kbv`, {
              check: { personsHandlingData: 5 + i, significantScaleProcessing: false, majorMedicalDevices: false, contractPractice: true },
            }),
      );
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(2 * N).fill(201));
      const after = await one<{ n: number }>(sql`select count(*)::int as n from applicability_checks where organisation_id = ${orgId}`);
      expect(after.n - before.n).toBe(2 * N);
    });

    it('saves the registration N times at once into one record', async () => {
      const answers = await all(N, (i) =>
        call(admin, 'PUT', `/api/v1/organisations/${orgId}/registration`, { street: `Invalidenstraße ${i + 1}`, postalCode: '10115', city: 'Berlin' }),
      );
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(N).fill(200));
      const rows = await one<{ n: number }>(sql`select count(*)::int as n from registration_setups where organisation_id = ${orgId}`);
      expect(rows.n).toBe(1);
    });

    it('creates N API tokens requested at once, all different', async () => {
      const answers = await all(N, (i) => call(admin, 'POST', `/api/v1/organisations/${orgId}/api-tokens`, { name: `Melder ${i}` }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(N).fill(201));
      expect(new Set(answers.map((a) => a.body.token)).size).toBe(N);
    });

    it('stores one asset when the same inventory number (any case) is recorded N times at once', async () => {
      const assetsUrl = `/api/v1/organisations/${orgId}/assets`;
      const answers = await all(N, (i) => call(admin, 'POST', assetsUrl, { name: `Laptop ${i}`, kind: 'laptop', inventoryNumber: i % 2 ? 'LT-42' : 'lt-42' }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual([201, ...Array(N - 1).fill(400)]);
      for (const refused of answers.filter((a) => a.status === 400)) {
        expect(refused.body.issues).toEqual([expect.objectContaining({ path: ['inventoryNumber'], code: 'asset.inventory_number_taken' })]);
      }
      const same = await one<{ n: number }>(sql`select count(*)::int as n from assets where organisation_id = ${orgId} and lower(inventory_number) = 'lt-42'`);
      expect(same.n).toBe(1);
    });

    it('applies one of N changes sent at once on the same revision and refuses the rest with 409', async () => {
      const assetsUrl = `/api/v1/organisations/${orgId}/assets`;
      const asset = (await call(admin, 'POST', assetsUrl, { name: 'Empfangsrechner', kind: 'workstation' })).body as { id: string };
      const answers = await all(N, (i) => call(admin, 'PUT', `${assetsUrl}/${asset.id}`, { name: `Empfang ${i}`, kind: 'workstation', revision: 1 }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual([200, ...Array(N - 1).fill(409)]);
      const row = await one<{ revision: number }>(sql`select revision from assets where id = ${asset.id}`);
      expect(row.revision).toBe(2);
    });

    it('keeps one relation when it is recorded N times at once, and none when its target is deleted meanwhile', async () => {
      const assetsUrl = `/api/v1/organisations/${orgId}/assets`;
      const pvs = (await call(admin, 'POST', assetsUrl, { name: 'PVS gleichzeitig', kind: 'pvs' })).body as { id: string };
      const server = (await call(admin, 'POST', assetsUrl, { name: 'Server gleichzeitig', kind: 'server' })).body as { id: string };
      const answers = await all(N, () => call(admin, 'POST', `${assetsUrl}/${pvs.id}/relations`, { kind: 'runs_on', targetId: server.id }));
      expect(serverErrors(answers)).toEqual([]);
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      const mixed = await all(N, (i) =>
        i === 0
          ? call(admin, 'DELETE', `${assetsUrl}/${server.id}`)
          : call(admin, 'POST', `${assetsUrl}/${pvs.id}/relations`, { kind: 'used_by', targetId: server.id }),
      );
      expect(serverErrors(mixed)).toEqual([]);
      expect(mixed.every((a) => [201, 204, 400].includes(a.status))).toBe(true);
      const left = await one<{ n: number }>(sql`select count(*)::int as n from asset_relations where source_id = ${pvs.id}`);
      expect(left.n).toBe(0);
    });

    it('stores one supplier when the same name (any case) is recorded N times at once', async () => {
      const suppliersUrl = `/api/v1/organisations/${orgId}/suppliers`;
      const answers = await all(N, (i) => call(admin, 'POST', suppliersUrl, { name: i % 2 ? 'Praxis-IT Nord' : 'praxis-it nord', criticality: 'high' }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual([201, ...Array(N - 1).fill(400)]);
      for (const refused of answers.filter((a) => a.status === 400)) {
        expect(refused.body.issues).toEqual([expect.objectContaining({ path: ['name'], code: 'supplier.name_taken' })]);
      }
      const same = await one<{ n: number }>(sql`select count(*)::int as n from suppliers where organisation_id = ${orgId} and lower(name) = 'praxis-it nord'`);
      expect(same.n).toBe(1);
    });

    it('applies one of N supplier changes sent at once on the same revision and refuses the rest with 409', async () => {
      const suppliersUrl = `/api/v1/organisations/${orgId}/suppliers`;
      const supplier = (await call(admin, 'POST', suppliersUrl, { name: 'Cloud-Backup gleichzeitig' })).body as { id: string };
      const answers = await all(N, (i) =>
        call(admin, 'PUT', `${suppliersUrl}/${supplier.id}`, { name: 'Cloud-Backup gleichzeitig', notes: `Fassung ${i}`, revision: 1 }),
      );
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual([200, ...Array(N - 1).fill(409)]);
      for (const refused of answers.filter((a) => a.status === 409)) expect(refused.body.code).toBe('supplier.revision_conflict');
      const row = await one<{ revision: number }>(sql`select revision from suppliers where id = ${supplier.id}`);
      expect(row.revision).toBe(2);
    });

    it('ends with one of the asset sets when N are set at once, and without an asset deleted meanwhile', async () => {
      const suppliersUrl = `/api/v1/organisations/${orgId}/suppliers`;
      const assetsUrl = `/api/v1/organisations/${orgId}/assets`;
      const supplier = (await call(admin, 'POST', suppliersUrl, { name: 'TI-Anbieter gleichzeitig' })).body as { id: string };
      const ids: string[] = [];
      for (let i = 0; i < 3; i++)
        ids.push(((await call(admin, 'POST', assetsUrl, { name: `TI-Gerät ${i}`, kind: 'card_terminal' })).body as { id: string }).id);
      const sets = [[ids[0]!], [ids[1]!, ids[2]!], [ids[0]!, ids[2]!]];
      const answers = await all(N, (i) => call(admin, 'PUT', `${suppliersUrl}/${supplier.id}/assets`, { assetIds: sets[i % sets.length] }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(N).fill(200));
      const linked = await queryRows<{ asset_id: string }>(
        t.ctx.db,
        sql`select asset_id from supplier_assets where supplier_id = ${supplier.id} order by asset_id`,
      );
      expect(sets.map((set) => [...set].sort())).toContainEqual(linked.map((r) => r.asset_id));
      const mixed = await all(N, (i) =>
        i === 0 ? call(admin, 'DELETE', `${assetsUrl}/${ids[1]}`) : call(admin, 'PUT', `${suppliersUrl}/${supplier.id}/assets`, { assetIds: [ids[1]!] }),
      );
      expect(serverErrors(mixed)).toEqual([]);
      expect(mixed.every((a) => [200, 204, 400].includes(a.status))).toBe(true);
      const left = await one<{ n: number }>(sql`select count(*)::int as n from supplier_assets where supplier_id = ${supplier.id} and asset_id = ${ids[1]}`);
      expect(left.n).toBe(0);
    });

    it('stores one person when the same personnel number (any case) is recorded N times at once', async () => {
      const peopleUrl = `/api/v1/organisations/${orgId}/people`;
      const answers = await all(N, (i) =>
        call(admin, 'POST', peopleUrl, { name: `Gleichzeitig ${i}`, role: 'nurse', personnelNumber: i % 2 ? 'PN-77' : 'pn-77' }),
      );
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual([201, ...Array(N - 1).fill(400)]);
      for (const refused of answers.filter((a) => a.status === 400)) {
        expect(refused.body.issues).toEqual([expect.objectContaining({ path: ['personnelNumber'], code: 'person.personnel_number_taken' })]);
      }
      const same = await one<{ n: number }>(sql`select count(*)::int as n from people where organisation_id = ${orgId} and lower(personnel_number) = 'pn-77'`);
      expect(same.n).toBe(1);
    });

    it('applies one of N changes to a person sent at once on the same revision and refuses the rest with 409', async () => {
      const peopleUrl = `/api/v1/organisations/${orgId}/people`;
      const person = (await call(admin, 'POST', peopleUrl, { name: 'Person gleichzeitig', role: 'nurse' })).body as { id: string };
      const answers = await all(N, (i) =>
        call(admin, 'PUT', `${peopleUrl}/${person.id}`, { name: 'Person gleichzeitig', role: 'nurse', notes: `Fassung ${i}`, revision: 1 }),
      );
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual([200, ...Array(N - 1).fill(409)]);
      for (const refused of answers.filter((a) => a.status === 409)) expect(refused.body.code).toBe('person.revision_conflict');
      const row = await one<{ revision: number }>(sql`select revision from people where id = ${person.id}`);
      expect(row.revision).toBe(2);
    });

    it('numbers N risks recorded at once 1 … N without a gap or a twin', async () => {
      const risksUrl = `/api/v1/organisations/${orgId}/risks`;
      const answers = await all(N, (i) => call(admin, 'POST', risksUrl, { title: `Risiko gleichzeitig ${i}`, likelihood: 1 + (i % 5), impact: 3 }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(N).fill(201));
      const numbers = answers.map((a) => (a.body as { number: number }).number).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: N }, (_, i) => numbers[0]! + i));
      const stored = await queryRows<{ number: number }>(t.ctx.db, sql`select number from risks where organisation_id = ${orgId} order by number`);
      expect(stored.map((r) => r.number)).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
      expect(numbers[0]).toBe(stored.length - N + 1);
    });

    it('numbers risks without a gap or a twin when imports of three rows and single creates arrive at once', async () => {
      const risksUrl = `/api/v1/organisations/${orgId}/risks`;
      const before = await one<{ n: number }>(sql`select coalesce(max(number), 0)::int as n from risks where organisation_id = ${orgId}`);
      const file = (i: number) =>
        Buffer.from(`Nr.;Risiko;Eintrittswahrscheinlichkeit;Schadensausmaß\n;Import ${i} a;1;2\n;Import ${i} b;2;3\n;Import ${i} c;3;4\n`);
      const answers = await all(N, async (i) => {
        if (i % 2 === 0) return call(admin, 'POST', risksUrl, { title: `Einzeln gleichzeitig ${i}`, likelihood: 2, impact: 2 });
        const body = multipart(`risiken-${i}.csv`, file(i));
        const res = await fetch(`${origin}${risksUrl}/import`, {
          method: 'POST',
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': body.contentType },
          body: body.payload,
        });
        return { status: res.status, body: await res.json() };
      });
      expect(serverErrors(answers)).toEqual([]);
      expect(answers.filter((a) => a.status !== 200 && a.status !== 201)).toEqual([]);
      const imports = answers.filter((a) => a.status === 200).length;
      const creates = answers.filter((a) => a.status === 201).length;
      const stored = await queryRows<{ number: number }>(
        t.ctx.db,
        sql`select number from risks where organisation_id = ${orgId} and number > ${before.n} order by number`,
      );
      expect(stored.map((r) => r.number)).toEqual(Array.from({ length: imports * 3 + creates }, (_, i) => before.n + i + 1));
    });

    it('adopts a template once when it is adopted N times at once, and all answer the same risk', async () => {
      const risksUrl = `/api/v1/organisations/${orgId}/risks`;
      const answers = await all(N, (i) => call(admin, 'POST', `${risksUrl}/templates/RT-07/adopt`, { locale: i % 2 ? 'de' : 'en' }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(N).fill(200));
      expect(new Set(answers.map((a) => (a.body as { id: string }).id)).size).toBe(1);
      const same = await one<{ n: number }>(sql`select count(*)::int as n from risks where organisation_id = ${orgId} and template_id = 'RT-07'`);
      expect(same.n).toBe(1);
    });

    it('applies one of N risk changes sent at once on the same revision and refuses the rest with 409', async () => {
      const risksUrl = `/api/v1/organisations/${orgId}/risks`;
      const risk = (await call(admin, 'POST', risksUrl, { title: 'Phishing gleichzeitig', likelihood: 4, impact: 4 })).body as { id: string };
      const answers = await all(N, (i) =>
        call(admin, 'PUT', `${risksUrl}/${risk.id}`, { title: 'Phishing gleichzeitig', likelihood: 1 + (i % 5), impact: 4, revision: 1 }),
      );
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual([200, ...Array(N - 1).fill(409)]);
      for (const refused of answers.filter((a) => a.status === 409)) expect(refused.body.code).toBe('risk.revision_conflict');
      const row = await one<{ revision: number }>(sql`select revision from risks where id = ${risk.id}`);
      expect(row.revision).toBe(2);
    });

    it('records N approvals of one director sent at once, each on the record, and applies one of N training changes on one revision', async () => {
      const directorId = randomUUID();
      await t.ctx.db.insert(people).values({ organisationId: orgId, id: directorId, name: 'Dr. Gleichzeitig', role: 'management', userId: admin.userId });
      const base = `/api/v1/organisations/${orgId}/management`;
      const approvals = await all(N, (i) => call(admin, 'POST', `${base}/people/${directorId}/approvals`, { remark: `Billigung ${i}` }));
      expect(serverErrors(approvals)).toEqual([]);
      expect(statuses(approvals)).toEqual(Array(N).fill(201));
      const counted = await one<{ n: number }>(sql`select count(*)::int as n from management_approvals where person_id = ${directorId}`);
      expect(counted.n).toBe(N);

      const training = { heldOn: '2026-11-20', agenda: 'Pflichten nach § 38 BSIG', provider: 'Ärztekammer' };
      const created = (await call(admin, 'POST', `${base}/people/${directorId}/trainings`, training)).body as { id: string };
      const changes = await all(N, (i) => call(admin, 'PUT', `${base}/trainings/${created.id}`, { ...training, notes: `Fassung ${i}`, revision: 1 }));
      expect(serverErrors(changes)).toEqual([]);
      expect(statuses(changes)).toEqual([200, ...Array(N - 1).fill(409)]);
      const row = await one<{ revision: number }>(sql`select revision from management_trainings where id = ${created.id}`);
      expect(row.revision).toBe(2);
    });

    it('confirms a training link once when it is used N times at once; the rest are told it is used, never 500', async () => {
      const trainingUrl = `/api/v1/organisations/${orgId}/training`;
      const course = (await call(admin, 'POST', `${trainingUrl}/courses`, { title: 'Phishing gleichzeitig', topic: 'phishing', durationMinutes: 30 })).body as {
        id: string;
      };
      const session = (await call(admin, 'POST', `${trainingUrl}/sessions`, { courseId: course.id, heldOn: '2026-11-02' })).body as { id: string };
      const personId = randomUUID();
      await queryRows(
        t.ctx.db,
        sql`insert into people (organisation_id, id, name, role, email) values (${orgId}, ${personId}, 'Gleich Zeitig', 'nurse', 'gleich@praxis.example')`,
      );
      const answers = await all(N, () => call(admin, 'PUT', `${trainingUrl}/sessions/${session.id}/attendance`, { attendees: [{ personId }] }));
      expect(serverErrors(answers)).toEqual([]);
      const sent = (await call(admin, 'POST', `${trainingUrl}/sessions/${session.id}/confirmations`, { personIds: [personId] })).body as {
        links: { link: string }[];
      };
      const token = new URL(sent.links[0]!.link).pathname.split('/').pop()!;
      const confirmations = await all(N, () => call(admin, 'POST', `/api/v1/training-confirmations/${token}`));
      expect(serverErrors(confirmations)).toEqual([]);
      expect(statuses(confirmations)).toEqual([200, ...Array(N - 1).fill(410)]);
      const rows = await one<{ n: number; confirmed: number }>(
        sql`select count(*)::int as n, count(*) filter (where status = 'confirmed')::int as confirmed from training_attendance where session_id = ${session.id}`,
      );
      expect(rows).toEqual({ n: 1, confirmed: 1 });
    });

    it('phishing: one of N changes or starts of a draft wins, N closes close once, N completions of a micro-training count once', async () => {
      const base = `/api/v1/organisations/${orgId}/phishing`;
      // Starting needs a mail server to be named, not reached.
      expect((await call(admin, 'PUT', `${base}/settings/smtp`, { smtpUrl: 'smtp://127.0.0.1:9' })).status).toBe(200);
      for (let i = 0; i < 6; i++) {
        await queryRows(
          t.ctx.db,
          sql`insert into people (organisation_id, id, name, role, email) values (${orgId}, ${randomUUID()}, ${`Phish ${i}`}, 'physician', ${`phish${i}@praxis.example`})`,
        );
      }
      const body = campaignBody({ audience: { kind: 'roles', roles: ['physician'] }, groupBy: 'role' });
      const draft = (await call(admin, 'POST', `${base}/campaigns`, body)).body as { id: string };
      const edits = await all(N, (i) => call(admin, 'PUT', `${base}/campaigns/${draft.id}`, { ...body, name: `Übung ${i}`, revision: 1 }));
      expect(serverErrors(edits)).toEqual([]);
      expect(statuses(edits)).toEqual([200, ...Array(N - 1).fill(409)]);
      const starts = await all(N, () => call(admin, 'POST', `${base}/campaigns/${draft.id}/schedule`, { revision: 2 }));
      expect(serverErrors(starts)).toEqual([]);
      expect(statuses(starts)).toEqual([200, ...Array(N - 1).fill(409)]);
      const recipients = await one<{ n: number }>(sql`select count(*)::int as n from phishing_recipients where campaign_id = ${draft.id}`);
      expect(recipients.n).toBeGreaterThanOrEqual(6);
      const [recipient] = await queryRows<{ id: string }>(t.ctx.db, sql`select id from phishing_recipients where campaign_id = ${draft.id} limit 1`);
      const token = trackingToken(t.ctx.config.secretKey, recipient!.id);
      const answers = microTrainingQuestions.map((q) => ({ questionId: q.id, optionId: q.correct }));
      const done = await all(N, () => call(admin, 'POST', `/api/v1/phishing/lessons/${token}/training`, { answers }));
      expect(serverErrors(done)).toEqual([]);
      expect((await one<{ n: number }>(sql`select training_completed as n from phishing_campaigns where id = ${draft.id}`)).n).toBe(1);
      const closes = await all(N, () => call(admin, 'POST', `${base}/campaigns/${draft.id}/close`));
      expect(serverErrors(closes)).toEqual([]);
      expect(statuses(closes)).toEqual(Array(N).fill(200));
      const kept = await one<{ n: number; left: number }>(
        sql`select (select count(*)::int from phishing_results where campaign_id = ${draft.id}) as n,
                   (select count(*)::int from phishing_recipients where campaign_id = ${draft.id}) as left`,
      );
      expect(kept).toEqual({ n: 1, left: 0 });
    });

    it('applies one of N training course changes sent at once on the same revision and refuses the rest with 409', async () => {
      const coursesUrl = `/api/v1/organisations/${orgId}/training/courses`;
      const course = (await call(admin, 'POST', coursesUrl, { title: 'TI gleichzeitig', topic: 'ti', durationMinutes: 30 })).body as { id: string };
      const answers = await all(N, (i) =>
        call(admin, 'PUT', `${coursesUrl}/${course.id}`, { title: `TI ${i}`, topic: 'ti', durationMinutes: 30, revision: 1 }),
      );
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual([200, ...Array(N - 1).fill(409)]);
    });

    it('disables an account once when "disable" arrives ten times at once: 200 or 409, never 500, one audit entry', async () => {
      const personId = await insertPerson(t.database, orgId, { name: 'Gleichzeitig Gesperrt', endsOn: '2026-01-31' });
      const accessUrl = `/api/v1/organisations/${orgId}`;
      const account = (await call(admin, 'POST', `${accessUrl}/people/${personId}/accounts`, { system: 'pvs', accountName: 'gg' })).body as { id: string };
      const answers = await all(10, () => call(admin, 'POST', `${accessUrl}/accounts/${account.id}/disable`));
      expect(serverErrors(answers)).toEqual([]);
      expect(answers.every((a) => [200, 409].includes(a.status))).toBe(true);
      expect(new Set(answers.filter((a) => a.status === 200).map((a) => (a.body as { revision: number }).revision))).toEqual(new Set([2]));
      const audit = await one<{ n: number }>(
        sql`select count(*)::int as n from audit_events where entity_id = ${account.id} and action = 'access.account_disabled'`,
      );
      expect(audit.n).toBe(1);
    });

    it('keeps exactly one open checklist when the same offboarding is started ten times at once', async () => {
      const personId = await insertPerson(t.database, orgId, { name: 'Gleichzeitig Austritt' });
      const answers = await all(10, () => call(admin, 'POST', `/api/v1/organisations/${orgId}/people/${personId}/checklists`, { kind: 'offboarding' }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual([201, ...Array(9).fill(409)]);
      const open = await one<{ n: number }>(sql`select count(*)::int as n from person_checklists where person_id = ${personId} and completed_at is null`);
      expect(open.n).toBe(1);
      const items = await one<{ n: number }>(
        sql`select count(*)::int as n from person_checklist_items i join person_checklists c on c.id = i.checklist_id where c.person_id = ${personId}`,
      );
      expect(items.n).toBe(5);
    });

    it('applies one of N matrix label sets sent at once on the same revision and refuses the rest with 409', async () => {
      const labelsUrl = `/api/v1/organisations/${orgId}/risks/matrix-labels`;
      const current = (await call(admin, 'GET', labelsUrl)).body as { revision: number };
      const labels = (i: number) => ({
        likelihood: ['selten', 'unwahrscheinlich', 'möglich', 'wahrscheinlich', `häufig ${i}`],
        impact: ['gering', 'spürbar', 'erheblich', 'schwer', `existenzbedrohend ${i}`],
      });
      const answers = await all(N, (i) => call(admin, 'PUT', labelsUrl, { labels: labels(i), revision: current.revision }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual([200, ...Array(N - 1).fill(409)]);
      const winner = answers.find((a) => a.status === 200)!.body as { likelihood: string[] };
      expect((await call(admin, 'GET', labelsUrl)).body.likelihood).toEqual(winner.likelihood);
    });

    it('ends with one of N retention periods set at once, each audited, never 500', async () => {
      const retentionUrl = `/api/v1/organisations/${orgId}/people/retention`;
      const answers = await all(N, (i) => call(admin, 'PUT', retentionUrl, { months: 12 + i }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(N).fill(200));
      const row = await one<{ months: number }>(sql`select people_retention_months as months from organisations where id = ${orgId}`);
      expect(row.months).toBeGreaterThanOrEqual(12);
      expect(row.months).toBeLessThan(12 + N);
      const audited = await one<{ n: number }>(
        sql`select count(*)::int as n from audit_events where organisation_id = ${orgId} and action = 'people.retention_changed'`,
      );
      expect(audited.n).toBe(N);
    });

    it('ends with exactly one of N attendance sets written at once, without twins', async () => {
      const trainingUrl = `/api/v1/organisations/${orgId}/training`;
      const course = (await call(admin, 'POST', `${trainingUrl}/courses`, { title: 'Passwörter gleichzeitig', topic: 'passwords', durationMinutes: 20 }))
        .body as {
        id: string;
      };
      const session = (await call(admin, 'POST', `${trainingUrl}/sessions`, { courseId: course.id, heldOn: '2026-11-03' })).body as { id: string };
      const ids = await Promise.all(Array.from({ length: 4 }, (_, i) => insertPerson(t.database, orgId, { name: `Teilnahme ${i}` })));
      // Set i: the people from i % 4 on, the first of them marked as attended.
      const sets = Array.from({ length: N }, (_, i) => ids.slice(i % 4).map((personId, k) => ({ personId, attended: k === 0 })));
      const answers = await all(N, (i) => call(admin, 'PUT', `${trainingUrl}/sessions/${session.id}/attendance`, { attendees: sets[i] }));
      expect(serverErrors(answers)).toEqual([]);
      const rows = await queryRows<{ person_id: string; status: string }>(
        t.ctx.db,
        sql`select person_id, status from training_attendance where session_id = ${session.id} order by person_id`,
      );
      expect(new Set(rows.map((r) => r.person_id)).size).toBe(rows.length);
      const asWritten = (set: { personId: string; attended: boolean }[]) =>
        set.map((a) => ({ person_id: a.personId, status: a.attended ? 'attended' : 'invited' })).sort((a, b) => a.person_id.localeCompare(b.person_id));
      expect(sets.map(asWritten)).toContainEqual(rows);
    });

    it('creates N organisations with quick-check answers at once, each with its own answers and pre-set statuses', async () => {
      const answers = quickCheckQuestions.map((q) => ({ questionId: q.id, answer: q.id === 'backup_offline' ? 'no' : 'yes' }));
      const results = await all(N, (i) =>
        call(admin, 'POST', '/api/v1/organisations', {
          name: `Schnellcheck ${i}`,
          legalForm: 'einzelpraxis',
          locations: [{ name: 'Praxis' }],
          quickCheck: { version: QUICK_CHECK_VERSION, answers },
        }),
      );
      expect(serverErrors(results)).toEqual([]);
      expect(statuses(results)).toEqual(Array(N).fill(201));
      const rows = await queryRows<{ checks: number; statuses: number; open22: number }>(
        t.ctx.db,
        sql`select (select count(*)::int from quick_checks q where q.organisation_id = o.id) as checks,
                   (select count(*)::int from requirement_statuses s where s.organisation_id = o.id and s.status = 'in_progress') as statuses,
                   (select count(*)::int from requirement_statuses s where s.organisation_id = o.id and s.requirement_id = 'KBV-A1-22') as open22
              from organisations o where o.name like 'Schnellcheck %'`,
      );
      expect(rows).toHaveLength(N);
      expect(new Set(rows.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify({ checks: 1, statuses: rows[0]!.statuses, open22: 0 })]));
      expect(rows[0]!.statuses).toBeGreaterThan(10);
    });

    it('makes one calendar feed when it is created ten times at once (201 once, 409 for the rest), and one row of preferences', async () => {
      const calendarUrl = `/api/v1/organisations/${orgId}/calendar`;
      const answers = await all(N, () => call(admin, 'POST', `${calendarUrl}/feeds`, { scope: 'organisation' }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual([201, ...Array(N - 1).fill(409)]);
      const feeds = await one<{ n: number }>(sql`select count(*)::int as n from calendar_feeds where organisation_id = ${orgId} and scope = 'organisation'`);
      expect(feeds.n).toBe(1);
      const saves = await all(N, (i) => call(admin, 'PUT', `${calendarUrl}/preferences`, { taskReminders: i % 2 === 0, dailyDigest: true }));
      expect(serverErrors(saves)).toEqual([]);
      expect(statuses(saves)).toEqual(Array(N).fill(200));
      const rows = await one<{ n: number }>(sql`select count(*)::int as n from calendar_preferences where organisation_id = ${orgId}`);
      expect(rows.n).toBe(1);
    });

    it('leaves exactly one working address when a feed is renewed ten times at once, and revokes it once', async () => {
      const calendarUrl = `/api/v1/organisations/${orgId}/calendar`;
      const created = (await call(admin, 'POST', `${calendarUrl}/feeds`, { scope: 'personal' })).body as { id: string };
      const renewals = await all(N, () => call(admin, 'POST', `${calendarUrl}/feeds/${created.id}/rotate`));
      expect(serverErrors(renewals)).toEqual([]);
      expect(statuses(renewals)).toEqual(Array(N).fill(200));
      const working: string[] = [];
      for (const renewal of renewals) {
        const path = new URL((renewal.body as { url: string }).url).pathname;
        if ((await fetch(origin + path)).status === 200) working.push(path);
      }
      expect(working).toHaveLength(1);
      const revokes = await all(N, () => call(admin, 'DELETE', `${calendarUrl}/feeds/${created.id}`));
      expect(serverErrors(revokes)).toEqual([]);
      expect(statuses(revokes)).toEqual([204, ...Array(N - 1).fill(404)]);
      expect((await fetch(origin + working[0]!)).status).toBe(404);
      const audit = await one<{ n: number }>(
        sql`select count(*)::int as n from audit_events where entity_id = ${created.id} and action = 'calendar.feed_revoked'`,
      );
      expect(audit.n).toBe(1);
    });

    it('creates each task of the 8-week plan once when it is taken over ten times at once, in different selections, never 500', async () => {
      const roadmapUrl = `/api/v1/organisations/${orgId}/roadmap`;
      const proposal = (await call(admin, 'GET', `${roadmapUrl}/proposal`)).body as { defaultStartOn: string; items: { key: string }[] };
      const keys = proposal.items.map((i) => i.key);
      expect(keys.length).toBeGreaterThan(5);
      // Whole plan, first half, second half reversed: overlapping sets in different orders.
      const selections = [keys, keys.slice(0, keys.length / 2), keys.slice(keys.length / 3).reverse()];
      const answers = await all(N, (i) =>
        call(admin, 'POST', `${roadmapUrl}/accept`, { startOn: proposal.defaultStartOn, items: selections[i % 3]!.map((key) => ({ key })) }),
      );
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(N).fill(200));
      const created = answers.flatMap((a) => (a.body.created as { key: string }[]).map((c) => c.key)).sort();
      expect(created).toEqual([...keys].sort());
      const counts = await one<{ tasks: number; keys: number; audit: number; acceptances: number }>(sql`select
        (select count(*)::int from tasks where organisation_id = ${orgId} and source = 'roadmap') as tasks,
        (select count(distinct source_key)::int from tasks where organisation_id = ${orgId} and source = 'roadmap') as keys,
        (select count(*)::int from audit_events where organisation_id = ${orgId} and action = 'task.created' and data->>'source' = 'roadmap') as audit,
        (select count(*)::int from roadmap_acceptances where organisation_id = ${orgId}) as acceptances`);
      expect(counts).toEqual({
        tasks: keys.length,
        keys: keys.length,
        audit: keys.length,
        acceptances: answers.filter((a) => a.body.created.length > 0).length,
      });
    });

    it('creates one next occurrence when a recurring task is completed ten times at once: all 200, one completion on the record', async () => {
      // An organisation of its own: accepting the 8-week plan earlier in this suite has started the cycle in orgId.
      const org = await organisationWith('folgeaufgabe', 1);
      const owner = org.admins[0]!;
      const tasksUrl = `/api/v1/organisations/${org.id}/tasks`;
      const started = await call(owner, 'POST', `${tasksUrl}/recurring/start`, { startOn: new Date().toISOString().slice(0, 10) });
      expect(started.status).toBe(200);
      const task = (started.body.created as { id: string }[])[0]!.id;
      const answers = await all(N, () => call(owner, 'POST', `${tasksUrl}/${task}/complete`));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(N).fill(200));
      expect(new Set(answers.map((a) => a.body.next?.id)).size).toBe(1);
      const counts = await one<{ followers: number; audit: number }>(sql`select
        (select count(*)::int from tasks where follows_task_id = ${task}) as followers,
        (select count(*)::int from audit_events where entity_id = ${task} and action = 'task.completed') as audit`);
      expect(counts).toEqual({ followers: 1, audit: 1 });
    });

    it('starts the recurring cycle once when it is started ten times at once', async () => {
      const org = await organisationWith('zyklus', 1);
      const answers = await all(N, () => call(org.admins[0]!, 'POST', `/api/v1/organisations/${org.id}/tasks/recurring/start`, { startOn: '2027-01-04' }));
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual(Array(N).fill(200));
      const created = answers.reduce((sum, a) => sum + (a.body.created as unknown[]).length, 0);
      const stored = await one<{ n: number; templates: number }>(
        sql`select count(*)::int as n, count(distinct template_id)::int as templates from tasks where organisation_id = ${org.id}`,
      );
      expect(stored.n).toBe(created);
      expect(stored.templates).toBe(stored.n);
    });

    it('applies one of N task changes and one of N template changes sent at once on the same revision, the rest 409', async () => {
      const tasksUrl = `/api/v1/organisations/${orgId}/tasks`;
      const task = (await call(admin, 'POST', tasksUrl, { title: 'Gleichzeitig geändert' })).body as { id: string };
      const answers = await all(N, (i) =>
        call(admin, 'PUT', `${tasksUrl}/${task.id}`, { title: `Fassung ${i}`, status: i % 2 ? 'done' : 'in_progress', revision: 1 }),
      );
      expect(serverErrors(answers)).toEqual([]);
      expect(statuses(answers)).toEqual([200, ...Array(N - 1).fill(409)]);
      for (const refused of answers.filter((a) => a.status === 409)) expect(refused.body.code).toBe('task.revision_conflict');
      const templates = (await call(admin, 'GET', `${tasksUrl}/templates`)).body as { id: string; builtInKey: string | null }[];
      const phishing = templates.find((x) => x.builtInKey === 'phishing_simulation')!;
      const changes = await all(N, (i) =>
        call(admin, 'PUT', `${tasksUrl}/templates/${phishing.id}`, { rhythm: i % 2 ? 'quarterly' : 'yearly', active: true, revision: 0 }),
      );
      expect(serverErrors(changes)).toEqual([]);
      expect(statuses(changes)).toEqual([200, ...Array(N - 1).fill(409)]);
      const comments = await all(N, (i) => call(admin, 'POST', `${tasksUrl}/${task.id}/comments`, { body: `Kommentar ${i}` }));
      expect(statuses(comments)).toEqual(Array(N).fill(201));
    });

    it('numbers N document versions issued at once 1 … N, applies one of N text saves on a revision, and approves once', async () => {
      const organisation = await organisationWith('dokumente', 1);
      const [owner] = organisation.admins;
      const base = `/api/v1/organisations/${organisation.id}`;
      const registration = await call(owner!, 'GET', `${base}/registration`);
      const contact = { name: 'Rufbereitschaft', phone: '0800 1234567', email: '' };
      expect((await call(owner!, 'PUT', `${base}/registration`, { ...registration.body.setup, contactPoint: contact })).status).toBe(200);

      const saves = await all(10, (i) =>
        call(owner!, 'PUT', `${base}/documents/emergency_plan`, { revision: 0, texts: { findings: `Variante ${i}` }, reviewMonths: 12 }),
      );
      expect(serverErrors(saves)).toEqual([]);
      expect(statuses(saves).filter((s) => s === 200)).toHaveLength(1);
      expect(statuses(saves).filter((s) => s === 409)).toHaveLength(9);

      const versions = await all(10, () => call(owner!, 'POST', `${base}/documents/emergency_plan/versions`, { note: '' }));
      expect(serverErrors(versions)).toEqual([]);
      expect(statuses(versions)).toEqual(Array(10).fill(201));
      const numbers = await queryRows<{ number: number }>(
        t.ctx.db,
        sql`select number from document_versions where organisation_id = ${organisation.id} and kind = 'emergency_plan' order by number`,
      );
      expect(numbers.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

      const approvals = await all(10, () => call(owner!, 'POST', `${base}/documents/emergency_plan/versions/10/approval`, { remark: '' }));
      expect(serverErrors(approvals)).toEqual([]);
      expect(statuses(approvals)).toEqual([200, ...Array(9).fill(409)]);
      const recorded = await one<{ approvals: number; tasks: number }>(
        sql`select (select count(*)::int from document_approvals where organisation_id = ${organisation.id}) as approvals,
                   (select count(*)::int from tasks where organisation_id = ${organisation.id} and source = 'document') as tasks`,
      );
      expect(recorded).toEqual({ approvals: 1, tasks: 1 });
    });

    it('writes ten evidence packs asked for at once one after the other, each a complete ZIP, never 500', async () => {
      for (let i = 0; i < 3; i++) {
        const body = multipart(`paket-${i}.pdf`, Buffer.concat([samplePdf, Buffer.from(`Nachweis ${i}`)]));
        const res = await fetch(`${origin}/api/v1/organisations/${orgId}/requirements/KBV-A1-07/evidence`, {
          method: 'POST',
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': body.contentType },
          body: body.payload,
        });
        expect(res.status).toBe(201);
      }
      const files = await one<{ n: number }>(sql`select count(*)::int as n from evidence_files where organisation_id = ${orgId}`);
      const before = await one<{ n: number }>(
        sql`select count(*)::int as n from audit_events where organisation_id = ${orgId} and action = 'evidence_pack.downloaded'`,
      );
      const sha256 = async (bytes: ArrayBuffer) => Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
      const packs = await Promise.all(
        Array.from({ length: N }, async () => {
          const res = await fetch(`${origin}/api/v1/organisations/${orgId}/evidence-pack`, { headers: { cookie: admin.cookie } });
          return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
        }),
      );
      expect(packs.map((p) => p.status)).toEqual(Array(N).fill(200));
      for (const pack of packs) {
        const zip = await JSZip.loadAsync(pack.body);
        const lines = (await zip.file('hashes.sha256')!.async('string')).trimEnd().split('\n');
        expect(lines.filter((line) => line.includes('  evidence/'))).toHaveLength(files.n);
        for (const line of lines) {
          const content = await zip.file(line.slice(66))!.async('arraybuffer');
          expect(await sha256(content)).toBe(line.slice(0, 64));
        }
      }
      const after = await one<{ n: number }>(
        sql`select count(*)::int as n from audit_events where organisation_id = ${orgId} and action = 'evidence_pack.downloaded'`,
      );
      expect(after.n - before.n).toBe(N);
    });

    it('leaves every audit chain intact after all of it', async () => {
      const reports = await verifyAllAuditChains(t.ctx.db);
      expect(reports.flatMap((r) => r.problems)).toEqual([]);
    });
  });
}
