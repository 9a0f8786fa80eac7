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
