// `npm run bench` (part): the task list of an organisation with 5 000 tasks (issue 11, item 8). The list answers
// filtered (mine, overdue, one ISO week, a link), searched, sorted and paged by the server, and the board groups by ISO
// week in SQL; each figure is compared with a bare Fastify route doing `select 1` on the same engine, measured in the
// same run, and with the smallest organisation route (read the organisation). Target: p95 ≤ 25 ms.

import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { isoWeekOf, practiceDay } from '../domain/tasks/task-rules.ts';
import { eachEngine, runFirstSetup, startTestApp } from '../server/test/test-app.ts';
import { type Figures, formatFigures, measure } from './measure.ts';

export const TASKS = 5_000;
const MEMBERS = 12;
const TARGET_P95_MS = 25;

async function benchEngine(engine: 'pglite' | 'postgres') {
  const t = await startTestApp(engine);
  try {
    const { agent, organisationId } = await runFirstSetup(t.app);
    const seedStarted = performance.now();
    // Colleagues to own the tasks (members of the organisation, as the owner must be).
    await t.ctx.db.execute(sql`
      with added as (
        insert into users (id, email, name, password_hash)
        select gen_random_uuid(), 'kollegin' || n || '@praxis.example', 'Kollegin ' || n, 'x' from generate_series(1, ${MEMBERS - 1}) n
        returning id)
      insert into memberships (organisation_id, user_id, role) select ${organisationId}::uuid, id, 'staff' from added`);
    // Spread over owners (the admin owns every twelfth), due days from 200 days ago to two years ahead (some without),
    // statuses (most open), sources; every third task links a requirement, every tenth has a comment.
    await t.ctx.db.execute(sql`
      insert into tasks (organisation_id, id, title, description, owner_user_id, due_on, status, done_at, done_by, source, created_by, created_at)
      select ${organisationId}::uuid, gen_random_uuid(), 'Aufgabe ' || lpad(n::text, 5, '0') || ' ' || (array['Backup','Firewall','Schulung','Notfallplan','Risiko'])[1 + n % 5],
             'Beschreibung ' || n,
             case when n % 13 = 0 then null else m.ids[1 + n % array_length(m.ids, 1)] end,
             case when n % 17 = 0 then null else current_date + ((n % 930) - 200) end,
             s.status, case when s.status = 'done' then now() end, case when s.status = 'done' then m.ids[1] end,
             (array['manual','roadmap','recurring'])[1 + n % 3], m.ids[1], now() - interval '300 days'
        from generate_series(1, ${TASKS}) n,
             (select array_agg(user_id order by user_id) as ids from memberships where organisation_id = ${organisationId}) m,
             lateral (select (array['open','open','open','in_progress','done','cancelled'])[1 + n % 6] as status) s`);
    await t.ctx.db.execute(sql`
      insert into task_links (organisation_id, task_id, kind, target_id)
      select organisation_id, id, 'requirement', (array['KBV-A1-25','KBV-A1-10','BSIG-30-2-03','BSIG-30-2-01'])[1 + (hashtext(id::text) & 3)]
        from tasks where organisation_id = ${organisationId} and hashtext(id::text) % 3 = 0`);
    await t.ctx.db.execute(sql`
      insert into task_comments (organisation_id, id, task_id, author_user_id, body)
      select organisation_id, gen_random_uuid(), id, created_by, 'Zwischenstand' from tasks
       where organisation_id = ${organisationId} and hashtext(id::text) % 10 = 0`);
    await t.ctx.db.execute(sql`analyze`);
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const organisation = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}/api/v1/organisations/${organisationId}`;
    const base = `${organisation}/tasks`;
    const baseline = Fastify();
    baseline.get('/select1', async () => {
      await t.ctx.db.execute(sql`select 1`);
      return { ok: true };
    });
    await baseline.listen({ port: 0, host: '127.0.0.1' });
    const baselineUrl = `http://127.0.0.1:${(baseline.server.address() as { port: number }).port}/select1`;
    const init = { headers: { cookie: agent.cookie } };
    const options = { requests: 400, concurrency: 1, warmup: 30, maxMs: 8000 };

    const firstPage = (await (await fetch(`${base}?limit=50`, init)).json()) as { nextCursor: string; total: number };
    const all = (await (await fetch(`${base}?limit=1&sort=title`, init)).json()) as { total: number };
    const counted = await t.ctx.db.execute(sql`select count(*)::int as n from tasks where organisation_id = ${organisationId}`);
    const stored = Number((counted as unknown as { rows: { n: number }[] }).rows[0]!.n);
    if (stored !== TASKS || all.total !== TASKS) throw new Error(`expected ${TASKS} tasks, stored ${stored}, the list says ${all.total}`);
    const week = isoWeekOf(practiceDay(new Date(Date.now() + 14 * 86_400_000)));

    const select1 = await measure(baselineUrl, {}, options);
    const floor = await measure(organisation, init, options);
    const cases: [string, string][] = [
      ['first page by due day', `${base}?limit=50`],
      ['page 2 (cursor)', `${base}?limit=50&cursor=${encodeURIComponent(firstPage.nextCursor)}`],
      ['mine, open or in progress', `${base}?limit=50&mine=true&status=active`],
      ['overdue', `${base}?limit=50&overdue=true`],
      [`one week (${week})`, `${base}?limit=50&week=${week}`],
      ['linked to KBV-A1-25', `${base}?limit=50&linkKind=requirement&linkTargetId=KBV-A1-25`],
      ['search "firewall", by title', `${base}?limit=50&q=firewall&sort=title`],
      ['board, 6 weeks × 30', `${base}/board`],
      ['summary (filter counts)', `${base}/summary`],
    ];
    const rows: [string, Figures][] = [];
    for (const [label, url] of cases) rows.push([label, await measure(url, init, options)]);
    await baseline.close();

    console.log(`\n${engine}: ${TASKS} tasks of ${MEMBERS} members (seeded in ${seedSeconds.toFixed(1)} s)`);
    console.log(formatFigures('baseline: Fastify + select 1', select1));
    console.log(
      `${formatFigures('floor: read the organisation', floor)}  p95 ${(floor.p95 / select1.p95).toFixed(1)}× baseline (session, membership, tenant transaction; no target)`,
    );
    for (const [label, figures] of rows) {
      console.log(
        `${formatFigures(label, figures)}  p95 ${(figures.p95 / select1.p95).toFixed(1)}× baseline, ${((figures.perSecond / select1.perSecond) * 100).toFixed(0)} % of its req/s (${((figures.perSecond / floor.perSecond) * 100).toFixed(0)} % of the floor's); ${figures.p95 <= TARGET_P95_MS ? 'within' : 'OVER'} the target (p95 ≤ ${TARGET_P95_MS} ms)`,
      );
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
console.log(`\ntask bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
