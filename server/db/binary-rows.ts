import type { PGlite } from '@electric-sql/pglite';
import type { Db } from './connect.ts';

/**
 * Rows with every column in PostgreSQL's binary form, read over the embedded engine's wire protocol. PGlite's query
 * layer asks for text and decodes every column (bytea as hex, about 5 MB/s); here the bytes of a bytea column arrive
 * as they are stored, at several hundred MB/s (decision 035). node-pg has no such path: its protocol parser turns every
 * column into a string even when binary results are requested, so on PostgreSQL this returns null and the caller
 * reads base64 text instead.
 */
export type BinaryRows = (text: string, params: readonly string[]) => Promise<Buffer[][]>;

/** The PGlite instance behind `db`, or null on PostgreSQL. */
function embeddedClient(db: Db): PGlite | null {
  const client = (db as unknown as { $client?: Partial<PGlite> }).$client;
  return client && typeof client.execProtocolRawStream === 'function' ? (client as PGlite) : null;
}

const encoder = new TextEncoder();

/** One frontend message: type byte, length (itself included), body. */
function message(type: string, parts: readonly Buffer[]): Buffer {
  const length = parts.reduce((sum, p) => sum + p.length, 4);
  const head = Buffer.allocUnsafe(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(length, 1);
  return Buffer.concat([head, ...parts]);
}
const cstring = (text: string) => Buffer.concat([Buffer.from(encoder.encode(text)), Buffer.from([0])]);
const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
function int32(n: number) {
  const b = Buffer.allocUnsafe(4);
  b.writeInt32BE(n);
  return b;
}

/**
 * Parse, Bind (parameters as text, results binary), Execute, Sync: the extended query protocol for one statement
 * with an unnamed statement and portal.
 */
function extendedQuery(text: string, params: readonly string[]): Buffer {
  const values = params.map((p) => Buffer.from(p));
  return Buffer.concat([
    message('P', [cstring(''), cstring(text), int16(0)]),
    message('B', [cstring(''), cstring(''), int16(0), int16(values.length), ...values.flatMap((v) => [int32(v.length), v]), int16(1), int16(1)]),
    message('E', [cstring(''), int32(0)]),
    message('S', []),
  ]);
}

/** The text of an ErrorResponse's fields: severity, code and message, as PostgreSQL reports them. */
function errorText(body: Buffer): string {
  const fields = new Map<string, string>();
  let at = 0;
  while (at < body.length && body[at] !== 0) {
    const end = body.indexOf(0, at + 1);
    fields.set(String.fromCharCode(body[at]!), body.subarray(at + 1, end).toString());
    at = end + 1;
  }
  return `${fields.get('S') ?? 'ERROR'} ${fields.get('C') ?? ''}: ${fields.get('M') ?? 'query failed'}`;
}

/** The DataRow messages of a backend answer as column bytes (views into `answer`); an ErrorResponse throws. */
export function dataRows(answer: Buffer): Buffer[][] {
  const rows: Buffer[][] = [];
  let at = 0;
  while (at + 5 <= answer.length) {
    const type = answer[at]!;
    const end = at + 1 + answer.readInt32BE(at + 1);
    if (type === 0x44 /* D */) {
      const count = answer.readInt16BE(at + 5);
      const row: Buffer[] = [];
      let field = at + 7;
      for (let i = 0; i < count; i++) {
        const length = answer.readInt32BE(field);
        field += 4;
        if (length < 0) {
          row.push(Buffer.alloc(0));
          continue;
        }
        row.push(answer.subarray(field, field + length));
        field += length;
      }
      rows.push(row);
    } else if (type === 0x45 /* E */) {
      throw new Error(errorText(answer.subarray(at + 5, end)));
    }
    at = end;
  }
  return rows;
}

/**
 * The binary reader of `db` on the embedded engine, or null on PostgreSQL. Call it only inside a transaction of `db`
 * (withOrganisation): that transaction holds PGlite's lock, the statement runs in it (role and organisation set, so
 * row-level security applies) and no other request's statement can come between. A statement that fails leaves the
 * transaction failed, and the transaction's own error handling rolls it back.
 */
export function binaryRowsOf(db: Db): BinaryRows | null {
  const client = embeddedClient(db);
  if (!client) return null;
  return async (text, params) => {
    const chunks: Buffer[] = [];
    await client.execProtocolRawStream(extendedQuery(text, params), {
      syncToFs: false,
      // A view into the engine's memory, reused for the next bytes: copied.
      onRawData: (data: Uint8Array) => {
        chunks.push(Buffer.from(data));
      },
    });
    return dataRows(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
  };
}
