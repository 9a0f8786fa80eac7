/**
 * The part of office.js's Excel object model this add-in uses, and nothing more. The Excel
 * layer is written against these shapes; office.js's `Excel.RequestContext` satisfies them
 * (tsc checks that where `Excel.run` hands its context over, in officeHost.ts), and so
 * does the test fake (test/support/excelFake). Every member here is listed with its
 * requirement set in requirementSets.ts.
 *
 * Enumerations are plain strings (`'Hidden'`, `'ContainsText'`): office.js accepts both.
 */

export interface ExcelContext {
  readonly workbook: ExcelWorkbook;
  /** Runs the queued commands and loads; every property read needs a load and a sync first. */
  sync(): Promise<unknown>;
}

export interface ExcelWorkbook {
  readonly worksheets: ExcelWorksheets;
  /** The cells the user has selected (on the active sheet). */
  getSelectedRange(): ExcelRange;
}

export interface ExcelWorksheets {
  getActiveWorksheet(): ExcelWorksheet;
  /** By name or by id; fails with ItemNotFound at sync when there is none. */
  getItem(key: string): ExcelWorksheet;
  getItemOrNullObject(key: string): ExcelWorksheet;
  /** Fails with ItemAlreadyExists at sync when the name is taken (names compare without case). */
  add(name?: string): ExcelWorksheet;
  load(propertyNames: string[]): void;
  readonly items: ExcelWorksheet[];
}

export interface ExcelWorksheet {
  /** Stable for the life of the sheet, whatever it is renamed to. */
  readonly id: string;
  readonly name: string;
  readonly isNullObject: boolean;
  visibility: string;
  load(propertyNames: string[]): void;
  activate(): void;
  getRange(address?: string): ExcelRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): ExcelRange;
  getUsedRange(valuesOnly?: boolean): ExcelRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  readonly charts: { add(type: string, sourceData: ExcelRange, seriesBy?: string): ExcelChart; readonly items: ExcelChart[]; load(propertyNames: string[]): void };
  /** The report sheet's frozen headings. Ranges are passed by address. */
  readonly freezePanes: { unfreeze(): void; freezeRows(count: number): void; freezeColumns(count: number): void; freezeAt(frozenRange: string): void };
  /** The report sheet's print setup (ExcelApi 1.9). */
  readonly pageLayout: {
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
  readonly horizontalPageBreaks: { add(pageBreakRange: string): unknown; removePageBreaks(): void };
}

export interface ExcelRange {
  readonly address: string;
  readonly isNullObject: boolean;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly cellCount: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /**
   * Writing `null` in a cell leaves it as it is; `''` empties it. Read back, the cell arrays
   * are null for a range over Excel's get limit (five million cells), which office.js's types do not say.
   */
  values: unknown[][] | null;
  readonly valueTypes: string[][] | null;
  numberFormat: string[][] | null;
  readonly format: ExcelRangeFormat;
  readonly dataValidation: { rule: { list?: { inCellDropDown: boolean; source: unknown } } };
  readonly conditionalFormats: ExcelConditionalFormats;
  load(propertyNames: string[]): void;
  select(): void;
  clear(applyTo?: string): void;
  getMergedAreasOrNullObject(): ExcelRangeAreas;
  merge(across?: boolean): void;
  unmerge(): void;
}

export interface ExcelRangeFormat {
  readonly fill: ExcelRangeFill;
  readonly font: { bold: boolean; name: string; size: number; italic: boolean; color: string };
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  indentLevel: number;
  columnWidth: number;
  rowHeight: number;
  useStandardWidth: boolean;
  useStandardHeight: boolean;
  readonly borders: { getItem(index: string): ExcelRangeBorder };
}

export interface ExcelRangeBorder {
  style: string;
  color: string;
}

export interface ExcelRangeFill {
  color: string;
  pattern: string;
  load(propertyNames: string[]): void;
  /** Removes the fill: the cell shows no fill again. */
  clear(): void;
}

export interface ExcelRangeAreas {
  readonly address: string;
  readonly isNullObject: boolean;
  load(propertyNames: string[]): void;
}

export interface ExcelConditionalFormats {
  add(type: string): ExcelConditionalFormat;
  clearAll(): void;
}

export interface ExcelConditionalFormat {
  readonly textComparison: { readonly format: { readonly fill: { color: string }; readonly font: { color: string; bold: boolean } }; rule: { operator: string; text: string } };
}

export interface ExcelChart {
  readonly title: { text: string };
  /** A series by position: a report chart's reference lines are its last series, drawn as lines. */
  readonly series: { getItemAt(index: number): { chartType: string } };
  setPosition(startCell: string, endCell?: string): void;
  delete(): void;
}
