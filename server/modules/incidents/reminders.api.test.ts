import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connect.ts';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp } from '../../test/test-app.ts';
import { runDueJobs } from '../jobs/jobs.service.ts';

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`deadline reminders on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let orgId: string;
    let incidentId: string;
    const noticedAt = new Date(Date.now() - 3600_000);
    const hoursAfterNotice = (h: number) => new Date(noticedAt.getTime() + h * 3600_000);
    const reminders = async () =>
      ((await admin.request('GET', `/api/v1/organisations/${orgId}/outbox`)).json().items as { kind: string; subject: string }[])
        .filter((m) => m.kind === 'incident_reminder')
        .map((m) => m.subject);

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      await admin.request('POST', `/api/v1/organisations/${orgId}/applicability/nis2`, {
        financialYear: 2025,
        check: { sector: 'healthcare_provider', kritisOperator: false, staffAwu: 80, annualTurnoverEur: 6_000_000, balanceSheetTotalEur: 3_000_000 },
      });
      const created = await admin.request('POST', `/api/v1/organisations/${orgId}/incidents`, {
        title: 'Praxissoftware verschlüsselt',
        noticedAt: noticedAt.toISOString(),
        patientDataInvolved: true,
      });
      incidentId = created.json().id;
    });
    afterAll(async () => t?.close());

    it('plans reminders 12 h and 2 h before each deadline and at it, stored in the database', async () => {
      expect((await queryRows(t.ctx.db, sql`select id from jobs`)).length).toBe(0);
      await admin.request('PUT', `/api/v1/organisations/${orgId}/incidents/${incidentId}/significance`, {
        severeDisruption: 'yes',
        financialLoss: 'no',
        considerableHarmToOthers: 'no',
        maliciousSuspected: true,
        crossBorderImpact: false,
        personalDataBreach: true,
        gdprRisk: 'risk',
      });
      const planned = await queryRows<{ run_at: string; payload: { kind: string; offsetHours: number } | string }>(
        t.ctx.db,
        sql`select run_at, payload from jobs order by run_at`,
      );
      const kinds = planned.map((j) => (typeof j.payload === 'string' ? JSON.parse(j.payload) : j.payload) as { kind: string; offsetHours: number });
      // Early warning (24 h), notification (72 h) and Art. 33 GDPR (72 h): three reminders each; the final
      // report's date is not known while handling goes on.
      expect(kinds.filter((k) => k.kind === 'early_warning').map((k) => k.offsetHours)).toEqual([12, 2, 0]);
      expect(kinds.filter((k) => k.kind === 'notification')).toHaveLength(3);
      expect(kinds.filter((k) => k.kind === 'gdpr_art33')).toHaveLength(3);
      expect(Date.parse(planned[0]!.run_at)).toBe(hoursAfterNotice(12).getTime());
      // The running early warning shows on the dashboard as due soon.
      const dashboard = (await admin.request('GET', `/api/v1/organisations/${orgId}/dashboard`)).json();
      expect(dashboard.incidentDeadlines).toEqual([
        expect.objectContaining({ number: 1, next: expect.objectContaining({ kind: 'early_warning', isOverdue: false }) }),
      ]);
    });

    it('sends a due reminder once, even when two workers run at the same moment', async () => {
      const at = new Date(hoursAfterNotice(12).getTime() + 60_000);
      const [a, b] = await Promise.all([runDueJobs(t.ctx, at), runDueJobs(t.ctx, at)]);
      expect(a + b).toBe(1);
      expect(await reminders()).toEqual(['Noch 12 Stunden: frühe Erstmeldung an das BSI (§ 32 Abs. 1 Nr. 1 BSIG) zu Vorfall #1']);
      expect(await runDueJobs(t.ctx, at)).toBe(0);
    });

    it('stays silent for a report that has been submitted meanwhile', async () => {
      await admin.request('POST', `/api/v1/organisations/${orgId}/incidents/${incidentId}/submissions`, {
        kind: 'early_warning',
        submittedAt: new Date().toISOString(),
      });
      const at = new Date(hoursAfterNotice(24).getTime() + 60_000);
      expect(await runDueJobs(t.ctx, at)).toBe(2); // the 2 h reminder and the one at the deadline
      expect(await reminders()).toHaveLength(1);
    });

    it('reminds of the passed notification deadline', async () => {
      const at = new Date(hoursAfterNotice(72).getTime() + 60_000);
      await runDueJobs(t.ctx, at);
      const subjects = await reminders();
      expect(subjects).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Frist abgelaufen: Meldung an das BSI/),
          expect.stringMatching(/^Frist abgelaufen: Meldung an die Datenschutzaufsicht/),
        ]),
      );
      const open = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from jobs where done_at is null and run_at <= ${at}`);
      expect(open[0]!.n).toBe(0);
    });
  });
}
