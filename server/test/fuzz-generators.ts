import fc from 'fast-check';
import { multipart, samplePdf, samplePng } from './files.ts';

// The fuzz suite's generators (fuzz.suite.ts): absurd values, mutated bodies, junk path ids and broken multipart.

/** Texts PostgreSQL cannot store, texts that look fine, and texts far beyond any limit. */
export const nastyString = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'Titel\u0000mit NUL',
    '\ud800',
    'halbes Emoji \ud83d',
    '\udfff am Anfang',
    '\ud83d\ude00 ganzes Emoji',
    '\u001b[31mrot',
    '',
    '   ',
    'Müller & Söhne <script>alert(1)</script>',
    "'; drop table incidents; --",
    '%00',
    '\\u0000',
    'a'.repeat(1_000_001),
    'ä'.repeat(10_001),
  ),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);

/** Dates a person mistypes or a script makes up. */
export const nastyDate = fc.oneof(
  fc.constantFrom(
    '0000-01-01',
    '0001-01-01',
    '1899-12-31',
    '1901-01-01',
    '10000-01-01',
    '9999-12-31',
    '0000-01-01T00:00:00Z',
    '0001-01-01T00:00:00+01:00',
    '1899-12-31T23:59:59Z',
    '9999-12-31T23:59:59-12:00',
    '10000-01-01T00:00:00Z',
    '+010000-01-01T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    '2026-02-30T10:00:00+01:00',
    '2026-13-01',
    '2026-11-30T25:61:00Z',
    '2026-11-30T10:00:00+99:99',
    '2026-11-30',
    '30.11.2026',
  ),
  fc.date({ min: new Date(-62_198_755_200_000), max: new Date(253_402_300_799_000), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.integer({ min: -1, max: 3000 }).map((year) => `${String(year).padStart(4, '0')}-06-15T12:00:00+02:00`),
);

export const nastyNumber = fc.oneof(
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, 1899, 10_000),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

export const scalarJunk = fc.oneof(nastyString, nastyDate, nastyNumber, fc.boolean(), fc.constant(null));
/** Objects and arrays of junk, a few levels deep, with keys that are junk too. */
export const nestedJunk = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalarJunk, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'constructor', 'title', 'name')), tie('value'), { maxKeys: 5 }),
})).value;
export const junk = fc.oneof({ weight: 3, arbitrary: scalarJunk }, { weight: 1, arbitrary: nestedJunk });

export type Json = unknown;

/** Every path to a leaf of a valid body: the places a mutation can hit. */
export function leafPaths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => leafPaths(v, [...prefix, i])) : [prefix];
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k])) : [prefix];
  }
  return [prefix];
}

export function setAt(body: Json, path: (string | number)[], replacement: Json | typeof REMOVE): Json {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<string | number, Json>;
  const next = setAt(copy[head!], rest, replacement);
  if (next === undefined && rest.length === 0) delete copy[head!];
  else copy[head!] = next;
  return copy;
}
export const REMOVE = Symbol('remove');

/** What a request sends: a JSON body, raw bytes with some content type, or (for uploads) a multipart body. */
export interface Sent {
  payload?: string | Buffer;
  contentType?: string;
  /** Junk for one path parameter, percent-encoded, or for the query string. */
  param?: string;
  query?: string;
}

export function jsonBody(valid: Json): fc.Arbitrary<Sent> {
  const paths = leafPaths(valid);
  const mutated = fc.oneof(
    // One leaf replaced by junk, several leaves replaced, one left out, or junk added where none belongs.
    { weight: 5, arbitrary: fc.tuple(fc.nat(), junk).map(([i, j]) => setAt(valid, paths[i % paths.length]!, j)) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.tuple(fc.nat(), junk), { minLength: 2, maxLength: 6 })
        .map((hits) => hits.reduce((b, [i, j]) => setAt(b, paths[i % paths.length]!, j), valid)),
    },
    { weight: 1, arbitrary: fc.nat().map((i) => setAt(valid, paths[i % paths.length]!, REMOVE)) },
    { weight: 1, arbitrary: fc.tuple(nastyString, nestedJunk).map(([k, j]) => (valid && typeof valid === 'object' ? { ...valid, [k]: j } : { [k]: j })) },
    { weight: 1, arbitrary: junk },
    { weight: 1, arbitrary: fc.constant(valid) },
  );
  const asJson = mutated.map((body): Sent => (body === undefined ? {} : { payload: JSON.stringify(body), contentType: 'application/json' }));
  const raw = fc.oneof(
    fc.constantFrom<Sent>(
      { payload: '{"title": "ohne Ende', contentType: 'application/json' },
      { payload: '{"a":1}', contentType: 'application/json; charset=latin1' },
      { payload: '[]', contentType: 'application/json' },
      { payload: 'null', contentType: 'application/json' },
      { payload: '"\\u0000"', contentType: 'application/json' },
      { payload: '{"__proto__": {"isAdmin": true}}', contentType: 'application/json' },
      { payload: '{"title": "x"}', contentType: 'text/plain' },
      { payload: 'title=x', contentType: 'application/x-www-form-urlencoded' },
      { payload: Buffer.from([0xff, 0xfe, 0x00, 0x7b]), contentType: 'application/json' },
      { payload: '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}', contentType: 'application/json' },
      { payload: 'x'.repeat(1_100_000), contentType: 'application/json' },
    ),
    fc.uint8Array({ maxLength: 200 }).map((bytes): Sent => ({ payload: Buffer.from(bytes), contentType: 'application/json' })),
  );
  return fc.oneof({ weight: 12, arbitrary: asJson }, { weight: 1, arbitrary: raw });
}

