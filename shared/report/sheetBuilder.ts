import type { Completeness } from '../api/client';
import type { CellStyle, ChartSpec, ReportCell, ReportSheet, Rect, TableBlock } from './reportSheet';
import type { CellContent, PlannedChart, PlannedTable } from './plannedTable';
import { displayText } from './displayText';
import { columnUnitsFor, linesIn } from './textWidth';
import { FORMAT_CODES, ofExpectedCode } from './numberFormats';
import { isoDateSerial } from './thaiCalendar';
import { STATUS_RULES } from './statusWords';

/** The Thai government font; where it is not installed Excel substitutes a Thai font (charset 222) and LibreOffice its metric twin Laksaman. */
export const REPORT_FONT = { name: 'TH Sarabun New', size: 14 } as const;

const HEADER_FILL = 'DCE6F1';
const TOTAL_FILL = 'F2F2F2';
export const NOTE_COLOR = '595959';
const MIN_WIDTH = 5;
const NUMBER_MAX_WIDTH = 18;
const HEADER_WRAP_AT = 14;
const CHART_ROWS = 16;
/** Points of an A4 landscape page inside the margins the writers set (0.4" left and right, 0.5" top and bottom). */
const PRINTABLE = { width: 841.89 - 0.8 * 72, height: 595.28 - 1.0 * 72 };

/** Points a line of text takes at a font size: TH Sarabun New's line spacing is 1.96 em (room for Thai marks above and below). */
const lineHeight = (size: number) => Math.ceil(size * 1.96);

interface Span {
  row: number;
  /** Rows the text spreads over (a heading merged down two rows). */
  rows: number;
  left: number;
  right: number;
  text: string;
  style: CellStyle;
}

/** Places lines, tables and blocks row by row, then sizes columns and rows. */
export class SheetBuilder {
  private row = 0;
  private readonly cells: ReportCell[] = [];
  private readonly merges: Rect[] = [];
  private readonly boxes: Rect[] = [];
  private readonly tables: TableBlock[] = [];
  private readonly conditionalFormats: ReportSheet['conditionalFormats'] = [];
  private readonly charts: ChartSpec[] = [];
  /** Text whose wrapping sets its row's height, measured once widths are known. */
  private readonly spans: Span[] = [];
  private readonly widthHints: { col: number; units: number }[] = [];
  private readonly maxWidths = new Map<number, number>();
  /** Completeness rows: placed once widths tell how many columns a label needs. */
  private readonly pairs: { row: number; label: string; content: CellContent }[] = [];
  private chartRight = -1;
  /** The last printed row: the chart's data block lies below it. */
  private printBottom = -1;
  /** Runs of rows a printed page must not split: each table with its title and note, the completeness block, the chart. */
  private readonly blocks: { top: number; bottom: number }[] = [];

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

  skip(): void {
    this.row++;
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
        this.widthHints.push({ col: k, units: columnUnitsFor(shown, REPORT_FONT.size, style.bold ?? false) + (style.indent ? 1.5 : 0) });
        if (c.align === 'left') this.span(this.row, k, k, shown, style);
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
    this.blocks.push({ top: blockTop, bottom: this.row - 1 });
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
  }

  /** Received of expected, on time, late, the due date, and the units still missing, by name. */
  completeness(c: Completeness): void {
    this.blocks.push({ top: this.row, bottom: this.row + 5 });
    this.line('ความครบถ้วนของการส่งรายงาน', { bold: true, size: 15, align: 'left' });
    const pairs: [string, CellContent][] = [
      ['ส่งแล้ว / ทั้งหมด (received / expected)', { value: c.received, numFmt: ofExpectedCode(c.expected) }],
      ['ส่งตรงเวลา (on time)', { value: c.onTime, numFmt: FORMAT_CODES.count }],
      ['ส่งล่าช้า (late)', { value: c.late, numFmt: FORMAT_CODES.count }],
      ['กำหนดส่ง (due)', { value: isoDateSerial(c.dueDate), numFmt: FORMAT_CODES.dateBE }],
      [`ยังไม่ส่ง ${c.missing.length} หน่วยงาน (missing)`, { value: c.missing.length ? c.missing.map((m) => m.name_th).join(', ') : '—' }],
    ];
    for (const [label, content] of pairs) this.pairs.push({ row: this.row++, label, content });
    this.skip();
  }

  /** The chart below the tables, its data block under it, outside the printed area. */
  chart(plan: PlannedChart): void {
    const at = { row: this.row, col: 0 };
    this.blocks.push({ top: this.row, bottom: this.row + CHART_ROWS - 1 });
    this.row += CHART_ROWS + 1;
    this.printBottom = this.row - 1;
    const top = this.row;
    const left = 0;
    const rect: Rect = { top: top + 1, left, bottom: top + 1 + plan.categories.length, right: left + plan.series.length };
    this.put(top, 0, { value: `ข้อมูลแผนภูมิ: ${plan.title} (chart data)` }, { italic: true, size: 12, color: NOTE_COLOR, align: 'left' });
    const head: CellStyle = { bold: true, fill: HEADER_FILL, align: 'center', valign: 'middle' };
    this.put(rect.top, left, { value: plan.categoryHeading }, head);
    plan.series.forEach((s, j) => this.put(rect.top, left + 1 + j, { value: s.name }, head));
    plan.categories.forEach((cat, i) => {
      this.put(rect.top + 1 + i, left, { value: cat }, { align: 'left' });
      plan.series.forEach((s, j) => {
        const v = s.values[i];
        this.put(rect.top + 1 + i, left + 1 + j, v === null ? { value: '' } : { value: v, numFmt: plan.numFmt }, { align: 'right' });
      });
    });
    this.boxes.push(rect);
    this.chartRight = rect.right;
    this.charts.push({ title: plan.title, data: rect, at, size: { columns: Math.min(this.width, 10), rows: CHART_ROWS } });
    this.row = rect.bottom + 1;
  }

