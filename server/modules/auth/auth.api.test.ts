import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connect.ts';
import { eachEngine, login, PASSWORD, startTestApp, type TestApp, totpCode } from '../../test/test-app.ts';

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`first run and sign-in on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(engine);
    });
    afterAll(async () => t?.close());

    it('answers health once the database answers', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', database: engine });
    });

    it('names every invalid field of the setup and writes nothing', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: {
          organisation: { name: 'P', legalForm: 'gmbh', locations: [{ name: 'Ok', postalCode: '123' }] },
          admin: { name: 'Anna', email: 'not-an-address', password: 'short' },
        },
      });
      expect(res.statusCode).toBe(400);
      const paths = (res.json().issues as { path: unknown[] }[]).map((i) => i.path.join('.'));
      expect(paths).toEqual(
        expect.arrayContaining(['organisation.name', 'organisation.legalForm', 'organisation.locations.0.postalCode', 'admin.email', 'admin.password']),
      );
      const setup = await t.app.inject({ method: 'GET', url: '/api/v1/setup' });
      expect(setup.json()).toEqual({ needed: true, fixedPublicUrl: null });
    });

    it('answers malformed JSON and wrong types with 400, not 500', async () => {
      const bad = await t.app.inject({ method: 'POST', url: '/api/v1/setup', headers: { 'content-type': 'application/json' }, payload: '{"organisation":' });
      expect(bad.statusCode).toBe(400);
      const types = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 42, password: ['x'] } });
      expect(types.statusCode).toBe(400);
      expect((types.json().issues as { path: string[] }[]).map((i) => i.path[0]).sort()).toEqual(['email', 'password']);
    });

    let secret = '';
    let organisationId = '';

    it('keeps a fresh account unusable until TOTP enrolment is confirmed', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: {
          organisation: { name: 'Praxis Enrol', legalForm: 'einzelpraxis', locations: [{ name: 'Praxis' }] },
          admin: { name: 'Erika Enrol', email: 'Erika@Example.org', password: PASSWORD },
        },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.enrolment.otpauthUri).toMatch(/^otpauth:\/\/totp\/praxisschild:erika%40example\.org\?secret=/);
      expect(body.enrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
      const cookie = `ps_session=${res.cookies.find((c) => c.name === 'ps_session')!.value}`;
      const session = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).json();
      expect(session.state).toBe('enrolling');
      const orgs = await t.app.inject({
        method: 'POST',
        url: '/api/v1/organisations',
        headers: { cookie, 'x-csrf-token': session.csrfToken },
        payload: { name: 'X Praxis', legalForm: 'other', locations: [{ name: 'Xa' }] },
      });
      expect(orgs.statusCode).toBe(403);
      expect(orgs.json().code).toBe('auth.enrolment_required');
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/enrolment/confirm',
        headers: { cookie, 'x-csrf-token': session.csrfToken },
        payload: { code: '000000' },
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().issues[0].path).toEqual(['code']);
      // Reloading the page shows the same secret again.
      const again = await t.app.inject({ method: 'GET', url: '/api/v1/auth/enrolment', headers: { cookie } });
      expect(again.json().secret).toBe(body.enrolment.secret);
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/enrolment/confirm',
        headers: { cookie, 'x-csrf-token': session.csrfToken },
        payload: { code: await totpCode(body.enrolment.secret) },
      });
      expect(ok.statusCode).toBe(200);
      const active = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).json();
      expect(active.state).toBe('active');
      expect(active.organisations).toEqual([expect.objectContaining({ name: 'Praxis Enrol', role: 'management', isAdmin: true })]);
      secret = body.enrolment.secret;
      organisationId = active.currentOrganisationId;
    });

    it('refuses a second setup', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/setup',
        payload: {
          organisation: { name: 'Zweite', legalForm: 'other', locations: [{ name: 'Zentrale' }] },
          admin: { name: 'Zora', email: 'z@example.org', password: PASSWORD },
        },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('setup.already_done');
    });

    it('signs in with password and TOTP, and signs out', async () => {
      const pending = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ERIKA@example.org', password: PASSWORD } });
      expect(pending.statusCode).toBe(200);
      expect(pending.json()).toEqual({ next: 'totp' });
      const cookie = `ps_session=${pending.cookies.find((c) => c.name === 'ps_session')!.value}`;
      const half = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).json();
      expect(half.state).toBe('password_ok');
      const blocked = await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${organisationId}`, headers: { cookie } });
      expect(blocked.statusCode).toBe(401);

      const agent = await login(t, 'erika@example.org', secret);
      const org = await agent.request('GET', `/api/v1/organisations/${organisationId}`);
      expect(org.statusCode).toBe(200);
      expect(org.json().name).toBe('Praxis Enrol');

      const out = await agent.request('POST', '/api/v1/auth/logout');
      expect(out.statusCode).toBe(200);
      const after = await agent.request('GET', `/api/v1/organisations/${organisationId}`);
      expect(after.statusCode).toBe(401);
    });

    it('refuses a replayed TOTP code', async () => {
      await t.ctx.db.execute(sql`update users set totp_last_step = null`);
      const code = await totpCode(secret);
      const attempt = async () => {
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'erika@example.org', password: PASSWORD } });
        const cookie = `ps_session=${res.cookies.find((c) => c.name === 'ps_session')!.value}`;
        const { csrfToken } = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).json();
        return t.app.inject({ method: 'POST', url: '/api/v1/auth/totp', headers: { cookie, 'x-csrf-token': csrfToken }, payload: { code } });
      };
      expect((await attempt()).statusCode).toBe(200);
      const replay = await attempt();
      expect(replay.statusCode).toBe(400);
      expect(replay.json().code).toBe('auth.totp_invalid');
    });

    it('requires the CSRF token for state changes made with a session', async () => {
      const agent = await login(t, 'erika@example.org', secret);
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: agent.cookie } });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('auth.csrf');
      const still = await agent.request('GET', `/api/v1/organisations/${organisationId}`);
      expect(still.statusCode).toBe(200);
    });

    it('expires idle sessions', async () => {
      const agent = await login(t, 'erika@example.org', secret);
      await t.ctx.db.execute(sql`update sessions set last_seen_at = now() - interval '2 hours' where user_id = ${agent.userId}`);
      const res = await agent.request('GET', `/api/v1/organisations/${organisationId}`);
      expect(res.statusCode).toBe(401);
    });

    it('slows down only the client that failed, never the owner elsewhere, and answers unknown addresses alike', async () => {
      const attempt = (email: string, password: string, remoteAddress: string) =>
        t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email, password } });
      const strangerFor = async (email: string, ip: string) => {
        const codes: string[] = [];
        for (let i = 0; i < 6; i++) codes.push(`${(await attempt(email, 'wrong password!', ip)).statusCode}`);
        return codes;
      };
      // A stranger at 10.0.0.66 tries an existing and an unknown address: identical answers, attempt by attempt.
      const existing = await strangerFor('erika@example.org', '10.0.0.66');
      const unknown = await strangerFor('niemand@example.org', '10.0.0.67');
      expect(existing).toEqual(['401', '401', '401', '401', '401', '429']);
      expect(unknown).toEqual(existing);
      const blocked = await attempt('erika@example.org', PASSWORD, '10.0.0.66');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().code).toBe('auth.too_many_attempts');
      expect((await attempt('niemand@example.org', PASSWORD, '10.0.0.67')).json().code).toBe('auth.too_many_attempts');
      // The owner, at her own computer, signs in at once: no 15-minute lock for her.
      const owner = await attempt('erika@example.org', PASSWORD, '10.0.0.5');
      expect(owner.statusCode).toBe(200);
      expect(owner.json()).toEqual({ next: 'totp' });
      // The state lives in PostgreSQL (several app processes see it), per pair.
      const rows = await queryRows<{ email: string; client: string; failures: number }>(
        t.ctx.db,
        sql`select email, client, failures from login_throttles order by email`,
      );
      expect(rows).toEqual([
        { email: 'erika@example.org', client: '10.0.0.66', failures: 5 },
        { email: 'niemand@example.org', client: '10.0.0.67', failures: 5 },
      ]);
      // Once the wait is over, the next failure doubles it.
      await t.ctx.db.execute(sql`update login_throttles set blocked_until = now() - interval '1 second'`);
      expect((await attempt('erika@example.org', 'wrong again!!', '10.0.0.66')).statusCode).toBe(401);
      const [wait] = await queryRows<{ seconds: number }>(
        t.ctx.db,
        sql`select round(extract(epoch from blocked_until - now()))::int as seconds from login_throttles where client = '10.0.0.66'`,
      );
      expect(wait!.seconds).toBeGreaterThan(50);
      expect(wait!.seconds).toBeLessThanOrEqual(60);
      await t.ctx.db.execute(sql`delete from login_throttles`);
    });

    it('takes about as long for unknown addresses as for wrong passwords of existing ones', async () => {
      const time = async (email: string, i: number) => {
        const started = performance.now();
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: `10.0.3.${i}`,
          payload: { email, password: 'wrong password!' },
        });
        expect(res.statusCode).toBe(401);
        return performance.now() - started;
      };
      const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 6; i++) {
        known.push(await time('erika@example.org', i));
        unknown.push(await time(`unbekannt${i}@example.org`, i + 100));
      }
      // Both run one argon2id check (~tens of ms); without the dummy hash the unknown address answered in ~1 ms.
      expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
      expect(median(unknown)).toBeLessThan(median(known) * 2);
      await t.ctx.db.execute(sql`delete from login_throttles`);
    });

    it('answers unknown accounts like wrong passwords', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.0.1.1',
        payload: { email: 'nobody@example.org', password: PASSWORD },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('auth.invalid_credentials');
    });

    it('rate-limits the login per address', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '10.9.9.9',
          payload: { email: `nobody${i}@example.org`, password: 'x' },
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      expect(codes.at(-1)).toBe(429);
      await t.ctx.db.execute(sql`delete from login_throttles`);
    });

    it('stores TOTP secrets encrypted and passwords as argon2id', async () => {
      const rows = (await t.ctx.db.execute(sql`select password_hash, totp_secret_enc from users where email = 'erika@example.org'`)) as unknown as {
        rows: { password_hash: string; totp_secret_enc: string }[];
      };
      expect(rows.rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
      expect(rows.rows[0]!.totp_secret_enc).not.toContain(secret);
    });

    it('sends security headers and a strict Content-Security-Policy', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    });

    it('sets the session cookie httpOnly and SameSite', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.0.2.1',
        payload: { email: 'erika@example.org', password: PASSWORD },
      });
      const cookie = res.cookies.find((c) => c.name === 'ps_session')!;
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe('Lax');
    });

    it('serves an OpenAPI document generated from the schemas', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/v1/setup', '/api/v1/auth/login', '/api/v1/organisations/{organisationId}/locations']),
      );
      expect(JSON.stringify(doc.paths['/api/v1/auth/login'].post.requestBody)).toContain('password');
    });
  });
}
