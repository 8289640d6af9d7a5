/**
 * Types of zip-stream 4 (archiverjs; the package ships none): a Transform stream that writes one ZIP entry at a time
 * and the central directory on finalize(). Only what the evidence pack uses is declared.
 */
declare module 'zip-stream' {
  import { Transform } from 'node:stream';

  interface ZipStreamOptions {
    /** STORE instead of DEFLATE for every entry. */
    store?: boolean;
    /** ZIP64 headers even when no size or offset needs them. */
    forceZip64?: boolean;
    comment?: string;
    /** Buffer size of both sides of the transform, in bytes. */
    highWaterMark?: number;
  }

  interface EntryData {
    /** Path inside the archive, "/" between folders. */
    name: string;
    date?: Date;
    store?: boolean;
    /** Unix permission bits, e.g. 0o644. */
    mode?: number;
  }

  export default class ZipStream extends Transform {
    constructor(options?: ZipStreamOptions);
    /** Appends one entry; the callback runs once its data is in the stream (a Buffer) or its source ended (a stream). */
    entry(source: Buffer | NodeJS.ReadableStream, data: EntryData, callback: (error: Error | null) => void): this;
    /** Writes the central directory after the current entry and ends the stream. */
    finalize(): void;
    getBytesWritten(): number;
  }
}
