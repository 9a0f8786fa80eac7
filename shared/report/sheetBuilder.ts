import type { Completeness } from '../api/client';
import type { CellStyle, ChartSpec, ReportCell, ReportSheet, Rect, TableBlock } from './reportSheet';
import type { CellContent, PlannedChart, PlannedTable } from './plannedTable';
import { displayText } from './displayText';
import { columnUnitsFor, linesIn } from './textWidth';
import { FORMAT_CODES, ofExpectedCode } from './numberFormats';
import { isoDateSerial } from './thaiCalendar';
import { STATUS_RULES } from './statusWords';
import { columnPoints, pagePoints, planPages, PRINTABLE, type BlockKind, type PrintBlock } from './printModel';

/** The Thai government font; where it is not installed Excel substitutes a Thai font (charset 222) and LibreOffice its metric twin Laksaman. */
export const REPORT_FONT = { name: 'TH Sarabun New', size: 14 } as const;

const HEADER_FILL = 'DCE6F1';
const TOTAL_FILL = 'F2F2F2';
export const NOTE_COLOR = '595959';
const MIN_WIDTH = 5;
const NUMBER_MAX_WIDTH = 18;
const HEADER_WRAP_AT = 14;
/** Chart text (points): its title, and the axes, labels and legend. */
export const CHART_TITLE_SIZE = 14;
export const CHART_TEXT_SIZE = 11;
/** A wrapped text a little wider than its column's cap widens the column instead (Excel and LibreOffice differ by a few %: never a wrap one shows and the other not). */
const WIDEN_RATHER_THAN_WRAP = 1.2;
/**
 * Room beyond the measured text: Thai as LibreOffice shapes it runs a few % wider than the
 * sum of advance widths, and a cell's indent takes more than the one unit it is in Excel.
 */
const TEXT_SLACK = 1.06;
const INDENT_UNITS = 2;
/** Names of missing units on one row of the completeness block. */
const NAMES_PER_ROW = 6;
/** Height of a blank row between blocks (points). */
const GAP_HEIGHT = 12;

/** Points a line of text takes at a font size: TH Sarabun New's line spacing is 1.96 em (room for Thai marks above and below). */
export const lineHeight = (size: number) => Math.ceil(size * 1.96);

interface Span {
  row: number;
  /** Rows the text spreads over (a heading merged down two rows). */
  rows: number;
  left: number;
  right: number;
  text: string;
  style: CellStyle;
}

/** Places lines, tables and blocks row by row, then sizes columns and rows and plans the printed pages. */
export class SheetBuilder {
  private row = 0;
  private readonly cells: ReportCell[] = [];
  private readonly merges: Rect[] = [];
  private readonly boxes: Rect[] = [];
  private readonly tables: TableBlock[] = [];
  private readonly conditionalFormats: ReportSheet['conditionalFormats'] = [];
  private readonly charts: { plan: PlannedChart; at: { row: number; col: number }; rows: number }[] = [];
  /** Text whose wrapping sets its row's height, measured once widths are known. */
  private readonly spans: Span[] = [];
  private readonly widthHints: { col: number; units: number }[] = [];
  private readonly maxWidths = new Map<number, number>();
  /** Completeness rows: placed once widths tell how many columns a label needs. */
  private readonly pairs: { row: number; label: string; content: CellContent }[] = [];
  /** Runs of rows a printed page must not split (see printModel.ts). */
  private readonly blocks: PrintBlock[] = [];
  private open: { kind: BlockKind; top: number } | null = null;
  /** Blank rows between blocks: a low gap, not a full line. */
  private readonly gaps = new Set<number>();
  /** Per column, the width its widest heading or text would take on one line (what spare page width is given to). */
  private readonly wholeWidths = new Map<number, number>();

  constructor(private readonly width: number) {}

  private put(row: number, col: number, content: CellContent, base: CellStyle): void {
    this.cells.push({ row, col, value: content.value, ...(content.numFmt ? { numFmt: content.numFmt } : {}), style: { ...base, ...content.style } });
  }

