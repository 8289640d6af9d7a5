#!/usr/bin/env node
// Part of `npm start`: builds what the app needs and a fresh clone lacks, once after install or update, so that
// `npm ci && npm start` is enough and a restart builds nothing:
// - dist/client: the browser app (vite), with .br/.gz beside each file;
// - dist/server/praxisschild.mjs: the server as one precompiled module, so the app does not run the TypeScript
//   compiler at every start (bin/praxisschild.mjs falls back to tsx when the sources are newer);
// - dist/pglite-template: an empty embedded database (initdb and migrations done), copied into a new data folder
//   instead of doing both inside the app (server/db/connect.ts; docs/decisions/014-footprint.md).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (p) => path.join(root, p);

export const serverBundle = at('dist/server/praxisschild.mjs');
// The server reads its texts from the browser app's locale files (server/i18n/texts.ts).
const serverSources = ['server', 'domain', 'client/locales', 'package-lock.json'];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when `built` exists and is at least as new as every file of `sources` (paths relative to the root). */
function isFresh(built, sources) {
  return existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.map((p) => newestMtime(at(p))));
}

export function serverBundleIsFresh() {
  return isFresh(serverBundle, serverSources);
}

function buildClient() {
  if (isFresh(at('dist/client/index.html'), ['client', 'domain', 'index.html', 'vite.config.ts', 'package-lock.json'])) return;
  process.stdout.write('Building the browser app (once after install or update) …\n');
  const result = spawnSync(process.execPath, [at('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Bundles TypeScript sources into one module in dist/server; packages stay imports of node_modules. */
async function bundle(options) {
  const { build } = await import('esbuild');
  const outDir = path.dirname(serverBundle);
  await build({
    ...options,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    keepNames: true,
    logLevel: 'warning',
    plugins: [
      {
        // Sources find files next to themselves (migrations, dist/client) through import.meta.url: keep it
        // pointing at the source file, relative to the bundle, so the folder can still be moved.
        name: 'source-import-meta-url',
        setup(esbuild) {
          esbuild.onLoad({ filter: /\.ts$/ }, (args) => {
            const text = readFileSync(args.path, 'utf8');
            const relative = path.relative(outDir, args.path).split(path.sep).join('/');
            return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: 'ts' };
          });
        },
      },
    ],
  });
}

const templateMaker = at('dist/server/make-pglite-template.mjs');

async function buildServer() {
  if (serverBundleIsFresh() && isFresh(templateMaker, serverSources)) return;
  await bundle({ entryPoints: [at('server/cli/main.ts')], outfile: serverBundle });
  // Only the schema: no secret key check value or anything else of one installation goes into the template.
  await bundle({
    stdin: {
      contents: [
        "import { openDatabase } from './server/db/connect.ts';",
        "import { migrate } from './server/db/migrate.ts';",
        "const database = await openDatabase({ engine: 'pglite', dataDir: process.argv[2] });",
        'await migrate(database);',
        'await database.close();',
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'make-pglite-template.ts',
      loader: 'ts',
    },
    outfile: templateMaker,
  });
}

/** Names and contents of the migrations: the template is rebuilt when they change. */
function migrationsDigest() {
  const dir = at('server/db/migrations');
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) hash.update(name).update(readFileSync(path.join(dir, name)));
  return hash.digest('hex');
}

/**
 * An empty database as a new data folder would have it after its first start: cluster (initdb) and migrations,
 * made by the server's own openDatabase and migrate, so nothing here repeats how that is done.
 */
function buildPgliteTemplate() {
  const template = at('dist/pglite-template');
  const stamp = `${template}.version`;
  const { version } = JSON.parse(readFileSync(at('node_modules/@electric-sql/pglite/package.json'), 'utf8'));
  // First line: read by server/db/connect.ts, which only copies a template of its own PGlite version.
  // The last line changes when what goes into the template changes.
  const wanted = `pglite ${version}\nmigrations ${migrationsDigest()}\ncontents schema only\n`;
  if (existsSync(path.join(template, 'PG_VERSION')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return;
  process.stdout.write('Preparing the embedded database (once after install or update) …\n');
  rmSync(stamp, { force: true });
  rmSync(template, { recursive: true, force: true });
  const work = mkdtempSync(`${template}-`);
  try {
    const result = spawnSync(process.execPath, [templateMaker, work], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (result.status !== 0) process.exit(result.status ?? 1);
    renameSync(path.join(work, 'pglite'), template);
    writeFileSync(stamp, wanted);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  buildClient();
  await buildServer();
  buildPgliteTemplate();
}
