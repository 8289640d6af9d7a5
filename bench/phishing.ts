// `npm run bench` (part): the phishing simulation at 10 000 recipients (issue 13, item 5), per engine.
// 1. Sending: a campaign to 10 000 people of the register is started and its job sends into a local `smtp-server`
//    sink running as its own process (as a mail server would); measured from the job's start to the last mail the
//    sink accepted. Target: ≥ 200 mails/s. The sink also counts distinct recipients: each exactly once.
// 2. Tracking: the open pixel and the tracked link, requested by a separate load process with keep-alive
//    connections, round the 10 000 valid tokens (the per-token limit is 30 a minute: a burst at 08:00 is many people
//    once each, not one person many times), against a bare `node:http` server answering the same pixel, measured in
//    the same run by the same load process, in two rounds of all three; the best of each counts. Target: ≥ 50 % of
//    its requests per second. Beside it, `/api/v1/health`
//    p95 alone and during the burst (the rest of the app must stay responsive; no fixed target), and a check that
//    the queue wrote every open it was told of.
// 3. The report: p95 of the campaign's report (and of the campaign with its delivery counts) while it runs, and after
//    the close. Target: p95 ≤ 50 ms. Compared with a bare Fastify route doing `select 1` on the same engine.

import { type ChildProcess, fork, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { phishingTemplates } from '../domain/phishing/templates.data.ts';
import { queryRows } from '../server/db/connect.ts';
import { runDueJobs } from '../server/modules/jobs/jobs.ts';
import { trackingToken } from '../server/modules/phishing/phishing.tokens.ts';
import { eachEngine, runFirstSetup, startTestApp } from '../server/test/test-app.ts';
import { type Figures, formatFigures, measure } from './measure.ts';

export const RECIPIENTS = 10_000;
const LOCATIONS = 12;
const TARGET_MAILS_PER_SECOND = 200;
const TARGET_TRACKING_RATIO = 0.5;
const TARGET_REPORT_P95_MS = 50;
/** Longest the sending may take before the bench gives up on it (50 s is the target's time). */
const SEND_BOUND_MS = 240_000;
const LOAD = { concurrency: 32, durationMs: 4000, warmupMs: 500 };
const TRACKING_ROUNDS = 2;

const here = path.dirname(fileURLToPath(import.meta.url));
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

interface SinkStats {
  received: number;
  distinctRecipients: number;
  lastAcceptedAt: number;
  firstMailHasTrackedLink: boolean;
}

/** The SMTP sink in its own process; `stats()` asks it what it received. */
async function startSinkProcess() {
  const child: ChildProcess = fork(path.join(here, 'smtp-sink-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waitFor = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (m) => resolve(m as T));
      child.once('exit', (code) => reject(new Error(`the SMTP sink exited with ${code}`)));
    });
  const { url } = await waitFor<{ url: string }>();
  return {
    url,
    stats: () => {
      const answer = waitFor<SinkStats>();
      child.send('stats');
      return answer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('close');
      }),
  };
}

interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  /** Requests issued, warm-up included: round the tokens, so min(sent, tokens) tokens were reached. */
  sent: number;
}

/** A burst from a separate process (bench/http-load.ts) against 127.0.0.1:`port`, round the given paths. */
function burst(port: number, paths: string[]): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'http-load.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`the load process exited with ${code}`))));
    child.stdin.end(JSON.stringify({ port, paths, ...LOAD }));
  });
}

const formatLoad = (label: string, r: LoadResult) =>
  `${label.padEnd(34)} p50 ${r.p50.toFixed(2).padStart(7)} ms  p95 ${r.p95.toFixed(2).padStart(7)} ms  p99 ${r.p99.toFixed(2).padStart(7)} ms  ${r.perSecond.toFixed(0).padStart(6)} req/s  (${Object.entries(
    r.statuses,
  )
    .map(([status, n]) => `${n} × ${status}`)
    .join(', ')})`;