  private merge(r: Rect): void {
    if (r.right > r.left || r.bottom > r.top) this.merges.push(r);
  }

  private span(row: number, left: number, right: number, text: string, style: CellStyle, rows = 1): void {
    this.spans.push({ row, rows, left, right, text, style });
  }

  /** Rows from here to `end()` print on one page (the title rows). */
  begin(kind: BlockKind): void {
    this.open = { kind, top: this.row };
  }

  end(): void {
    if (this.open && this.row > this.open.top) this.blocks.push({ kind: this.open.kind, top: this.open.top, bottom: this.row - 1 });
    this.open = null;
  }

  skip(): void {
    this.gaps.add(this.row++);
  }

  /** A line across the sheet's width (merged): text, or a value with its format. */
  line(value: string | number, style: CellStyle, numFmt?: string): void {
    const r = this.row++;
    this.put(r, 0, { value, numFmt }, style);
    this.merge({ top: r, left: 0, bottom: r, right: this.width - 1 });
    this.span(r, 0, this.width - 1, displayText(value, numFmt) ?? String(value), style);
  }

  /** A table: bilingual headings (a group heading over its run of columns), body rows, borders, the status colours, the note. */
  table(t: PlannedTable): void {
    const blockTop = this.row;
    if (t.title) this.line(t.title, { bold: true, size: 15, align: 'left', wrap: true });
    const top = this.row;
    const grouped = t.columns.some((c) => c.group);
    const headerRows = grouped ? 2 : 1;
    const headerStyle: CellStyle = { bold: true, fill: HEADER_FILL, align: 'center', valign: 'middle', wrap: true };
    const text = (h: { th: string; en: string }) => `${h.th}\n${h.en}`;
    const values: string[][] = Array.from({ length: headerRows }, () => t.columns.map(() => ''));
    t.columns.forEach((c, k) => {
      if (c.group) {
        if (k === 0 || t.columns[k - 1].group?.th !== c.group.th) {
          let end = k;
          while (end + 1 < t.columns.length && t.columns[end + 1].group?.th === c.group.th) end++;
          values[0][k] = text(c.group);
          this.merge({ top, left: k, bottom: top, right: end });
          this.span(top, k, end, values[0][k], headerStyle);
        }
        values[1][k] = text(c.heading);
        this.headerWidth(k, values[1][k]);
        this.span(top + 1, k, k, values[1][k], headerStyle);
      } else {
        values[0][k] = text(c.heading);
        this.merge({ top, left: k, bottom: top + headerRows - 1, right: k });
        this.headerWidth(k, values[0][k]);
        this.span(top, k, k, values[0][k], headerStyle, headerRows);
      }
      if (c.maxWidth) this.maxWidths.set(k, Math.max(this.maxWidths.get(k) ?? 0, c.maxWidth));
    });
    values.forEach((row, i) => row.forEach((v, k) => this.put(top + i, k, { value: v }, headerStyle)));
    this.row = top + headerRows;

    const bodyTop = this.row;
    for (const r of t.rows) {
      const rowStyle: CellStyle = r.total ? { bold: true, fill: TOTAL_FILL } : {};
      r.cells.forEach((content, k) => {
        const c = t.columns[k];
        const style: CellStyle = { align: c.align, valign: 'top', ...(c.align === 'left' ? { wrap: true } : {}), ...(c.align === 'center' ? {} : { indent: 1 }), ...rowStyle };
        this.put(this.row, k, content, style);
        const shown = displayText(content.value, content.numFmt) ?? String(content.value);
        // An indent takes about one and a half units beside the text.
        const units = columnUnitsFor(shown, REPORT_FONT.size, style.bold ?? false) * TEXT_SLACK + (style.indent ? INDENT_UNITS : 0);
        this.widthHints.push({ col: k, units });
        this.wholeWidths.set(k, Math.max(this.wholeWidths.get(k) ?? 0, units));
        if (c.align === 'left') this.span(this.row, k, k, shown, { ...style, size: REPORT_FONT.size });
      });
      this.row++;
    }
    const bottom = this.row - 1;
    const right = t.columns.length - 1;
    this.boxes.push({ top, left: 0, bottom: Math.max(bottom, top + headerRows - 1), right });
    t.columns.forEach((c, k) => {
      if (c.status && bottom >= bodyTop) this.conditionalFormats.push({ range: { top: bodyTop, left: k, bottom, right: k }, rules: STATUS_RULES });
    });
    this.tables.push({ title: t.title ?? '', header: { top, bottom: top + headerRows - 1 }, body: { top: bodyTop, bottom }, left: 0, right, keys: t.rows.map((r) => r.key) });
    if (t.note) this.line(t.note, { italic: true, size: 12, color: NOTE_COLOR, align: 'left', wrap: true });
    this.blocks.push({ kind: 'table', top: blockTop, bottom: this.row - 1, header: { top, bottom: top + headerRows - 1 } });
    this.skip();
  }

