import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connect.ts';
import { type Agent, createOrganisationWithAdmin, eachEngine, login, PASSWORD, startTestApp, type TestApp, totpCode } from '../../test/test-app.ts';
import { createMailer } from '../mail/mail.service.ts';

const NEW_PASSWORD = 'Unser Wartezimmer hat 12 grüne Stühle';
const cookieOf = (res: LightMyRequestResponse) => `ps_session=${res.cookies.find((c) => c.name === 'ps_session')!.value}`;

async function csrfOf(t: TestApp, cookie: string): Promise<string> {
  return (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).json().csrfToken;
}

let nextClient = 1;
/** Password step only: a session waiting for the second factor (each from its own client, below the route limit). */
async function passwordStep(t: TestApp, email: string, password = PASSWORD, remoteAddress = `10.7.0.${nextClient++}`) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { email, password } });
  if (res.statusCode !== 200) return { res, cookie: '', csrf: '' };
  const cookie = cookieOf(res);
  return { res, cookie, csrf: await csrfOf(t, cookie) };
}

async function auditActions(agent: Agent, organisationId: string): Promise<string[]> {
  const res = await agent.request('GET', `/api/v1/organisations/${organisationId}/audit`);
  return (res.json().items as { action: string }[]).map((e) => e.action);
}

