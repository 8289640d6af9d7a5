import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { centralDirectory, crc32, dataDescriptor, localHeader, type ZipEntry } from './zip-format.ts';

/** One file written into the pack: its path, size and the SHA-256 of exactly the bytes written. */
export interface WrittenEntry {
  path: string;
  size: number;
  sha256: string;
}

/** The pack was given up: the client went away or the stream was destroyed. */
export class PackAborted extends Error {
  constructor() {
    super('evidence pack aborted');
  }
}

/**
 * Bytes queued in the pack stream before a writer waits for the reader (the HTTP response): enough to keep the socket
 * busy, small enough that a slow client holds no more than this (plus the file being written) per pack.
 */
const BUFFERED_BYTES = 1024 * 1024;
/** Unix permission bits of every file in the pack: readable by all, writable by the owner. */
const FILE_MODE = 0o644;

/** Where the ZIP's bytes go: resolves once the reader wants more, rejects with PackAborted when it went away. */
export type PackSink = (chunk: Buffer) => Promise<void>;

/**
 * Writes files into a streaming ZIP (zip-format.ts; every entry STORED: evidence is PDF, images and Office files,
 * which are compressed already, so deflating would cost time and win nothing). A file whose bytes are at hand gets
 * its CRC-32 and size in the local header; a file arriving in parts gets them in a data descriptor after it. Every
 * entry is hashed (SHA-256) as it is written; the sink makes the writer wait whenever the reader lags, so memory holds
 * at most one file or slice plus BUFFERED_BYTES.
 */
export class PackWriter {
  readonly entries: WrittenEntry[] = [];
  readonly #zipEntries: ZipEntry[] = [];
  readonly #send: PackSink;
  readonly #zip64From: number | undefined;
  #offset = 0;
  #finished = false;

  /** `zip64From` lowers the offset from which ZIP64 records are written: tests check that form with a few bytes. */
  constructor(send: PackSink, options: { zip64From?: number } = {}) {
    this.#send = send;
    this.#zip64From = options.zip64From;
  }

  /** A file whose bytes are all at hand (index, hashes, evidence files read whole). */
  async addBuffer(path: string, content: Buffer, date = new Date()): Promise<WrittenEntry> {
    const entry = this.#begin(path, date, false);
    entry.crc = crc32(content);
    entry.size = content.length;
    const sha256 = createHash('sha256').update(content).digest('hex');
    await this.#write(localHeader(entry));
    await this.#write(content);
    return this.#record(path, content.length, sha256);
  }

  /** A file that arrives in parts (a large evidence file read slice by slice); the parts are hashed as they pass. */
  async addParts(path: string, parts: AsyncIterable<Buffer>, date = new Date()): Promise<WrittenEntry> {
    const entry = this.#begin(path, date, true);
    const hash = createHash('sha256');
    await this.#write(localHeader(entry));
    for await (const part of parts) {
      entry.crc = crc32(part, entry.crc);
      entry.size += part.length;
      hash.update(part);
      await this.#write(part);
    }
    await this.#write(dataDescriptor(entry));
    return this.#record(path, entry.size, hash.digest('hex'));
  }

  /** Writes the central directory: the ZIP is complete after it. */
  async finish(): Promise<void> {
    if (this.#finished) throw new Error('the pack is finished already');
    this.#finished = true;
    await this.#write(centralDirectory(this.#zipEntries, this.#offset, this.#zip64From));
  }

  #begin(path: string, date: Date, descriptor: boolean): ZipEntry {
    if (this.#finished) throw new Error('the pack is finished already');
    const entry: ZipEntry = { name: Buffer.from(path), date, mode: FILE_MODE, crc: 0, size: 0, offset: this.#offset, descriptor };
    this.#zipEntries.push(entry);
    return entry;
  }

  async #write(chunk: Buffer): Promise<void> {
    this.#offset += chunk.length;
    if (chunk.length > 0) await this.#send(chunk);
  }

  #record(path: string, size: number, sha256: string): WrittenEntry {
    const entry = { path, size, sha256 };
    this.entries.push(entry);
    return entry;
  }
}

/** What fills a pack: called once, when the reader first asks for bytes. */
export type PackProducer = (writer: PackWriter, signal: AbortSignal) => Promise<void>;

/**
 * The pack as the HTTP answer: a Readable that starts the producer only when the response first reads from it (so
 * nothing runs for an answer that is never sent), takes the ZIP's bytes as they are written and makes the writer wait
 * while more than BUFFERED_BYTES are queued, and on destroy — the client went away — aborts the producer, which stops
 * at its next write or step and releases what it holds.
 */
export class PackStream extends Readable {
  readonly #produce: PackProducer;
  readonly #controller = new AbortController();
  readonly #onFirstBytes: () => void;
  readonly #writerOptions: { zip64From?: number };
  #started = false;
  #sentAny = false;
  /** The writer waiting for the reader to want more, if any. */
  #waiting: { resolve: () => void; reject: (error: Error) => void } | null = null;
  #readWanted = false;
  /** Settles when the producer has ended, however it ended (the tests wait for it). */
  done: Promise<void> = Promise.resolve();

  constructor(produce: PackProducer, onFirstBytes: () => void = () => undefined, writerOptions: { zip64From?: number } = {}) {
    super({ highWaterMark: BUFFERED_BYTES });
    this.#produce = produce;
    this.#onFirstBytes = onFirstBytes;
    this.#writerOptions = writerOptions;
  }

  override _read(): void {
    this.#readWanted = true;
    if (this.#waiting) {
      const { resolve } = this.#waiting;
      this.#waiting = null;
      resolve();
    }
    if (this.#started) return;
    this.#started = true;
    const writer = new PackWriter((chunk) => this.#send(chunk), this.#writerOptions);
    const signal = this.#controller.signal;
    this.done = (async () => {
      await this.#produce(writer, signal);
      await writer.finish();
      this.push(null);
    })().catch((error: unknown) => {
      // After a destroy (the client went away) the producer's PackAborted is the expected end, not a failure.
      if (!this.destroyed) this.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  }

  /** Queues one chunk for the reader; waits while the queue is full. */
  #send(chunk: Buffer): Promise<void> {
    if (this.destroyed || this.#controller.signal.aborted) return Promise.reject(new PackAborted());
    if (!this.#sentAny) {
      this.#sentAny = true;
      this.#onFirstBytes();
    }
    this.#readWanted = false;
    if (this.push(chunk) || this.#readWanted) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#controller.abort();
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.reject(new PackAborted());
    callback(error);
  }
}