/** Path and query junk, percent-encoded as a client could send it (lone surrogates as their invalid UTF-8 bytes). */
export const urlJunk = fc.oneof(
  fc.constantFrom(
    '%00',
    '%ED%A0%80',
    '%FF%FE',
    '..%2F..%2Fetc',
    'x'.repeat(5000),
    '00000000-0000-0000-0000-000000000000',
    'KBV-A9-99',
    '%20',
    'null',
    '-1',
    '1e309',
  ),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
);

export function multipartBody(sheet?: { files: Buffer[]; fields: string[] }): fc.Arbitrary<Sent> {
  const b = 'fuzzboundary';
  const header = (name: string, fileName?: string) =>
    `Content-Disposition: form-data; name="${name}"${fileName === undefined ? '' : `; filename="${fileName}"`}\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const part = fc.record({
    name: fc.oneof(
      fc.constant('file'),
      ...(sheet ? [fc.constantFrom(...sheet.fields)] : []),
      nastyString.map((s) => s.slice(0, 50)),
    ),
    fileName: fc.option(
      fc.oneof(
        fc.constantFrom('nachweis.pdf', 'a\u0000.pdf', '../../etc/passwd', 'x.html', '', 'ä'.repeat(300)),
        nastyString.map((s) => s.slice(0, 300)),
      ),
      { nil: undefined },
    ),
    content: fc.oneof(
      fc.constantFrom(samplePdf, samplePng, Buffer.alloc(0), Buffer.from('<html></html>')),
      ...(sheet
        ? [
            fc.constantFrom(...sheet.files),
            fc.constantFrom('{"0":"name","1":"name"}', '{"0":"kind","99999":"x"}', '[1]', 'null', '{"0":null}').map((text) => Buffer.from(text)),
            nestedJunk.map((value) => Buffer.from(JSON.stringify(value) ?? '')),
          ]
        : []),
      fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
    ),
  });
  const wellFormed = fc.array(part, { minLength: 0, maxLength: 3 }).map(
    (parts): Sent => ({
      contentType: `multipart/form-data; boundary=${b}`,
      payload: Buffer.concat([
        ...parts.flatMap((p) => [Buffer.from(`--${b}\r\n${header(p.name, p.fileName)}`), p.content, Buffer.from('\r\n')]),
        Buffer.from(`--${b}--\r\n`),
      ]),
    }),
  );
  const good = multipart('nachweis.pdf', samplePdf);
  const broken = fc.oneof(
    fc.nat({ max: good.payload.length }).map((cut): Sent => ({ contentType: good.contentType, payload: good.payload.subarray(0, cut) })),
    fc.constantFrom<Sent>(
      { contentType: 'multipart/form-data', payload: good.payload },
      { contentType: 'multipart/form-data; boundary=', payload: good.payload },
      { contentType: 'multipart/form-data; boundary=falsch', payload: good.payload },
      { contentType: `multipart/form-data; boundary=${'x'.repeat(200)}`, payload: good.payload },
      { contentType: 'multipart/mixed; boundary=x', payload: '--x--' },
      { contentType: 'application/json', payload: '{"file": "JVBERi0="}' },
      { contentType: `multipart/form-data; boundary=${b}`, payload: `--${b}\r\nGarbage without colon\r\n\r\nx\r\n--${b}--\r\n` },
      { contentType: `multipart/form-data; boundary=${b}`, payload: `--${b}\r\n${header('file')}nur ein Feld\r\n--${b}--\r\n` },
      {
        contentType: `multipart/form-data; boundary=${b}`,
        payload: Array.from({ length: 30 }, (_, i) => `--${b}\r\n${header(`f${i}`)}x\r\n`).join('') + `--${b}--\r\n`,
      },
      {
        contentType: good.contentType,
        payload: Buffer.concat([good.payload.subarray(0, 150), Buffer.alloc(26 * 1024 * 1024, 0x41), good.payload.subarray(150)]),
      },
    ),
    fc.uint8Array({ maxLength: 400 }).map((bytes): Sent => ({ contentType: `multipart/form-data; boundary=${b}`, payload: Buffer.from(bytes) })),
  );
  const query = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: urlJunk.map((junk) => `locationId=${junk}`) });
  return fc.tuple(fc.oneof(wellFormed, broken), query).map(([sent, q]): Sent => (q === undefined ? sent : { ...sent, query: q }));
}
