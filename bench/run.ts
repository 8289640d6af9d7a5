// `npm run bench`: the dashboard and the catalog of an organisation with 10 locations (all requirements, 2 000 evidence
// files) and of one at the location cap (300 locations, about 20 000 status entries), against a bare Fastify route doing
// `select 1` on the same engine, measured in the same run. Then `/api/v1/health` and the 10-location organisation's
// dashboard alone and while four dashboards of the 300-location organisation run in a loop: a large organisation must
// not stall the others. Each measurement is bounded in time, so the whole run stays within about three minutes.
// Targets: p95 ≤ 25 ms at 10 locations, ≤ 100 ms at 300 (decision 011).

import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { eachEngine, startTestApp } from '../server/test/test-app.ts';
import { type Figures, formatFigures, loop, measure, measureAfter } from './measure.ts';
import { EVIDENCE_FILES, LOCATIONS, seedLargeOrganisation, seedManyLocations } from './seed.ts';

const TARGET_P95_MS = { small: 25, large: 100 };
/** Concurrent dashboard requests of the large organisation during the "under load" figures. */
const LOAD = 4;

async function benchEngine(engine: 'pglite' | 'postgres') {
  const t = await startTestApp(engine);
  try {
    const seedStarted = performance.now();
    const small = await seedLargeOrganisation(t);
    const large = await seedManyLocations(t);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    const baseline = Fastify();
    baseline.get('/select1', async () => {
      await t.ctx.db.execute(sql`select 1`);
      return { ok: true };
    });
    await baseline.listen({ port: 0, host: '127.0.0.1' });
    const baselineUrl = `http://127.0.0.1:${(baseline.server.address() as { port: number }).port}/select1`;
    const smallInit = { headers: { cookie: small.agent.cookie } };
    const largeInit = { headers: { cookie: large.agent.cookie } };
    const url = (organisationId: string, what: string) => `${base}/api/v1/organisations/${organisationId}/${what}`;
    // One request at a time: the figure is the answer time a person sees. The embedded database serves one query at a
    // time anyway, so concurrent requests there measure queueing, not the route.
    const options = { requests: 400, concurrency: 1, warmup: 30, maxMs: 8000 };

    const select1 = await measure(baselineUrl, {}, options);
    const rows: [string, Figures, number | null][] = [];
    rows.push([`dashboard, ${LOCATIONS} locations`, await measure(url(small.organisationId, 'dashboard'), smallInit, options), TARGET_P95_MS.small]);
    rows.push([`catalog, ${LOCATIONS} locations`, await measure(url(small.organisationId, 'catalog'), smallInit, options), TARGET_P95_MS.small]);
    rows.push([`dashboard, ${large.locations} locations`, await measure(url(large.organisationId, 'dashboard'), largeInit, options), TARGET_P95_MS.large]);
    rows.push([`catalog, ${large.locations} locations`, await measure(url(large.organisationId, 'catalog'), largeInit, options), TARGET_P95_MS.large]);
    const healthAlone = await measure(`${base}/api/v1/health`, {}, options);

    const load = loop(url(large.organisationId, 'dashboard'), largeInit, LOAD);
    const loadStarted = performance.now();
    const healthLoaded = await measure(`${base}/api/v1/health`, {}, { ...options, warmup: 5 });
    const otherLoaded = await measure(url(small.organisationId, 'dashboard'), smallInit, { ...options, warmup: 5 });
    const loadRequests = await load.stop();
    const loadPerSecond = loadRequests / ((performance.now() - loadStarted) / 1000);

    // The worst case for kept answers (decision 015): every dashboard request follows a write, so each is counted
    // afresh; and four such writers at once while /health is asked.
    let turn = 0;
    const write = async () => {
      const res = await fetch(url(large.organisationId, 'requirements/KBV-A1-01/status'), {
        method: 'PUT',
        headers: { cookie: large.agent.cookie, 'x-csrf-token': large.agent.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ status: turn++ % 2 ? 'implemented' : 'in_progress' }),
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`status write answered ${res.status}`);
    };
    const afterWrite = await measureAfter(url(large.organisationId, 'dashboard'), largeInit, write, { requests: 100, warmup: 5, maxMs: 15000 });
    const writers = loop(url(large.organisationId, 'dashboard'), largeInit, LOAD, write);
    const writersStarted = performance.now();
    const healthWriters = await measure(`${base}/api/v1/health`, {}, { ...options, warmup: 5 });
    const writerRequests = await writers.stop();
    const writersPerSecond = writerRequests / ((performance.now() - writersStarted) / 1000);
    await baseline.close();

    console.log(
      `\n${engine}: ${LOCATIONS} locations and ${EVIDENCE_FILES} evidence files; ${large.locations} locations and ${large.statusEntries} status entries; 102 requirements (seeded in ${seedSeconds.toFixed(1)} s)`,
    );
    console.log(formatFigures('baseline: Fastify + select 1', select1));
    for (const [label, figures, target] of rows) {
      const verdict = target === null ? '' : `, ${figures.p95 <= target ? 'within' : 'OVER'} the ${target} ms target`;
      console.log(`${formatFigures(label, figures)}  p95 ratio to baseline ${(figures.p95 / select1.p95).toFixed(1)}×${verdict}`);
    }
    console.log(formatFigures('/health alone', healthAlone));
    const underLoad = `while ${LOAD} dashboards of ${large.locations} locations run (${loadPerSecond.toFixed(0)} req/s)`;
    console.log(`${formatFigures('/health under load', healthLoaded)}  p95 ${(healthLoaded.p95 / healthAlone.p95).toFixed(1)}× alone, ${underLoad}`);
    console.log(
      `${formatFigures(`dashboard, ${large.locations} loc., after a write`, afterWrite)}  p95 ratio to baseline ${(afterWrite.p95 / select1.p95).toFixed(1)}× (counted afresh each time; no target)`,
    );
    console.log(
      `${formatFigures('/health while writes+dashboards', healthWriters)}  p95 ${(healthWriters.p95 / healthAlone.p95).toFixed(1)}× alone, while ${LOAD} clients write and read the dashboard in turn (${writersPerSecond.toFixed(0)} dashboards/s; no target)`,
    );
    const otherAlone = rows[0]![1];
    console.log(
      `${formatFigures(`other org's dashboard under load`, otherLoaded)}  p95 ${(otherLoaded.p95 / otherAlone.p95).toFixed(1)}× alone, ${otherLoaded.p95 <= TARGET_P95_MS.large ? 'within' : 'OVER'} ${TARGET_P95_MS.large} ms`,
    );
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
console.log(`\nbench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
