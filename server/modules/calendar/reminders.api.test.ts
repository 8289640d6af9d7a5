import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practiceDay, sweepAt } from '../../../domain/calendar/reminders.ts';
import { buildApp } from '../../app.ts';
import type { AppContext } from '../../context.ts';
import { type Database, openDatabase, queryRows } from '../../db/connect.ts';
import { type Agent, eachEngine, runFirstSetup, startTestApp, type TestApp, testConfig } from '../../test/test-app.ts';
import { runDueJobs } from '../jobs/jobs.ts';
import { dayFromToday, inviteMember, tasksOf } from './calendar.fixtures.ts';
import { planReminderSweeps, SWEEP_JOB, sendDigests, sendTaskReminders } from './reminders.service.ts';

interface Mail {
  recipient: string;
  subject: string;
  kind: string;
  body_text: string;
}

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`task reminders and the daily digest on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let t: TestApp;
    let admin: Agent;
    let staff: Agent;
    let orgId: string;
    /** Two app processes on one database: on PostgreSQL a second app with its own pool; PGlite has one connection. */
    let workers: AppContext[];
    let second: { close(): Promise<unknown> } | null = null;
    let secondDatabase: Database | null = null;
    const today = practiceDay(new Date());
    // Just after the sweep of today's morning: the moment the workers run.
    const at = new Date(sweepAt(today).getTime() + 60_000);
    const mails = (kind: string) =>
      queryRows<Mail>(t.ctx.db, sql`select recipient, subject, kind, body_text from outbox_mails where kind = ${kind} order by recipient, subject`);

    beforeAll(async () => {
      t = await startTestApp(engine);
      ({ agent: admin, organisationId: orgId } = await runFirstSetup(t.app));
      staff = await inviteMember(t, admin, orgId, 'mfa@praxis-a.example', 'staff');
      workers = [t.ctx, t.ctx];
      if (engine === 'postgres') {
        const url = (t.database as Database & { url?: string }).url!;
        secondDatabase = await openDatabase({ engine: 'postgres', url });
        const built = await buildApp({ config: testConfig(), database: secondDatabase });
        second = built.app;
        workers = [t.ctx, built.ctx];
      }
    });
    afterAll(async () => {
      await second?.close();
      await secondDatabase?.close();
      await t?.close();
    });

    it('plans one sweep a day, however often and by however many processes it is planned', async () => {
      await Promise.all(workers.flatMap((ctx) => [planReminderSweeps(ctx.db, at), planReminderSweeps(ctx.db, at)]));
      const planned = await queryRows<{ unique_key: string; run_at: string }>(
        t.ctx.db,
        sql`select unique_key, run_at from jobs where kind = ${SWEEP_JOB} order by run_at`,
      );
      expect(planned.map((j) => j.unique_key)).toEqual([`${SWEEP_JOB}:${today}`, `${SWEEP_JOB}:${dayFromToday(1)}`]);
      expect(new Date(planned[0]!.run_at).toISOString()).toBe(sweepAt(today).toISOString());
    });

    it('sends each reminder once with two workers running the sweep at the same moment', async () => {
      await tasksOf(t, orgId, admin.userId, [
        { title: 'In einer Woche fällig', ownerUserId: admin.userId, dueOn: dayFromToday(7) },
        { title: 'Heute fällig', ownerUserId: admin.userId, dueOn: today },
        { title: 'Gestern fällig', ownerUserId: admin.userId, dueOn: dayFromToday(-1) },
        { title: 'In acht Tagen fällig', ownerUserId: admin.userId, dueOn: dayFromToday(8) },
        { title: 'Seit einer Woche überfällig', ownerUserId: admin.userId, dueOn: dayFromToday(-7) },
        { title: 'Niemandem zugewiesen', ownerUserId: null, dueOn: today },
        { title: 'Ohne Termin', ownerUserId: admin.userId },
      ]);
      // The staff member switched task reminders off.
      await staff.request('PUT', `/api/v1/organisations/${orgId}/calendar/preferences`, { taskReminders: false, dailyDigest: false });
      await tasksOf(t, orgId, admin.userId, [{ title: 'Für jemanden ohne Erinnerungen', ownerUserId: staff.userId, dueOn: today }]);
      // A done task gets nothing.
      const [done] = await tasksOf(t, orgId, admin.userId, [{ title: 'Schon erledigt', ownerUserId: admin.userId, dueOn: today }]);
      await t.ctx.db.execute(sql`update tasks set status = 'done', done_at = now() where id = ${done}`);

      const ran = await Promise.all(workers.map((ctx) => runDueJobs(ctx, at)));
      expect(ran.reduce((a, b) => a + b, 0)).toBe(1); // today's sweep, leased by one of them; tomorrow's is not due
      // The sweep itself run again by both at once (a lease that ran out, a retry): the sent-reminder keys hold.
      const again = await Promise.all(workers.flatMap((ctx) => [sendTaskReminders(ctx, at), sendTaskReminders(ctx, at)]));
      expect(again.reduce((a, b) => a + b, 0)).toBe(0);

      const sent = await mails('task_reminder');
      expect(sent.map((m) => [m.recipient, m.subject])).toEqual([
        ['admin@praxis-a.example', expect.stringMatching(/^Fällig am \d{2}\.\d{2}\.\d{4}: In einer Woche fällig$/)],
        ['admin@praxis-a.example', expect.stringMatching(/^Fällig seit \d{2}\.\d{2}\.\d{4}: Gestern fällig$/)],
        ['admin@praxis-a.example', 'Heute fällig: Heute fällig'],
      ]);
      expect(sent[2]!.body_text).toContain(`/o/${orgId}/tasks/`);
      expect(sent[2]!.body_text).toContain(`/o/${orgId}/calendar`);
      const keys = await queryRows<{ kind: string }>(t.ctx.db, sql`select kind from calendar_reminders_sent order by kind`);
      expect(keys.map((k) => k.kind)).toEqual(['task_due', 'task_due', 'task_week_before']);
    });

    it('sends brand-new reminders once when ten sweeps race on both workers', async () => {
      const ids = await tasksOf(t, orgId, admin.userId, [
        { title: 'Wettlauf A', ownerUserId: admin.userId, dueOn: dayFromToday(2) },
        { title: 'Wettlauf B', ownerUserId: admin.userId, dueOn: today },
      ]);
      const counts = await Promise.all(Array.from({ length: 10 }, (_, i) => sendTaskReminders(workers[i % workers.length]!, at)));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
      const rows = await queryRows<{ n: number }>(
        t.ctx.db,
        sql`select count(*)::int as n from outbox_mails where kind = 'task_reminder' and subject like '%Wettlauf%'`,
      );
      expect(rows[0]!.n).toBe(2);
      // A moved due date is a new date to be reminded of.
      await t.ctx.db.execute(sql`update tasks set due_on = ${dayFromToday(3)}::date where id = ${ids[0]}`);
      expect(await sendTaskReminders(t.ctx, at)).toBe(1);
    });

    it('writes the reminder in the owner’s language', async () => {
      await t.ctx.db.execute(sql`update users set locale = 'en' where id = ${admin.userId}`);
      await tasksOf(t, orgId, admin.userId, [{ title: 'English please', ownerUserId: admin.userId, dueOn: today }]);
      expect(await sendTaskReminders(t.ctx, at)).toBe(1);
      const sent = (await mails('task_reminder')).find((m) => m.subject.includes('English please'))!;
      expect(sent.subject).toBe('Due today: English please');
      expect(sent.body_text).toContain('Hello Anna Admin,');
      await t.ctx.db.execute(sql`update users set locale = 'de' where id = ${admin.userId}`);
    });

    it('sends the daily digest once a day to who asked for it, with overdue tasks first, and none without tasks', async () => {
      await staff.request('PUT', `/api/v1/organisations/${orgId}/calendar/preferences`, { taskReminders: false, dailyDigest: true });
      await admin.request('PUT', `/api/v1/organisations/${orgId}/calendar/preferences`, { taskReminders: true, dailyDigest: false });
      await tasksOf(t, orgId, admin.userId, [
        { title: 'Zugänge prüfen', ownerUserId: staff.userId, dueOn: dayFromToday(-3) },
        { title: 'Schulung planen', ownerUserId: staff.userId, dueOn: dayFromToday(5) },
        { title: 'Viel später', ownerUserId: staff.userId, dueOn: dayFromToday(30) },
      ]);
      const counts = await Promise.all(workers.flatMap((ctx) => [sendDigests(ctx, at), sendDigests(ctx, at)]));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
      const digests = await mails('calendar_digest');
      expect(digests).toHaveLength(1);
      expect(digests[0]!.recipient).toBe('mfa@praxis-a.example');
      // The staff member's tasks: one overdue (3 days), two due within the week (the one with reminders off, today).
      expect(digests[0]!.subject).toMatch(/^Ihre Aufgaben am \d{2}\.\d{2}\.\d{4}: überfällig 1, bald fällig 2$/);
      const text = digests[0]!.body_text;
      expect(text.indexOf('(überfällig): Zugänge prüfen')).toBeGreaterThan(0);
      expect(text.indexOf('Zugänge prüfen')).toBeLessThan(text.indexOf('Schulung planen'));
      expect(text).not.toContain('Viel später');
      // The next day brings the next digest; a member without tasks gets none.
      await admin.request('PUT', `/api/v1/organisations/${orgId}/calendar/preferences`, { taskReminders: true, dailyDigest: true });
      await t.ctx.db.execute(sql`update tasks set status = 'cancelled' where owner_user_id = ${admin.userId} and status <> 'done'`);
      const tomorrow = new Date(at.getTime() + 86_400_000);
      expect(await sendDigests(t.ctx, tomorrow)).toBe(1);
      expect((await mails('calendar_digest')).map((m) => m.recipient)).toEqual(['mfa@praxis-a.example', 'mfa@praxis-a.example']);
    });
  });
}
