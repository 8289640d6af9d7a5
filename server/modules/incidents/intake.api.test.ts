import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connect.ts';
import { type Agent, createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';

const alert = (overrides: Record<string, unknown> = {}) => ({
  source: 'Defender',
  severity: 'high',
  title: 'Ransomware-Verhalten erkannt',
  detectedAt: '2026-11-23T03:12:00+01:00',
  host: 'EMPFANG-PC',
  ...overrides,
});

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`incident intake from detection tools on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    let token: string;
    const intakeUrl = () => `/api/v1/organisations/${orgId}/incidents/intake`;
    const send = (body: unknown, auth = `Bearer ${token}`, remoteAddress = '127.0.0.1') =>
      t.app.inject({ method: 'POST', url: intakeUrl(), headers: { authorization: auth }, payload: body as object, remoteAddress });
    const counts = async () =>
      (
        await queryRows<{ n: number }>(
          t.ctx.db,
          sql`select (select count(*) from incidents) + (select count(*) from incident_events) + (select count(*) from audit_events) as n`,
        )
      )[0]!.n;

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());

    it('creates a token shown once and stored hashed', async () => {
      const res = await admin.request('POST', `/api/v1/organisations/${orgId}/api-tokens`, { name: 'Virenscanner Empfang' });
      expect(res.statusCode).toBe(201);
      token = res.json().token;
      expect(token).toMatch(/^psk_[A-Za-z0-9_-]{40,}$/);
      const list = (await admin.request('GET', `/api/v1/organisations/${orgId}/api-tokens`)).json();
      expect(list).toEqual([expect.objectContaining({ name: 'Virenscanner Empfang', scope: 'incident_intake', revokedAt: null })]);
      expect(JSON.stringify(list)).not.toContain(token);
      const stored = await queryRows<{ token_hash: string }>(t.ctx.db, sql`select token_hash from api_tokens`);
      expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('answers a missing or wrong token with 401 and writes nothing', async () => {
      const before = await counts();
      for (const auth of ['', 'Bearer psk_wrong', `Basic ${token}`, `Bearer ${token}x`]) {
        const res = await send(alert(), auth);
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('auth.token_invalid');
      }
      // A bad token with a bad body is still 401, not a validation error that reveals the schema.
      expect((await send({ nonsense: true }, 'Bearer psk_wrong')).statusCode).toBe(401);
      expect(await counts()).toBe(before);
    });

    it('refuses the token of another organisation', async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis Andere', 'admin@andere.example');
      const otherToken = (await other.agent.request('POST', `/api/v1/organisations/${other.organisationId}/api-tokens`, { name: 'Firewall' })).json().token;
      expect((await send(alert(), `Bearer ${otherToken}`)).statusCode).toBe(401);
    });

    it('names each bad field of an alert', async () => {
      const res = await send({ source: '', severity: 'panic', title: 'x', detectedAt: '2026-11-23 03:12' });
      expect(res.statusCode).toBe(400);
      expect(
        res
          .json()
          .issues.map((i: { path: string[] }) => i.path[0])
          .sort(),
      ).toEqual(['detectedAt', 'severity', 'source', 'title']);
    });

    it('opens an incident, appends later alerts from the same source and host, and notifies the escalation chain', async () => {
      // The organisation's own chain adds the IT service provider's on-call address.
      await admin.request('PUT', `/api/v1/organisations/${orgId}/registration`, {
        escalation: [{ role: 'IT-Dienstleister', name: 'Bereitschaft', email: 'bereitschaft@it-dienst.example' }],
      });
      const first = await send(alert());
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ number: 1, appended: false });
      const second = await send(alert({ title: 'Weitere Dateien verschlüsselt', severity: 'critical' }));
      expect(second.statusCode).toBe(200);
      expect(second.json()).toMatchObject({ incidentId: first.json().incidentId, appended: true });
      const otherHost = await send(alert({ host: 'ARZT-PC' }));
      expect(otherHost.json()).toMatchObject({ number: 2, appended: false });

      const incident = (await admin.request('GET', `/api/v1/organisations/${orgId}/incidents/${first.json().incidentId}`)).json();
      expect(incident.title).toBe('Defender: Ransomware-Verhalten erkannt');
      expect(incident.events.map((e: { kind: string }) => e.kind)).toEqual(['reported', 'alert']);
      const outbox = (await admin.request('GET', `/api/v1/organisations/${orgId}/outbox`)).json();
      const alerts = outbox.items.filter((m: { kind: string }) => m.kind === 'incident_alert');
      // New incident #1, the critical alert appended to it, new incident #2: three mails each to the management
      // member and to the on-call address of the organisation's own chain.
      expect(alerts).toHaveLength(6);
      expect(new Set(alerts.map((m: { recipient: string }) => m.recipient))).toEqual(new Set(['admin@praxis-a.example', 'bereitschaft@it-dienst.example']));
      expect(incident.escalation).toEqual([expect.objectContaining({ role: 'IT-Dienstleister', email: 'bereitschaft@it-dienst.example' })]);
      expect(alerts[0].bodyText).toContain('§ 32 BSIG');
      const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit`)).json().items as { action: string; actorUserId: string | null }[];
      expect(audit.find((e) => e.action === 'incident.alert_received')).toMatchObject({ actorUserId: null });
    });

    it('stops accepting a revoked token', async () => {
      const [row] = (await admin.request('GET', `/api/v1/organisations/${orgId}/api-tokens`)).json() as { id: string }[];
      expect((await admin.request('DELETE', `/api/v1/organisations/${orgId}/api-tokens/${row!.id}`)).statusCode).toBe(204);
      expect((await send(alert())).statusCode).toBe(401);
    });

    it('rate-limits alerts per client address', async () => {
      const fresh = (await admin.request('POST', `/api/v1/organisations/${orgId}/api-tokens`, { name: 'Lastprobe' })).json().token;
      const statuses: number[] = [];
      for (let i = 0; i < 62; i++) statuses.push((await send(alert({ host: 'LAST' }), `Bearer ${fresh}`, '10.0.0.50')).statusCode);
      expect(statuses.slice(0, 60).every((s) => s === 200 || s === 201)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    });

    it('counts invented tokens against the client before looking at them: 200 fake tokens draw 429', async () => {
      const before = await counts();
      const statuses: number[] = [];
      for (let i = 0; i < 200; i++) statuses.push((await send(alert(), `Bearer psk_invented${i}`, '10.0.0.66')).statusCode);
      expect(statuses.slice(0, 60).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(60).every((s) => s === 429)).toBe(true);
      expect(await counts()).toBe(before);
      // Another client is not affected.
      expect((await send(alert(), 'Bearer psk_invented', '10.0.0.67')).statusCode).toBe(401);
    });
  });
}
