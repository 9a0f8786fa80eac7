import { Inflate } from 'fflate';
import { Buffer } from 'buffer';

/**
 * INTERIM (until the readers move into their browser-capable package, after issue 21's reader
 * work lands): the two `node:zlib` calls the readers make, over fflate, for the page's worker
 * bundle only (scripts/buildSendPage.ts aliases `node:zlib` here). Raw DEFLATE either way.
 */

const STEP = 64 * 1024;
let inflated: (rawBytes: number) => void = () => undefined;

/** Called with the packed bytes each time some are inflated: the worker's reading progress. */
export function onInflate(f: (rawBytes: number) => void): void {
  inflated = f;
}

function inflateInSteps(raw: Uint8Array, take: (chunk: Uint8Array) => void): void {
  const inf = new Inflate((chunk) => take(chunk));
  if (raw.length === 0) inf.push(raw, true);
  for (let i = 0; i < raw.length; i += STEP) {
    const piece = raw.subarray(i, i + STEP);
    inf.push(piece, i + STEP >= raw.length);
    inflated(piece.length);
  }
}

const asBuffer = (u: Uint8Array) => Buffer.from(u.buffer as ArrayBuffer, u.byteOffset, u.length);

export function inflateRawSync(raw: Uint8Array, o: { maxOutputLength?: number } = {}): Buffer {
  const max = o.maxOutputLength ?? Infinity;
  const parts: Uint8Array[] = [];
  let total = 0;
  inflateInSteps(raw, (chunk) => {
    total += chunk.length;
    if (total > max) throw Object.assign(new RangeError('Cannot create a Buffer larger than the maximum'), { code: 'ERR_BUFFER_TOO_LARGE' });
    parts.push(chunk);
  });
  return Buffer.concat(parts.map(asBuffer), total);
}

export function createInflateRaw(_o: { chunkSize?: number } = {}) {
  let raw: Uint8Array = new Uint8Array(0);
  return {
    end(r: Uint8Array) {
      raw = r;
    },
    async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
      const out: Uint8Array[] = [];
      const inf = new Inflate((chunk) => out.push(chunk));
      for (let i = 0; i < raw.length; i += STEP) {
        const piece = raw.subarray(i, i + STEP);
        inf.push(piece, i + STEP >= raw.length);
        inflated(piece.length);
        while (out.length) yield asBuffer(out.shift()!);
      }
    },
  };
}
