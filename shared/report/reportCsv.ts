import type { ReportSheet } from './reportSheet';
import type { CsvValue } from './csv';

/**
 * A report sheet's tables as CSV rows: per table its title (when it has one), one heading
 * row (a group heading joined to its column's, Thai), then the body with raw values —
 * numbers unrounded, `–` cells as the 0 they are. Tables are separated by a blank row.
 */
export function reportCsvRows(sheet: ReportSheet): CsvValue[][] {
  const at = new Map(sheet.cells.map((c) => [`${c.row},${c.col}`, c]));
  const value = (r: number, k: number) => at.get(`${r},${k}`)?.value ?? '';
  const out: CsvValue[][] = [];
  for (const t of sheet.tables) {
    if (out.length) out.push([]);
    if (t.title) out.push([t.title]);
    const headings: string[] = [];
    let group = '';
    for (let k = t.left; k <= t.right; k++) {
      const first = (r: number) => String(value(r, k)).split('\n')[0];
      if (t.header.bottom > t.header.top) {
        const top = first(t.header.top);
        const below = first(t.header.bottom);
        if (top && below) group = top;
        else if (top) group = '';
        headings.push(below ? (group ? `${group} ${below}` : below) : top);
      } else headings.push(first(t.header.top));
    }
    out.push(headings);
    for (let r = t.body.top; r <= t.body.bottom; r++) out.push(Array.from({ length: t.right - t.left + 1 }, (_, i) => value(r, t.left + i)));
  }
  return out;
}
