import type { ReportSheet } from '@returns-hub/shared/report/reportSheet';
import { displayText } from '@returns-hub/shared/report/displayText';
import type { ShownCell } from './files/fileProtocol';

/**
 * A report sheet as the page shows it: each cell's text under its number format (as the
 * writers' own check reads them), bold and fills as printed, the status words coloured as the
 * sheet's conditional formats colour them, a merged title running over its merge.
 */
export function totalsRows(sheet: ReportSheet): { rows: ShownCell[][]; widths: number[] } {
  const columns = Math.max(sheet.columnWidths.length, ...sheet.cells.map((c) => c.col + 1));
  const height = Math.max(0, ...sheet.cells.map((c) => c.row + 1));
  const rows: ShownCell[][] = Array.from({ length: height }, () => Array.from({ length: columns }, () => ({ text: '' })));
  for (const c of sheet.cells) {
    const text = c.value === '' ? '' : (displayText(c.value, c.numFmt) ?? String(c.value));
    rows[c.row][c.col] = { text: text.replace(/\s*\n\s*/g, ' '), number: typeof c.value === 'number', bold: c.style.bold, fill: c.style.fill ? `#${c.style.fill}` : undefined };
  }
  for (const cf of sheet.conditionalFormats)
    for (let r = cf.range.top; r <= cf.range.bottom; r++)
      for (let k = cf.range.left; k <= cf.range.right; k++) {
        const rule = cf.rules.find((x) => x.text === rows[r]?.[k]?.text);
        if (rule) rows[r][k] = { ...rows[r][k], fill: `#${rule.fill}` };
      }
  for (const m of sheet.merges) if (rows[m.top]?.[m.left]) rows[m.top][m.left].spill = true;
  return { rows, widths: Array.from({ length: columns }, (_, k) => Math.round(sheet.columnWidths[k] ?? 8)) };
}
