import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Db } from './connect.ts';
import { APP_ROLE, withOrganisation } from './tenant.ts';

/**
 * Reading bytea fast (decision 035). Both query layers ask PostgreSQL for text and decode every column: bytea as hex
 * (PGlite about 5 MB/s), or as base64 when the query encodes it (about 250 MB/s here, one JavaScript thread busy
 * decoding). `COPY (query) TO STDOUT (FORMAT binary)` sends every column in its binary form instead, so a bytea
 * arrives as its stored bytes: read alone, about 550 MB/s from PostgreSQL and 700–800 MB/s from PGlite on the same
 * machine. node-pg cannot ask for binary rows otherwise (its protocol parser turns every column into a string, even
 * with `binary: true`), and PGlite's query layer always asks for text.
 */

/**
 * Runs one SELECT and returns its rows, each column's bytes in PostgreSQL's binary form (bytea: the bytes; text: UTF-8;
 * an SQL NULL: null). `$1`, `$2`, … in `query` are replaced by the parameters as quoted literals, since COPY takes no
 * bound parameters; a parameter must therefore be a plain token (uuid, number, `{…}` array of them), anything else is
 * refused. `expectedBytes`, the size of the answer if known, saves growing the buffer it is read into.
 */
export type BinaryRows = (query: string, params: readonly string[], expectedBytes?: number) => Promise<(Buffer | null)[][]>;

const PLAIN_TOKEN = /^[0-9A-Za-z{},._:-]*$/;

