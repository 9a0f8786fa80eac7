import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { Inflater } from '@returns-hub/readers/inflater';

/** Chunks a streamed entry is handed to the reader in. */
const CHUNK = 1 << 15;

/**
 * Node's zlib as the readers' inflater: native, streaming on the thread pool for large parts
 * (a sheet's XML is never held whole), at once for small ones. The CLI reads with it.
 */
export const zlibInflater: Inflater = {
  whole(raw, maxBytes) {
    try {
      return inflateRawSync(raw, { maxOutputLength: Math.max(maxBytes, 1) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return null;
      throw err;
    }
  },
  chunks(raw) {
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    inflate.end(raw);
    return inflate;
  },
};