async function benchEngine(engine: 'pglite' | 'postgres') {
  const sink = await startSinkProcess();
  const t = await startTestApp(engine, { config: { smtpUrl: sink.url } });
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/gif', 'cache-control': 'no-store, private', 'content-length': PIXEL.length });
    res.end(PIXEL);
  });
  const baseline = Fastify();
  try {
    const { agent, organisationId } = await runFirstSetup(t.app);
    const org = (p: string) => `/api/v1/organisations/${organisationId}${p}`;
    const seedStarted = performance.now();
    await t.ctx.db.execute(sql`
      insert into locations (organisation_id, id, name)
      select ${organisationId}::uuid, gen_random_uuid(), 'Standort ' || n from generate_series(3, ${LOCATIONS}) n`);
    // The register: 10 000 active people with an address, over the locations (a few without) and the roles.
    await t.ctx.db.execute(sql`
      insert into people (organisation_id, id, name, role, location_id, email)
      select ${organisationId}::uuid, gen_random_uuid(), 'Mitarbeiterin ' || n,
             (array['physician','medical_assistant','nurse','administration','management'])[1 + n % 5],
             case when n % 50 = 0 then null else l.ids[1 + n % array_length(l.ids, 1)] end,
             'person' || n || '@praxis.example'
        from generate_series(1, ${RECIPIENTS}) n,
             (select array_agg(id order by id) as ids from locations where organisation_id = ${organisationId}) l`);
    await t.ctx.db.execute(sql`analyze`);
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    // ---- 1. sending ----
    const template = phishingTemplates.find((x) => x.id === 'parcel-notice') ?? phishingTemplates[0]!;
    const draft = (
      await agent.request('POST', org('/phishing/campaigns'), {
        name: 'Paket-Übung',
        templateId: template.id,
        locale: 'de',
        subject: template.de.subject,
        senderName: template.de.senderName,
        senderAddress: template.de.senderAddress,
        bodyHtml: template.de.bodyHtml,
        bodyText: template.de.bodyText,
        audience: { kind: 'all' },
        groupBy: 'location',
      })
    ).json() as { id: string; revision: number };
    if (!draft.id) throw new Error(`the campaign was not created: ${JSON.stringify(draft)}`);
    const campaign = (p = '') => org(`/phishing/campaigns/${draft.id}${p}`);
    const startCall = performance.now();
    const scheduled = await agent.request('POST', campaign('/schedule'), { revision: draft.revision });
    if (scheduled.statusCode !== 200) throw new Error(`the campaign did not start: ${scheduled.statusCode} ${scheduled.body}`);
    const startSeconds = (performance.now() - startCall) / 1000;

    const sendStarted = Date.now();
    let status = '';
    while (Date.now() - sendStarted < SEND_BOUND_MS) {
      await runDueJobs(t.ctx, new Date(Date.now() + 1000));
      status = (await agent.request('GET', campaign())).json().status;
      if (status !== 'scheduled' && status !== 'sending') break;
    }
    const sinkStats = await sink.stats();
    const sendSeconds = (sinkStats.lastAcceptedAt - sendStarted) / 1000;
    const mailsPerSecond = sinkStats.received / sendSeconds;
    if (!sinkStats.firstMailHasTrackedLink) throw new Error('the mails the sink received carry no tracked link');

    // ---- 2. tracking ----
    const ids = await queryRows<{ id: string }>(t.ctx.db, sql`select id from phishing_recipients where campaign_id = ${draft.id} order by id`);
    const tokens = ids.map((r) => trackingToken(t.ctx.config.secretKey, r.id));
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const barePort = (bare.address() as { port: number }).port;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const appPort = (t.app.server.address() as { port: number }).port;
    const origin = `http://127.0.0.1:${appPort}`;
    const health = `${origin}/api/v1/health`;
    const healthOptions = { requests: 300, concurrency: 1, warmup: 20, maxMs: 3000 };

    // Rounds of bare server, pixel, link in turn; the best of each counts (the machine is shared: a round that met
    // another session's load says little, and taking the best of both sides treats them alike).
    const best = (runs: LoadResult[]) => runs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const rounds: { bare: LoadResult; open: LoadResult; click: LoadResult }[] = [];
    for (let round = 0; round < TRACKING_ROUNDS; round++) {
      rounds.push({
        bare: await burst(
          barePort,
          tokens.map((token) => `/pixel/${token}`),
        ),
        open: await burst(
          appPort,
          tokens.map((token) => `/api/v1/phishing/open/${token}`),
        ),
        click: await burst(
          appPort,
          tokens.map((token) => `/api/v1/phishing/click/${token}`),
        ),
      });
    }
    const bareRun = best(rounds.map((r) => r.bare));
    const openRun = best(rounds.map((r) => r.open));
    const clickRun = best(rounds.map((r) => r.click));
    const perRound = (pick: (r: (typeof rounds)[number]) => LoadResult) => rounds.map((r) => pick(r).perSecond.toFixed(0)).join(', ');
    // The rest of the app during a burst: /health alone, then while the load process opens and clicks in turn.
    const healthAlone = await measure(health, {}, healthOptions);
    const mixedLoad = burst(
      appPort,
      tokens.flatMap((token) => [`/api/v1/phishing/open/${token}`, `/api/v1/phishing/click/${token}`]),
    );
    await new Promise((resolve) => setTimeout(resolve, LOAD.warmupMs));
    const healthDuring = await measure(health, {}, healthOptions);
    const mixedRun = await mixedLoad;
    await bare.close();
    // Let the queue write (every 100 ms), then count what it wrote against the tokens the bursts reached.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [written] = await queryRows<{ opened: number; clicked: number }>(
      t.ctx.db,
      sql`select count(opened_at)::int as opened, count(clicked_at)::int as clicked from phishing_recipients where campaign_id = ${draft.id}`,
    );

    // ---- 3. the report ----
    baseline.get('/select1', async () => {
      await t.ctx.db.execute(sql`select 1`);
      return { ok: true };
    });
    await baseline.listen({ port: 0, host: '127.0.0.1' });
    const select1 = await measure(`http://127.0.0.1:${(baseline.server.address() as { port: number }).port}/select1`, {}, healthOptions);
    const init = { headers: { cookie: agent.cookie } };
    const options = { requests: 300, concurrency: 1, warmup: 20, maxMs: 8000 };
    const report = (await (await fetch(`${origin}${campaign('/report')}`, init)).json()) as {
      totals: { recipients: number; clicked: number };
      groups: unknown[];
    };
    const rows: [string, Figures][] = [
      ['report, running', await measure(`${origin}${campaign('/report')}`, init, options)],
      ['campaign with delivery, running', await measure(`${origin}${campaign()}`, init, options)],
    ];
    const closeStarted = performance.now();
    const closed = await agent.request('POST', campaign('/close'), {});
    if (closed.statusCode !== 200) throw new Error(`the close answered ${closed.statusCode} ${closed.body}`);
    const closeSeconds = (performance.now() - closeStarted) / 1000;
    rows.push(['report, closed', await measure(`${origin}${campaign('/report')}`, init, options)]);
    rows.push(['campaign, closed', await measure(`${origin}${campaign()}`, init, options)]);

    console.log(
      `\n${engine}: ${RECIPIENTS} recipients at ${LOCATIONS} locations (seeded in ${seedSeconds.toFixed(1)} s; the start wrote the recipients in ${startSeconds.toFixed(1)} s)`,
    );
    console.log(
      `sending into the SMTP sink          ${mailsPerSecond.toFixed(0).padStart(5)} mails/s  (${sinkStats.received} mails, ${sinkStats.distinctRecipients} distinct recipients, ${sendSeconds.toFixed(1)} s; campaign ${status}): ${mailsPerSecond >= TARGET_MAILS_PER_SECOND && sinkStats.received === RECIPIENTS ? 'meets' : 'BELOW'} the target (≥ ${TARGET_MAILS_PER_SECOND} mails/s)`,
    );
    if (sinkStats.distinctRecipients !== sinkStats.received) console.log('  DUPLICATES: a recipient received more than one mail');
    console.log(
      `${formatLoad('bare node:http, the same pixel', bareRun)}  (rounds: ${perRound((r) => r.bare)} req/s; pixel ${perRound((r) => r.open)}; link ${perRound((r) => r.click)})`,
    );
    for (const [label, run, expected] of [
      ['open pixel', openRun, '200'],
      ['tracked link (click)', clickRun, '302'],
    ] as const) {
      const ratio = run.perSecond / bareRun.perSecond;
      const wrong = run.requests - (run.statuses[expected] ?? 0);
      console.log(
        `${formatLoad(label, run)}  ${(ratio * 100).toFixed(0)} % of bare node:http: ${ratio >= TARGET_TRACKING_RATIO && wrong === 0 ? 'meets' : 'BELOW'} the target (≥ ${TARGET_TRACKING_RATIO * 100} %)${wrong ? `; ${wrong} answers not ${expected}` : ''}`,
      );
    }
    console.log(formatLoad('open and click in turn', mixedRun));
    console.log(formatFigures('/health alone', healthAlone));
    console.log(`${formatFigures('/health during that burst', healthDuring)}  p95 ${(healthDuring.p95 / healthAlone.p95).toFixed(1)}× alone`);
    const reached = {
      opened: Math.min(RECIPIENTS, Math.max(openRun.sent, clickRun.sent, mixedRun.sent / 2)),
      clicked: Math.min(RECIPIENTS, Math.max(clickRun.sent, mixedRun.sent / 2)),
    };
    console.log(
      `written by the queue: ${written!.opened} opened, ${written!.clicked} clicked; the bursts reached ${reached.opened} and ${reached.clicked} tokens: ${written!.opened === reached.opened && written!.clicked === reached.clicked ? 'all written' : 'MISSING events'}`,
    );
    console.log(formatFigures('baseline: Fastify + select 1', select1));
    console.log(
      `report before the close: ${report.totals.recipients} recipients, ${report.totals.clicked} clicked, ${report.groups.length} groups; close took ${closeSeconds.toFixed(2)} s`,
    );
    for (const [label, figures] of rows) {
      console.log(
        `${formatFigures(label, figures)}  p95 ${(figures.p95 / select1.p95).toFixed(1)}× baseline; ${figures.p95 <= TARGET_REPORT_P95_MS ? 'within' : 'OVER'} the target (p95 ≤ ${TARGET_REPORT_P95_MS} ms)`,
      );
    }
  } finally {
    bare.close();
    await baseline.close();
    await t.close();
    await sink.close();
  }
}

const started = performance.now();
// BENCH_ENGINE=pglite (or postgres) runs one engine only, e.g. while profiling.
for (const { engine, skipReason } of (await eachEngine()).filter((e) => !process.env.BENCH_ENGINE || e.engine === process.env.BENCH_ENGINE)) {
  if (skipReason) {
    console.log(`\n${engine}: skipped (${skipReason})`);
    continue;
  }
  await benchEngine(engine);
}
console.log(`\nphishing bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
