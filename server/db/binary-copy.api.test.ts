import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, eachEngine } from '../test/test-app.ts';
import { copyRows, copyStatement, withOrganisationBinary } from './binary-copy.ts';
import { type Database, queryRows } from './connect.ts';

describe('copyStatement', () => {
  it.each([
    ['plain tokens become quoted literals', 'select $1::uuid, $2::int[]', ['0b6c2d4e-0000-4000-8000-000000000001', '{1,2}'], true],
    ['a quote is refused', 'select $1', ["x' or true --"], false],
    ['a backslash is refused', 'select $1', ['a\\b'], false],
    ['a space is refused', 'select $1', ['a b'], false],
    ['a missing parameter is refused', 'select $2', ['a'], false],
  ])('%s', (_label, query, params, ok) => {
    if (ok) expect(copyStatement(query, params)).toBe(`copy (select '${params[0]}'::uuid, '${params[1]}'::int[]) to stdout (format binary)`);
    else expect(() => copyStatement(query, params)).toThrow();
  });
});

describe('copyRows', () => {
  // Header (signature, flags, no extension), one row (bytea 'ab', NULL), trailer.
  const header = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
  const row = Buffer.from([0, 2, 0, 0, 0, 2, 0x61, 0x62, 0xff, 0xff, 0xff, 0xff]);
  const trailer = Buffer.from([0xff, 0xff]);
  const expected = [[Buffer.from('ab'), null]];

  it.each([
    ['one message per row, as PostgreSQL sends them', [Buffer.concat([header, row]), trailer]],
    ['everything in one message', [Buffer.concat([header, row, trailer])]],
    ['a row split across messages', [Buffer.concat([header, row.subarray(0, 7)]), row.subarray(7), trailer]],
  ])('%s', (_label, payloads) => {
    expect(copyRows(payloads)).toEqual(expected);
  });

  it.each([
    ['no header', [row, trailer]],
    ['no trailer', [Buffer.concat([header, row])]],
    ['a row cut short', [Buffer.concat([header, row.subarray(0, 7)])]],
  ])('refuses a stream with %s', (_label, payloads) => {
    expect(() => copyRows(payloads)).toThrow();
  });
});

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`binary reads on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let database: Database;
    const [mine, theirs] = [randomUUID(), randomUUID()];

    beforeAll(async () => {
      database = await createTestDatabase(engine);
      for (const [id, name] of [
        [mine, 'Praxis A'],
        [theirs, 'Praxis B'],
      ]) {
        await database.db.execute(sql`insert into organisations (id, name, legal_form) values (${id}::uuid, ${name}, 'einzelpraxis')`);
      }
    });
    afterAll(async () => database?.close());

    it('returns bytea as its bytes (every byte value, and 3 MB at once), text as UTF-8 and NULL as null', async () => {
      const every = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      const unit = randomBytes(256);
      const large = Buffer.concat(Array.from({ length: 12288 }, () => unit));
      const rows = await withOrganisationBinary(database.db, mine, (read) =>
        read(`select decode($1, 'hex'), 'Größe'::text, null::bytea union all select decode($2, 'base64'), '', ''::bytea`, [every.toString('hex'), 'QUJD']),
      );
      expect(rows).toEqual([
        [every, Buffer.from('Größe'), null],
        [Buffer.from('ABC'), Buffer.alloc(0), Buffer.alloc(0)],
      ]);
      // 3 MiB made by the database from 256 random bytes repeated: far more than one message of the protocol.
      const read = await withOrganisationBinary(database.db, mine, (r) => r(`select decode(repeat($1, 12288), 'hex')`, [unit.toString('hex')]));
      expect(read).toHaveLength(1);
      expect(read[0]![0]!.equals(large)).toBe(true);
    });

    it('reads as the app role inside the organisation: row-level security hides other organisations', async () => {
      const rows = await withOrganisationBinary(database.db, mine, (read) => read('select id::text, name from organisations order by name', []));
      expect(rows.map((row) => row.map((column) => column!.toString()))).toEqual([[mine, 'Praxis A']]);
      const role = await withOrganisationBinary(database.db, mine, (read) => read('select current_user::text', []));
      expect(role[0]![0]!.toString()).toBe('praxisschild_app');
    });

    it('rejects a failing statement, rolls its transaction back, and the next read and query work', async () => {
      await expect(withOrganisationBinary(database.db, mine, (read) => read('select 1 / $1::int', ['0']))).rejects.toThrow(/division by zero/);
      await expect(withOrganisationBinary(database.db, mine, (read) => read('select nothing from nowhere', []))).rejects.toThrow(/nowhere/);
      const rows = await withOrganisationBinary(database.db, mine, (read) => read('select $1::text', ['ok']));
      expect(rows[0]![0]!.toString()).toBe('ok');
      expect(await queryRows(database.db, sql`select count(*)::int as n from organisations`)).toEqual([{ n: 2 }]);
    });
  });
}
