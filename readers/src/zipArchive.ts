import { u16, u32, u64, utf8 } from './bytes';
import type { Inflater } from './inflater';

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
  chunks(entry: ZipEntry): AsyncIterable<Uint8Array>;
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_EOCD = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATE = 8;
/** Chunks handed to the reader. */
const CHUNK = 1 << 15;
/**
 * Entries up to this size are inflated at once on this thread: the stream's round trips to
 * the thread pool cost more than inflating a small part, and on a busy machine each one waits
 * its turn. A part whose declared size lies is stopped at this bound and streamed instead.
 */
const WHOLE_ENTRY_BYTES = 4 * 1024 * 1024;

async function* pieces(b: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < b.length; i += CHUNK) yield b.subarray(i, i + CHUNK);
}

const key = (name: string) => name.replace(/\\/g, '/').replace(/^\//, '').toLowerCase();

function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) if (u32(b, i) === EOCD) return i;
  throw new ZipError('not a zip container');
}

/** Reads the central directory; zip64 sizes and offsets are honoured. Entries unpack through the host's `inflater`. */
export function openZip(b: Uint8Array, inflater: Inflater): ZipArchive {
  const eocd = findEocd(b);
  let count = u16(b, eocd + 10);
  let dirOffset = u32(b, eocd + 16);
  if ((dirOffset === 0xffffffff || count === 0xffff) && eocd >= 20 && u32(b, eocd - 20) === ZIP64_LOCATOR) {
    const z = u64(b, eocd - 12);
    if (z + 56 > b.length || u32(b, z) !== ZIP64_EOCD) throw new ZipError('bad zip64 directory');
    count = u64(b, z + 32);
    dirOffset = u64(b, z + 48);
  }
  const entries = new Map<string, ZipEntry>();
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== CENTRAL) throw new ZipError('damaged zip directory');
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let headerOffset = u32(b, p + 42);
    const name = utf8(b.subarray(p + 46, p + 46 + nameLen));
    // Zip64 extra field: the 64-bit values follow in this order, present only where the 32-bit one is saturated.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 0x0001) {
        const next = (() => {
          let y = x + 4;
          return () => u64(b, (y += 8) - 8);
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

  function data(e: ZipEntry): Uint8Array {
    const h = e.headerOffset;
    if (h + 30 > b.length || u32(b, h) !== LOCAL) throw new ZipError(`damaged entry ${e.name}`);
    const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
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
      const bytes = e.method === STORED ? raw : inflater.whole(raw, Math.max(maxBytes, 1));
      if (!bytes) throw new ZipError(`${e.name} is too large (more than ${maxBytes} bytes unpacked)`);
      return utf8(bytes);
    },
    chunks(e) {
      const raw = data(e);
      if (e.method === STORED) return pieces(raw);
      if (e.size <= WHOLE_ENTRY_BYTES) {
        const whole = inflater.whole(raw, WHOLE_ENTRY_BYTES);
        if (whole) return pieces(whole);
      }
      return inflater.chunks(raw);
    },
  };
}
