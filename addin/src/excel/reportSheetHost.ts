/**
 * The part of office.js the report writer uses, as structural types: `Excel.RequestContext`
 * satisfies `ReportContext`, and a test's fake can implement it without casts. Enum-typed
 * properties are widened to `string` (office.js accepts the names: 'Center', 'A4', …); ranges
 * are passed by address.
 * Requirement sets: ExcelApi 1.9 for page layout, page breaks and indents; 1.7 for the rest.
 */

export interface HostFont {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  color: string;
}

export interface HostBorder {
  style: string;
  color: string;
}

export interface HostRangeFormat {
  font: HostFont;
  fill: { color: string };
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  columnWidth: number;
  rowHeight: number;
  useStandardWidth: boolean;
  useStandardHeight: boolean;
  borders: { getItem(index: string): HostBorder };
}

export interface HostConditionalFormat {
  textComparison: { format: { fill: { color: string }; font: { color: string; bold: boolean } }; rule: { operator: string; text: string } };
}

export interface HostRange {
  values: unknown[][];
  numberFormat: unknown[][];
  readonly address: string;
  readonly isNullObject: boolean;
  format: HostRangeFormat;
  conditionalFormats: { add(type: string): HostConditionalFormat; clearAll(): void };
  merge(across?: boolean): void;
  unmerge(): void;
  clear(applyTo?: string): void;
  load(propertyNames?: string): unknown;
}

export interface HostChart {
  name: string;
  title: { text: string };
  setPosition(startCell: string, endCell?: string): void;
  delete(): void;
}

export interface HostWorksheet {
  readonly name: string;
  readonly isNullObject: boolean;
  getRange(address?: string): HostRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): HostRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): HostRange;
  charts: { readonly items: HostChart[]; add(type: string, sourceData: HostRange, seriesBy?: string): HostChart; load(propertyNames?: string): unknown };
  freezePanes: { unfreeze(): void; freezeRows(count?: number): void; freezeColumns(count?: number): void; freezeAt(frozenRange: string): void };
  pageLayout: {
    orientation: string;
    paperSize: string;
    centerHorizontally: boolean;
    leftMargin: number;
    rightMargin: number;
    topMargin: number;
    bottomMargin: number;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    setPrintArea(printArea: string): void;
    setPrintTitleRows(printTitleRows: string): void;
  };
  horizontalPageBreaks: { add(pageBreakRange: string): unknown; removePageBreaks(): void };
  activate(): void;
}

export interface ReportContext {
  workbook: { worksheets: { getItemOrNullObject(key: string): HostWorksheet; add(name?: string): HostWorksheet } };
  sync(): Promise<unknown>;
}
