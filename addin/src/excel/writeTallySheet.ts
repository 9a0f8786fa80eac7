import type { Tally } from '@returns-hub/shared/consolidate/tally';
import type { Completeness } from '@returns-hub/shared/api/client';
import type { Definitions } from '@returns-hub/shared/definitions/definitions';
import { computeReport } from '@returns-hub/shared/report/computeReport';
import { defaultLayoutFor, reportByName } from '@returns-hub/shared/report/formReports';
import { isReportProblem, reportProblem, type ReportProblem } from '@returns-hub/shared/report/reportProblem';
import type { CellStyle, ReportCell, ReportSheet, Rect } from '@returns-hub/shared/report/reportSheet';
import { rectA1, rowsA1 } from '@returns-hub/shared/report/rectAddress';
import { PAGE } from '@returns-hub/shared/report/printModel';
import { a1 } from '@returns-hub/shared/sheet/address';
import type { ExcelContext, ExcelRange, ExcelWorksheet } from './excelApi';

/** Excel on the web refuses requests over 5 MB: each batch of written values stays under this. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

const encoder = new TextEncoder();

/** Splits rows into batches whose JSON stays under the request limit. */
export function chunkRowsByBytes<T>(rows: T[], maxBytes = MAX_REQUEST_BYTES): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let size = 0;
  for (const r of rows) {
    const bytes = encoder.encode(JSON.stringify(r)).length * 2; // values and number formats travel together
    if (cur.length && size + bytes > maxBytes) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(r);
    size += bytes;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** A report that could not be made (an unknown layout, a missing tally): its message in Thai and English. */
export class ReportError extends Error {
  constructor(readonly problem: ReportProblem) {
    super(`${problem.message_th} / ${problem.message_en}`);
  }
}

/**
 * Text that starts like a formula (`=`, `+`, `-`, `@`) is written with Excel's quote prefix
 * (a leading apostrophe, which Excel keeps as the cell's text marker, not as text), so a
 * project named `=HYPERLINK(…)` stays a name.
 */
export function officeValue(v: string | number): string | number {
  return typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v;
}

/** Excel column units (the width of `0`) to the points office.js sets widths in. */
export const unitsToPoints = (units: number) => Math.trunc(units * 7 + 5) * 0.75;

const colour = (rgb: string) => `#${rgb}`;
/** office.js chart types of the report's chart kinds. */
export const CHART_TYPE = { bar: 'BarClustered', column: 'ColumnClustered' } as const;
const ALIGN: Record<string, string> = { left: 'Left', center: 'Center', right: 'Right', top: 'Top', middle: 'Center', bottom: 'Bottom' };
const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

function styleKey(s: CellStyle): string {
  return JSON.stringify([s.bold ?? false, s.italic ?? false, s.size ?? 0, s.color ?? '', s.fill ?? '', s.align ?? '', s.valign ?? 'top', s.wrap ?? false, s.indent ?? 0]);
}

const range = (ws: ExcelWorksheet, r: Rect) => ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);

/** The cells as a dense rectangle of values and number formats (`""` and General where the sheet is empty). */
function grid(sheet: ReportSheet): { values: (string | number)[][]; formats: string[][]; rows: number; cols: number } {
  const rows = Math.max(0, ...sheet.cells.map((c) => c.row)) + 1;
  const cols = Math.max(0, ...sheet.cells.map((c) => c.col)) + 1;
  const values = Array.from({ length: rows }, () => Array<string | number>(cols).fill(''));
  const formats = Array.from({ length: rows }, () => Array<string>(cols).fill('General'));
  for (const c of sheet.cells) {
    values[c.row][c.col] = officeValue(c.value);
    if (c.numFmt) formats[c.row][c.col] = c.numFmt;
  }
  return { values, formats, rows, cols };
}

