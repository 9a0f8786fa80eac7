import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { addCharts } from './addCharts';
import type { CellStyle, Rect, ReportSheet } from '@returns-hub/shared/report/reportSheet';
import { rectA1 } from '@returns-hub/shared/report/rectAddress';
import { PAGE } from '@returns-hub/shared/report/printModel';
import { a1, columnLetters } from '@returns-hub/shared/sheet/address';

/** Windows' Thai character set: where TH Sarabun New is missing, Excel substitutes a Thai font rather than one without Thai glyphs. */
const THAI_CHARSET = 222;

function font(sheet: ReportSheet, s: CellStyle): Partial<ExcelJS.Font> {
  return {
    name: sheet.font.name,
    size: s.size ?? sheet.font.size,
    charset: THAI_CHARSET,
    ...(s.bold ? { bold: true } : {}),
    ...(s.italic ? { italic: true } : {}),
    ...(s.color ? { color: { argb: `FF${s.color}` } } : {}),
  };
}

/** ExcelJS puts a `$` before each corner of a print area: given `A$1:N$40` it writes the absolute `$A$1:$N$40` Excel and LibreOffice read. */
function printAreaForExcelJs(r: Rect): string {
  return `${columnLetters(r.left)}$${r.top + 1}:${columnLetters(r.right)}$${r.bottom + 1}`;
}

const inches = (m: typeof PAGE.margins) => ({ left: m.left / 72, right: m.right / 72, top: m.top / 72, bottom: m.bottom / 72, header: m.header / 72, footer: m.footer / 72 });

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

/**
 * Renders report sheets into an ExcelJS workbook, adding nothing: values and formats,
 * fonts and fills, merges, borders, widths and heights, frozen panes, print setup and the
 * status colours. ExcelJS writes no charts: `addCharts` adds them to the written file.
 */
export function renderTallyWorkbook(sheets: readonly ReportSheet[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'returns-hub';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, {
      views: [{ state: 'frozen', xSplit: s.freeze.columns, ySplit: s.freeze.rows, showGridLines: false }],
      properties: { defaultRowHeight: Math.ceil(s.font.size * 1.96) },
      pageSetup: {
        paperSize: 9, // A4
        orientation: s.print.orientation,
        // The print model's scale and breaks, not the application's fitting: both print the pages it counted.
        fitToPage: false,
        scale: s.print.scale,
        horizontalCentered: true,
        margins: inches(PAGE.margins),
        printArea: printAreaForExcelJs(s.print.area),
        ...(s.print.titleRows ? { printTitlesRow: `${s.print.titleRows.top + 1}:${s.print.titleRows.bottom + 1}` } : {}),
      },
    });
    // ExcelJS leaves out a column whose width is its default, 9: the sheet's default (8.43) would apply instead.
    s.columnWidths.forEach((w, k) => (ws.getColumn(k + 1).width = w === 9 ? 9.001 : w));
    for (const [r, h] of Object.entries(s.rowHeights)) ws.getRow(Number(r) + 1).height = h;
    for (const c of s.cells) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      // Text is written as a shared string: a name starting with = stays text, never a formula.
      if (c.value !== '') cell.value = c.value;
      if (c.numFmt) cell.numFmt = c.numFmt;
      cell.font = font(s, c.style);
      if (c.style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${c.style.fill}` } };
      cell.alignment = {
        ...(c.style.align ? { horizontal: c.style.align } : {}),
        vertical: c.style.valign ?? 'top',
        ...(c.style.wrap ? { wrapText: true } : {}),
        ...(c.style.indent ? { indent: c.style.indent } : {}),
      };
    }
    for (const b of s.boxes) for (let r = b.top; r <= b.bottom; r++) for (let k = b.left; k <= b.right; k++) ws.getCell(r + 1, k + 1).border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    // A break after the row before each new page's first row.
    for (const r of s.print.breaksBefore) ws.getRow(r).addPageBreak();
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    s.conditionalFormats.forEach((cf, i) =>
      ws.addConditionalFormatting({
        ref: rectA1(cf.range),
        // An expression rule: LibreOffice ignores ExcelJS's containsText rules (written without their text attribute).
        rules: cf.rules.map((rule, j) => ({
          type: 'expression',
          formulae: [`NOT(ISERROR(SEARCH("${rule.text}",${a1(cf.range.top, cf.range.left)})))`],
          priority: i * 10 + j + 1,
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${rule.fill}` } }, font: { color: { argb: `FF${rule.color}` }, bold: true } },
        })),
      }),
    );
  }
  return wb;
}

/** The .xlsx bytes of report sheets: ExcelJS's workbook with the report's charts added. */
export async function tallyWorkbookBytes(sheets: readonly ReportSheet[]): Promise<Uint8Array> {
  return addCharts(await renderTallyWorkbook(sheets).xlsx.writeBuffer(), sheets);
}

/** Writes report sheets to an .xlsx file. */
export async function writeTallyWorkbook(path: string, sheets: readonly ReportSheet[]): Promise<void> {
  await writeFile(path, await tallyWorkbookBytes(sheets));
}
