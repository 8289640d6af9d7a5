#!/usr/bin/env node
// `npm test`: type check, unit tests, API tests (PGlite, and PostgreSQL when reachable), client build, browser tests.
// Ends with one line "Tests: N passed, N failed, N skipped" summing every stage.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const reports = path.join(root, '.tmp', 'test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedStage = null;

function run(label, args) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const result = spawnSync(npx, args, { cwd: root, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function vitest(project) {
  const file = path.join(reports, `${project}.json`);
  const ok = run(`${project} tests`, ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]);
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

const stages = [
  ['typecheck', () => run('type check', ['tsc', '-p', 'tsconfig.json', '--noEmit'])],
  ['unit', () => vitest('unit')],
  ['api', () => vitest('api')],
  ['build', () => run('client build', ['vite', 'build'])],
  ['e2e', () => vitest('e2e')],
];
for (const [name, stage] of stages) {
  if (!stage()) {
    failedStage ??= name;
    if (name === 'typecheck' || name === 'build') break;
  }
}

process.stdout.write(`\n${failedStage ? `Failed stage: ${failedStage}` : 'All stages passed'}\n`);
process.stdout.write(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failedStage ? 1 : 0);
