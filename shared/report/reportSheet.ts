/**
 * A report sheet as cells: what `computeReport` makes of a layout and a tally, and all a
 * writer needs. Rows and columns are 0-based; colours are `RRGGBB`; widths are Excel
 * column units (the width of `0`), heights points. Writers render it and add nothing.
 */

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points; the sheet's font size when absent. */
  size?: number;
  color?: string;
  fill?: string;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Characters of space between the text and the cell's edge (table cells: 1, so text never touches a border). */
  indent?: number;
}

export interface ReportCell {
  row: number;
  col: number;
  /** `''` for a styled empty cell. Dates are Excel serials with a date format. Text is text, whatever it starts with. */
  value: string | number;
  numFmt?: string;
  style: CellStyle;
}

/** Fills and font colours a status word gets (conditional formats on the status columns). */
export interface TextColourRule {
  text: string;
  fill: string;
  color: string;
}

export interface ConditionalFormat {
  range: Rect;
  rules: TextColourRule[];
}

/**
 * A clustered chart over a block of cells of the sheet: categories in the first column, one series per
 * further column. `bar` (horizontal bars, sorted) where there are many categories, so their names read.
 */
export interface ChartSpec {
  title: string;
  kind: 'column' | 'bar';
  /** The data block, its first row holding the series names. */
  data: Rect;
  /** Where the chart's top-left corner sits, and how many columns and rows it spans. */
  at: { row: number; col: number };
  size: { columns: number; rows: number };
  /** Value labels on the bars (left out where they would crowd: many bars and several series). */
  labels: boolean;
  /** Values drawn as reference lines across the plot (the 80 % and 100 % of a % chart): the data block's last series, drawn as lines. */
  targets: number[];
  numFmt: string;
}

/** One table of the sheet: where its heading rows and body are (the CSV export takes these). */
export interface TableBlock {
  title: string;
  header: { top: number; bottom: number };
  body: { top: number; bottom: number };
  left: number;
  right: number;
  /** Per body row: the measure id or org-unit code it shows (for exports and tests; not rendered). */
  keys: string[];
}

export interface PrintSetup {
  paper: 'A4';
  orientation: 'landscape';
  /** Percent: fits the sheet's width on the page (and is chosen with the breaks, see printModel.ts). */
  scale: number;
  /** Rows repeated on every page after they first print: the heading of a table longer than a page, or none. */
  titleRows: { top: number; bottom: number } | null;
  area: Rect;
  /** Rows that start a new printed page, so no block that fits a page is split. */
  breaksBefore: number[];
  /** Printed pages, as the print model counts them. */
  pages: number;
}

export interface ReportSheet {
  name: string;
  font: { name: string; size: number };
  cells: ReportCell[];
  merges: Rect[];
  /** Ranges with thin borders on every cell. */
  boxes: Rect[];
  columnWidths: number[];
  rowHeights: Record<number, number>;
  freeze: { rows: number; columns: number };
  print: PrintSetup;
  conditionalFormats: ConditionalFormat[];
  charts: ChartSpec[];
  tables: TableBlock[];
}
