import { readWorkbookBytes } from '@returns-hub/cli/xlsx/readWorkbookFile';
import type { ReadBytes } from './fileHost';
import { onInflate } from './interim/zlib';

/**
 * The readers as the page's worker calls them: bytes in, grids out, the same bounds and
 * findings as the CLI. INTERIM: they still live in the CLI on Node's Buffer and zlib, which
 * the worker's bundle maps to `files/interim/` (scripts/buildSendPage.ts), whose inflater
 * says how much of the file is read; this file and the worker's entry are type-checked with
 * Node's types (tsconfig.test.json) until the readers move into their own browser-capable
 * package, once issue 21's reader work has landed.
 */
export const readBytes: ReadBytes = async (bytes, name, progress) => {
  let packed = 0;
  onInflate((n) => progress((packed += n) / Math.max(1, bytes.length)));
  try {
    return await readWorkbookBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), name);
  } finally {
    onInflate(() => undefined);
  }
};
