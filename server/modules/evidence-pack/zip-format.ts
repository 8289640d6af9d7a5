import zlib from 'node:zlib';

/**
 * The records of a ZIP file (PKWARE APPNOTE 6.3.10) that the evidence pack writes: every entry STORED, its name in
 * UTF-8, its size and CRC-32 in the local header when the bytes are at hand, else in a data descriptor after them;
 * ZIP64 only where an offset or a count outgrows the classic fields (a pack over 4 GiB or 65 535 files). An entry
 * itself stays below 4 GiB: evidence files are at most EVIDENCE_MAX_BYTES (25 MB).
 */

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const END = 0x06054b50;
const ZIP64_EXTRA = 0x0001;

/** General purpose bit 3: sizes and CRC-32 follow the data; bit 11: the name is UTF-8. */
const FLAG_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
/** Version 2.0 (stored entries, folders, data descriptors) and 4.5 (ZIP64); "made by" Unix, so the mode counts. */
const VERSION = 20;
const VERSION_ZIP64 = 45;
const MADE_BY_UNIX = 3 << 8;
const MAX_32 = 0xffffffff;
/** Unix file type "regular file", beside the permission bits. */
const S_IFREG = 0o100000;
const MAX_16 = 0xffff;

type Crc32 = (data: Uint8Array, value?: number) => number;

/** A table-driven CRC-32 for a Node without `zlib.crc32` (added in 20.15 and 22.2); about a tenth of its speed. */
function crc32InJs(): Crc32 {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return (data, value = 0) => {
    let c = ~value;
    for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
    return ~c >>> 0;
  };
}

const nativeCrc32 = (zlib as { crc32?: Crc32 }).crc32;
/** CRC-32 of `data`, continuing from `value` (the CRC of the bytes before it); native code where Node has it. */
export const crc32: Crc32 = typeof nativeCrc32 === 'function' ? nativeCrc32 : crc32InJs();
export const crc32IsNative = typeof nativeCrc32 === 'function';

/** What the central directory records of one entry. */
export interface ZipEntry {
  name: Buffer;
  date: Date;
  mode: number;
  crc: number;
  size: number;
  /** Where its local header starts. */
  offset: number;
  descriptor: boolean;
}

/** MS-DOS date and time in local time, as unzip shows them; 1980-01-01 for anything earlier. */
function dosDateTime(date: Date): { time: number; date: number } {
  if (date.getFullYear() < 1980) return { time: 0, date: (1 << 5) | 1 };
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

function checkSize(size: number) {
  if (size > MAX_32 - 1) throw new Error(`a ZIP entry of ${size} bytes needs ZIP64 sizes, which the evidence pack does not write`);
}

/** The local file header; with `descriptor` the CRC and sizes are zero here and follow the data. */
export function localHeader(entry: ZipEntry): Buffer {
  checkSize(entry.size);
  const { time, date } = dosDateTime(entry.date);
  const header = Buffer.allocUnsafe(30 + entry.name.length);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(VERSION, 4);
  header.writeUInt16LE(FLAG_UTF8 | (entry.descriptor ? FLAG_DESCRIPTOR : 0), 6);
  header.writeUInt16LE(0, 8); // method: stored
  header.writeUInt16LE(time, 10);
  header.writeUInt16LE(date, 12);
  header.writeUInt32LE(entry.descriptor ? 0 : entry.crc, 14);
  header.writeUInt32LE(entry.descriptor ? 0 : entry.size, 18);
  header.writeUInt32LE(entry.descriptor ? 0 : entry.size, 22);
  header.writeUInt16LE(entry.name.length, 26);
  header.writeUInt16LE(0, 28); // extra field length
  entry.name.copy(header, 30);
  return header;
}

/** The data descriptor after an entry written before its CRC and size were known. */
export function dataDescriptor(entry: ZipEntry): Buffer {
  checkSize(entry.size);
  const record = Buffer.allocUnsafe(16);
  record.writeUInt32LE(DATA_DESCRIPTOR, 0);
  record.writeUInt32LE(entry.crc, 4);
  record.writeUInt32LE(entry.size, 8);
  record.writeUInt32LE(entry.size, 12);
  return record;
}

/** One central directory header; an offset at or past `zip64From` goes into a ZIP64 extra field. */
function centralHeader(entry: ZipEntry, zip64From: number): Buffer {
  const zip64 = entry.offset >= zip64From;
  const extra = zip64 ? 12 : 0;
  const { time, date } = dosDateTime(entry.date);
  const header = Buffer.allocUnsafe(46 + entry.name.length + extra);
  header.writeUInt32LE(CENTRAL_HEADER, 0);
  header.writeUInt16LE(MADE_BY_UNIX | VERSION_ZIP64, 4);
  header.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION, 6);
  header.writeUInt16LE(FLAG_UTF8 | (entry.descriptor ? FLAG_DESCRIPTOR : 0), 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(time, 12);
  header.writeUInt16LE(date, 14);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.size, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt16LE(extra, 30);
  header.writeUInt16LE(0, 32); // comment length
  header.writeUInt16LE(0, 34); // disk
  header.writeUInt16LE(0, 36); // internal attributes
  header.writeUInt32LE(((S_IFREG | (entry.mode & 0o7777)) << 16) >>> 0, 38); // Unix file type and mode in the high half
  header.writeUInt32LE(zip64 ? MAX_32 : entry.offset, 42);
  entry.name.copy(header, 46);
  if (zip64) {
    const at = 46 + entry.name.length;
    header.writeUInt16LE(ZIP64_EXTRA, at);
    header.writeUInt16LE(8, at + 2);
    header.writeBigUInt64LE(BigInt(entry.offset), at + 4);
  }
  return header;
}

/**
 * The central directory starting at `offset`, then the end records: ZIP64 end record and locator first when the
 * directory starts, or the count reaches, past what the classic record holds (or past `zip64From`, which tests lower
 * to check the ZIP64 form with a few bytes).
 */
export function centralDirectory(entries: readonly ZipEntry[], offset: number, zip64From = MAX_32): Buffer {
  const headers = entries.map((entry) => centralHeader(entry, zip64From));
  const size = headers.reduce((sum, h) => sum + h.length, 0);
  const zip64 = offset >= zip64From || offset + size >= MAX_32 || entries.length >= MAX_16;
  const records: Buffer[] = [...headers];
  if (zip64) {
    const end64 = Buffer.alloc(56);
    end64.writeUInt32LE(ZIP64_END, 0);
    end64.writeBigUInt64LE(44n, 4); // size of the rest of this record
    end64.writeUInt16LE(MADE_BY_UNIX | VERSION_ZIP64, 12);
    end64.writeUInt16LE(VERSION_ZIP64, 14);
    end64.writeBigUInt64LE(BigInt(entries.length), 24);
    end64.writeBigUInt64LE(BigInt(entries.length), 32);
    end64.writeBigUInt64LE(BigInt(size), 40);
    end64.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(ZIP64_LOCATOR, 0);
    locator.writeBigUInt64LE(BigInt(offset + size), 8);
    locator.writeUInt32LE(1, 16); // disks
    records.push(end64, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(zip64 ? MAX_16 : entries.length, 8);
  end.writeUInt16LE(zip64 ? MAX_16 : entries.length, 10);
  end.writeUInt32LE(zip64 ? MAX_32 : size, 12);
  end.writeUInt32LE(zip64 ? MAX_32 : offset, 16);
  records.push(end);
  return Buffer.concat(records);
}