/** The COPY statement for `query` with its parameters inlined. */
export function copyStatement(query: string, params: readonly string[]): string {
  for (const param of params) if (!PLAIN_TOKEN.test(param)) throw new Error(`a binary-copy parameter must be a plain token, not ${JSON.stringify(param)}`);
  const text = query.replace(/\$(\d+)/g, (_, n: string) => {
    const param = params[Number(n) - 1];
    if (param === undefined) throw new Error(`no parameter $${n}`);
    return `'${param}'`;
  });
  return `copy (${text}) to stdout (format binary)`;
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * The tuples of `data` from `at` on, appended to `rows` as views into `data`: the position after the trailer (-1), or
 * after the last whole tuple; null when a tuple runs past the end.
 */
function readTuples(data: Buffer, at: number, rows: (Buffer | null)[][]): { at: number; ended: boolean } | null {
  while (at < data.length) {
    if (at + 2 > data.length) return null;
    const count = data.readInt16BE(at);
    if (count === -1) return { at: at + 2, ended: true };
    let next = at + 2;
    const row: (Buffer | null)[] = [];
    for (let i = 0; i < count; i++) {
      if (next + 4 > data.length) return null;
      const length = data.readInt32BE(next);
      next += 4;
      if (length === -1) {
        row.push(null);
        continue;
      }
      if (next + length > data.length) return null;
      row.push(data.subarray(next, next + length));
      next += length;
    }
    rows.push(row);
    at = next;
  }
  return { at, ended: false };
}

/**
 * The rows of a COPY binary stream (header, tuples, trailer), given as the payloads of its CopyData messages. The
 * protocol sends one message per row (the header in front of the first), so each payload is read on its own and the
 * rows are views into it; payloads are joined, one copy, only if a row ever spans two.
 */
export function copyRows(payloads: readonly Buffer[]): (Buffer | null)[][] {
  const first = payloads[0];
  if (!first || first.length < 19 || !first.subarray(0, 11).equals(SIGNATURE)) throw new Error('not a COPY binary stream');
  const headerEnd = 19 + first.readUInt32BE(15); // signature, flags, header extension length and the extension
  const rows: (Buffer | null)[][] = [];
  for (let i = 0; i < payloads.length; i++) {
    const read = readTuples(payloads[i]!, i === 0 ? headerEnd : 0, rows);
    if (read === null) return copyRowsJoined(payloads, headerEnd);
    if (read.ended) return rows;
  }
  throw new Error('COPY binary stream without its trailer');
}

function copyRowsJoined(payloads: readonly Buffer[], headerEnd: number): (Buffer | null)[][] {
  const rows: (Buffer | null)[][] = [];
  const read = readTuples(Buffer.concat(payloads), headerEnd, rows);
  if (!read?.ended) throw new Error('COPY binary stream cut short');
  return rows;
}

/** The fields of an ErrorResponse: severity, code and message, as PostgreSQL reports them. */
function errorText(body: Buffer): string {
  const fields = new Map<string, string>();
  let at = 0;
  while (at < body.length && body[at] !== 0) {
    const end = body.indexOf(0, at + 1);
    fields.set(String.fromCharCode(body[at]!), body.subarray(at + 1, end).toString());
    at = end + 1;
  }
  return `${fields.get('M') ?? 'query failed'} (${fields.get('C') ?? 'no code'})`;
}

/**
 * PGlite: the COPY as a simple Query message on the engine's wire protocol; the answer's CopyData messages joined.
 * The statement runs in the transaction the caller holds (PGlite is one connection, and its transaction lock keeps
 * every other request's statements out until it ends).
 */
function pgliteRows(client: PGlite): BinaryRows {
  return async (query, params, expectedBytes = 0) => {
    const text = Buffer.from(`${copyStatement(query, params)}\0`);
    const message = Buffer.allocUnsafe(5 + text.length);
    message.write('Q', 0, 'latin1');
    message.writeInt32BE(4 + text.length, 1);
    text.copy(message, 5);
    // Message and row framing: a few bytes per row, on top of the columns' bytes.
    let answer = Buffer.allocUnsafe(Math.max(64 * 1024, expectedBytes + 16 * 1024));
    let length = 0;
    // `data` is a view into the engine's memory, reused for the next bytes: copied into one growing buffer, so that
    // the rows can be views into it.
    const onRawData = (data: Uint8Array) => {
      if (length + data.length > answer.length) {
        const grown = Buffer.allocUnsafe(Math.max(answer.length * 2, length + data.length));
        answer.copy(grown, 0, 0, length);
        answer = grown;
      }
      answer.set(data, length);
      length += data.length;
    };
    await client.execProtocolRawStream(message, { syncToFs: false, onRawData });
    answer = answer.subarray(0, length);
    const copied: Buffer[] = [];
    for (let at = 0; at + 5 <= answer.length; ) {
      const type = answer[at]!;
      const end = at + 1 + answer.readInt32BE(at + 1);
      if (type === 0x64 /* d: CopyData */) copied.push(answer.subarray(at + 5, end));
      else if (type === 0x45 /* E: ErrorResponse */) throw new Error(errorText(answer.subarray(at + 5, end)));
      at = end;
    }
    return copyRows(copied);
  };
}

/**
 * node-pg: the COPY as a submittable query (the way pg-copy-streams does it), its CopyData chunks copied as they
 * arrive (they are views into the parser's buffer, which is reused).
 */
function postgresRows(client: pg.PoolClient): BinaryRows {
  return (query, params) => {
    const text = copyStatement(query, params);
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let failed = false;
      const submittable = {
        submit: (connection: { query(text: string): void }) => connection.query(text),
        handleCopyData: (message: { chunk: Buffer }) => void chunks.push(Buffer.from(message.chunk)),
        handleCommandComplete: () => undefined,
        handleError: (error: Error) => {
          failed = true;
          reject(error);
        },
        handleReadyForQuery: () => {
          if (failed) return;
          try {
            resolve(copyRows(chunks));
          } catch (error) {
            reject(error);
          }
        },
      };
      client.query(submittable as unknown as pg.QueryConfig);
    });
  };
}

/**
 * Runs `work` in one tenant transaction — the app role, the organisation set, so row-level security limits every
 * row read, as in withOrganisation — whose reads return binary columns (BinaryRows). On PGlite it is withOrganisation
 * itself; on PostgreSQL a transaction on a pool connection of its own, since the COPY needs the connection, which
 * drizzle keeps to itself.
 */
export async function withOrganisationBinary<T>(db: Db, organisationId: string, work: (rows: BinaryRows) => Promise<T>): Promise<T> {
  const client = (db as unknown as { $client: PGlite | pg.Pool }).$client;
  if ('execProtocolRawStream' in client) return withOrganisation(db, organisationId, () => work(pgliteRows(client)));
  const connection = await client.connect();
  let broken: Error | undefined;
  try {
    await connection.query('begin');
    await connection.query(`select set_config('role', $1, true), set_config('app.organisation_id', $2, true)`, [APP_ROLE, organisationId]);
    const result = await work(postgresRows(connection));
    await connection.query('commit');
    return result;
  } catch (error) {
    await connection.query('rollback').catch((rollbackFailed: Error) => {
      broken = rollbackFailed;
    });
    throw error;
  } finally {
    // A connection whose rollback failed is closed rather than handed to the next request.
    connection.release(broken);
  }
}
