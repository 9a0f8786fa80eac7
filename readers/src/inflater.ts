/**
 * How a zip entry's raw DEFLATE data is unpacked: the one thing the readers need from their
 * host. Without one they load fflate (fflateInflater.ts: JavaScript, runs anywhere; the clerk's
 * page uses it in its worker); the CLI gives Node's zlib (cli/src/xlsx/zlibInflater.ts), native
 * and streaming, which keeps its speed and bounded memory and loads no library.
 */
export interface Inflater {
  /** A whole small entry, or null once it passes `maxBytes` (the rest is not unpacked). */
  whole(raw: Uint8Array, maxBytes: number): Uint8Array | null;
  /** An entry's bytes as they unpack, a chunk at a time: stop reading and the rest is never unpacked. */
  chunks(raw: Uint8Array): AsyncIterable<Uint8Array>;
}

/** The host's inflater, or fflate, loaded only then (the CLI, which gives zlib, never loads it). */
export async function inflaterOf(host: { inflater?: Inflater }): Promise<Inflater> {
  return host.inflater ?? (await import('./fflateInflater.js')).fflateInflater;
}
