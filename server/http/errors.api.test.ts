import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.ts';
import { createTestDatabase, eachEngine } from '../test/test-app.ts';
import { registerErrorHandler } from './errors.ts';

/** Personal data as an incident text would carry it: must reach neither the answer nor the log. */
const SECRET = 'Patientin Erika Mustermann, geb. 12.08.1961';

for (const { engine, skipReason } of await eachEngine()) {
  describe.skipIf(skipReason !== null)(`error log on ${engine}${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
    let database: Database;
    const lines: string[] = [];
    const app = Fastify({
      logger: {
        level: 'info',
        stream: new Writable({
          write(chunk, _encoding, done) {
            lines.push(String(chunk));
            done();
          },
        }),
      },
    });

    beforeAll(async () => {
      database = await createTestDatabase(engine);
      registerErrorHandler(app);
      // A failing statement with the secret as a bound parameter, the way drizzle wraps it ("Failed query … params: …").
      app.post('/fails-in-sql', async () => database.db.execute(sql`select ${SECRET}::uuid`));
      app.post('/fails-with-detail', async () => {
        await database.db.execute(sql`create temporary table if not exists t (email text primary key)`);
        await database.db.execute(sql`insert into t values (${SECRET}) on conflict do nothing`);
        return database.db.execute(sql`insert into t values (${SECRET})`);
      });
      await app.ready();
    });
    afterAll(async () => {
      await app.close();
      await database?.close();
    });

    it.each(['/fails-in-sql', '/fails-with-detail'])('%s: answers 500 and logs class, code and message without the parameters', async (url) => {
      lines.length = 0;
      const res = await app.inject({ method: 'POST', url });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('Erika');
      const logged = lines.join('');
      const entry = lines.map((line) => JSON.parse(line) as { msg: string; error?: Record<string, unknown> }).find((e) => e.msg === 'unexpected error');
      expect(entry?.error).toMatchObject({ type: 'DrizzleQueryError', message: expect.stringContaining('Failed query:') });
      expect(entry?.error?.cause).toMatchObject({ code: expect.stringMatching(/^(22P02|23505)$/) });
      // Neither the bound value nor any part of it, nor the "params:" line.
      expect(logged).not.toContain('Erika');
      expect(logged).not.toContain('Mustermann');
      expect(logged).not.toContain('params:');
    });
  });
}
