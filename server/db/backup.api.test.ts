import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAllAuditChains } from '../modules/audit/audit.service.ts';
import { samplePdf, upload } from '../test/files.ts';
import { createTestDatabase, eachEngine, login, runFirstSetup, startTestApp } from '../test/test-app.ts';
import { backupDatabase, newestBackupAge, restoreDatabase, rotateBackup } from './backup.ts';
import { queryRows } from './connect.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'praxisschild-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Table contents as jsonb, so both drivers' type conversions (bigint, timestamps) compare alike. */
async function contents(db: Parameters<typeof queryRows>[0]) {
  const tables = ['organisations', 'locations', 'users', 'memberships', 'invitations', 'audit_events', 'audit_heads', 'outbox_mails'];
  const result: Record<string, unknown> = {};
  for (const table of tables) {
    const [row] = await queryRows<{ rows: unknown[] | null }>(db, sql`select jsonb_agg(to_jsonb(t)) as rows from ${sql.identifier(table)} t`);
    // Sorted here: PostgreSQL's collation and PGlite's (C) may order text differently.
    result[table] = (row!.rows ?? []).map((r) => JSON.stringify(r)).sort();
  }
  return result;
}

describe('backup and restore', async () => {
  const engines = await eachEngine();
  for (const { engine: target, skipReason } of engines) {
    it.skipIf(skipReason !== null)(
      `moves everything from PGlite into ${target}${skipReason ? ` (skipped: ${skipReason})` : ''}, sign-in included`,
      async () => {
        const source = await startTestApp('pglite');
        const file = path.join(dir, `to-${target}.backup.gz`);
        let secret: string;
        let before: Awaited<ReturnType<typeof contents>>;
        try {
          const { agent, organisationId } = await runFirstSetup(source.app);
          secret = agent.totpSecret;
          await agent.request('POST', `/api/v1/organisations/${organisationId}/invitations`, { email: 'neu@example.org', role: 'staff' });
          const evidence = await upload(agent, source, `/api/v1/organisations/${organisationId}/requirements/KBV-A1-01/evidence`, 'konzept.pdf', samplePdf);
          expect(evidence.statusCode).toBe(201);
          before = await contents(source.ctx.db);
          const written = await backupDatabase(source.database, file);
          expect(written.rows).toBeGreaterThan(10);
          // The anchor beside the backup describes the backup's own snapshot: the head it holds.
          const anchor = JSON.parse(readFileSync(`${file}.anchor.json`, 'utf8'));
          const [head] = await queryRows<{ seq: number; hash: string; n: number }>(
            source.ctx.db,
            sql`select h.seq::int as seq, h.hash, (select count(*)::int from audit_events e where e.organisation_id = h.organisation_id) as n
              from audit_heads h where h.organisation_id = ${organisationId}`,
          );
          expect(anchor.organisations).toEqual([
            expect.objectContaining({ organisationId, organisationName: 'Praxis A', seq: head!.seq, hash: head!.hash, entries: head!.n }),
          ]);
          expect(written.anchor).toEqual(anchor);
        } finally {
          await source.close();
        }
        // The restored app needs the same SECRET_KEY to read the TOTP secrets.
        const restored = await startTestApp(target, { config: { secretKey: source.ctx.config.secretKey } });
        try {
          await restoreDatabase(restored.database, file);
          expect(await contents(restored.ctx.db)).toEqual(before);
          expect((await verifyAllAuditChains(restored.ctx.db)).every((r) => r.problems.length === 0)).toBe(true);
          const agent = await login(restored, 'admin@praxis-a.example', secret);
          const session = (await agent.request('GET', '/api/v1/auth/session')).json();
          expect(session.organisations[0].name).toBe('Praxis A');
          // Files survive byte for byte.
          const orgId = session.organisations[0].id;
          const [stored] = (await agent.request('GET', `/api/v1/organisations/${orgId}/requirements/KBV-A1-01/evidence`)).json() as { id: string }[];
          const download = await agent.request('GET', `/api/v1/organisations/${orgId}/evidence/${stored!.id}/download`);
          expect(download.rawPayload.equals(samplePdf)).toBe(true);
        } finally {
          await restored.close();
        }
      },
    );
  }

  it('refuses to overwrite a database with data unless forced, and leaves it untouched on refusal', async () => {
    const a = await startTestApp('pglite');
    const file = path.join(dir, 'force.backup.gz');
    try {
      await runFirstSetup(a.app, { organisationName: 'Praxis Quelle' });
      await backupDatabase(a.database, file);
    } finally {
      await a.close();
    }
    const b = await startTestApp('pglite');
    try {
      await runFirstSetup(b.app, { organisationName: 'Praxis Ziel' });
      await expect(restoreDatabase(b.database, file)).rejects.toThrow(/not empty/);
      expect((await queryRows<{ name: string }>(b.ctx.db, sql`select name from organisations`)).map((r) => r.name)).toEqual(['Praxis Ziel']);
      await restoreDatabase(b.database, file, { force: true });
      expect((await queryRows<{ name: string }>(b.ctx.db, sql`select name from organisations`)).map((r) => r.name)).toEqual(['Praxis Quelle']);
    } finally {
      await b.close();
    }
  });

  it('keeps the newest daily backups in the data folder', async () => {
    const database = await createTestDatabase('pglite');
    const dataDir = path.join(dir, 'rotate');
    try {
      for (let day = 1; day <= 5; day++) await rotateBackup(database, dataDir, 3, new Date(Date.UTC(2026, 10, day, 2)));
      const age = newestBackupAge(dataDir, new Date(Date.UTC(2026, 10, 6, 2)));
      expect(age).toBe(86_400_000);
      const { readdirSync } = await import('node:fs');
      // Each backup has its audit anchor beside it; old anchors go with their backups.
      expect(readdirSync(path.join(dataDir, 'backups')).sort()).toEqual([
        'praxisschild-2026-11-03T02-00-00-000Z.backup.gz',
        'praxisschild-2026-11-03T02-00-00-000Z.backup.gz.anchor.json',
        'praxisschild-2026-11-04T02-00-00-000Z.backup.gz',
        'praxisschild-2026-11-04T02-00-00-000Z.backup.gz.anchor.json',
        'praxisschild-2026-11-05T02-00-00-000Z.backup.gz',
        'praxisschild-2026-11-05T02-00-00-000Z.backup.gz.anchor.json',
      ]);
    } finally {
      await database.close();
    }
  });
});
