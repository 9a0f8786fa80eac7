import { readWorkbookBytes } from '@returns-hub/readers/readWorkbookBytes';
import type { ReadBytes } from './fileHost';
import { browserInflater } from './browserInflater';

/**
 * The readers as the page's worker calls them: bytes in, grids out, the same bounds and
 * findings as the CLI (@returns-hub/readers), unpacked by the browser's own inflater where it
 * has one, saying how far an .xlsx has come.
 */
export const readBytes: ReadBytes = (bytes, name, progress) => readWorkbookBytes(bytes, name, { inflater: browserInflater(), progress });