  /**
   * A heading wraps: Thai anywhere between words (Excel and LibreOffice break Thai by
   * dictionary), English at spaces. It needs its longest English word, and asks for no more
   * than HEADER_WRAP_AT units unless that word is longer.
   */
  private headerWidth(col: number, text: string): void {
    const latinWord = Math.max(0, ...(text.match(/[A-Za-z0-9%().,/-]+/g) ?? []).map((w) => columnUnitsFor(w, REPORT_FONT.size, true)));
    const whole = columnUnitsFor(text, REPORT_FONT.size, true);
    this.widthHints.push({ col, units: Math.min(whole, Math.max(HEADER_WRAP_AT, latinWord)) });
    this.wholeWidths.set(col, Math.max(this.wholeWidths.get(col) ?? 0, whole));
  }

  /** Received of expected, on time, late, the due date, and the units still missing, by name. */
  completeness(c: Completeness): void {
    const top = this.row;
    this.line('ความครบถ้วนของการส่งรายงาน', { bold: true, size: 15, align: 'left' });
    const pairs: [string, CellContent][] = [
      ['ส่งแล้ว / ทั้งหมด (received / expected)', { value: c.received, numFmt: ofExpectedCode(c.expected) }],
      ['ส่งตรงเวลา (on time)', { value: c.onTime, numFmt: FORMAT_CODES.count }],
      ['ส่งล่าช้า (late)', { value: c.late, numFmt: FORMAT_CODES.count }],
      ['กำหนดส่ง (due)', { value: isoDateSerial(c.dueDate), numFmt: FORMAT_CODES.dateBE }],
    ];
    for (const [label, content] of pairs) this.pairs.push({ row: this.row++, label, content });
    // The units still missing, a few names to a row: a long list never makes one row taller than a page.
    const names = c.missing.map((m) => m.name_th);
    const label = `ยังไม่ส่ง ${c.missing.length} หน่วยงาน (missing)`;
    if (names.length === 0) this.pairs.push({ row: this.row++, label, content: { value: '—' } });
    for (let i = 0; i < names.length; i += NAMES_PER_ROW)
      this.pairs.push({ row: this.row++, label: i === 0 ? label : '', content: { value: names.slice(i, i + NAMES_PER_ROW).join(', ') + (i + NAMES_PER_ROW < names.length ? ',' : '') } });
    this.blocks.push({ kind: 'completeness', top, bottom: this.row - 1 });
    this.skip();
  }

  /** Rows the chart floats over (it prints on one page with its legend); its data block goes below the printed area. */
  chart(plan: PlannedChart, rows: number): void {
    const at = { row: this.row, col: 0 };
    this.blocks.push({ kind: 'chart', top: this.row, bottom: this.row + rows - 1 });
    this.charts.push({ plan, at, rows });
    this.row += rows + 1;
  }

