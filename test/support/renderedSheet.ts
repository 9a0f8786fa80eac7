import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { z } from 'zod';
import { parseRange } from '@returns-hub/shared/sheet/address';
import { rectA1 } from '@returns-hub/shared/report/rectAddress';
import { unitsToPoints } from '@returns-hub/addin/excel/writeTallySheet';
import { rowColOf, type FakeCell, type FakeSheet } from './excelFake/fakeBook';
import { cellValue } from './readBackWorkbook';

/**
 * A sheet as written, in terms both writers share, so the add-in's office.js sheet and the
 * CLI's .xlsx (read back with ExcelJS) can be compared: each cell's value, number format,
 * font, fill, alignment, wrap and borders; merges; widths (points) and heights; frozen
 * panes; print setup; page breaks; status colours.
 */
export interface RenderedSheet {
  cells: Record<string, string>;
  merges: string[];
  widths: number[];
  heights: Record<number, number>;
  freeze: { rows: number; columns: number };
  print: { orientation: string; paper: string; scale: number; area: string; titleRows: string };
  breaksBefore: number[];
  conditionalFormats: string[];
}

const hex = (c: string | undefined) =>
  c
    ? c
        .replace(/^#/, '')
        .replace(/^FF(?=[0-9A-F]{6}$)/i, '')
        .toUpperCase()
    : '';

interface Parts {
  value: string | number;
  numFmt: string;
  font: string;
  size: number;
  bold: boolean;
  italic: boolean;
  color: string;
  fill: string;
  h: string;
  v: string;
  wrap: boolean;
  indent: number;
  borders: string;
}

/** One cell as a line of text; an empty cell with no formatting beyond the sheet's font is left out. */
function line(p: Parts): string | null {
  if (p.color === '000000') p.color = '';
  const plain = p.value === '' && p.numFmt === 'General' && !p.bold && !p.italic && !p.color && !p.fill && !p.h && !p.wrap && !p.borders;
  if (plain) return null;
  return JSON.stringify([p.value, p.numFmt, p.font, p.size, p.bold, p.italic, p.color, p.fill, p.h, p.v, p.wrap, p.indent, p.borders]);
}

const H: Record<string, string> = { Left: 'left', Center: 'center', Right: 'right', General: '' };
const V: Record<string, string> = { Top: 'top', Center: 'middle', Bottom: 'bottom' };
const sides = (has: (s: 'top' | 'bottom' | 'left' | 'right') => boolean) => (['top', 'bottom', 'left', 'right'] as const).filter(has).join(' ');

function fakeCell(c: FakeCell): Parts {
  return {
    value: c.value === true ? 'TRUE' : c.value === false ? 'FALSE' : c.value,
    numFmt: c.numberFormat,
    font: c.font?.name ?? 'Calibri',
    size: c.font?.size ?? 11,
    bold: c.bold,
    italic: c.font?.italic ?? false,
    color: hex(c.font?.color),
    fill: c.fill.pattern === 'None' ? '' : hex(c.fill.color),
    h: c.hAlign === undefined ? '' : (H[c.hAlign] ?? c.hAlign),
    v: c.vAlign === undefined ? 'bottom' : (V[c.vAlign] ?? c.vAlign),
    wrap: c.wrap ?? false,
    indent: c.indent ?? 0,
    borders: sides((s) => c.borders?.has(s) ?? false),
  };
}

/** The add-in's sheet, from the office.js fake's workbook. */
export function renderedByOffice(s: FakeSheet): RenderedSheet {
  const cells: Record<string, string> = {};
  for (const [key, c] of s.cells) {
    const [row, col] = rowColOf(key);
    const l = line(fakeCell(c));
    if (l) cells[rectA1({ top: row, left: col, bottom: row, right: col })] = l;
  }
  const { layout } = s;
  const lastCol = Math.max(...layout.columnWidths.keys());
  const heights: Record<number, number> = {};
  for (const [r, h] of layout.rowHeights) heights[r] = h;
  const title = /^\$(\d+):\$(\d+)$/.exec(layout.page.printTitleRows);
  return {
    cells,
    merges: s.merges.map((m) => rectA1(m)).sort(),
    widths: Array.from({ length: lastCol + 1 }, (_, k) => layout.columnWidths.get(k) ?? 0),
    heights,
    freeze: layout.frozen,
    print: {
      orientation: layout.page.orientation.toLowerCase(),
      paper: layout.page.paperSize,
      scale: layout.page.zoom.scale ?? 0,
      area: layout.page.printArea,
      titleRows: title ? `${title[1]}:${title[2]}` : '',
    },
    breaksBefore: [...layout.pageBreaks].sort((a, b) => a - b),
    conditionalFormats: s.conditionalFormats.map((cf) => `${cf.address} ${cf.text} ${hex(cf.color)} ${hex(cf.fontColor)}`).sort(),
  };
}

function excelCell(c: ExcelJS.Cell): Parts {
  const master = c.isMerged && c.master.address !== c.address;
  const fill = c.fill && c.fill.type === 'pattern' ? c.fill.fgColor?.argb : undefined;
  const b = c.border ?? {};
  return {
    value: master ? '' : (cellValue(c) ?? ''),
    numFmt: c.numFmt || 'General',
    font: c.font?.name ?? '',
    size: c.font?.size ?? 0,
    bold: c.font?.bold ?? false,
    italic: c.font?.italic ?? false,
    color: hex(c.font?.color?.argb),
    fill: hex(fill),
    h: c.alignment?.horizontal ?? '',
    v: c.alignment?.vertical ?? 'bottom',
    wrap: c.alignment?.wrapText ?? false,
    indent: c.alignment?.indent ?? 0,
    borders: sides((s) => b[s]?.style === 'thin'),
  };
}

/** The CLI's sheet, read back from the written .xlsx with ExcelJS (page breaks from the sheet's XML, which ExcelJS does not read). */
export async function renderedByExcelJs(ws: ExcelJS.Worksheet, xlsx: Buffer | ArrayBuffer, sheetIndex: number): Promise<RenderedSheet> {
  const cells: Record<string, string> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      const l = line(excelCell(c));
      if (l) cells[c.address] = l;
    }),
  );
  const widths = (ws.columns ?? []).map((col) => (col.width === undefined ? 0 : unitsToPoints(col.width)));
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (row.height !== undefined) heights[n - 1] = row.height;
  });
  const view = ws.views[0];
  const frozen = view && view.state === 'frozen' ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : { rows: 0, columns: 0 };
  const xml = await (await JSZip.loadAsync(xlsx)).file(`xl/worksheets/sheet${sheetIndex + 1}.xml`)!.async('string');
  const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
  const area = parseRange((ws.pageSetup.printArea ?? '').replace(/\$/g, ''));
  // ExcelJS reads conditional formats into a property its types do not declare.
  const cfs = excelJsConditionalFormattings
    .parse(Reflect.get(ws, 'conditionalFormattings') ?? [])
    .flatMap((cf) => cf.rules.map((r) => `${cf.ref} ${/SEARCH\("([^"]*)"/.exec(r.formulae?.[0] ?? '')?.[1] ?? '?'} ${hex(r.style?.fill?.bgColor?.argb)} ${hex(r.style?.font?.color?.argb)}`));
  return {
    cells,
    merges: [...(ws.model.merges ?? [])].sort(),
    widths,
    heights,
    freeze: frozen,
    print: {
      orientation: ws.pageSetup.orientation ?? '',
      paper: ws.pageSetup.paperSize === 9 ? 'A4' : String(ws.pageSetup.paperSize),
      scale: ws.pageSetup.fitToPage ? 0 : (ws.pageSetup.scale ?? 0),
      area: area ? rectA1(area) : '',
      titleRows: ws.pageSetup.printTitlesRow ?? '',
    },
    breaksBefore: breaks.sort((a, b) => a - b),
    conditionalFormats: cfs.sort(),
  };
}

const argb = z.object({ argb: z.string().optional() }).optional();
const excelJsConditionalFormattings = z.array(
  z.object({
    ref: z.string(),
    rules: z.array(z.object({ formulae: z.array(z.string()).optional(), style: z.object({ fill: z.object({ bgColor: argb }).optional(), font: z.object({ color: argb }).optional() }).optional() })),
  }),
);
