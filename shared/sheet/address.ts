/** A1 addresses for 0-based row/column indexes, and back. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const LETTERS: string[] = [];
export function a1(row: number, col: number): string {
  return (col < 256 ? (LETTERS[col] ??= columnLetters(col)) : columnLetters(col)) + (row + 1);
}

/** `Sheet!` (quoted when the name needs it, as Excel does): how a sheet's addresses start. */
export function addressPrefix(sheet: string): string {
  return `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`}!`;
}

/** `Sheet!C14` */
export function sheetAddress(sheet: string, row: number, col: number): string {
  return addressPrefix(sheet) + a1(row, col);
}

/** `'แบบรายงาน 1'!C13` → sheet and cell: the inverse of sheetAddress. */
export function splitSheetAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf('!');
  const raw = bang < 0 ? '' : address.slice(0, bang);
  const sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, cell: address.slice(bang + 1) };
}

/** Parses "C14" (or "$C$14") to 0-based indexes; null when it is not an A1 address. */
export function parseA1(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Parses "A1:G1" to a 0-based rectangle. */
export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [from, to = from] = ref.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}
