import type { Heading } from './reportLayout';
import type { CellStyle } from './reportSheet';

/** A cell's content before placement: its value, format code and any style beyond its column's. */
export interface CellContent {
  value: string | number;
  numFmt?: string;
  style?: CellStyle;
}

export interface PlannedColumn {
  heading: Heading;
  /** A heading over several adjacent columns (ไตรมาส 1–4 under ผลการดำเนินงาน). */
  group?: Heading;
  align: 'left' | 'center' | 'right';
  /** Long text wraps at this width (units) instead of widening the column. */
  maxWidth?: number;
  /** A status column: its cells get the traffic-light conditional format. */
  status?: boolean;
}

export interface PlannedRow {
  /** The measure id or org-unit code the row shows. */
  key: string;
  cells: CellContent[];
  total?: boolean;
}

/** One table of a layout, before it is placed on the sheet. */
export interface PlannedTable {
  /** A heading line above the table (a KPI of a per-KPI block, a region of a per-region block). */
  title?: string;
  columns: PlannedColumn[];
  rows: PlannedRow[];
  /** A line under the table (the traffic-light legend). */
  note?: string;
}

/** What a chart shows: its categories and series, before its data block is placed. */
export interface PlannedChart {
  title: string;
  /** Horizontal bars (many categories, sorted by value) or columns. */
  kind: 'column' | 'bar';
  labels: boolean;
  /** Reference lines (a % chart's 80 and 100). */
  targets: number[];
  categoryHeading: string;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  numFmt: string;
}
