import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { verify as argonVerify } from '@node-rs/argon2';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { hashAuditEntry } from '../../domain/audit/audit-chain.ts';
import { openDatabase, queryRows } from '../db/connect.ts';
import { auditEvents } from '../db/schema.ts';

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
    const bad = cli(
      dataDir,
      'create-admin',
      '--email',
      'nope',
      '--name',
      'Anna Admin',
      '--password',
      'correct horse battery',
      '--organisation-name',
      'Praxis CLI',
    );
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('--email');
    const ok = cli(
      dataDir,
      'create-admin',
      '--email',
      'anna@praxis.example',
      '--name',
      'Anna Admin',
      '--password',
      'correct horse battery',
      '--organisation-name',
      'Praxis CLI',
    );
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

  it('writes the audit anchor beside the backup and prints it', () => {
    const anchor = JSON.parse(readFileSync(`${backup}.anchor.json`, 'utf8'));
    expect(anchor.format).toBe('praxisschild-audit-anchor/1');
    expect(anchor.organisations).toEqual([expect.objectContaining({ organisationName: 'Praxis CLI', entries: 3, seq: 3 })]);
    const res = cli(dataDir, 'backup', path.join(work, 'second.backup.gz'));
    expect(res.out).toContain('audit anchor written to');
    expect(res.out).toMatch(/Praxis CLI: 3 entries, newest #3 [0-9a-f]{64}/);
  });

  it('refuses to start a restored database without its secret key, and says which key and where', () => {
    const fresh = path.join(work, 'no-key');
    const restore = cli(fresh, 'restore', backup);
    expect(restore.code).toBe(0);
    expect(restore.out).toContain('the secret key does not match the backup');
    // The key the restore command had to generate is not kept: it is not this database's key.
    expect(existsSync(path.join(fresh, 'secret.key'))).toBe(false);
    const start = cli(fresh, 'start');
    expect(start.code).toBe(1);
    expect(start.out).toContain('This database was set up with another secret key');
    expect(start.out).toContain(path.join(fresh, 'secret.key'));
    expect(start.out).toContain('SECRET_KEY');
    expect(existsSync(path.join(fresh, 'secret.key'))).toBe(false);
    // With the key from the original folder the check passes (a start would go on; migrate shows the folder is free).
    copyFileSync(path.join(dataDir, 'secret.key'), path.join(fresh, 'secret.key'));
    expect(cli(fresh, 'migrate').code).toBe(0);
  });

  it('sees a chain rewritten by a database superuser and a deleted trail only against an anchor', async () => {
    const anchorFile = `${backup}.anchor.json`;
    const forged = path.join(work, 'forged');
    const wiped = path.join(work, 'wiped');
    for (const dir of [forged, wiped]) expect(cli(dir, 'restore', backup).code).toBe(0);
    // A later entry: the chain grows, and still extends the anchor.
    const orgId = JSON.parse(readFileSync(anchorFile, 'utf8')).organisations[0].organisationId as string;
    expect(
      cli(forged, 'create-admin', '--email', 'bernd@praxis.example', '--name', 'Bernd B', '--password', 'correct horse battery', '--organisation', orgId).code,
    ).toBe(0);
    const grown = cli(forged, 'verify-audit', '--anchor', anchorFile);
    expect(grown.out).toMatch(/ok\s+Praxis CLI \(4 entries, extends the anchor/);
    expect(grown.code).toBe(0);

    // The attacker edits entry 2 and recomputes every later hash and the head, as anyone with write access can.
    const database = await openDatabase({ engine: 'pglite', dataDir: forged });
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      const entries = await tx.select().from(auditEvents).where(eq(auditEvents.organisationId, orgId)).orderBy(asc(auditEvents.seq));
      let prevHash = entries[0]!.prevHash;
      for (const entry of entries) {
        const changed = entry.seq === 2 ? { ...entry, data: { ...entry.data, name: 'Gefälscht' } } : entry;
        const hash = hashAuditEntry(prevHash, changed);
        await tx.execute(sql`update audit_events set data = ${JSON.stringify(changed.data)}::jsonb, prev_hash = ${prevHash}, hash = ${hash}
                             where organisation_id = ${orgId} and seq = ${entry.seq}`);
        prevHash = hash;
      }
      await tx.execute(sql`update audit_heads set hash = ${prevHash} where organisation_id = ${orgId}`);
    });
    await database.close();
    const blind = cli(forged, 'verify-audit');
    expect(blind.out).toMatch(/ok\s+Praxis CLI \(4 entries\)/);
    expect(blind.code).toBe(0);
    const rewritten = cli(forged, 'verify-audit', '--anchor', anchorFile);
    expect(rewritten.out).toContain('TAMPERED Praxis CLI');
    expect(rewritten.out).toContain('"kind":"rewritten","seq":3');
    expect(rewritten.code).toBe(1);

    // The whole trail and its head deleted.
    const other = await openDatabase({ engine: 'pglite', dataDir: wiped });
    await other.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from audit_events where organisation_id = ${orgId}`);
      await tx.execute(sql`delete from audit_heads where organisation_id = ${orgId}`);
    });
    await other.close();
    const empty = cli(wiped, 'verify-audit');
    expect(empty.out).toMatch(/ok\s+Praxis CLI \(0 entries\)/);
    expect(empty.code).toBe(0);
    const deleted = cli(wiped, 'verify-audit', '--anchor', anchorFile);
    expect(deleted.out).toContain('"kind":"head_missing"');
    expect(deleted.out).toContain('"kind":"truncated","entries":0,"anchoredEntries":3');
    expect(deleted.code).toBe(1);

    // A broken anchor file is refused, not taken for "no anchor".
    const bad = cli(wiped, 'verify-audit', '--anchor', path.join(work, 'missing.json'));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('cannot read the anchor file');
  }, 300_000);

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

  it('recovers an admin account: new password, two-factor cleared, administrator again, audited', async () => {
    const dir = path.join(work, 'reset-admin');
    expect(
      cli(
        dir,
        'create-admin',
        '--email',
        'lena@praxis.example',
        '--name',
        'Lena Leitung',
        '--password',
        'correct horse battery',
        '--organisation-name',
        'Praxis Reset',
      ).code,
    ).toBe(0);
    // Lena had enrolled, lost her phone, and was (by mistake) made a read-only auditor without the admin flag.
    let database = await openDatabase({ engine: 'pglite', dataDir: dir });
    await database.db.execute(
      sql`update users set totp_secret_enc = 'v1.x.y.z', totp_enabled_at = now(), totp_last_step = 1 where email = 'lena@praxis.example'`,
    );
    await database.db.execute(sql`update memberships set role = 'auditor', is_admin = false`);
    await database.db.execute(sql`insert into recovery_codes (user_id, code_hash) select id, 'h' from users`);
    await database.db.execute(
      sql`insert into sessions (id, user_id, state, csrf_token, expires_at) select 'old-session', id, 'active', 'c', now() + interval '1 hour' from users`,
    );
    await database.close();

    expect(cli(dir, 'reset-admin', '--email', 'nobody@praxis.example').out).toContain('no account with the address nobody@praxis.example');
    const short = cli(dir, 'reset-admin', '--email', 'lena@praxis.example', '--password', 'kurz');
    expect(short.code).toBe(1);
    expect(short.out).toContain('--password');
    expect(cli(dir, 'reset-admin', '--email', 'lena@praxis.example', '--organisation', 'nope').out).toContain('--organisation');

    const res = cli(dir, 'reset-admin', '--email', 'Lena@Praxis.example', '--password', 'ein neues langes Passwort');
    expect(res.code).toBe(0);
    expect(res.out).toContain('new password set');
    expect(res.out).toContain('two-factor sign-in and recovery codes cleared');
    expect(res.out).toContain('1 session(s) ended');
    expect(res.out).toMatch(/administrator of Praxis Reset \([0-9a-f-]{36}\), role management/);

    database = await openDatabase({ engine: 'pglite', dataDir: dir });
    const [user] = await queryRows<{ id: string; password_hash: string; totp_enabled_at: Date | null; totp_secret_enc: string | null }>(
      database.db,
      sql`select * from users`,
    );
    expect(user!.totp_enabled_at).toBeNull();
    expect(user!.totp_secret_enc).toBeNull();
    expect(await argonVerify(user!.password_hash, 'ein neues langes Passwort')).toBe(true);
    expect(await queryRows(database.db, sql`select * from sessions`)).toEqual([]);
    expect(await queryRows(database.db, sql`select * from recovery_codes`)).toEqual([]);
    expect(await queryRows(database.db, sql`select role, is_admin from memberships`)).toEqual([{ role: 'management', is_admin: true }]);
    const [audit] = await queryRows<{ action: string; data: Record<string, unknown> }>(
      database.db,
      sql`select action, data from audit_events order by seq desc limit 1`,
    );
    expect(audit).toEqual({
      action: 'account.admin_recovered',
      data: { via: 'cli', passwordSet: true, before: { role: 'auditor', isAdmin: false }, after: { role: 'management', isAdmin: true } },
    });
    await database.close();
    expect(cli(dir, 'verify-audit').code).toBe(0);
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