  private widths(): number[] {
    // The chart's data may reach past the tables' columns: those get a width that shows a figure.
    const last = Math.max(this.width - 1, this.chartRight);
    return Array.from({ length: last + 1 }, (_, k) => {
      const need = Math.max(k < this.width ? MIN_WIDTH : 10, ...this.widthHints.filter((h) => h.col === k).map((h) => h.units));
      const max = this.maxWidths.get(k) ?? NUMBER_MAX_WIDTH;
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
      this.put(p.row, 0, { value: p.label }, { align: 'left' });
      this.merge({ top: p.row, left: 0, bottom: p.row, right: labelRight });
      const col = labelRight + 1;
      const list = typeof p.content.value === 'string';
      this.put(p.row, col, p.content, { align: 'left', ...(list ? { wrap: true } : {}) });
      this.merge({ top: p.row, left: col, bottom: p.row, right: this.width - 1 });
      if (list) this.span(p.row, col, this.width - 1, String(p.content.value), { wrap: true });
    }
  }

  private heights(widths: number[]): Record<number, number> {
    // Every row gets its height: a row left to the application's default is too low for Thai.
    const heights: Record<number, number> = {};
    for (let r = 0; r < this.row; r++) heights[r] = lineHeight(REPORT_FONT.size);
    for (const s of this.spans) {
      const units = widths.slice(s.left, s.right + 1).reduce((a, b) => a + b, 0);
      const size = s.style.size ?? REPORT_FONT.size;
      const lines = s.style.wrap ? linesIn(s.text, units, size, s.style.bold ?? false) : 1;
      const perRow = Math.ceil((lines * lineHeight(size)) / s.rows);
      for (let r = s.row; r < s.row + s.rows; r++) heights[r] = Math.max(heights[r], perRow);
    }
    return heights;
  }

  /**
   * Page breaks that keep each block on one page: the sheet prints at the scale that fits
   * it to one A4-landscape page wide; a block (a later table, the completeness block, the
   * chart) that would run over the page's end starts the next one. The first table stays
   * with the title; a table longer than a page breaks where it must, its headings repeated.
   */
  /** How tall the printed area is, in pages, at the scale that fits it one page wide. */
  private printedPages(widths: number[], heights: Record<number, number>, bottom: number): number {
    let h = 0;
    for (let r = 0; r <= bottom; r++) h += heights[r] ?? lineHeight(REPORT_FONT.size);
    return (h * this.printScale(widths)) / PRINTABLE.height;
  }

  private printScale(widths: number[]): number {
    const widthPt = widths.slice(0, this.width).reduce((a, w) => a + Math.trunc(w * 7 + 5) * 0.75, 0);
    return Math.min(1, PRINTABLE.width / widthPt);
  }

  private pageBreaks(widths: number[], heights: Record<number, number>): number[] {
    const scale = this.printScale(widths);
    const rowPt = (r: number) => (heights[r] ?? lineHeight(REPORT_FONT.size)) * scale;
    const breaks: number[] = [];
    let pageTop = 0;
    let used = 0;
    for (let r = 0, b = 0; r <= Math.max(...this.blocks.map((x) => x.bottom), 0);) {
      const block = this.blocks[b];
      if (block && r === block.top) {
        let h = 0;
        for (let k = block.top; k <= block.bottom; k++) h += rowPt(k);
        // The first table stays with the title rows; a later block that would cross the page's end starts the next page.
        if (b > 0 && used + h > PRINTABLE.height && r > pageTop) {
          breaks.push(r);
          pageTop = r;
          used = 0;
        }
        used += h;
        r = block.bottom + 1;
        b++;
      } else {
        used += rowPt(r);
        r++;
      }
    }
    return breaks;
  }

  finish(name: string): ReportSheet {
    const widths = this.widths();
    this.placePairs(widths);
    const heights = this.heights(widths);
    const first = this.tables[0];
    const single = this.tables.length === 1 && first !== undefined;
    const printBottom = this.printBottom >= 0 ? this.printBottom : this.row - 1;
    // A report up to half a page over one page prints on one (scaled down a little more) rather than spill.
    const onePage = this.printedPages(widths, heights, printBottom) <= 1.5;
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
        fitToWidth: 1,
        fitToHeight: onePage ? 1 : 0,
        // Headings repeat on every page only where the table itself runs over a page.
        titleRows: single && this.printedPages(widths, heights, first.body.bottom) > 1 ? first.header : null,
        area: { top: 0, left: 0, bottom: printBottom, right: this.width - 1 },
        breaksBefore: onePage ? [] : this.pageBreaks(widths, heights),
      },
      conditionalFormats: this.conditionalFormats,
      charts: this.charts,
      tables: this.tables,
    };
  }

  /** Columns kept in view when scrolling sideways: through the first name column of the table. */
  private leadingColumns(t: TableBlock): number {
    const names = this.cells.filter((c) => c.row === t.body.top && c.col <= t.right && c.style.align === 'left').map((c) => c.col);
    return names.length ? Math.min(...names) + 1 : 0;
  }
}
