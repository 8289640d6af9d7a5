import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { microTrainingQuestions } from '../../../domain/phishing/micro-training.ts';
import { buildApp } from '../../app.ts';
import { queryRows } from '../../db/connect.ts';
import { withSystem } from '../../db/tenant.ts';
import { mailParts, startSmtpSink } from '../../test/smtp-sink.ts';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp, testConfig } from '../../test/test-app.ts';
import { runDueJobs } from '../jobs/jobs.ts';
import { campaignBody } from './phishing.fixtures.ts';

const MINUTE = 60_000;

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`phishing sending and named mode on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let sink: Awaited<ReturnType<typeof startSmtpSink>>;
    let admin: Agent;
    let orgId: string;
    const emails: string[] = [];
    const personIds: string[] = [];
    const url = (path = '') => `/api/v1/organisations/${orgId}/phishing${path}`;

    beforeAll(async () => {
      sink = await startSmtpSink();
      t = await startTestApp(engine, { config: { smtpUrl: sink.url } });
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      await withSystem(t.ctx.db, async (tx) => {
        for (let n = 0; n < 30; n++) {
          const id = randomUUID();
          personIds.push(id);
          emails.push(`p${n}@praxis-a.example`);
          await tx.execute(sql`insert into people (organisation_id, id, name, role, email)
            values (${orgId}, ${id}, ${`Mitarbeiterin ${n}`}, ${n % 2 ? 'nurse' : 'medical_assistant'}, ${`p${n}@praxis-a.example`})`);
        }
      });
    });
    afterAll(async () => {
      await t?.close();
      await sink?.close();
    });

    it('resumes after a dropped connection, a refusing server and a restart without sending anything twice', async () => {
      const draft = (await admin.request('POST', url('/campaigns'), campaignBody({ groupBy: 'role' }))).json();
      const started = await admin.request('POST', url(`/campaigns/${draft.id}/schedule`), { revision: draft.revision });
      expect(started.statusCode, started.body).toBe(200);
      const now = Date.now();

      // The server breaks every connection after the 7th mail.
      sink.mode = 'drop';
      sink.dropAfter = 7;
      await runDueJobs(t.ctx, new Date(now + 1000));
      expect(sink.received).toHaveLength(7);
      const delivery = async () => (await admin.request('GET', url(`/campaigns/${draft.id}`))).json().delivery;
      expect(await delivery()).toEqual({ recipients: 30, pending: 23, sent: 7, failed: 0 });
      const [job] = await queryRows<{ attempts: number; last_error: string }>(
        t.ctx.db,
        sql`select attempts, last_error from jobs where kind = 'phishing.send'`,
      );
      expect(job).toMatchObject({ attempts: 1 });
      expect(job!.last_error).toMatch(/interrupted after 7 mails/);

      // Then it refuses every recipient for now (421): nothing goes out, nothing is lost.
      sink.mode = 'refuse';
      await runDueJobs(t.ctx, new Date(now + 2 * MINUTE));
      expect(sink.received).toHaveLength(7);
      expect(await delivery()).toEqual({ recipients: 30, pending: 23, sent: 7, failed: 0 });

      // The app restarts (a second app on the same database, the first one closed); the server accepts again.
      sink.mode = 'accept';
      await t.app.close();
      const restarted = await buildApp({ config: testConfig({ smtpUrl: sink.url, secretKey: t.ctx.config.secretKey }), database: t.database });
      await restarted.app.ready();
      t = {
        ...t,
        app: restarted.app,
        ctx: restarted.ctx,
        routes: restarted.routes,
        close: async () => {
          await restarted.app.close();
          await t.database.close();
        },
      };
      admin = {
        ...admin,
        request: (method, path, payload) =>
          restarted.app.inject({
            method: method as 'GET',
            url: path,
            headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
            ...(payload !== undefined ? { payload: payload as object } : {}),
          }),
      };
      await runDueJobs(restarted.ctx, new Date(now + 10 * MINUTE));
      const to = sink.received.map((m) => m.to).sort();
      expect(to).toEqual([...emails].sort());
      expect(new Set(to).size).toBe(30);
      expect(await delivery()).toEqual({ recipients: 30, pending: 0, sent: 30, failed: 0 });
      expect((await admin.request('GET', url(`/campaigns/${draft.id}`))).json().status).toBe('sent');
      // Groups by role: 15 nurses and 15 medical assistants.
      const report = (await admin.request('GET', url(`/campaigns/${draft.id}/report`))).json();
      expect(report.groups.map((g: { key: string; recipients: number }) => [g.key, g.recipients])).toEqual([
        ['medical_assistant', 15],
        ['nurse', 15],
      ]);
      expect((await admin.request('POST', url(`/campaigns/${draft.id}/close`))).statusCode).toBe(200);
    });

    it('spreads the mails over the window: each goes out at its planned time', async () => {
      sink.received.length = 0;
      const start = new Date(Date.now() + 60 * MINUTE);
      const draft = (await admin.request('POST', url('/campaigns'), campaignBody({ startsAt: start.toISOString(), spreadMinutes: 30 }))).json();
      await admin.request('POST', url(`/campaigns/${draft.id}/schedule`), { revision: draft.revision });
      await runDueJobs(t.ctx, new Date(start.getTime() - MINUTE));
      expect(sink.received).toHaveLength(0);
      await runDueJobs(t.ctx, new Date(start.getTime() + 15 * MINUTE - 1));
      expect(sink.received).toHaveLength(15);
      await runDueJobs(t.ctx, new Date(start.getTime() + 30 * MINUTE));
      expect(sink.received).toHaveLength(30);
      expect((await admin.request('POST', url(`/campaigns/${draft.id}/close`))).statusCode).toBe(200);
    });

    it('named mode: only with the works agreement, shown on the report; per person until the close; the micro-training becomes a training record', async () => {
      sink.received.length = 0;
      const missing = await admin.request('PUT', url('/settings/named-mode'), { enabled: true, agreementReference: 'BV Phishing 2026' });
      expect(missing.statusCode).toBe(400);
      const on = await admin.request('PUT', url('/settings/named-mode'), {
        enabled: true,
        agreementReference: 'BV Phishing 2026',
        agreementDate: '2026-11-30',
      });
      expect(on.json().namedMode).toMatchObject({ agreementReference: 'BV Phishing 2026', agreementDate: '2026-11-30', enabledByName: 'Anna Admin' });
      const draft = (await admin.request('POST', url('/campaigns'), campaignBody({ mode: 'named', audience: { kind: 'roles', roles: ['nurse'] } }))).json();
      await admin.request('POST', url(`/campaigns/${draft.id}/schedule`), { revision: draft.revision });
      await runDueJobs(t.ctx, new Date(Date.now() + 1000));
      expect(sink.received).toHaveLength(15);
      const token = /\/api\/v1\/phishing\/click\/([A-Za-z0-9_-]{43})/.exec(mailParts(sink.received[0]!.raw).parts['text/plain']!)![1]!;
      const answers = microTrainingQuestions.map((q) => ({ questionId: q.id, optionId: q.correct }));
      expect((await admin.request('POST', `/api/v1/phishing/lessons/${token}/training`, { answers })).json().passed).toBe(true);

      const report = (await admin.request('GET', url(`/campaigns/${draft.id}/report`))).json();
      expect(report.namedAgreement).toMatchObject({ reference: 'BV Phishing 2026', date: '2026-11-30', enabledByName: 'Anna Admin' });
      expect(report.people).toHaveLength(15);
      const trained = report.people.filter((p: { trainingCompletedAt: string | null }) => p.trainingCompletedAt);
      expect(trained).toHaveLength(1);
      const [record] = await queryRows<{ person_id: string; confirmation_method: string }>(
        t.ctx.db,
        sql`select person_id, confirmation_method from training_attendance where session_id = ${draft.id}`,
      );
      expect(record).toMatchObject({ person_id: trained[0].personId, confirmation_method: 'link' });

      await admin.request('POST', url(`/campaigns/${draft.id}/close`));
      const closed = (await admin.request('GET', url(`/campaigns/${draft.id}/report`))).json();
      expect(closed.people).toBeNull();
      expect(closed.namedAgreement).toMatchObject({ reference: 'BV Phishing 2026' });
      const off = await admin.request('PUT', url('/settings/named-mode'), { enabled: false });
      expect(off.json().namedMode).toBeNull();
    });

    it('an organisation SMTP URL is stored encrypted and only its host is shown', async () => {
      const res = await admin.request('PUT', url('/settings/smtp'), { smtpUrl: `${sink.url.replace('smtp://', 'smtp://user:geheim@')}` });
      expect(res.json().smtp).toEqual({ source: 'organisation', host: sink.url.replace('smtp://', '') });
      const [row] = await queryRows<{ smtp_url_sealed: string }>(t.ctx.db, sql`select smtp_url_sealed from phishing_settings`);
      expect(row!.smtp_url_sealed).not.toContain('geheim');
      expect(JSON.stringify((await admin.request('GET', `/api/v1/organisations/${orgId}/audit?limit=5`)).json())).not.toContain('geheim');
      expect((await admin.request('PUT', url('/settings/smtp'), { smtpUrl: 'http://x' })).json().issues[0].code).toBe('phishing.smtp_url_invalid');
      expect((await admin.request('PUT', url('/settings/smtp'), { smtpUrl: null })).json().smtp.source).toBe('app');
    });
  });
}
