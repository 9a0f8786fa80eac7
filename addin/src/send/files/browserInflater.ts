import type { Inflater } from '@returns-hub/readers/inflater';
import { fflateInflater } from '@returns-hub/readers/fflateInflater';

/** The browser's own raw-DEFLATE stream (Chrome and Edge 103+, Firefox 113+, Safari 16.4+), or null where it has none. */
function nativeDeflateRaw(): (() => DecompressionStream) | null {
  try {
    new DecompressionStream('deflate-raw');
    return () => new DecompressionStream('deflate-raw');
  } catch {
    return null;
  }
}

/**
 * What the page's worker unpacks zip entries with: large parts (a register's sheet) stream
 * through the browser's native `DecompressionStream` where it has one (about three times
 * fflate's speed), pulled a chunk at a time so a zip bomb is stopped by the read's budget as it
 * is in the CLI; small parts, which the readers want at once, through fflate.
 */
export function browserInflater(): Inflater {
  const native = nativeDeflateRaw();
  if (!native) return fflateInflater;
  return {
    whole: fflateInflater.whole,
    async *chunks(raw) {
      const reader = new Blob([raw as Uint8Array<ArrayBuffer>]).stream().pipeThrough(native()).getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        await reader.cancel().catch(() => undefined); // a read stopped early (a refusal) stops unpacking too
      }
    },
  };
}
