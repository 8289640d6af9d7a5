import { createHash, randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { PackAborted, PackStream, type PackWriter } from './pack-writer.ts';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Reads a whole stream into one Buffer. */
async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await pipeline(stream, sink);
  return Buffer.concat(chunks);
}

async function* parts(buffer: Buffer, size: number) {
  for (let offset = 0; offset < buffer.length; offset += size) yield buffer.subarray(offset, offset + size);
}

describe('the streaming ZIP of the evidence pack', () => {
  it('writes whole files and files in parts that any unzip reads back, each hashed as written', async () => {
    const small = randomBytes(10_000);
    const large = randomBytes(3 * 1024 * 1024 + 17);
    let written: PackWriter['entries'] = [];
    const stream = new PackStream(async (writer) => {
      await writer.addBuffer('evidence/KBV-A1-01/Befund.pdf', small);
      await writer.addParts('evidence/KBV-A1-02/Großes Bild.jpg', parts(large, 1024 * 1024));
      await writer.addBuffer('hashes.sha256', Buffer.from('x'));
      written = writer.entries;
    });
    const zip = await JSZip.loadAsync(await collect(stream));
    expect(Object.keys(zip.files).sort()).toEqual(['evidence/KBV-A1-01/Befund.pdf', 'evidence/KBV-A1-02/Großes Bild.jpg', 'hashes.sha256']);
    expect(sha256(await zip.file('evidence/KBV-A1-01/Befund.pdf')!.async('nodebuffer'))).toBe(sha256(small));
    expect(sha256(await zip.file('evidence/KBV-A1-02/Großes Bild.jpg')!.async('nodebuffer'))).toBe(sha256(large));
    expect(written.map((e) => [e.path, e.size, e.sha256])).toEqual([
      ['evidence/KBV-A1-01/Befund.pdf', small.length, sha256(small)],
      ['evidence/KBV-A1-02/Großes Bild.jpg', large.length, sha256(large)],
      ['hashes.sha256', 1, sha256(Buffer.from('x'))],
    ]);
  });

  it('starts the producer only when the reader first asks for bytes', async () => {
    let started = false;
    const stream = new PackStream(async (writer) => {
      started = true;
      await writer.addBuffer('a.txt', Buffer.from('a'));
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toBe(false);
    await collect(stream);
    expect(started).toBe(true);
  });

  it('waits for a slow reader instead of buffering the whole pack', async () => {
    let buffered = 0;
    const stream: PackStream = new PackStream(async (writer) => {
      for (let i = 0; i < 40; i++) {
        await writer.addBuffer(`f${i}.bin`, randomBytes(256 * 1024));
        buffered = Math.max(buffered, stream.readableLength);
      }
    });
    // Read one chunk every few milliseconds: 10 MB pass through, at no moment more than a few MB are held.
    const reader = stream[Symbol.asyncIterator]();
    let total = 0;
    for (let next = await reader.next(); !next.done; next = await reader.next()) {
      total += (next.value as Buffer).length;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(total).toBeGreaterThan(40 * 256 * 1024);
    expect(buffered).toBeLessThan(3 * 1024 * 1024);
  });

  it('aborts the producer when the reader goes away, and the producer ends', async () => {
    let outcome: unknown = null;
    let released = false;
    let abortedAtEnd = false;
    const stream = new PackStream(async (writer, signal) => {
      try {
        for (let i = 0; i < 1000; i++) await writer.addBuffer(`f${i}.bin`, randomBytes(64 * 1024));
      } catch (error) {
        outcome = error;
        throw error;
      } finally {
        released = true;
        abortedAtEnd = signal.aborted;
      }
    });
    const first = await new Promise<Buffer>((resolve) => stream.once('data', resolve));
    expect(first.length).toBeGreaterThan(0);
    stream.destroy();
    await stream.done;
    expect(released).toBe(true);
    expect(abortedAtEnd).toBe(true);
    expect(outcome).toBeInstanceOf(PackAborted);
  });

  it('fails the stream when the producer fails, so the answer ends as an error', async () => {
    const stream = new PackStream(async () => {
      throw new Error('database gone');
    });
    await expect(collect(stream)).rejects.toThrow('database gone');
  });
});
