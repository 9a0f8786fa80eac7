/** Bounds on what a file may make the reader hold: no return comes near them; hostile files do. */

/** Files larger than this are refused before opening. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Cells per sheet above which a sheet is refused (a junk export, not a return), counted while reading. */
export const MAX_SHEET_CELLS = 3_000_000;
/** Excel's own sheet size: a row or column past it is no spreadsheet Excel wrote. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
/** Text of one workbook part read whole (workbook, styles, relationships). */
export const MAX_PART_BYTES = 32 * 1024 * 1024;
/** Characters of shared strings, and of one row's XML, held while reading. */
export const MAX_TEXT_CHARS = 64 * 1024 * 1024;
/**
 * The XML of one workbook, unpacked, all parts together: a 50 MB file of real cells unpacks
 * to a few hundred MB; past this it is a zip bomb (2 MB of zipped spaces unpack to 2 GB).
 */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;
/**
 * Spreadsheet XML packs about 5–20 to 1; a part unpacking to more than this many times its
 * packed size, once past MIN_SUSPECT_BYTES, is filler (spaces, repeated tags), not cells.
 */
export const MAX_INFLATE_RATIO = 200;
export const MIN_SUSPECT_BYTES = 16 * 1024 * 1024;
/** Wall time for reading one workbook: a register of 3,000,000 cells takes a few seconds. */
export const MAX_READ_MS = 120_000;

/** The bounds of one read, all of them; tests pass smaller ones. */
export interface ReadBounds {
  maxInflatedBytes: number;
  maxInflateRatio: number;
  minSuspectBytes: number;
  maxReadMs: number;
}
export const READ_BOUNDS: ReadBounds = { maxInflatedBytes: MAX_INFLATED_BYTES, maxInflateRatio: MAX_INFLATE_RATIO, minSuspectBytes: MIN_SUSPECT_BYTES, maxReadMs: MAX_READ_MS };
