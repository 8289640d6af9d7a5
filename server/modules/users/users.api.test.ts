import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { createMailer } from '../mail/mail.service.ts';

function tokenFromMail(body: string): string {
  const match = body.match(/\/invite\/([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no invitation link in ${body}`);
  return match[1]!;
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`people, roles and invitations on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
    });
    afterAll(async () => t?.close());

    let staffSecret = '';

    it('invites by e-mail into the outbox when no SMTP server is set, and the link creates an account', async () => {
      const invite = await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email: 'Mia.Muster@praxis-a.example', role: 'staff' });
      expect(invite.statusCode).toBe(201);
      expect(invite.json()).toMatchObject({ email: 'mia.muster@praxis-a.example', role: 'staff', isAdmin: false });
      expect(invite.json().link).toMatch(/^http:\/\/praxisschild\.test\/invite\//);

      const outbox = await admin.request('GET', `/api/v1/organisations/${orgId}/outbox`);
      expect(outbox.json().smtp).toBe(false);
      const mail = outbox.json().items[0];
      expect(mail).toMatchObject({ recipient: 'mia.muster@praxis-a.example', kind: 'invitation', delivery: 'outbox', sentAt: null });
      const token = tokenFromMail(mail.bodyText);

      const described = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
      // Nothing about existing accounts: whoever holds the link (the inviting admin too) learns no more than the mail says.
      expect(described.json()).toEqual({ organisationName: 'Praxis A', email: 'mia.muster@praxis-a.example', role: 'staff' });

      const weak = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Mia Muster', password: 'short' } });
      expect(weak.statusCode).toBe(400);
      expect(weak.json().issues[0].path).toEqual(['password']);

      const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Mia Muster', password: PASSWORD } });
      expect(accepted.statusCode).toBe(201);
      staffSecret = accepted.json().enrolment.secret;
      const cookie = `ps_session=${accepted.cookies.find((c) => c.name === 'ps_session')!.value}`;
      await completeEnrolment(t.app, cookie, staffSecret);

      const reuse = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'Mia Muster', password: PASSWORD } });
      expect(reuse.statusCode).toBe(404);

      const members = await admin.request('GET', `/api/v1/organisations/${orgId}/members`);
      expect(members.json()).toContainEqual(expect.objectContaining({ email: 'mia.muster@praxis-a.example', role: 'staff', isAdmin: false, hasMfa: true }));
    });

    it('lets staff read but not administer', async () => {
      const staff = await login(t, 'mia.muster@praxis-a.example', staffSecret);
      expect((await staff.request('GET', `/api/v1/organisations/${orgId}/locations`)).statusCode).toBe(200);
      const denied = await staff.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email: 'x@example.org', role: 'management' });
      expect(denied.statusCode).toBe(403);
      expect((await staff.request('POST', `/api/v1/organisations/${orgId}/locations`, { name: 'Neu' })).statusCode).toBe(403);
    });

    it('keeps the auditor read-only even with the admin flag', async () => {
      const members = (await admin.request('GET', `/api/v1/organisations/${orgId}/members`)).json() as { userId: string; email: string }[];
      const mia = members.find((m) => m.email === 'mia.muster@praxis-a.example')!;
      const res = await admin.request('PATCH', `/api/v1/organisations/${orgId}/members/${mia.userId}`, { role: 'auditor', isAdmin: true });
      expect(res.statusCode).toBe(200);
      const auditor = await login(t, 'mia.muster@praxis-a.example', staffSecret);
      expect((await auditor.request('POST', `/api/v1/organisations/${orgId}/locations`, { name: 'Neu' })).statusCode).toBe(403);
      expect((await auditor.request('GET', `/api/v1/organisations/${orgId}/audit`)).statusCode).toBe(200);
    });

    it('lets an administrator reset a member’s two-factor sign-in after a lost phone', async () => {
      const members = (await admin.request('GET', `/api/v1/organisations/${orgId}/members`)).json() as { userId: string; email: string; hasMfa: boolean }[];
      const mia = members.find((m) => m.email === 'mia.muster@praxis-a.example')!;
      const staffSession = await login(t, 'mia.muster@praxis-a.example', staffSecret);
      expect((await admin.request('POST', `/api/v1/organisations/${orgId}/members/${mia.userId}/reset-mfa`)).statusCode).toBe(200);
      expect((await staffSession.request('GET', '/api/v1/auth/session')).json().state).toBe('anonymous');
      const relogin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'mia.muster@praxis-a.example', password: PASSWORD } });
      expect(relogin.json().next).toBe('enrol');
      staffSecret = relogin.json().enrolment.secret;
      await completeEnrolment(t.app, `ps_session=${relogin.cookies.find((c) => c.name === 'ps_session')!.value}`, staffSecret);
      const audit = (await admin.request('GET', `/api/v1/organisations/${orgId}/audit`)).json().items as { action: string; actorName: string }[];
      expect(audit[0]).toMatchObject({ action: 'member.mfa_reset', actorName: 'Anna Admin' });
    });

    it('never removes the last administrator', async () => {
      const res = await admin.request('PATCH', `/api/v1/organisations/${orgId}/members/${admin.userId}`, { role: 'management', isAdmin: false });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('membership.last_admin');
      expect((await admin.request('DELETE', `/api/v1/organisations/${orgId}/members/${admin.userId}`)).statusCode).toBe(409);
    });

    it('refuses to invite a member twice and names the field', async () => {
      const res = await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email: 'mia.muster@praxis-a.example', role: 'staff' });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues).toEqual([expect.objectContaining({ path: ['email'], code: 'invite.already_member' })]);
    });

    it('revokes an invitation so its link stops working', async () => {
      const invite = await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email: 'later@example.org', role: 'it_lead' });
      const token = tokenFromMail(invite.json().link);
      expect((await admin.request('DELETE', `/api/v1/organisations/${orgId}/invitations/${invite.json().id}`)).statusCode).toBe(204);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` })).statusCode).toBe(404);
      expect((await admin.request('GET', `/api/v1/organisations/${orgId}/invitations`)).json()).toEqual([]);
    });

    it('gives an IT service provider one login for several organisations and lets it switch', async () => {
      const other = await createOrganisationWithAdmin(t, 'Praxis B', 'admin@praxis-b.example');
      // The service provider already has an account in Praxis A; Praxis B invites the same address.
      const msp = await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, {
        email: 'support@it-dienst.example',
        role: 'it_lead',
        isAdmin: true,
      });
      const accepted = await t.app.inject({
        method: 'POST',
        url: `/api/v1/invitations/${tokenFromMail(msp.json().link)}/accept`,
        payload: { name: 'IT Dienst', password: PASSWORD },
      });
      const mspSecret = accepted.json().enrolment.secret;
      await completeEnrolment(t.app, `ps_session=${accepted.cookies.find((c) => c.name === 'ps_session')!.value}`, mspSecret);

      const inviteB = await other.agent.request('POST', `/api/v1/organisations/${other.organisationId}/invitations`, {
        email: 'support@it-dienst.example',
        role: 'it_lead',
        isAdmin: true,
      });
      const tokenB = tokenFromMail(inviteB.json().link);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${tokenB}` })).json()).toEqual({
        organisationName: 'Praxis B',
        email: 'support@it-dienst.example',
        role: 'it_lead',
      });
      const blocked = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${tokenB}/accept`, payload: { name: 'IT Dienst', password: PASSWORD } });
      expect(blocked.statusCode).toBe(409);
      expect(blocked.json().code).toBe('invite.login_required');

      const provider = await login(t, 'support@it-dienst.example', mspSecret);
      const joined = await provider.request('POST', `/api/v1/invitations/${tokenB}/join`);
      expect(joined.statusCode).toBe(200);
      const session = (await provider.request('GET', '/api/v1/auth/session')).json();
      expect(session.organisations.map((o: { name: string }) => o.name)).toEqual(['Praxis A', 'Praxis B']);
      expect(session.currentOrganisationId).toBe(other.organisationId);
      await provider.request('PUT', '/api/v1/auth/current-organisation', { organisationId: orgId });
      expect((await provider.request('PUT', '/api/v1/auth/current-organisation', { organisationId: other.organisationId })).statusCode).toBe(200);
      expect((await provider.request('GET', '/api/v1/auth/session')).json().currentOrganisationId).toBe(other.organisationId);
      expect((await provider.request('GET', `/api/v1/organisations/${other.organisationId}/locations`)).statusCode).toBe(200);

      // Praxis B's own admin is no member of Praxis A and cannot switch there.
      const switchBack = await other.agent.request('PUT', '/api/v1/auth/current-organisation', { organisationId: orgId });
      expect(switchBack.statusCode).toBe(404);

      // Praxis A's admin cannot reset the second factor of an account Praxis B relies on too: 409, nothing changes.
      const auditBefore = (await other.agent.request('GET', `/api/v1/organisations/${other.organisationId}/audit`)).json().items as unknown[];
      const reset = await admin.request('POST', `/api/v1/organisations/${orgId}/members/${provider.userId}/reset-mfa`);
      expect(reset.statusCode).toBe(409);
      expect(reset.json().code).toBe('membership.mfa_reset_shared_account');
      expect((await provider.request('GET', '/api/v1/auth/session')).json().state).toBe('active');
      const members = (await admin.request('GET', `/api/v1/organisations/${orgId}/members`)).json() as { userId: string; hasMfa: boolean }[];
      expect(members.find((m) => m.userId === provider.userId)!.hasMfa).toBe(true);
      expect((await other.agent.request('GET', `/api/v1/organisations/${other.organisationId}/audit`)).json().items).toHaveLength(auditBefore.length);
    });
  });
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`mail through SMTP on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    it('delivers the invitation once through the configured SMTP server, even with two app processes, and marks it sent', async () => {
      const received: { to: string; data: string }[] = [];
      const server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        onData(stream, session, callback) {
          let data = '';
          stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
          stream.on('end', () => {
            received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.server.address() as { port: number }).port;
      const smtpUrl = `smtp://127.0.0.1:${port}`;
      const t = await startTestApp(engine, { config: { smtpUrl }, mailer: createMailer(smtpUrl, 'praxisschild <no-reply@praxisschild.test>') });
      const secondProcess = createMailer(smtpUrl, 'praxisschild <no-reply@praxisschild.test>');
      try {
        const { agent, organisationId } = await runFirstSetup(t.app);
        const res = await agent.request('POST', `/api/v1/organisations/${organisationId}/invitations`, {
          email: 'dsb@extern.example',
          role: 'data_protection_officer',
        });
        expect(res.statusCode).toBe(201);
        expect(res.json().link).toBeNull();
        await Promise.all([t.ctx.mailer.deliverPending(t.ctx.db), secondProcess.deliverPending(t.ctx.db)]);
        await t.ctx.mailer.deliverPending(t.ctx.db);
        expect(received).toHaveLength(1);
        expect(received[0]!.to).toBe('dsb@extern.example');
        expect(received[0]!.data).toContain('Subject: Einladung zu praxisschild');
        const outbox = (await agent.request('GET', `/api/v1/organisations/${organisationId}/outbox`)).json();
        expect(outbox.smtp).toBe(true);
        expect(outbox.items[0].sentAt).not.toBeNull();
      } finally {
        secondProcess.close();
        await t.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  });
}