  /** The charts' data blocks, under the printed area: categories, then a column per series. */
  private placeChartData(): ChartSpec[] {
    return this.charts.map(({ plan, at, rows }) => {
      const top = this.row;
      // Reference lines are series too: a column each, the same value on every row.
      const series = [...plan.series, ...plan.targets.map((t) => ({ name: `ร้อยละ ${t}`, values: plan.categories.map(() => t) }))];
      const rect: Rect = { top: top + 1, left: 0, bottom: top + 1 + plan.categories.length, right: series.length };
      this.put(top, 0, { value: `ข้อมูลแผนภูมิ: ${plan.title} (chart data)` }, { italic: true, size: 12, color: NOTE_COLOR, align: 'left' });
      const head: CellStyle = { bold: true, fill: HEADER_FILL, align: 'center', valign: 'middle' };
      this.put(rect.top, 0, { value: plan.categoryHeading }, head);
      series.forEach((s, j) => this.put(rect.top, 1 + j, { value: s.name }, head));
      plan.categories.forEach((cat, i) => {
        this.put(rect.top + 1 + i, 0, { value: cat }, { align: 'left' });
        series.forEach((s, j) => {
          const v = s.values[i];
          this.put(rect.top + 1 + i, 1 + j, v === null ? { value: '' } : { value: v, numFmt: plan.numFmt }, { align: 'right' });
        });
      });
      this.boxes.push(rect);
      this.row = rect.bottom + 1;
      return {
        title: plan.title,
        kind: plan.kind,
        data: rect,
        at,
        size: { columns: this.width, rows },
        labels: plan.labels,
        targets: plan.targets,
        numFmt: plan.numFmt,
      };
    });
  }

  private widths(lastCol: number): number[] {
    const widths = this.neededWidths(lastCol);
    // A table narrower than the page takes the spare width where it saves a wrap: headings and names on one line.
    let spare = PRINTABLE.width * 0.97 - SheetBuilder.widthPoints(widths, this.width);
    for (let k = 0; k < this.width && spare > 0; k++) {
      const whole = Math.ceil((this.wholeWidths.get(k) ?? 0) * 4) / 4;
      const grow = Math.min(whole - widths[k], Math.floor((spare / 0.75 / 7) * 4) / 4);
      if (grow <= 0) continue;
      spare -= columnPoints(widths[k] + grow) - columnPoints(widths[k]);
      widths[k] += grow;
    }
    // What is left widens every column alike: the table spans the page, and the title lines above it wrap less.
    const tableUnits = widths.slice(0, this.width).reduce((a, b) => a + b, 0);
    const share = Math.floor((spare / 0.75 / 7) * 4) / 4;
    if (share > 0) for (let k = 0; k < this.width; k++) widths[k] = Math.floor((widths[k] + (share * widths[k]) / tableUnits) * 4) / 4;
    return widths;
  }

  private neededWidths(lastCol: number): number[] {
    // The chart's data may reach past the tables' columns: those get a width that shows a figure.
    return Array.from({ length: lastCol + 1 }, (_, k) => {
      const hints = this.widthHints.filter((h) => h.col === k).map((h) => h.units);
      const need = Math.max(k < this.width ? MIN_WIDTH : 10, ...hints);
      let max = this.maxWidths.get(k) ?? NUMBER_MAX_WIDTH;
      // A text a little over the cap widens the column to fit it rather than wrap by a word.
      if (need > max && need <= max * WIDEN_RATHER_THAN_WRAP) max = need;
      // Up to the next quarter unit: a width rounded down would wrap the widest cell.
      return Math.ceil(Math.min(need, max) * 4) / 4;
    });
  }

  /** Completeness rows: the label over as many columns as it needs, the value across the rest (a list of names wraps). */
  private placePairs(widths: number[]): void {
    const need = Math.max(0, ...this.pairs.map((p) => columnUnitsFor(p.label, REPORT_FONT.size)));
    let labelRight = 0;
    while (labelRight < this.width - 2 && widths.slice(0, labelRight + 1).reduce((a, b) => a + b, 0) < need) labelRight++;
    for (const p of this.pairs) {
      if (p.label) this.put(p.row, 0, { value: p.label }, { align: 'left' });
      this.merge({ top: p.row, left: 0, bottom: p.row, right: labelRight });
      const col = labelRight + 1;
      const list = typeof p.content.value === 'string';
      this.put(p.row, col, p.content, { align: 'left', ...(list ? { wrap: true } : {}) });
      this.merge({ top: p.row, left: col, bottom: p.row, right: this.width - 1 });
      if (list) this.span(p.row, col, this.width - 1, String(p.content.value), { wrap: true });
    }
  }

