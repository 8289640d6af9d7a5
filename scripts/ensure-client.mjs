#!/usr/bin/env node
// Part of `npm start`: builds the browser app when dist/client is missing or older than its sources,
// so a fresh clone needs nothing but `npm ci && npm start`, and a restart does not rebuild.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/client/index.html');

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const sources = ['client', 'domain', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => path.join(root, p));
const sourceTime = Math.max(...sources.map(newestMtime));
if (existsSync(built) && statSync(built).mtimeMs >= sourceTime) process.exit(0);

process.stdout.write('Building the browser app (once after install or update) …\n');
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
