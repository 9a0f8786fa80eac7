import { createInflateRaw, inflateRawSync } from 'node:zlib';

/** One file inside a zip container (.xlsx, .xlsm, .ods). */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header in the archive. */
  headerOffset: number;
}

/** A zip archive held in memory (files are at most MAX_FILE_BYTES), read entry by entry. */
export interface ZipArchive {
  entries: Map<string, ZipEntry>;
  /** The entry whose name matches, ignoring case and `\` for `/` (some writers differ). */
  find(name: string): ZipEntry | undefined;
  /** A whole entry as text, refused above `maxBytes` (entries are sized up front, not trusted blindly). */
  text(entry: ZipEntry, maxBytes: number): string;
  /** An entry's bytes as they inflate, a chunk at a time: stop reading and the rest is never inflated. */
  chunks(entry: ZipEntry): AsyncIterable<Buffer>;
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATE = 8;

const key = (name: string) => name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();

function findEocd(b: Buffer): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (b.readUInt32LE(i) === EOCD) return i;
  throw new ZipError('not a zip container');
}

/** Reads the central directory; zip64 sizes and offsets are honoured. */
export function openZip(b: Buffer): ZipArchive {
  const eocd = findEocd(b);
  let count = b.readUInt16LE(eocd + 10);
  let dirOffset = b.readUInt32LE(eocd + 16);
  if ((dirOffset === 0xffffffff || count === 0xffff) && eocd >= 20 && b.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
    const z = Number(b.readBigUInt64LE(eocd - 12));
    if (z + 56 > b.length || b.readUInt32LE(z) !== ZIP64_EOCD) throw new ZipError('bad zip64 directory');
    count = Number(b.readBigUInt64LE(z + 32));
    dirOffset = Number(b.readBigUInt64LE(z + 48));
  }
  const entries = new Map<string, ZipEntry>();
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) throw new ZipError('damaged zip directory');
    const method = b.readUInt16LE(p + 10);
    let compressedSize = b.readUInt32LE(p + 20);
    let size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    let headerOffset = b.readUInt32LE(p + 42);
    const name = b.toString('utf8', p + 46, p + 46 + nameLen);
    // Zip64 extra field: the 64-bit values follow in this order, present only where the 32-bit one is saturated.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
      const id = b.readUInt16LE(x);
      const len = b.readUInt16LE(x + 2);
      if (id === 0x0001) {
        const next = (() => {
          let y = x + 4;
          return () => Number(b.readBigUInt64LE((y += 8) - 8));
        })();
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (headerOffset === 0xffffffff) headerOffset = next();
      }
      x += 4 + len;
    }
    entries.set(key(name), { name, method, compressedSize, size, headerOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }

  function data(e: ZipEntry): Buffer {
    const h = e.headerOffset;
    if (h + 30 > b.length || b.readUInt32LE(h) !== LOCAL) throw new ZipError(`damaged entry ${e.name}`);
    const start = h + 30 + b.readUInt16LE(h + 26) + b.readUInt16LE(h + 28);
    if (start + e.compressedSize > b.length) throw new ZipError(`truncated entry ${e.name}`);
    if (e.method !== STORED && e.method !== DEFLATE) throw new ZipError(`unsupported compression ${e.method} in ${e.name}`);
    return b.subarray(start, start + e.compressedSize);
  }

  return {
    entries,
    find: (name) => entries.get(key(name)),
    text(e, maxBytes) {
      if (e.size > maxBytes) throw new ZipError(`${e.name} is too large (${e.size} bytes)`);
      const raw = data(e);
      const bytes = e.method === STORED ? raw : inflateRawSync(raw, { maxOutputLength: Math.max(maxBytes, 1) });
      return bytes.toString('utf8');
    },
    chunks(e) {
      const raw = data(e);
      if (e.method === STORED) {
        return (async function* () {
          for (let i = 0; i < raw.length; i += 1 << 18) yield raw.subarray(i, i + (1 << 18));
        })();
      }
      const inflate = createInflateRaw({ chunkSize: 1 << 18 });
      inflate.end(raw);
      return inflate;
    },
  };
}
