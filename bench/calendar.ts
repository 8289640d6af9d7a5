// `npm run bench` (part): the calendar feeds and the agenda "Was ist jetzt zu tun?" of an organisation with 5 000 tasks
// (issue 11, item 8), with a running incident, 50 cloud suppliers with C5 dates, 20 leavers with access and a course
// due again for 200 people. Each figure is compared with a bare Fastify route doing `select 1` on the same engine and
// with the smallest organisation route, measured in the same run. Targets: p95 ≤ 25 ms for the agenda and for a feed
// as a calendar program fetches it (both kept until the organisation changes something, decision 033); each made
// afresh after every write is shown beside them, without a target: it is what the first request after a change costs.
//
// The feed's address is limited to 60 fetches a minute per client address; the bench fetches it as many clients
// (X-Forwarded-For with trustProxy on), since a practice's calendar programs fetch it about once an hour each.

import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { addDays, practiceDay } from '../domain/calendar/reminders.ts';
import { eachEngine, runFirstSetup, startTestApp } from '../server/test/test-app.ts';
import { type Figures, formatFigures, measure, measureAfter } from './measure.ts';

export const TASKS = 5_000;
const SUPPLIERS = 50;
const LEAVERS = 20;
const TRAINED = 200;
const TARGET_P95_MS = 25;

