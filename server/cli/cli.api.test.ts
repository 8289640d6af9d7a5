import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/praxisschild.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'praxisschild-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout + result.stderr };
}

describe('the praxisschild command line', () => {
  const dataDir = path.join(work, 'data');
  const backup = path.join(work, 'all.backup.gz');

  it('creates an administrator with an organisation', () => {
    const bad = cli(dataDir, 'create-admin', '--email', 'nope', '--name', 'Anna Admin', '--password', 'correct horse battery', '--organisation-name', 'Praxis CLI');
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('--email');
    const ok = cli(dataDir, 'create-admin', '--email', 'anna@praxis.example', '--name', 'Anna Admin', '--password', 'correct horse battery', '--organisation-name', 'Praxis CLI');
    expect(ok.out).toContain('administrator anna@praxis.example ready');
    expect(ok.code).toBe(0);
  });

  it('verifies an intact audit trail', () => {
    const res = cli(dataDir, 'verify-audit');
    expect(res.out).toMatch(/ok\s+Praxis CLI \(3 entries\)/);
    expect(res.code).toBe(0);
  });

  it('backs up the whole database into one file and restores it elsewhere', () => {
    expect(cli(dataDir, 'backup', backup).code).toBe(0);
    const other = path.join(work, 'restored');
    const res = cli(other, 'restore', backup);
    expect(res.out).toContain('restored');
    expect(res.code).toBe(0);
    expect(cli(other, 'verify-audit').out).toContain('audit trail intact');
    const again = cli(other, 'restore', backup);
    expect(again.code).toBe(1);
    expect(again.out).toContain('--force');
  });

  it('detects an audit entry edited or deleted behind the application’s back', async () => {
    const database = await openDatabase({ engine: 'pglite', dataDir });
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update audit_events set action = 'location.deleted' where seq = 3`);
    });
    await database.close();
    const edited = cli(dataDir, 'verify-audit');
    expect(edited.code).toBe(1);
    expect(edited.out).toContain('TAMPERED Praxis CLI');
    expect(edited.out).toContain('"kind":"hash_mismatch","seq":3');

    const restoredDir = path.join(work, 'restored');
    const again = await openDatabase({ engine: 'pglite', dataDir: restoredDir });
    await again.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from audit_events where seq = 2`);
    });
    await again.close();
    const deleted = cli(restoredDir, 'verify-audit');
    expect(deleted.code).toBe(1);
    expect(deleted.out).toContain('"kind":"gap"');
  });

  it('refuses a second process on the same embedded data folder', async () => {
    const server = spawn(process.execPath, [bin, 'start'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('server did not start')), 60_000);
        server.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('praxisschild runs on')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const second = cli(dataDir, 'migrate');
      expect(second.code).toBe(1);
      expect(second.out).toContain('in use by another praxisschild process');
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
    // After a clean stop the folder is free again.
    expect(cli(dataDir, 'migrate').code).toBe(0);
  });
});
