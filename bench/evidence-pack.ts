// `npm run bench` (part): the evidence pack of an organisation with 2 000 evidence files of 20–200 KB (issue 12). The
// pack is downloaded over HTTP by a separate process, as a browser would (bytes/s of the download), and the same
// files are copied on disk (fs.cp of a folder holding them) in the same run. Target: the download at least 50 % of
// the copy's speed. Beside it, how long the server's event loop was held at a time while the pack was written (Node's
// event-loop delay): what any other request waits at worst. The pack reads the database in short transactions and
// yields after each batch, so other requests should wait about one batch (decision 035).

import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows } from '../server/db/connect.ts';
import { eachEngine, runFirstSetup, startTestApp, type TestApp } from '../server/test/test-app.ts';

export const FILES = 2_000;
const MIN_BYTES = 20 * 1024;
const MAX_BYTES = 200 * 1024;
const TARGET_RATIO = 0.5;
/** Rounds of copy and download; the best of each counts (the machine is shared, a slow round says little). */
const ROUNDS = 2;

/** Evidence of realistic sizes spread over the catalog, inserted directly; the same bytes written into `folder`. */
async function seed(t: TestApp, organisationId: string, folder: string): Promise<number> {
  const statuses = await queryRows<{ id: string; requirement_id: string }>(
    t.ctx.db,
    sql`insert into requirement_statuses (organisation_id, id, requirement_id, status)
        select ${organisationId}::uuid, gen_random_uuid(), id, 'implemented' from catalog_requirements returning id, requirement_id`,
  );
  let total = 0;
  for (let i = 0; i < FILES; i += 20) {
    const rows = [];
    for (let k = i; k < Math.min(FILES, i + 20); k++) {
      const size = MIN_BYTES + Math.floor(Math.random() * (MAX_BYTES - MIN_BYTES));
      const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(size - 9)]);
      const status = statuses[k % statuses.length]!;
      total += size;
      mkdirSync(path.join(folder, status.requirement_id), { recursive: true });
      writeFileSync(path.join(folder, status.requirement_id, `nachweis-${k}.pdf`), content);
      const sha256 = createHash('sha256').update(content).digest('hex');
      // Base64 text: PGlite takes it far faster than a bytea parameter.
      rows.push(
        sql`(${organisationId}::uuid, ${randomUUID()}::uuid, ${status.id}::uuid, ${`nachweis-${k}.pdf`}, 'application/pdf', ${size}, ${sha256}, decode(${content.toString('base64')}, 'base64'))`,
      );
    }
    await t.ctx.db.execute(
      sql`insert into evidence_files (organisation_id, id, requirement_status_id, file_name, media_type, size_bytes, sha256, content) values ${sql.join(rows, sql`, `)}`,
    );
  }
  await t.ctx.db.execute(sql`update requirement_statuses s
    set evidence_count = (select count(*) from evidence_files e where e.organisation_id = s.organisation_id and e.requirement_status_id = s.id)
    where s.organisation_id = ${organisationId}`);
  await t.ctx.db.execute(sql`analyze`);
  return total;
}

/** Downloads `url` in a child process (as a browser would, on its own core), discarding the bytes. */
function downloadElsewhere(url: string, cookie: string): Promise<{ bytes: number; seconds: number; status: number }> {
  const script = `
    const http = require('node:http');
    const started = process.hrtime.bigint();
    http.get(process.argv[1], { headers: { cookie: process.argv[2] } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => { bytes += chunk.length; });
      res.on('end', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        process.stdout.write(JSON.stringify({ bytes, seconds, status: res.statusCode }));
      });
    }).on('error', (error) => { console.error(error); process.exit(1); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, url, cookie], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`download process exited with ${code}`))));
  });
}

/**
 * Watches the event loop while `work` runs: a 10 ms interval whose late firings are the time the loop was held, i.e.
 * how long any other request had to wait at that moment.
 */
async function loopHeldDuring<T>(work: Promise<T>): Promise<{ result: T; held: number[] }> {
  const held: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    held.push(Math.max(0, now - last - 10));
    last = now;
  }, 10);
  try {
    return { result: await work, held: held.sort((a, b) => a - b) };
  } finally {
    clearInterval(timer);
  }
}

const mbPerSecond = (bytes: number, seconds: number) => bytes / 1e6 / seconds;

async function benchEngine(engine: 'pglite' | 'postgres') {
  const t = await startTestApp(engine);
  const work = mkdtempSync(path.join(tmpdir(), 'praxisschild-pack-bench-'));
  try {
    const { agent, organisationId } = await runFirstSetup(t.app);
    const source = path.join(work, 'source');
    const seedStarted = performance.now();
    const total = await seed(t, organisationId, source);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${origin}/api/v1/organisations/${organisationId}/evidence-pack`;

    const copies: number[] = [];
    const downloads: { bytes: number; seconds: number }[] = [];
    let held: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const target = path.join(work, `copy-${round}`);
      const copyStarted = performance.now();
      await cp(source, target, { recursive: true });
      copies.push((performance.now() - copyStarted) / 1000);
      rmSync(target, { recursive: true, force: true });
      const { result, held: waits } = await loopHeldDuring(downloadElsewhere(url, agent.cookie));
      held = held.concat(waits).sort((a, b) => a - b);
      if (result.status !== 200) throw new Error(`the evidence pack answered ${result.status}`);
      downloads.push(result);
    }
    const copySeconds = Math.min(...copies);
    const best = downloads.reduce((a, b) => (b.bytes / b.seconds > a.bytes / a.seconds ? b : a));
    const copySpeed = mbPerSecond(total, copySeconds);
    const packSpeed = mbPerSecond(best.bytes, best.seconds);
    const ratio = packSpeed / copySpeed;
    const at = (p: number) => (held[Math.min(held.length - 1, Math.ceil(held.length * p) - 1)] ?? 0).toFixed(0);
    const long = held.filter((ms) => ms >= 100).length;
    console.log(`\n${engine}: ${FILES} evidence files, ${(total / 1e6).toFixed(1)} MB (seeded in ${seedSeconds.toFixed(1)} s)`);
    console.log(`disk copy (fs.cp of the folder)    ${copySpeed.toFixed(0).padStart(5)} MB/s  (${copies.map((s) => s.toFixed(2)).join(' s, ')} s)`);
    console.log(
      `evidence pack over HTTP            ${packSpeed.toFixed(0).padStart(5)} MB/s  (${downloads.map((d) => d.seconds.toFixed(2)).join(' s, ')} s for ${(best.bytes / 1e6).toFixed(1)} MB)`,
    );
    console.log(`ratio ${(ratio * 100).toFixed(0)} % of the disk copy: ${ratio >= TARGET_RATIO ? 'meets' : 'BELOW'} the ${TARGET_RATIO * 100} % target`);
    console.log(
      `event loop held while packing      p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms, ${long} times ≥ 100 ms (the wait of any other request; no target)`,
    );
  } finally {
    await t.close();
    rmSync(work, { recursive: true, force: true });
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
console.log(`\nevidence-pack bench took ${((performance.now() - started) / 1000).toFixed(0)} s`);
