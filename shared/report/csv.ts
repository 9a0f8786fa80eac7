/** The byte-order mark that makes Excel read a CSV file as UTF-8 (Thai text intact). */
export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * Text a spreadsheet could take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) gets a leading apostrophe, so opening the file never runs it
 * (CSV injection); numbers are written as numbers, negative ones too.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function field(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const text = neutralizeFormula(v);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV, UTF-8 with BOM, CRLF line ends, safe to open in a spreadsheet. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return UTF8_BOM + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
