import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import ZipStream from 'zip-stream';

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
 * Bytes buffered inside the ZIP stream before a writer waits for the reader (the HTTP response): enough to keep the
 * socket busy, small enough that a slow client holds no more than this per pack.
 */
const BUFFERED_BYTES = 1024 * 1024;
/** Unix permission bits of every file in the pack: readable by all, writable by the owner. */
const FILE_MODE = 0o644;

/**
 * Writes files into a streaming ZIP (zip-stream, every entry STORED: evidence is PDF, images and Office files, which
 * are compressed already, so deflating would cost time and win nothing). Every entry is hashed as it is written, and
 * the writer waits whenever the reader lags, so memory holds at most one file or slice plus BUFFERED_BYTES.
 */
export class PackWriter {
  readonly output = new ZipStream({ store: true, highWaterMark: BUFFERED_BYTES });
  readonly entries: WrittenEntry[] = [];
  readonly #signal: AbortSignal;

  constructor(signal: AbortSignal) {
    this.#signal = signal;
  }

  /** A file whose bytes are all at hand (index, hashes, small evidence files). */
  async addBuffer(path: string, content: Buffer, date = new Date()): Promise<WrittenEntry> {
    this.#checkOpen();
    await this.#entry(content, path, date);
    return this.#record(path, content.length, createHash('sha256').update(content).digest('hex'));
  }

  /** A file that arrives in parts (a large evidence file read slice by slice); the parts are hashed as they pass. */
  async addParts(path: string, parts: AsyncIterable<Buffer>, date = new Date()): Promise<WrittenEntry> {
    this.#checkOpen();
    const hash = createHash('sha256');
    let size = 0;
    const source = Readable.from(
      (async function* () {
        for await (const part of parts) {
          hash.update(part);
          size += part.length;
          yield part;
        }
      })(),
      { objectMode: false },
    );
    await this.#entry(source, path, date);
    return this.#record(path, size, hash.digest('hex'));
  }

  /** Writes the central directory and ends the ZIP once the reader took everything. */
  async finish(): Promise<void> {
    this.#checkOpen();
    const ended = this.#settled('end');
    this.output.finalize();
    await ended;
  }

  #record(path: string, size: number, sha256: string): WrittenEntry {
    const entry = { path, size, sha256 };
    this.entries.push(entry);
    return entry;
  }

  async #entry(source: Buffer | Readable, name: string, date: Date): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.output.entry(source, { name, date, mode: FILE_MODE, store: true }, (error) => (error ? reject(error) : resolve()));
    });
    // A Buffer entry is written at once whatever the reader does: wait here until the reader caught up.
    if (this.output.writableLength > BUFFERED_BYTES) await this.#settled('drain');
    this.#checkOpen();
  }

  /** Resolves on `event`, rejects when the stream fails, closes first or the pack is aborted. */
  #settled(event: 'drain' | 'end'): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => {
        this.output.off(event, onEvent).off('error', done).off('close', onClose);
        this.#signal.removeEventListener('abort', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onEvent = () => done();
      const onClose = () => done(new PackAborted());
      this.output.once(event, onEvent).once('error', done).once('close', onClose);
      this.#signal.addEventListener('abort', onClose, { once: true });
    });
  }

  #checkOpen() {
    if (this.#signal.aborted || this.output.destroyed) throw new PackAborted();
  }
}

/** What fills a pack: called once, when the reader first asks for bytes. */
export type PackProducer = (writer: PackWriter, signal: AbortSignal) => Promise<void>;

/**
 * The pack as the HTTP answer: a Readable that starts the producer only when the response first reads from it (so
 * nothing runs for an answer that is never sent), passes the ZIP through with backpressure, and on destroy — the
 * client went away — aborts the producer, which stops at its next step and releases what it holds.
 */
export class PackStream extends Readable {
  readonly #produce: PackProducer;
  readonly #controller = new AbortController();
  readonly #onFirstBytes: () => void;
  #writer: PackWriter | null = null;
  #sentAny = false;
  /** Settles when the producer has ended, however it ended (the tests wait for it). */
  done: Promise<void> = Promise.resolve();

  constructor(produce: PackProducer, onFirstBytes: () => void = () => undefined) {
    super({ highWaterMark: BUFFERED_BYTES });
    this.#produce = produce;
    this.#onFirstBytes = onFirstBytes;
  }

  override _read(): void {
    if (this.#writer) {
      this.#writer.output.resume();
      return;
    }
    const writer = new PackWriter(this.#controller.signal);
    this.#writer = writer;
    writer.output.on('data', (chunk: Buffer) => {
      if (!this.#sentAny) {
        this.#sentAny = true;
        this.#onFirstBytes();
      }
      if (!this.push(chunk)) writer.output.pause();
    });
    writer.output.once('end', () => this.push(null));
    writer.output.once('error', (error: Error) => this.destroy(error));
    const signal = this.#controller.signal;
    this.done = (async () => {
      await this.#produce(writer, signal);
      await writer.finish();
    })().catch((error: unknown) => {
      // After a destroy (the client went away) the producer's PackAborted is the expected end, not a failure.
      if (!this.destroyed) this.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#controller.abort();
    this.#writer?.output.destroy();
    callback(error);
  }
}
