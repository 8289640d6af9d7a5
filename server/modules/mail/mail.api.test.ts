import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connect.ts';
import { type Agent, createOrganisationWithAdmin, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';
import { runDueJobs, scheduleJob } from '../jobs/jobs.service.ts';
import { createMailer } from './mail.service.ts';

interface LogEntry {
  level: 'warn' | 'error';
  details: Record<string, unknown>;
  message: string;
}

interface OutboxMail {
  id: string;
  recipient: string;
  subject: string;
  bodyText: string;
  status: string;
  attempts: number;
  error: string | null;
  nextAttemptAt: string | null;
  failedAt: string | null;
}

const MINUTE = 60_000;

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(
    `mail and jobs: language, HTML, retries and failures on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    () => {
      let t: TestApp;
      let admin: Agent;
      let orgId: string;
      let server: SMTPServer;
      /** 0: accept; otherwise the SMTP reply code the server rejects every recipient with. */
      let rejectWith = 0;
      const received: { to: string; data: string }[] = [];
      const log: LogEntry[] = [];

      const outbox = async () =>
        (await admin.request('GET', `/api/v1/organisations/${orgId}/outbox`)).json() as {
          items: OutboxMail[];
          maxAttempts: number;
          failedJobs: { kind: string; attempts: number; lastError: string }[];
        };
      const mailTo = async (recipient: string) => {
        const mail = (await outbox()).items.find((m) => m.recipient === recipient);
        if (!mail) throw new Error(`no mail to ${recipient}`);
        return mail;
      };
      // The HTML part is stored with the mail (the outbox page shows the text part).
      const htmlOf = async (id: string) =>
        (await queryRows<{ body_html: string | null }>(t.ctx.db, sql`select body_html from outbox_mails where id = ${id}`))[0]?.body_html ?? '';
      const invite = async (email: string, role = 'it_lead') => {
        const res = await admin.request('POST', `/api/v1/organisations/${orgId}/invitations`, { email, role });
        expect(res.statusCode).toBe(201);
        // The route starts a delivery in the background; wait for it (deliverPending runs after the one under way).
        await t.ctx.mailer.deliverPending(t.ctx.db);
      };

      beforeAll(async () => {
        server = new SMTPServer({
          authOptional: true,
          disabledCommands: ['STARTTLS'],
          onRcptTo(_address, _session, callback) {
            if (rejectWith === 0) return callback();
            callback(Object.assign(new Error(rejectWith >= 500 ? 'No such mailbox here' : 'Mailbox busy, try again later'), { responseCode: rejectWith }));
          },
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
        const smtpUrl = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
        const mailLog = {
          warn: (details: object, message: string) => log.push({ level: 'warn', details: details as Record<string, unknown>, message }),
          error: (details: object, message: string) => log.push({ level: 'error', details: details as Record<string, unknown>, message }),
        };
        t = await startTestApp(engine, { config: { smtpUrl }, mailer: createMailer(smtpUrl, 'praxisschild <no-reply@praxisschild.test>', { log: mailLog }) });
        ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      });
      afterAll(async () => {
        await t?.close();
        await new Promise<void>((resolve) => server?.close(() => resolve()));
      });
      beforeEach(() => {
        rejectWith = 0;
        log.length = 0;
      });

      it('sends the German invitation as text and HTML, in German only', async () => {
        await invite('it@dienstleister.example');
        const sent = received.find((r) => r.to === 'it@dienstleister.example');
        expect(sent?.data).toContain('multipart/alternative');
        expect(sent?.data).toContain('text/plain');
        expect(sent?.data).toContain('text/html');
        const mail = await mailTo('it@dienstleister.example');
        expect(mail).toMatchObject({ status: 'sent', attempts: 1, error: null, subject: 'Einladung zu praxisschild: Praxis A' });
        expect(mail.bodyText).toContain('Anna Admin lädt Sie ein, in praxisschild für „Praxis A“ mitzuarbeiten.');
        expect(mail.bodyText).toContain('Ihre Rolle: IT-Verantwortliche/r.');
        // The issue's findings: an English paragraph at the end and a bilingual role name.
        expect(mail.bodyText).not.toMatch(/IT lead|You have been invited|Open the link|accept/i);
        const html = await htmlOf(mail.id);
        expect(html).toContain('<html lang="de">');
        expect(html).toContain('Einladung annehmen</a>');
      });

      it('writes in English for an English-speaking inviter, and in the language of an existing account', async () => {
        expect((await admin.request('PUT', '/api/v1/auth/profile', { locale: 'en' })).statusCode).toBe(200);
        await invite('new.person@praxis-a.example', 'staff');
        const english = await mailTo('new.person@praxis-a.example');
        expect(english.subject).toBe('Invitation to praxisschild: Praxis A');
        expect(english.bodyText).toContain('Your role: Staff member.');
        expect(english.bodyText).not.toMatch(/Ihre Rolle|Guten Tag|Einladung annehmen/);
        expect(await htmlOf(english.id)).toContain('<html lang="en">');

        expect((await admin.request('PUT', '/api/v1/auth/profile', { locale: 'de' })).statusCode).toBe(200);
        const other = await createOrganisationWithAdmin(t, 'Praxis B', 'chef@praxis-b.example');
        expect((await other.agent.request('PUT', '/api/v1/auth/profile', { locale: 'en' })).statusCode).toBe(200);
        await invite('chef@praxis-b.example', 'management');
        expect((await mailTo('chef@praxis-b.example')).subject).toBe('Invitation to praxisschild: Praxis A');
      });

      it('retries a temporarily refused mail with growing pauses, then marks it failed, logs it and shows it', async () => {
        rejectWith = 451;
        await invite('busy@extern.example', 'staff');
        let mail = await mailTo('busy@extern.example');
        expect(mail).toMatchObject({ status: 'retrying', attempts: 1, failedAt: null });
        expect(mail.error).toMatch(/451|busy/i);
        const firstPause = Date.parse(mail.nextAttemptAt!) - Date.now();
        expect(firstPause).toBeGreaterThan(0);
        expect(firstPause).toBeLessThanOrEqual(MINUTE);
        const pauses: number[] = [];
        while (mail.status === 'retrying') {
          const due = Date.parse(mail.nextAttemptAt!);
          // Not before its time …
          await t.ctx.mailer.deliverPending(t.ctx.db, new Date(due - 1000));
          expect((await mailTo('busy@extern.example')).attempts).toBe(mail.attempts);
          // … and again once it is due.
          await t.ctx.mailer.deliverPending(t.ctx.db, new Date(due));
          const next = await mailTo('busy@extern.example');
          expect(next.attempts).toBe(mail.attempts + 1);
          if (next.nextAttemptAt) pauses.push((Date.parse(next.nextAttemptAt) - due) / MINUTE);
          mail = next;
        }
        // 1 minute after the first failure (checked above), then 4, 16 and 64 minutes; the fifth attempt is the last.
        expect(pauses).toEqual([4, 16, 64]);
        expect(mail).toMatchObject({ status: 'failed', attempts: 5, nextAttemptAt: null });
        expect(mail.failedAt).not.toBeNull();
        expect((await outbox()).maxAttempts).toBe(5);
        expect(log.filter((l) => l.level === 'warn')).toHaveLength(4);
        expect(log.filter((l) => l.level === 'error')).toEqual([
          expect.objectContaining({ message: 'mail delivery failed for good', details: expect.objectContaining({ mailId: mail.id, attempts: 5 }) }),
        ]);
        // A failed mail is not tried again, and nothing reached the server.
        await t.ctx.mailer.deliverPending(t.ctx.db, new Date(Date.now() + 30 * 24 * 60 * MINUTE));
        expect((await mailTo('busy@extern.example')).attempts).toBe(5);
        expect(received.some((r) => r.to === 'busy@extern.example')).toBe(false);
      });

      it('marks a mail failed at once when the server refuses it for good (5xx)', async () => {
        rejectWith = 550;
        await invite('unknown@extern.example', 'staff');
        expect(await mailTo('unknown@extern.example')).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
        expect(log.map((l) => l.level)).toEqual(['error']);
      });

      it('retries a failing job with growing pauses, then marks it failed, logs it and shows it in the outbox', async () => {
        let calls = 0;
        t.ctx.jobs.register('test.always_fails', async () => {
          calls++;
          throw new Error('the report service did not answer');
        });
        const start = new Date(Date.now() + 24 * 60 * MINUTE);
        await scheduleJob(t.ctx.db, { organisationId: orgId, kind: 'test.always_fails', runAt: start, payload: {}, uniqueKey: 'test:always_fails' });
        const row = async () =>
          (
            await queryRows<{ attempts: number; run_at: string | Date; failed_at: string | Date | null; last_error: string | null; done_at: unknown }>(
              t.ctx.db,
              sql`select attempts, run_at, failed_at, last_error, done_at from jobs where unique_key = 'test:always_fails'`,
            )
          )[0]!;
        const jobLog: LogEntry[] = [];
        const options = {
          log: {
            warn: (details: object, message: string) => jobLog.push({ level: 'warn', details: details as Record<string, unknown>, message }),
            error: (details: object, message: string) => jobLog.push({ level: 'error', details: details as Record<string, unknown>, message }),
          },
        };
        let at = start;
        const pauses: number[] = [];
        for (let attempt = 1; attempt <= 5; attempt++) {
          expect(await runDueJobs(t.ctx, new Date(at.getTime() - 1000), options)).toBe(0);
          expect(await runDueJobs(t.ctx, at, options)).toBe(1);
          const now = await row();
          expect(now.attempts).toBe(attempt);
          expect(now.last_error).toBe('the report service did not answer');
          if (attempt < 5) {
            const next = new Date(now.run_at);
            pauses.push((next.getTime() - at.getTime()) / MINUTE);
            at = next;
          } else {
            expect(now.failed_at).not.toBeNull();
          }
        }
        expect(pauses).toEqual([1, 4, 16, 64]);
        expect(calls).toBe(5);
        expect(await runDueJobs(t.ctx, new Date(at.getTime() + 30 * 24 * 60 * MINUTE), options)).toBe(0);
        expect(calls).toBe(5);
        expect(jobLog.map((l) => l.level)).toEqual(['warn', 'warn', 'warn', 'warn', 'error']);
        expect(jobLog[4]).toMatchObject({ message: 'job failed for good', details: expect.objectContaining({ kind: 'test.always_fails', attempts: 5 }) });
        expect((await outbox()).failedJobs).toEqual([
          expect.objectContaining({ kind: 'test.always_fails', attempts: 5, lastError: 'the report service did not answer' }),
        ]);
      });

      it('runs a job that failed once again later and then completes it; two workers run it once', async () => {
        let calls = 0;
        t.ctx.jobs.register('test.flaky', async () => {
          calls++;
          await new Promise((resolve) => setTimeout(resolve, 50));
          if (calls === 1) throw new Error('first try fails');
        });
        const start = new Date(Date.now() + 48 * 60 * MINUTE);
        await scheduleJob(t.ctx.db, { organisationId: orgId, kind: 'test.flaky', runAt: start, payload: {}, uniqueKey: 'test:flaky' });
        const [a, b] = await Promise.all([runDueJobs(t.ctx, start), runDueJobs(t.ctx, start)]);
        expect(a + b).toBe(1);
        const later = new Date(start.getTime() + MINUTE);
        const [c, d] = await Promise.all([runDueJobs(t.ctx, later), runDueJobs(t.ctx, later)]);
        expect(c + d).toBe(1);
        expect(calls).toBe(2);
        const [job] = await queryRows<{ done_at: unknown; failed_at: unknown; last_error: unknown }>(
          t.ctx.db,
          sql`select done_at, failed_at, last_error from jobs where unique_key = 'test:flaky'`,
        );
        expect(job).toMatchObject({ failed_at: null, last_error: null });
        expect(job!.done_at).not.toBeNull();
      });

      it('refuses a job kind registered twice, and fails a job whose kind nobody registered', async () => {
        expect(() => t.ctx.jobs.register('incident.deadline_reminder', async () => undefined)).toThrow(/registered twice/);
        const start = new Date(Date.now() + 72 * 60 * MINUTE);
        await scheduleJob(t.ctx.db, { organisationId: orgId, kind: 'test.nobody', runAt: start, payload: {}, uniqueKey: 'test:nobody' });
        expect(await runDueJobs(t.ctx, start)).toBe(1);
        const [job] = await queryRows<{ last_error: string }>(t.ctx.db, sql`select last_error from jobs where unique_key = 'test:nobody'`);
        expect(job!.last_error).toBe('no handler for job kind test.nobody');
      });
    },
  );
}