async function benchEngine(engine: 'pglite' | 'postgres') {
  const t = await startTestApp(engine, { config: { trustProxy: true } });
  try {
    const { agent, organisationId } = await runFirstSetup(t.app);
    const org = (path: string) => `/api/v1/organisations/${organisationId}${path}`;
    const today = practiceDay(new Date());
    const seedStarted = performance.now();
    // Tasks spread from 200 days overdue to two years ahead; one in five done, one in ten without an owner.
    await t.ctx.db.execute(sql`
      insert into tasks (organisation_id, id, title, description, owner_user_id, due_on, status, done_at, created_by)
      select ${organisationId}::uuid, gen_random_uuid(), 'Aufgabe ' || lpad(n::text, 5, '0') || ' – Maßnahme prüfen und dokumentieren',
             'Beschreibung der Aufgabe ' || n, case when n % 10 = 0 then null else ${agent.userId}::uuid end,
             ${today}::date + ((n * 37) % 930) - 200,
             case when n % 5 = 0 then 'done' when n % 7 = 0 then 'in_progress' else 'open' end,
             case when n % 5 = 0 then now() end, ${agent.userId}::uuid
        from generate_series(1, ${TASKS}) n`);
    await t.ctx.db.execute(sql`
      insert into suppliers (organisation_id, id, name, cloud_health_data, c5_basis, c5_type, c5_valid_until)
      select ${organisationId}::uuid, gen_random_uuid(), 'Cloud-Anbieter ' || n, true, 'attestation', 'type2', ${today}::date + (n * 11 % 500) - 30
        from generate_series(1, ${SUPPLIERS}) n`);
    await t.ctx.db.execute(sql`
      with leaver as (
        insert into people (organisation_id, id, name, role, starts_on, ends_on)
        select ${organisationId}::uuid, gen_random_uuid(), 'Ausgeschieden ' || n, 'medical_assistant', date '2020-01-01', ${today}::date - n
          from generate_series(1, ${LEAVERS}) n returning id)
      insert into person_accounts (organisation_id, id, person_id, system, account_name, status)
      select ${organisationId}::uuid, gen_random_uuid(), id, 'windows_ad', 'konto-' || id, 'active' from leaver`);
    const course = (await agent.request('POST', org('/training/courses'), { title: 'Phishing erkennen', topic: 'phishing', durationMinutes: 45 })).json();
    const session = (await agent.request('POST', org('/training/sessions'), { courseId: course.id, heldOn: addDays(today, -300) })).json();
    await t.ctx.db.execute(sql`
      with staff as (
        insert into people (organisation_id, id, name, role, starts_on)
        select ${organisationId}::uuid, gen_random_uuid(), 'Mitarbeiterin ' || n, 'nurse', date '2020-01-01' from generate_series(1, ${TRAINED}) n returning id)
      insert into training_attendance (organisation_id, id, session_id, person_id, person_role, status, confirmation_method)
      select ${organisationId}::uuid, gen_random_uuid(), ${session.id}::uuid, id, 'nurse', 'attended', 'recorded' from staff`);
    const incident = (
      await agent.request('POST', org('/incidents'), {
        title: 'Verschlüsselungstrojaner',
        noticedAt: new Date(Date.now() - 3600_000).toISOString(),
        patientDataInvolved: true,
      })
    ).json();
    await agent.request('PUT', org(`/incidents/${incident.id}/significance`), {
      severeDisruption: 'yes',
      financialLoss: 'no',
      considerableHarmToOthers: 'no',
      maliciousSuspected: true,
      crossBorderImpact: false,
      personalDataBreach: true,
      gdprRisk: 'risk',
    });
    await t.ctx.db.execute(sql`analyze`);
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const organisationFeed = (await agent.request('POST', org('/calendar/feeds'), { scope: 'organisation' })).json() as { url: string };
    const personalFeed = (await agent.request('POST', org('/calendar/feeds'), { scope: 'personal' })).json() as { url: string };
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const origin = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    const baseline = Fastify();
    baseline.get('/select1', async () => {
      await t.ctx.db.execute(sql`select 1`);
      return { ok: true };
    });
    await baseline.listen({ port: 0, host: '127.0.0.1' });
    const baselineUrl = `http://127.0.0.1:${(baseline.server.address() as { port: number }).port}/select1`;
    const init = { headers: { cookie: agent.cookie } };
    const options = { requests: 400, concurrency: 1, warmup: 30, maxMs: 8000 };

    // A new client address for every fetch, so that the per-address limit does not answer in the route's place.
    let client = 0;
    const feedInit: { headers: Record<string, string> } = { headers: {} };
    const nextClient = async () => {
      client++;
      feedInit.headers['x-forwarded-for'] = `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`;
    };
    // An audited write (the member's reminder choice) moves the organisation's version: the next fetch renders afresh.
    let flip = false;
    const write = async () => {
      flip = !flip;
      const res = await fetch(`${origin}${org('/calendar/preferences')}`, {
        method: 'PUT',
        headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ taskReminders: true, dailyDigest: flip }),
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`preferences answered ${res.status}`);
      await nextClient();
    };
    const feedUrl = (url: string) => `${origin}${new URL(url).pathname}`;
    const body = await (await fetch(feedUrl(organisationFeed.url), { headers: { 'x-forwarded-for': '10.255.0.1' } })).text();
    const events = body.split('BEGIN:VEVENT').length - 1;
    const agendaFirst = (await (await fetch(`${origin}${org('/agenda')}`, init)).json()) as { total: number; counts: Record<string, number> };

    const select1 = await measure(baselineUrl, {}, options);
    const floor = await measure(`${origin}${org('')}`, init, options);
    const rows: [string, Figures, number | null][] = [
      ['agenda (top 10 and counts)', await measure(`${origin}${org('/agenda')}`, init, options), TARGET_P95_MS],
      [
        'organisation feed (kept)',
        await measureAfter(feedUrl(organisationFeed.url), feedInit, nextClient, { requests: 400, warmup: 30, maxMs: 8000 }),
        TARGET_P95_MS,
      ],
      ['personal feed (kept)', await measureAfter(feedUrl(personalFeed.url), feedInit, nextClient, { requests: 400, warmup: 30, maxMs: 8000 }), TARGET_P95_MS],
      ['agenda after a write', await measureAfter(`${origin}${org('/agenda')}`, init, write, { requests: 100, warmup: 5, maxMs: 15000 }), null],
      ['organisation feed after a write', await measureAfter(feedUrl(organisationFeed.url), feedInit, write, { requests: 60, warmup: 5, maxMs: 15000 }), null],
    ];
    await baseline.close();

    console.log(
      `\n${engine}: ${TASKS} tasks, ${SUPPLIERS} cloud suppliers, ${LEAVERS} leavers with access, ${TRAINED} people trained, 1 running incident (seeded in ${seedSeconds.toFixed(1)} s); organisation feed ${events} events, ${(body.length / 1024).toFixed(0)} KB; agenda total ${agendaFirst.total} (${agendaFirst.counts.task_overdue} overdue tasks)`,
    );
    console.log(formatFigures('baseline: Fastify + select 1', select1));
    console.log(
      `${formatFigures('floor: read the organisation', floor)}  p95 ${(floor.p95 / select1.p95).toFixed(1)}× baseline (session, membership, tenant transaction; no target)`,
    );
    for (const [label, figures, target] of rows) {
      const ratio = `p95 ${(figures.p95 / select1.p95).toFixed(1)}× baseline, ${((figures.perSecond / select1.perSecond) * 100).toFixed(0)} % of its req/s`;
      const verdict =
        target === null ? 'no target (the first request after a change)' : `${figures.p95 <= target ? 'within' : 'OVER'} the target (p95 ≤ ${target} ms)`;
      console.log(`${formatFigures(label, figures)}  ${ratio}; ${verdict}`);
    }
  } finally {
    await t.close();
  }
}

const started = performance.now();
for (const { engine, skipReason } of await eachEngine()) {
  if (skipReason) {
    console.log(`\n${engine}: skipped (${skipReason})`);
    continue;
  }
  await benchEngine(engine);
}
console.log(`\ncalendar bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
