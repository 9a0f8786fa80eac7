import type { ExcelContext } from '@returns-hub/addin/excel/excelApi';
import type { ExcelHost } from '@returns-hub/addin/excel/excelRunner';
import type { FakeBook } from './fakeBook';
import { FakeContext } from './fakeContext';
import { versionAtLeast } from '@returns-hub/addin/excel/requirementSets';

/**
 * Excel over a fake workbook: each run gets its own request context; `delayForCellEdit`
 * (where the host's sets have it) makes a sync wait for the clerk to leave the cell. As
 * office.js does, commands still queued when the batch ends are synced.
 */
export function fakeHost(book: FakeBook): ExcelHost {
  return {
    async run<T>(batch: (context: ExcelContext) => Promise<T>, options: { delayForCellEdit: boolean }): Promise<T> {
      book.use('Excel.run');
      if (options.delayForCellEdit) book.use('RunOptions.delayForCellEdit');
      const context = new FakeContext(book, options.delayForCellEdit);
      const result = await batch(context);
      if (context.ops.length) await context.sync();
      return result;
    },
    isSetSupported: (set, version) => book.isSetSupported(set, version),
  };
}

/** The office.js enumerations the Excel layer names, as office.js spells their values. */
export const EXCEL_ENUMS = {
  ConditionalFormatType: { containsText: 'ContainsText' },
  ConditionalTextOperator: { contains: 'Contains' },
  ChartType: { columnClustered: 'ColumnClustered' },
  ChartSeriesBy: { columns: 'Columns' },
  SheetVisibility: { visible: 'Visible', hidden: 'Hidden' },
};

type Batch = (context: ExcelContext) => Promise<unknown>;

/**
 * Installs `Office` and `Excel` globals over a fake workbook, as office.js would give
 * them inside Excel: `Office.onReady`, the display language, `isSetSupported`, `Excel.run`
 * (with or without run options) and the enumerations. Used by the browser tests (served
 * in place of office.js) and by Jest tests of code that reads the globals.
 */
export function installOfficeGlobals(scope: object, book: FakeBook, displayLanguage: string): void {
  const host = fakeHost(book);
  const requirements = { isSetSupported: (set: string, version: string) => Object.entries(book.sets).some(([name, have]) => name === set && have !== undefined && versionAtLeast(have, version)) };
  Object.assign(scope, {
    Office: {
      context: { displayLanguage, requirements },
      onReady: (callback?: (info: { host: string; platform: string }) => void) => {
        const info = { host: 'Excel', platform: 'OfficeOnline' };
        callback?.(info);
        return Promise.resolve(info);
      },
    },
    Excel: {
      ...EXCEL_ENUMS,
      run: (first: Batch | { delayForCellEdit?: boolean }, second?: Batch) =>
        typeof first === 'function'
          ? host.run(first, { delayForCellEdit: false })
          : second
            ? host.run(second, { delayForCellEdit: first.delayForCellEdit ?? false })
            : Promise.reject(new Error('Excel.run needs a batch')),
    },
  });
}
