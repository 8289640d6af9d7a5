import { createReadStream, createWriteStream, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { AuditAnchor } from '../../domain/audit/audit-anchor.ts';
import { auditAnchors } from '../modules/audit/audit.ts';
import { type Database, type Db, queryRows, type Tx } from './connect.ts';
import { listMigrations } from './migrate.ts';

export const BACKUP_FORMAT = 'praxisschild-backup/1';
/** Sessions are not carried over: a restored database starts with everyone signed out. */
const SKIPPED_TABLES = new Set(['schema_migrations', 'sessions']);
const CHUNK = 500;
/** Tables with file contents go in small chunks: 500 evidence files of up to 25 MB would not fit in one string. */
const SMALL_CHUNK_TABLES: Record<string, number> = { evidence_files: 4 };

interface Header {
  format: string;
  createdAt: string;
  engine: string;
  migrations: string[];
}

async function listTables(database: Database): Promise<string[]> {
  const rows = await queryRows<{ tablename: string }>(database.db, sql`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  return rows.map((r) => r.tablename).filter((t) => !SKIPPED_TABLES.has(t));
}

async function appliedMigrations(db: Db | Tx): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(db, sql`select name from schema_migrations order by name`);
  return rows.map((r) => r.name);
}

/** The audit anchor of a backup lies beside it: `<backup file>.anchor.json`. */
export function anchorFileOf(backupFile: string): string {
  return `${backupFile}.anchor.json`;
}

/**
 * Writes the whole database (every table, files included) into one gzip file of JSON lines. The format is the same
 * for PGlite and PostgreSQL, so a backup also moves a practice from the embedded database to a server. The audit
 * anchor of the same snapshot (every organisation's entry count and head hash) is written beside it, to be kept or
 * printed outside the practice and checked later with `verify-audit --anchor`.
 */
export async function backupDatabase(database: Database, file: string): Promise<{ tables: number; rows: number; anchor: AuditAnchor; anchorFile: string }> {
  const tables = await listTables(database);
  let rows = 0;
  let anchor: AuditAnchor | undefined;
  async function* lines(tx: Tx) {
    anchor = await auditAnchors(tx);
    const header: Header = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      engine: database.engine,
      migrations: await appliedMigrations(tx),
    };
    yield JSON.stringify(header) + '\n';
    for (const table of tables) {
      const chunkSize = SMALL_CHUNK_TABLES[table] ?? CHUNK;
      for (let offset = 0; ; offset += chunkSize) {
        const [result] = await queryRows<{ rows: unknown[] }>(
          tx,
          sql`select coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) as rows
              from (select * from ${sql.identifier(table)} order by ctid limit ${chunkSize} offset ${offset}) t`,
        );
        const chunk = result?.rows ?? [];
        if (chunk.length === 0) break;
        rows += chunk.length;
        yield JSON.stringify({ table, rows: chunk }) + '\n';
        if (chunk.length < chunkSize) break;
      }
    }
  }
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.partial`;
  // One snapshot for all tables, so work saved during the backup cannot leave it half old, half new.
  await database.db.transaction((tx) => pipeline(Readable.from(lines(tx)), createGzip(), createWriteStream(tmp)), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
  renameSync(tmp, file);
  const anchorFile = anchorFileOf(file);
  writeFileSync(anchorFile, JSON.stringify(anchor, null, 2) + '\n');
  return { tables: tables.length, rows, anchor: anchor!, anchorFile };
}

export class RestoreError extends Error {}

/**
 * Restores a backup into a database with the same migrations applied. Refuses to overwrite data unless force is set;
 * everything happens in one transaction, so a failed restore leaves the database as it was.
 */
export async function restoreDatabase(database: Database, file: string, options: { force?: boolean } = {}) {
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new RestoreError('The backup file is empty.');
  const header = JSON.parse(first.value) as Header;
  if (header.format !== BACKUP_FORMAT) throw new RestoreError(`Not a praxisschild backup (format ${header.format}).`);
  const known = listMigrations().map((m) => m.name);
  const applied = await appliedMigrations(database.db);
  if (header.migrations.join() !== applied.join()) {
    const newer = header.migrations.filter((m) => !known.includes(m));
    throw new RestoreError(
      newer.length
        ? `The backup comes from a newer praxisschild (migrations ${newer.join(', ')}). Update first.`
        : `The backup was made with migrations up to ${header.migrations.at(-1)}, this database has ${applied.at(-1)}. ` +
            'Restore with the version that made it, then update.',
    );
  }
  const tables = await listTables(database);
  let rows = 0;
  await database.db.transaction(async (tx) => {
    const [data] = await queryRows<{ has: boolean }>(tx, sql`select exists (select 1 from organisations) or exists (select 1 from users) as has`);
    if (data?.has && !options.force) {
      throw new RestoreError('The database is not empty. Use --force to replace its contents.');
    }
    // Replica mode skips triggers, foreign-key checks among them, so tables load in any order; the
    // append-only guard of the audit trail is skipped too, which is what a restore needs.
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql.raw(`truncate ${[...tables, 'sessions'].map((t) => `"${t}"`).join(', ')}`));
    for (let line = await iterator.next(); !line.done; line = await iterator.next()) {
      if (!line.value.trim()) continue;
      const chunk = JSON.parse(line.value) as { table: string; rows: unknown[] };
      if (!tables.includes(chunk.table)) throw new RestoreError(`Unknown table ${chunk.table} in backup.`);
      await tx.execute(
        sql`insert into ${sql.identifier(chunk.table)}
            select * from jsonb_populate_recordset(null::${sql.identifier(chunk.table)}, ${JSON.stringify(chunk.rows)}::jsonb)`,
      );
      rows += chunk.rows.length;
    }
  });
  return { rows, createdAt: header.createdAt };
}

/** Embedded mode: a daily backup into DATA_DIR/backups, keeping the newest `keep` files. */
export async function rotateBackup(database: Database, dataDir: string, keep: number, now = new Date()) {
  const dir = path.join(dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `praxisschild-${now.toISOString().replace(/[:.]/g, '-')}.backup.gz`);
  await backupDatabase(database, file);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.backup.gz'))
    .sort();
  for (const old of files.slice(0, Math.max(0, files.length - keep))) {
    rmSync(path.join(dir, old));
    rmSync(path.join(dir, anchorFileOf(old)), { force: true });
  }
  return file;
}

export function newestBackupAge(dataDir: string, now = new Date()): number | null {
  const dir = path.join(dataDir, 'backups');
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.endsWith('.backup.gz'))
      .sort();
  } catch {
    return null;
  }
  const newest = files.at(-1);
  if (!newest) return null;
  const stamp = newest.slice('praxisschild-'.length, -'.backup.gz'.length);
  const iso = stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : now.getTime() - at;
}
