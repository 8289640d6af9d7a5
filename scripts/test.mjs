#!/usr/bin/env node
// `npm test`: type check, lint and format check, import directions, unit tests, the build `npm start` does (browser app,
// server bundle, empty embedded database), API tests (PGlite, and PostgreSQL when reachable), browser tests. Prints each stage's duration, then a table of all stages, and ends with one
// line "Tests: N passed, N failed, N skipped" summing every stage.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const reports = path.join(root, '.tmp', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const windows = process.platform === 'win32';
const npx = windows ? 'npx.cmd' : 'npx';
const npm = windows ? 'npm.cmd' : 'npm';
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, command, args) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

/** A script from package.json, so that `npm run lint` and `npm test` check the same thing. */
const script = (label, name) => run(label, npm, ['run', '--silent', name]);

function vitest(project) {
  const file = path.join(reports, `${project}.json`);
  const ok = run(`${project} tests`, npx, ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    if (report.numTotalTests === 0) {
      process.stdout.write(`${project}: no tests ran\n`);
      return false;
    }
  } catch {
    process.stdout.write(`${project}: no test report written\n`);
    return false;
  }
  return ok;
}

// A stage marked `stops` ends the run when it fails: nothing after it can be trusted or run.
const stages = [
  { name: 'typecheck', stops: true, run: () => run('type check', npx, ['tsc', '-p', 'tsconfig.json', '--noEmit']) },
  { name: 'lint', run: () => script('lint and format check (Biome)', 'lint') },
  { name: 'boundaries', run: () => script('import directions (dependency-cruiser)', 'boundaries') },
  { name: 'unit', run: () => vitest('unit') },
  // Before the API and browser tests: the command line tests and every browser test's server then start from the server
  // bundle and the migrated template database (about 2 s) instead of tsx and a fresh migration (about 10 s).
  { name: 'build', stops: true, run: () => run('build (browser app, server bundle, template database)', process.execPath, ['scripts/ensure-client.mjs']) },
  { name: 'api', run: () => vitest('api') },
  { name: 'e2e', run: () => vitest('e2e') },
];

const seconds = (ms) => (ms / 1000).toFixed(1);
const results = [];
for (const stage of stages) {
  const started = performance.now();
  const ok = stage.run();
  const ms = performance.now() - started;
  results.push({ name: stage.name, result: ok ? 'passed' : 'failed', ms });
  process.stdout.write(`--- ${stage.name} ${ok ? 'passed' : 'FAILED'} in ${seconds(ms)} s ---\n`);
  if (!ok && stage.stops) break;
}
for (const stage of stages.slice(results.length)) results.push({ name: stage.name, result: 'not run', ms: null });

const failed = results.filter((r) => r.result === 'failed').map((r) => r.name);
const total = results.reduce((sum, r) => sum + (r.ms ?? 0), 0);
const row = (name, result, time) => `${name.padEnd(12)} ${result.padEnd(8)} ${time.padStart(8)}\n`;
process.stdout.write(`\n${row('Stage', 'Result', 'Seconds')}`);
for (const r of results) process.stdout.write(row(r.name, r.result, r.ms === null ? '–' : seconds(r.ms)));
process.stdout.write(row('total', '', seconds(total)));

process.stdout.write(`\n${failed.length > 0 ? `Failed stages: ${failed.join(', ')}` : 'All stages passed'}\n`);
process.stdout.write(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failed.length > 0 ? 1 : 0);