function resetTokenFrom(body: string): string {
  const match = body.match(/\/password-reset\/([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no reset link in ${body}`);
  return match[1]!;
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`accounts people can rely on, on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    let secret: string;
    let codes: string[];
    const email = 'petra.praxis@praxis-a.example';

    beforeAll(async () => {
      t = await startTestApp(engine);
    });
    afterAll(async () => t?.close());

    it('asks for the public URL in the setup, names a bad one, and uses it for links in mails', async () => {
      const body = (publicUrl: string) => ({
        organisation: { name: 'Praxis A', legalForm: 'einzelpraxis', locations: [{ name: 'Praxis' }] },
        admin: { name: 'Petra Praxis', email, password: PASSWORD },
        publicUrl,
      });
      const bad = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: body('praxis.example.org') });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues).toEqual([expect.objectContaining({ path: ['publicUrl'], code: 'public_url' })]);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true, fixedPublicUrl: null });

      const res = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: body('https://praxis.example.org/') });
      expect(res.statusCode).toBe(201);
      const cookie = cookieOf(res);
      secret = res.json().enrolment.secret;
      const confirmed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/enrolment/confirm',
        headers: { cookie, 'x-csrf-token': await csrfOf(t, cookie) },
        payload: { code: await totpCode(secret) },
      });
      expect(confirmed.statusCode).toBe(200);
      // Ten recovery codes, shown once, in two groups of five.
      codes = confirmed.json().recoveryCodes;
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
      // Stored only as keyed hashes.
      const stored = await queryRows<{ code_hash: string }>(t.ctx.db, sql`select code_hash from recovery_codes`);
      expect(stored).toHaveLength(10);
      expect(stored.map((r) => r.code_hash).join()).not.toContain(codes[0]!.replace('-', ''));

      admin = await login(t, email, secret);
      orgId = (await admin.request('GET', '/api/v1/auth/session')).json().currentOrganisationId;
      const invite = await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email: 'neu@praxis-a.example', role: 'staff' });
      expect(invite.json().link).toMatch(/^https:\/\/praxis\.example\.org\/invite\//);
    });

    it('signs in with a recovery code instead of the phone, once per code, and audits it', async () => {
      expect((await admin.request('GET', '/api/v1/auth/recovery-codes')).json()).toEqual({ remaining: 10 });
      const step = await passwordStep(t, email);
      const recovery = (code: string, cookie = step.cookie, csrf = step.csrf) =>
        t.app.inject({ method: 'POST', url: '/api/v1/auth/recovery', headers: { cookie, 'x-csrf-token': csrf }, payload: { code } });
      const malformed = await recovery('123456');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().issues[0].path).toEqual(['code']);
      // Typed in capitals with a space instead of the hyphen: still the same code.
      const ok = await recovery(codes[0]!.toUpperCase().replace('-', ' '));
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ ok: true, remaining: 9 });
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: step.cookie } })).json().state).toBe('active');

      const again = await passwordStep(t, email);
      const reused = await recovery(codes[0]!, again.cookie, again.csrf);
      expect(reused.statusCode).toBe(400);
      expect(reused.json()).toMatchObject({ code: 'auth.recovery_code_invalid', issues: [expect.objectContaining({ path: ['code'] })] });
      // An active session cannot use codes, nor can someone without the password step.
      expect((await recovery(codes[1]!)).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/recovery', payload: { code: codes[1] } })).statusCode).toBe(401);
      expect(await auditActions(admin, orgId)).toContain('account.recovery_code_used');
      await t.ctx.db.execute(sql`delete from login_throttles`);
    });

    it('writes a recovery code use into the audit trail of every organisation of the account', async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis B', 'admin@praxis-b.example');
      // Petra joins Praxis B with her existing account.
      const invite = await other.agent.request('POST', `/api/v1/organisations/${other.organisationId}/invitations`, { email, role: 'it_lead' });
      const token = new URL(invite.json().link).pathname.split('/').pop()!;
      expect((await admin.request('POST', `/api/v1/invitations/${token}/join`)).statusCode).toBe(200);
      const step = await passwordStep(t, email);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/recovery',
        headers: { cookie: step.cookie, 'x-csrf-token': step.csrf },
        payload: { code: codes[2] },
      });
      expect(res.json().remaining).toBe(8);
      expect((await auditActions(admin, orgId))[0]).toBe('account.recovery_code_used');
      expect((await auditActions(other.agent, other.organisationId))[0]).toBe('account.recovery_code_used');
    });

    it('renews the recovery codes with password and a current code; the old ones stop working', async () => {
      await t.ctx.db.execute(sql`update users set totp_last_step = null where email = ${email}`);
      const wrongPassword = await admin.request('POST', '/api/v1/auth/recovery-codes', { password: 'not my password', code: await totpCode(secret) });
      expect(wrongPassword.statusCode).toBe(400);
      expect(wrongPassword.json().issues).toEqual([expect.objectContaining({ path: ['password'], code: 'auth.password_wrong' })]);
      const wrongCode = await admin.request('POST', '/api/v1/auth/recovery-codes', { password: PASSWORD, code: '000000' });
      expect(wrongCode.statusCode).toBe(400);
      expect(wrongCode.json().issues[0].path).toEqual(['code']);
      const missing = await admin.request('POST', '/api/v1/auth/recovery-codes', {});
      expect(missing.statusCode).toBe(400);
      expect((missing.json().issues as { path: string[] }[]).map((i) => i.path[0]).sort()).toEqual(['code', 'password']);
      const renewed = await admin.request('POST', '/api/v1/auth/recovery-codes', { password: PASSWORD, code: await totpCode(secret) });
      expect(renewed.statusCode).toBe(200);
      const fresh = renewed.json().recoveryCodes as string[];
      expect(fresh).toHaveLength(10);
      expect((await admin.request('GET', '/api/v1/auth/recovery-codes')).json()).toEqual({ remaining: 10 });
      const step = await passwordStep(t, email);
      const old = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/recovery',
        headers: { cookie: step.cookie, 'x-csrf-token': step.csrf },
        payload: { code: codes[5] },
      });
      expect(old.statusCode).toBe(400);
      codes = fresh;
      expect(await auditActions(admin, orgId)).toContain('account.recovery_codes_renewed');
      await t.ctx.db.execute(sql`delete from login_throttles`);
    });

    it('changes the password with the current one and ends the other sessions', async () => {
      const elsewhere = await login(t, email, secret);
      const current = await login(t, email, secret);
      const wrong = await current.request('PUT', '/api/v1/auth/password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().issues).toEqual([expect.objectContaining({ path: ['currentPassword'], code: 'auth.password_wrong' })]);
      const short = await current.request('PUT', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'kurz' });
      expect(short.statusCode).toBe(400);
      expect(short.json().issues[0].path).toEqual(['newPassword']);
      const ok = await current.request('PUT', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().otherSessionsEnded).toBeGreaterThanOrEqual(2); // "elsewhere" and the admin agent
      expect((await current.request('GET', '/api/v1/auth/session')).json().state).toBe('active');
      expect((await elsewhere.request('GET', '/api/v1/auth/session')).json().state).toBe('anonymous');
      expect((await passwordStep(t, email, PASSWORD)).res.statusCode).toBe(401);
      expect((await passwordStep(t, email, NEW_PASSWORD)).res.statusCode).toBe(200);
      admin = current;
      expect(await auditActions(admin, orgId)).toContain('account.password_changed');
      await t.ctx.db.execute(sql`delete from login_throttles`);
    });

    it('answers a reset request identically for unknown and existing addresses, and mails the link only to the account', async () => {
      const ask = (address: string) =>
        t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', remoteAddress: '10.5.0.1', payload: { email: address } });
      const started = performance.now();
      const unknown = await ask('niemand@praxis-a.example');
      const unknownMs = performance.now() - started;
      const known = await ask(email.toUpperCase());
      expect(unknown.statusCode).toBe(202);
      expect(known.statusCode).toBe(202);
      expect(known.body).toBe(unknown.body);
      expect(unknownMs).toBeGreaterThanOrEqual(290); // padded: doing nothing takes as long as writing a mail
      const bad = await ask('keine-adresse');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().issues[0].path).toEqual(['email']);

      const mails = await queryRows<{ recipient: string; subject: string; body_text: string; body_html: string; kind: string }>(
        t.ctx.db,
        sql`select recipient, subject, body_text, body_html, kind from outbox_mails where kind = 'password_reset'`,
      );
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ recipient: email, subject: 'praxisschild: Passwort zurücksetzen' });
      expect(mails[0]!.body_text).toMatch(/https:\/\/praxis\.example\.org\/password-reset\/[A-Za-z0-9_-]{43}/);
      expect(mails[0]!.body_text).toContain('Guten Tag Petra Praxis');
      expect(mails[0]!.body_html).toContain('<a href="https://praxis.example.org/password-reset/');
      // The outbox lists it for the admins (when no SMTP server is set, that is how the link gets to the person).
      const outbox = (await admin.request('GET', `/api/v1/organisations/${orgId}/outbox`)).json();
      expect(outbox.items[0]).toMatchObject({ kind: 'password_reset', recipient: email });
      // A second request right away writes no second mail (no mail bombing), and still answers the same.
      expect((await ask(email)).body).toBe(unknown.body);
      expect(await queryRows(t.ctx.db, sql`select 1 from outbox_mails where kind = 'password_reset'`)).toHaveLength(1);
    });

    it('sets a new password with the link once, ends every session and keeps the second factor', async () => {
      const [mail] = await queryRows<{ body_text: string }>(t.ctx.db, sql`select body_text from outbox_mails where kind = 'password_reset'`);
      const token = resetTokenFrom(mail!.body_text);
      const stored = await queryRows<{ token_hash: string }>(t.ctx.db, sql`select token_hash from password_resets`);
      expect(stored.map((r) => r.token_hash)).not.toContain(token);
      const confirm = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload });

      const forged = await confirm({ token: 'x'.repeat(43), password: 'Ein ganz neues Passwort 1' });
      expect(forged.statusCode).toBe(400);
      expect(forged.json()).toMatchObject({ code: 'auth.reset_invalid', issues: [expect.objectContaining({ path: ['token'] })] });
      const weak = await confirm({ token, password: 'kurz' });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().issues[0].path).toEqual(['password']);

      const ok = await confirm({ token, password: 'Ein ganz neues Passwort 1' });
      expect(ok.statusCode).toBe(200);
      expect((await admin.request('GET', '/api/v1/auth/session')).json().state).toBe('anonymous');
      expect((await confirm({ token, password: 'Noch ein neues Passwort 2' })).statusCode).toBe(400);
      expect((await passwordStep(t, email, NEW_PASSWORD)).res.statusCode).toBe(401);
      const step = await passwordStep(t, email, 'Ein ganz neues Passwort 1');
      expect(step.res.json()).toEqual({ next: 'totp' }); // the authenticator is still needed
      admin = await login(t, email, secret, 'Ein ganz neues Passwort 1');
      expect(await auditActions(admin, orgId)).toContain('account.password_reset');
    });

    it('refuses an expired link', async () => {
      await t.ctx.db.execute(sql`delete from password_resets`);
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', remoteAddress: '10.5.0.2', payload: { email } });
      const [mail] = await queryRows<{ body_text: string }>(
        t.ctx.db,
        sql`select body_text from outbox_mails where kind = 'password_reset' order by created_at desc limit 1`,
      );
      await t.ctx.db.execute(sql`update password_resets set expires_at = now() - interval '1 minute'`);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token: resetTokenFrom(mail!.body_text), password: 'Abgelaufen ist abgelaufen' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('auth.reset_invalid');
    });

    it('writes the reset mail in English for an English-speaking account', async () => {
      await t.ctx.db.execute(sql`update users set locale = 'en' where email = 'admin@praxis-b.example'`);
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', remoteAddress: '10.5.0.3', payload: { email: 'admin@praxis-b.example' } });
      const [mail] = await queryRows<{ subject: string; body_text: string }>(
        t.ctx.db,
        sql`select subject, body_text from outbox_mails where recipient = 'admin@praxis-b.example' and kind = 'password_reset'`,
      );
      expect(mail!.subject).toBe('praxisschild: reset your password');
      expect(mail!.body_text).toContain('Hello Admin Praxis B');
    });
  });
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`reset mail through SMTP on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    it('sends the reset link as text and HTML', async () => {
      const received: string[] = [];
      const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        onData(stream, _session, callback) {
          let data = '';
          stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
          stream.on('end', () => {
            received.push(data);
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const smtpUrl = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
      const t = await startTestApp(engine, { config: { smtpUrl }, mailer: createMailer(smtpUrl, 'praxisschild <no-reply@praxisschild.test>') });
      try {
        await createOrganisationWithAdmin(t, 'Praxis S', 'admin@praxis-s.example');
        const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'admin@praxis-s.example' } });
        expect(res.statusCode).toBe(202);
        await t.ctx.mailer.deliverPending(t.ctx.db);
        expect(received).toHaveLength(1);
        expect(received[0]).toContain('multipart/alternative');
        expect(received[0]).toContain('text/html');
        expect(received[0]).toContain('http://praxisschild.test/password-reset/');
      } finally {
        await t.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  });
}