/** Runs of adjacent cells in a row that share a style: one format call each. */
function styleRuns(sheet: ReportSheet): { row: number; left: number; right: number; style: CellStyle }[] {
  const byRow = new Map<number, ReportCell[]>();
  for (const c of sheet.cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const runs: { row: number; left: number; right: number; style: CellStyle }[] = [];
  for (const [row, cells] of byRow) {
    cells.sort((a, b) => a.col - b.col);
    for (const c of cells) {
      const last = runs[runs.length - 1];
      if (last && last.row === row && last.right === c.col - 1 && styleKey(last.style) === styleKey(c.style)) last.right = c.col;
      else runs.push({ row, left: c.col, right: c.col, style: c.style });
    }
  }
  return runs;
}

function applyStyle(r: ExcelRange, s: CellStyle, sheet: ReportSheet, withIndent: boolean): void {
  const f = r.format;
  f.font.bold = s.bold ?? false;
  f.font.italic = s.italic ?? false;
  f.font.size = s.size ?? sheet.font.size;
  if (s.color) f.font.color = colour(s.color);
  if (s.fill) f.fill.color = colour(s.fill);
  if (s.align) f.horizontalAlignment = ALIGN[s.align];
  f.verticalAlignment = ALIGN[s.valign ?? 'top'];
  f.wrapText = s.wrap ?? false;
  if (s.indent && withIndent) f.indentLevel = s.indent;
}

/**
 * Renders a report sheet through office.js, adding nothing: the same cells, formats,
 * merges, borders, widths, heights, frozen panes, print setup, status colours and chart
 * the CLI's workbook has (the chart only here: ExcelJS writes none). A refresh clears what
 * the sheet held (values, formats, merges, conditional formats, charts, page breaks) and
 * writes it again in place, so formulas pointing at the sheet keep working and nothing
 * stale is left. Values go in batches under the request limit, before formats.
 */
export async function renderReportSheet(
  context: ExcelContext,
  sheet: ReportSheet,
  opts: { maxBytes?: number; printSetup?: boolean; sheetId?: string } = {},
): Promise<{ sheet: string; sheetId: string; syncs: number }> {
  let syncs = 0;
  const sync = async () => (syncs++, await context.sync());
  // The sheet this report was written to before (by id: the clerk may have renamed it), else the one of its name.
  const byId = opts.sheetId ? context.workbook.worksheets.getItemOrNullObject(opts.sheetId) : null;
  const byName = context.workbook.worksheets.getItemOrNullObject(sheet.name);
  await sync();
  const existing = byId && !byId.isNullObject ? byId : byName;

  let ws: ExcelWorksheet;
  if (existing.isNullObject) ws = context.workbook.worksheets.add(sheet.name);
  else {
    ws = existing;
    const used = ws.getUsedRangeOrNullObject();
    used.load(['address']);
    ws.charts.load(['items']);
    await sync();
    if (!used.isNullObject) {
      used.unmerge();
      used.conditionalFormats.clearAll();
      used.clear('All');
      // Heights and widths the last report set: back to standard, so a shorter report leaves none behind.
      used.format.useStandardHeight = true;
      used.format.useStandardWidth = true;
    }
    for (const ch of ws.charts.items) ch.delete();
    ws.freezePanes.unfreeze();
    if (opts.printSetup !== false) ws.horizontalPageBreaks.removePageBreaks();
  }

  // Values (and their number formats), in batches under the request limit.
  const g = grid(sheet);
  const rows = g.values.map((v, i) => ({ v, f: g.formats[i] }));
  const chunks = chunkRowsByBytes(rows, opts.maxBytes ?? MAX_REQUEST_BYTES);
  let at = 0;
  for (const [i, chunk] of chunks.entries()) {
    const r = ws.getRangeByIndexes(at, 0, chunk.length, g.cols);
    r.values = chunk.map((x) => x.v);
    r.numberFormat = chunk.map((x) => x.f);
    at += chunk.length;
    if (i < chunks.length - 1) await sync();
  }

  // Formats: the font over everything, then each run of cells that shares a style.
  const all = ws.getRangeByIndexes(0, 0, g.rows, g.cols);
  all.format.font.name = sheet.font.name;
  all.format.font.size = sheet.font.size;
  for (const run of styleRuns(sheet)) applyStyle(range(ws, { top: run.row, left: run.left, bottom: run.row, right: run.right }), run.style, sheet, opts.printSetup !== false);
  for (const b of sheet.boxes) {
    const r = range(ws, b);
    const edges: string[] = [...EDGES, ...(b.right > b.left ? ['InsideVertical'] : []), ...(b.bottom > b.top ? ['InsideHorizontal'] : [])];
    for (const e of edges) {
      const border = r.format.borders.getItem(e);
      border.style = 'Continuous';
      border.color = '#808080';
    }
  }
  for (const m of sheet.merges) range(ws, m).merge(false);
  sheet.columnWidths.forEach((w, k) => (ws.getRangeByIndexes(0, k, 1, 1).format.columnWidth = unitsToPoints(w)));
  for (const [r, h] of Object.entries(sheet.rowHeights)) ws.getRangeByIndexes(Number(r), 0, 1, 1).format.rowHeight = h;

  for (const cf of sheet.conditionalFormats) {
    const r = range(ws, cf.range);
    for (const rule of cf.rules) {
      const c = r.conditionalFormats.add('ContainsText');
      c.textComparison.format.fill.color = colour(rule.fill);
      c.textComparison.format.font.color = colour(rule.color);
      c.textComparison.format.font.bold = true;
      c.textComparison.rule = { operator: 'Contains', text: rule.text };
    }
  }

  const { rows: fr, columns: fc } = sheet.freeze;
  if (fr > 0 && fc > 0) ws.freezePanes.freezeAt(rectA1({ top: 0, left: 0, bottom: fr - 1, right: fc - 1 }));
  else if (fr > 0) ws.freezePanes.freezeRows(fr);
  else if (fc > 0) ws.freezePanes.freezeColumns(fc);

  if (opts.printSetup !== false) {
    const p = ws.pageLayout;
    p.orientation = 'Landscape';
    p.paperSize = 'A4';
    p.zoom = { scale: sheet.print.scale };
    p.centerHorizontally = true;
    p.leftMargin = PAGE.margins.left;
    p.rightMargin = PAGE.margins.right;
    p.topMargin = PAGE.margins.top;
    p.bottomMargin = PAGE.margins.bottom;
    p.setPrintArea(rectA1(sheet.print.area));
    // Headings repeat only over a table longer than a page; a refresh without one clears the last report's.
    if (sheet.print.titleRows) p.setPrintTitleRows(rowsA1(sheet.print.titleRows.top, sheet.print.titleRows.bottom));
    else if (!existing.isNullObject) p.setPrintTitleRows('');
    for (const r of sheet.print.breaksBefore) ws.horizontalPageBreaks.add(a1(r, 0));
  }

  for (const c of sheet.charts) {
    const chart = ws.charts.add(CHART_TYPE[c.kind], range(ws, c.data), 'Columns');
    chart.title.text = c.title;
    // The reference lines (80 %, 100 %) are the last series: lines across the columns, as the CLI's chart draws them.
    const series = c.data.right - c.data.left;
    c.targets.forEach((_, k) => (chart.series.getItemAt(series - c.targets.length + k).chartType = 'Line'));
    chart.setPosition(a1(c.at.row, c.at.col), a1(c.at.row + c.size.rows - 1, c.at.col + c.size.columns - 1));
  }
  ws.activate();
  ws.load(['id', 'name']);
  await sync();
  return { sheet: ws.name, sheetId: ws.id, syncs };
}

/** What a tally sheet is made of beyond the tally: the HQ tally for total rows, which layout, when. */
export interface TallySheetOptions {
  /** A layout of the form by name; by default the form's layout for the tally's grouping. */
  layout?: string;
  /** The HQ tally, for the total row of tables whose rows are units. */
  total?: Tally;
  now?: Date;
  maxBytes?: number;
  /** False where ExcelApi 1.9 (the `printSetup` feature) is not supported: the sheet is written without print setup and indents. */
  printSetup?: boolean;
  /** The sheet the same report went to before: refreshed there even if the clerk renamed it. */
  sheetId?: string;
}

/** Writes (or refreshes) the report sheet of a tally: the form's layout for its grouping, computed once in shared/report. */
export async function writeTallySheet(
  context: ExcelContext,
  t: Tally,
  c: Completeness | null,
  definitions: Definitions,
  o: TallySheetOptions = {},
): Promise<{ sheet: string; sheetId: string; syncs: number }> {
  const form = definitions.formById(t.formId);
  if (!form) throw new ReportError(reportProblem('report.unknown_layout', { form: t.formId, layout: o.layout ?? '—', known: '—' }));
  const layout = o.layout ? reportByName(form, o.layout) : defaultLayoutFor(form, t.by);
  if (isReportProblem(layout)) throw new ReportError(layout);
  const sheet = computeReport(layout, { form, units: definitions.units, tallies: { [t.by]: t, ...(o.total ? { hq: o.total } : {}) }, completeness: c, generatedAt: o.now ?? new Date() }, t.by);
  if (isReportProblem(sheet)) throw new ReportError(sheet);
  return renderReportSheet(context, sheet, o);
}
