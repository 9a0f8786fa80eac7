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
  readonly tables: ExcelTables;
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
  readonly tables: { add(address: ExcelRange | string, hasHeaders: boolean): ExcelTable };
  readonly charts: { add(type: string, sourceData: ExcelRange, seriesBy?: string): ExcelChart };
}

export interface ExcelRange {
  readonly address: string;
  readonly isNullObject: boolean;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly cellCount: number;
  /** Writing `null` in a cell leaves it as it is; `''` empties it. */
  values: unknown[][];
  readonly valueTypes: string[][];
  numberFormat: string[][];
  readonly format: ExcelRangeFormat;
  readonly dataValidation: { rule: { list?: { inCellDropDown: boolean; source: unknown } } };
  readonly conditionalFormats: ExcelConditionalFormats;
  load(propertyNames: string[]): void;
  select(): void;
  clear(applyTo?: string): void;
  getMergedAreasOrNullObject(): ExcelRangeAreas;
}

export interface ExcelRangeFormat {
  readonly fill: ExcelRangeFill;
  readonly font: { bold: boolean };
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
  readonly textComparison: { readonly format: { readonly fill: { color: string } }; rule: { operator: string; text: string } };
}

export interface ExcelTables {
  getItemOrNullObject(key: string): ExcelTable;
}

export interface ExcelTable {
  name: string;
  readonly isNullObject: boolean;
  readonly rows: { readonly count: number; load(propertyNames: string[]): void };
  resize(newRange: ExcelRange | string): void;
}

export interface ExcelChart {
  readonly title: { text: string };
  setPosition(startCell: string): void;
}
