import { basename } from 'node:path';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { issueAt } from '@returns-hub/shared/issues/messages';
import { MAX_FILE_BYTES } from '@returns-hub/readers/readLimits';
import { readWorkbookBytes, type WorkbookRead } from '@returns-hub/readers/readWorkbookBytes';
import { zlibInflater } from './zlibInflater';

export type { WorkbookFormat, WorkbookRead } from '@returns-hub/readers/readWorkbookBytes';

/**
 * The whole file, or the size that refuses it. Read synchronously: files are read one after
 * another on their thread, and a promise's round trip to the thread pool costs more than
 * reading a small file, most of all on a busy machine.
 */
function fileBytes(path: string): Buffer | { tooLarge: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) return { tooLarge: size };
    const b = Buffer.allocUnsafe(size);
    let n = 0;
    while (n < size) {
      const got = readSync(fd, b, n, size - n, n);
      if (got === 0) break;
      n += got;
    }
    return n === size ? b : b.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * A workbook file read by the readers (@returns-hub/readers, which also run in the clerk's
 * web page): the file's bytes from the disk, unpacked by Node's zlib (native and streaming, for
 * the CLI's speed and bounded memory).
 */
export async function readWorkbookFile(path: string): Promise<WorkbookRead> {
  const name = basename(path);
  try {
    const bytes = fileBytes(path);
    if (!Buffer.isBuffer(bytes)) return { ok: false, issue: issueAt('error', 'file.too_large', name, { size: bytes.tooLarge, limit: MAX_FILE_BYTES }) };
    return await readWorkbookBytes(bytes, name, { inflater: zlibInflater });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return { ok: false, issue: issueAt('error', 'file.unreadable', name, { detail: code }) };
  }
}
