// `npm run bench`: the dashboard and the catalog of a large organisation (all requirements, 10 locations, 2 000
// evidence files) against a bare Fastify route doing `select 1` on the same engine, measured in the same run.
// Target (issue "What applies to us"): p95 ≤ 25 ms on this machine.
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { eachEngine, startTestApp } from '../server/test/test-app.ts';
import { EVIDENCE_FILES, LOCATIONS, seedLargeOrganisation } from './seed.ts';
import { formatFigures, measure } from './measure.ts';

const TARGET_P95_MS = 25;

async function benchEngine(engine: 'pglite' | 'postgres') {
  const t = await startTestApp(engine);
  try {
    const { agent, organisationId } = await seedLargeOrganisation(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    const baseline = Fastify();
    baseline.get('/select1', async () => {
      await t.ctx.db.execute(sql`select 1`);
      return { ok: true };
    });
    await baseline.listen({ port: 0, host: '127.0.0.1' });
    const baselineUrl = `http://127.0.0.1:${(baseline.server.address() as { port: number }).port}/select1`;
    const headers = { cookie: agent.cookie };
    // One request at a time: the figure is the answer time a person sees. The embedded database serves one query at a
    // time anyway, so concurrent requests there measure queueing, not the route.
    const options = { requests: 500, concurrency: 1, warmup: 50 };

    const select1 = await measure(baselineUrl, {}, options);
    const dashboard = await measure(`${base}/api/v1/organisations/${organisationId}/dashboard`, { headers }, options);
    const catalog = await measure(`${base}/api/v1/organisations/${organisationId}/catalog`, { headers }, options);
    await baseline.close();

    console.log(`\n${engine}: ${LOCATIONS} locations, ${EVIDENCE_FILES} evidence files, 102 requirements`);
    console.log(formatFigures('baseline: Fastify + select 1', select1));
    for (const [label, figures] of [['dashboard', dashboard], ['catalog', catalog]] as const) {
      const verdict = figures.p95 <= TARGET_P95_MS ? 'within' : 'OVER';
      console.log(`${formatFigures(label, figures)}  p95 ratio to baseline ${(figures.p95 / select1.p95).toFixed(1)}×, ${verdict} the ${TARGET_P95_MS} ms target`);
    }
  } finally {
    await t.close();
  }
}

for (const { engine, skipReason } of await eachEngine()) {
  if (skipReason) {
    console.log(`\n${engine}: skipped (${skipReason})`);
    continue;
  }
  await benchEngine(engine);
}
