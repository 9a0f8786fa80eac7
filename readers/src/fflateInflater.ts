import { Inflate } from 'fflate';
import type { Inflater } from './inflater';

/** Packed bytes handed to fflate at a time, at most and at least. */
const MAX_STEP = 64 * 1024;
const MIN_STEP = 1024;
/**
 * Unpacked bytes one step should give, about: fflate unpacks all it is handed at once, so a
 * part that unpacks 1,000 to 1 (a zip bomb) is fed in smaller steps, and what is held between
 * two looks of the read's budget stays near this.
 */
const STEP_OUTPUT = 2 * 1024 * 1024;

/** `raw` unpacked a step at a time (each step's pieces together), steps sized to what they unpack to. */
function* steps(raw: Uint8Array): Generator<Uint8Array[]> {
  let out: Uint8Array[] = [];
  let produced = 0;
  const inf = new Inflate((chunk) => {
    produced += chunk.length;
    out.push(chunk);
  });
  if (raw.length === 0) inf.push(raw, true);
  let step = MAX_STEP;
  for (let i = 0; i < raw.length;) {
    const piece = raw.subarray(i, i + step);
    i += piece.length;
    inf.push(piece, i >= raw.length);
    if (produced > 0) step = Math.max(MIN_STEP, Math.min(MAX_STEP, Math.floor((step * STEP_OUTPUT) / produced)));
    const done = out;
    out = [];
    produced = 0;
    yield done;
  }
}

/** The largest piece a streamed entry is handed on in, as Node's zlib streams it. */
const PIECE = 32 * 1024;

function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** fflate as the readers' inflater: JavaScript, in Node and in browsers alike (the clerk's page reads with it). */
export const fflateInflater: Inflater = {
  whole(raw, maxBytes) {
    const parts: Uint8Array[] = [];
    let total = 0;
    for (const step of steps(raw)) {
      for (const p of step) {
        total += p.length;
        if (total > maxBytes) return null;
        parts.push(p);
      }
    }
    return concat(parts, total);
  },
  async *chunks(raw) {
    // Handed on in pieces of at most PIECE (views, not copies): the tokenizer takes text best so.
    for (const step of steps(raw)) for (const part of step) for (let i = 0; i < part.length; i += PIECE) yield part.subarray(i, i + PIECE);
  },
};
