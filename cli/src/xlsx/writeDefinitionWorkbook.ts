import ExcelJS from 'exceljs';
import type { DefinitionSheet } from '@returns-hub/shared/definitions/writeDefinitionWorkbook';

/** Windows' Thai character set, so Excel picks a Thai font where TH Sarabun New is missing. */
const THAI_CHARSET = 222;
const FONT: Partial<ExcelJS.Font> = { name: 'TH Sarabun New', size: 14, charset: THAI_CHARSET };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** A column wide enough for its longest text (Thai counted narrower than Latin), within bounds. */
function widthOf(rows: DefinitionSheet['rows'], col: number): number {
  let n = 8;
  for (const row of rows) {
    const v = row[col];
    if (v === null || v === undefined) continue;
    const text = String(v);
    n = Math.max(n, Math.ceil(text.length * (/[\u0e00-\u0e7f]/.test(text) ? 0.8 : 1.05)) + 2);
  }
  return Math.min(n, 60);
}

/**
 * A definition workbook as .xlsx bytes: each sheet's header row bold on a light fill and frozen,
 * columns sized to their text, Thai in TH Sarabun New. Values are written as they are (numbers
 * as numbers, yes/no as TRUE/FALSE), so the reader reads back exactly the definition.
 */
export async function definitionWorkbookBytes(sheets: readonly DefinitionSheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'returns-hub';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    s.rows.forEach((row, r) => {
      const line = ws.getRow(r + 1);
      row.forEach((v, c) => {
        if (v === null) return;
        const cell = line.getCell(c + 1);
        cell.value = v;
        cell.font = r === 0 ? { ...FONT, bold: true } : FONT;
        if (r === 0) cell.fill = HEADER_FILL;
        if (typeof v === 'string') cell.alignment = { vertical: 'top', wrapText: v.length > 60 };
      });
    });
    const width = Math.max(0, ...s.rows.map((r) => r.length));
    for (let c = 0; c < width; c++) ws.getColumn(c + 1).width = widthOf(s.rows, c);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
