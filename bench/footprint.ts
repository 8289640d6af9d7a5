// `npm run bench:footprint`: memory and start-up of the embedded default (PGlite, `praxisschild start`).
// Starts the app on a fresh DATA_DIR, does the first-run setup through the HTTP API (organisation, administrator,
// QR code, confirmed TOTP enrolment, the dashboard once), idles 20 s and reads the resident set; then stops it,
// starts it again on the same folder and measures once more. Budget (../shared/DESIGN.md): ≤ 300 MB, ready ≤ 3 s.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';

// A plain-JS build script without type declarations; what the bench needs of it is this one function.
const buildScript: string = '../scripts/ensure-client.mjs';
const { serverBundleIsFresh } = (await import(buildScript)) as { serverBundleIsFresh: () => boolean };

const RSS_BUDGET_MB = 300;
const READY_BUDGET_MS = 3000;
const IDLE_MS = Number(process.env.FOOTPRINT_IDLE_MS ?? 20_000);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resident set and its peak in MB, from the kernel's view of the process. */
function memory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

interface Running {
  child: ChildProcess;
  readyMs: number;
  base: string;
  output: () => string;
}

/**
 * What `npm start` runs after its build step (`node [flags] bin/praxisschild.mjs start`), taken from package.json so
 * that the bench measures the same flags; the pid is the app itself, not npm.
 */
function startCommand(): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [node, ...args] = scripts.start.split('&&').at(-1)!.trim().split(/\s+/);
  if (node !== 'node') throw new Error(`npm start does not end with a node command: ${scripts.start}`);
  return args;
}

async function start(dataDir: string): Promise<Running> {
  const port = await freePort();
  const began = performance.now();
  const child = spawn(process.execPath, startCommand(), {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += chunk));
  child.stderr?.on('data', (chunk) => (log += chunk));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${log}`);
    if (performance.now() - began > 60_000) throw new Error(`the app did not answer within 60 s:\n${log}`);
    const ok = await fetch(`${base}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, readyMs: Math.round(performance.now() - began), base, output: () => log };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function stop(running: Running): Promise<void> {
  const exited = new Promise((resolve) => running.child.once('exit', resolve));
  running.child.kill('SIGTERM');
  await exited;
}

/** First-run setup as the browser does it: setup, QR code, first code, then the dashboard once. */
async function firstRunSetup(base: string): Promise<void> {
  const setup = await fetch(`${base}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      organisation: { name: 'Hausarztpraxis Dr. Beispiel', legalForm: 'einzelpraxis', locations: [{ name: 'Praxis Mitte', city: 'Köln' }] },
      admin: { name: 'Anna Admin', email: 'anna@praxis-beispiel.de', password: 'ein-langes-passwort-2025' },
      locale: 'de',
    }),
  });
  if (setup.status !== 201) throw new Error(`setup answered ${setup.status}: ${await setup.text()}`);
  const cookie = setup.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { enrolment } = (await setup.json()) as { enrolment: { secret: string; qrCodeDataUrl: string } };
  if (!enrolment.qrCodeDataUrl.startsWith('data:image/png')) throw new Error('setup returned no QR code');
  const session = (await (await fetch(`${base}/api/v1/auth/session`, { headers: { cookie } })).json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' };
  const code = await generate({ secret: enrolment.secret });
  const confirm = await fetch(`${base}/api/v1/auth/enrolment/confirm`, { method: 'POST', headers, body: JSON.stringify({ code }) });
  if (!confirm.ok) throw new Error(`enrolment confirm answered ${confirm.status}: ${await confirm.text()}`);
  const me = (await (await fetch(`${base}/api/v1/auth/session`, { headers: { cookie } })).json()) as { currentOrganisationId: string };
  const dashboard = await fetch(`${base}/api/v1/organisations/${me.currentOrganisationId}/dashboard`, { headers: { cookie } });
  if (!dashboard.ok) throw new Error(`dashboard answered ${dashboard.status}`);
  await dashboard.arrayBuffer();
  await checkClientServing(base);
}

/** The browser app as the page loads it: every script and style compressed (brotli), no source maps. */
async function checkClientServing(base: string): Promise<void> {
  const page = await (await fetch(`${base}/`)).text();
  const assets = [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  if (assets.length === 0) throw new Error('index.html names no assets');
  let sent = 0;
  let plain = 0;
  for (const asset of assets) {
    // fetch() decodes the body; content-length is what travelled.
    const compressed = await fetch(`${base}${asset}`, { headers: { 'accept-encoding': 'br' } });
    const body = await compressed.text();
    // The build leaves files under 1 kB as they are (vite.config.ts).
    if (compressed.headers.get('content-encoding') !== 'br' && Buffer.byteLength(body) >= 1024) {
      throw new Error(`${asset} was not sent brotli-compressed`);
    }
    sent += Number(compressed.headers.get('content-length'));
    plain += Buffer.byteLength(body);
    if (/sourceMappingURL/.test(body)) throw new Error(`${asset} points to a source map`);
    const map = await fetch(`${base}${asset}.map`);
    if (map.status !== 404) throw new Error(`${asset}.map answered ${map.status}, not 404`);
  }
  process.stdout.write(
    `client: ${assets.length} files of index.html, ${Math.round(plain / 1024)} kB sent as ${Math.round(sent / 1024)} kB brotli, no source maps\n`,
  );
}

const idle = () => new Promise((resolve) => setTimeout(resolve, IDLE_MS));

interface Row {
  run: string;
  readyMs: number;
  rssMb: number;
  peakMb: number;
}

// The build step of `npm start` (browser app, precompiled server, database template) is not part of the start.
const built = spawnSync(process.execPath, [path.join(root, 'scripts/ensure-client.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) throw new Error('the build step of npm start failed');

const dataDir = mkdtempSync(path.join(tmpdir(), 'praxisschild-footprint-'));
const rows: Row[] = [];
try {
  const first = await start(dataDir);
  const atReady = memory(first.child.pid!).rssMb;
  await firstRunSetup(first.base);
  const afterSetup = memory(first.child.pid!).rssMb;
  await idle();
  rows.push({ run: 'first start + setup', readyMs: first.readyMs, ...memory(first.child.pid!) });
  process.stdout.write(`first start: ready after ${first.readyMs} ms at ${atReady} MB, ${afterSetup} MB after the setup\n`);
  await stop(first);

  const second = await start(dataDir);
  process.stdout.write(`later start: ready after ${second.readyMs} ms at ${memory(second.child.pid!).rssMb} MB\n`);
  await idle();
  rows.push({ run: 'later start', readyMs: second.readyMs, ...memory(second.child.pid!) });
  await stop(second);
  if (!serverBundleIsFresh()) process.stdout.write('note: the sources changed during the run, so a start may have used tsx instead of dist/server\n');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

process.stdout.write(`\nEmbedded default (PGlite) after ${IDLE_MS / 1000} s idle — budget RSS ≤ ${RSS_BUDGET_MB} MB, ready ≤ ${READY_BUDGET_MS} ms\n`);
process.stdout.write('run                    ready ms   RSS MB   peak MB   within budget\n');
let allWithin = true;
for (const row of rows) {
  const within = row.rssMb <= RSS_BUDGET_MB && row.readyMs <= READY_BUDGET_MS;
  allWithin &&= within;
  process.stdout.write(
    `${row.run.padEnd(22)} ${String(row.readyMs).padStart(8)} ${String(row.rssMb).padStart(8)} ${String(row.peakMb).padStart(9)}   ${within ? 'yes' : 'NO'}\n`,
  );
}
process.exitCode = allWithin ? 0 : 1;
