/**
 * A file's bytes as the readers take them, in Node and in browsers alike: a Uint8Array (Node's
 * Buffer is one), numbers read little-endian, text decoded with the WHATWG API.
 */

function inside(b: Uint8Array, at: number, size: number): void {
  if (!(at >= 0 && at + size <= b.length)) throw new RangeError(`offset ${at} is outside the ${b.length} bytes`);
}

export function u16(b: Uint8Array, at: number): number {
  inside(b, at, 2);
  return b[at] | (b[at + 1] << 8);
}

export function u32(b: Uint8Array, at: number): number {
  inside(b, at, 4);
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

/** A 64-bit size or offset (zip64), exact up to 2^53: no file the readers take comes near it. */
export function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

const utf8Decoder = new TextDecoder('utf-8');

export function utf8(b: Uint8Array): string {
  return utf8Decoder.decode(b);
}

/** Bytes as Latin-1 characters, one per byte (markup sniffing: the tags that tell formats apart are ASCII). */
export function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

export function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

export function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    out[2 * i] = s.charCodeAt(i) & 0xff;
    out[2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

export function startsWith(b: Uint8Array, prefix: Uint8Array): boolean {
  if (b.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (b[i] !== prefix[i]) return false;
  return true;
}

/** Whether `needle` occurs in `hay` (what Buffer's `includes` does, for any Uint8Array). */
export function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  const last = hay.length - needle.length;
  for (let i = hay.indexOf(first); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** `report.xlsx` → `.xlsx`; `` for a name with no extension. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot);
}

/** `C:\returns\report.xlsx` → `report`. */
export function stemOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const ext = extensionOf(base);
  return ext ? base.slice(0, -ext.length) : base;
}