  private heights(widths: number[], rows: number): Record<number, number> {
    // Every row gets its height: a row left to the application's default is too low for Thai.
    const heights: Record<number, number> = {};
    for (let r = 0; r < rows; r++) heights[r] = this.gaps.has(r) ? GAP_HEIGHT : lineHeight(REPORT_FONT.size);
    for (const s of this.spans) {
      const units = (widths.slice(s.left, s.right + 1).reduce((a, b) => a + b, 0) - (s.style.indent ? INDENT_UNITS : 0)) / TEXT_SLACK;
      const size = s.style.size ?? REPORT_FONT.size;
      const lines = s.style.wrap ? linesIn(s.text, units, size, s.style.bold ?? false) : 1;
      const perRow = Math.ceil((lines * lineHeight(size)) / s.rows);
      for (let r = s.row; r < s.row + s.rows; r++) heights[r] = Math.max(heights[r], perRow);
    }
    return heights;
  }

  /** The printed width, in points, of the sheet's columns. */
  static widthPoints(widths: readonly number[], columns: number): number {
    return widths.slice(0, columns).reduce((a, w) => a + columnPoints(w), 0);
  }

  /**
   * The sheet: widths and heights measured, the charts' data placed under the printed area,
   * and the pages planned (printModel.ts). `freeze` keeps the first table's headings in view
   * when it is the sheet's only table and comes first.
   */
  finish(name: string, opts: { freeze?: boolean } = {}): ReportSheet {
    this.end();
    const printBottom = this.row - 1;
    const charts = this.placeChartData();
    const lastCol = Math.max(this.width - 1, ...charts.map((c) => c.data.right));
    const widths = this.widths(lastCol);
    this.placePairs(widths);
    const heights = this.heights(widths, this.row);
    const plan = planPages(this.blocks, (r) => heights[r] ?? lineHeight(REPORT_FONT.size), SheetBuilder.widthPoints(widths, this.width));
    const first = this.tables[0];
    const single = this.tables.length === 1 && first !== undefined && opts.freeze !== false;
    return {
      name,
      font: { ...REPORT_FONT },
      cells: this.cells.sort((a, b) => a.row - b.row || a.col - b.col),
      merges: this.merges,
      boxes: this.boxes,
      columnWidths: widths,
      rowHeights: heights,
      freeze: single ? { rows: first.header.bottom + 1, columns: this.leadingColumns(first) } : { rows: 0, columns: 0 },
      print: {
        paper: 'A4',
        orientation: 'landscape',
        scale: plan.scale,
        titleRows: plan.titleRows,
        area: { top: 0, left: 0, bottom: printBottom, right: this.width - 1 },
        breaksBefore: plan.breaksBefore,
        pages: plan.pages,
      },
      conditionalFormats: this.conditionalFormats,
      charts,
      tables: this.tables,
    };
  }

  /** Blocks longer than a printed page at the scale the page plan chose (a table that must split), for the composer. */
  static longBlocks(sheet: ReportSheet): { top: number; bottom: number }[] {
    return sheet.tables.filter((t) => sheet.print.breaksBefore.some((b) => b > t.header.bottom && b <= t.body.bottom)).map((t) => ({ top: t.header.top, bottom: t.body.bottom }));
  }

  /** Sheet points a printed page holds at the sheet's scale. */
  static pagePoints(sheet: ReportSheet): number {
    return pagePoints(sheet.print.scale / 100);
  }

  /** Columns kept in view when scrolling sideways: through the first name column of the table. */
  private leadingColumns(t: TableBlock): number {
    const names = this.cells.filter((c) => c.row === t.body.top && c.col <= t.right && c.style.align === 'left').map((c) => c.col);
    return names.length ? Math.min(...names) + 1 : 0;
  }
}
