import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from './connect.ts';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(dir, name), 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

/**
 * Applies the forward-only SQL migrations not yet applied, each in its own transaction.
 * An advisory lock makes two app processes starting together on one PostgreSQL server take turns.
 * A changed file that was already applied is refused: corrections are new files.
 */
export async function migrate(database: Database, dir = migrationsDir): Promise<string[]> {
  const migrations = listMigrations(dir);
  await database.execScript(`
    create table if not exists schema_migrations (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
  const applied: string[] = [];
  for (const migration of migrations) {
    const script = `
      begin;
      select pg_advisory_xact_lock(727274001);
      -- Deferred triggers (0014) fire at the end of each statement here, so a migration may change rows of a table
      -- and then index or alter it ("pending trigger events" otherwise).
      set constraints all immediate;
      do $m$ begin
        if exists (select 1 from schema_migrations where name = '${migration.name}') then
          raise exception 'praxisschild:already-applied';
        end if;
      end $m$;
      ${migration.sql}
      ;
      insert into schema_migrations (name, checksum) values ('${migration.name}', '${migration.checksum}');
      commit;`;
    const [row] = await queryRows<{ checksum: string }>(database.db, sql`select checksum from schema_migrations where name = ${migration.name}`);
    if (row) {
      if (row.checksum !== migration.checksum) {
        throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
      }
      continue;
    }
    try {
      await database.execScript(script);
      applied.push(migration.name);
    } catch (error) {
      if (String((error as Error).message).includes('praxisschild:already-applied')) continue; // another process won
      throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
    }
  }
  return applied;
}
