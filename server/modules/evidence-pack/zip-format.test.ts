import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { PackStream } from './pack-writer.ts';
import { crc32, crc32IsNative } from './zip-format.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function* parts(buffer: Buffer, size: number) {
  for (let offset = 0; offset < buffer.length; offset += size) yield buffer.subarray(offset, offset + size);
}

/** A pack of a few files, as the ZIP's bytes. */
async function pack(files: [string, Buffer, 'whole' | 'parts'][], date: Date, zip64From?: number): Promise<Buffer> {
  const stream = new PackStream(
    async (writer) => {
      for (const [name, content, how] of files) {
        if (how === 'whole') await writer.addBuffer(name, content, date);
        else await writer.addParts(name, parts(content, 100_000), date);
      }
    },
    undefined,
    { zip64From },
  );
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Info-ZIP's unzip on the archive: `-t` tests every entry's CRC-32, `-Z` lists names, sizes, modes and dates. */
function unzip(zip: Buffer, args: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'zip-format-'));
  try {
    writeFileSync(path.join(dir, 'pack.zip'), zip);
    return execFileSync('unzip', [...args, 'pack.zip'], { cwd: dir, encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the ZIP records of the evidence pack', () => {
  const files: [string, Buffer, 'whole' | 'parts'][] = [
    ['evidence/KBV-A1-01/Befund.pdf', randomBytes(70_000), 'whole'],
    ['evidence/KBV-A1-02/Übergabe Größe.pdf', randomBytes(250_001), 'parts'],
    ['leer.txt', Buffer.alloc(0), 'whole'],
    ['auch leer.bin', Buffer.alloc(0), 'parts'],
  ];
  // 2026-12-07 14:30:42 local time: the ZIP holds local time, and unzip shows it as written.
  const date = new Date(2026, 11, 7, 14, 30, 42);

  it.each([
    ['classic records', undefined],
    ['ZIP64 records from the first byte', 0],
  ])('%s: unzip tests every CRC and JSZip reads every byte back', async (_label, zip64From) => {
    const zip = await pack(files, date, zip64From);
    expect(unzip(zip, ['-t'])).toMatch(/No errors detected/);
    const read = await JSZip.loadAsync(zip);
    expect(Object.keys(read.files)).toEqual(files.map(([name]) => name));
    for (const [name, content] of files) expect(sha256(await read.file(name)!.async('nodebuffer')), name).toBe(sha256(content));
    const listing = unzip(zip, ['-Z']);
    // UTF-8 names, Unix mode rw-r--r--, stored ("stor"), the date as written, the version ZIP64 needs where used.
    expect(listing).toContain('Übergabe Größe.pdf');
    expect(listing.match(/-rw-r--r--/g)).toHaveLength(files.length);
    expect(listing.match(/ stor /g)).toHaveLength(files.length);
    expect(listing).toMatch(/26-Dec-07 14:30/);
    // With ZIP64 the classic offset fields hold 0xFFFFFFFF: unzip finds every entry through the ZIP64 records.
    const details = unzip(zip, ['-Zv']);
    expect(details).toContain('central directory contains 4 entries');
    expect(details.match(/minimum software version required to extract: +4\.5/g) ?? []).toHaveLength(zip64From === 0 ? files.length : 0);
  });

  it('writes ZIP64 end records only when asked or needed', async () => {
    const classic = await pack(files.slice(0, 1), date);
    const zip64 = await pack(files.slice(0, 1), date, 0);
    const hasZip64End = (zip: Buffer) => zip.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]));
    expect(hasZip64End(classic)).toBe(false);
    expect(hasZip64End(zip64)).toBe(true);
  });

  it('computes CRC-32 as zlib does, in parts as in one go (native in this Node)', () => {
    const data = randomBytes(100_000);
    expect(crc32IsNative).toBe(true);
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(data.subarray(60_000), crc32(data.subarray(0, 60_000)))).toBe(crc32(data));
  });
});
