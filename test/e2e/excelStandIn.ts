/* eslint-disable @typescript-eslint/no-explicit-any -- office.js stand-in: to be replaced by one typed office.js fake (issue 11) */
/**
 * Test-only stand-in for office.js in the browser: `Office.onReady`, `Excel.run` and the
 * part of the Excel object model the pane uses, over one sheet's used range injected as
 * `window.__USED__`. It records fills, selections and written values in `window.__BOOK__`
 * for the test to read. Served in place of the office.js CDN script by Playwright.
 */
type Any = any;
const w = window as Any;
const used = w.__USED__;

interface SheetState {
  name: string;
  fills: Record<string, { color: string; pattern: string }>;
  writes: Record<string, unknown>;
  formats: Record<string, unknown>;
  selected: string[];
  tables: string[];
  charts: string[];
}
const book = { sheets: {} as Record<string, SheetState>, active: used.sheet as string, syncs: 0 };
w.__BOOK__ = book;

function sheetState(name: string): SheetState {
  return (book.sheets[name] ??= { name, fills: {}, writes: {}, formats: {}, selected: [], tables: [], charts: [] });
}

function range(sheet: SheetState, key: string): Any {
  const fill = () => (sheet.fills[key] ??= { color: '#FFFFFF', pattern: 'None' });
  return {
    load() {},
    format: {
      font: {},
      fill: {
        load() {},
        get color() {
          return fill().color;
        },
        set color(c: string) {
          Object.assign(fill(), { color: c, pattern: 'Solid' });
        },
        get pattern() {
          return fill().pattern;
        },
        clear() {
          Object.assign(fill(), { color: '#FFFFFF', pattern: 'None' });
        },
      },
    },
    set values(v: unknown) {
      sheet.writes[key] = v;
    },
    get values() {
      return sheet.writes[key];
    },
    set numberFormat(v: unknown) {
      sheet.formats[key] = v;
    },
    dataValidation: {},
    conditionalFormats: {
      clearAll() {},
      add() {
        return { textComparison: { format: { fill: {} }, rule: null } };
      },
    },
    select() {
      sheet.selected.push(key);
    },
    clear() {
      delete sheet.writes[key];
    },
  };
}

function worksheet(name: string): Any {
  const s = sheetState(name);
  return {
    name,
    isNullObject: false,
    load() {},
    activate() {
      book.active = name;
    },
    getRange: (a: string) => range(s, a),
    getRangeByIndexes: (r: number, c: number, h: number, wd: number) => range(s, `${r},${c},${h},${wd}`),
    getUsedRangeOrNullObject() {
      if (name !== used.sheet) return { isNullObject: true, load() {}, getMergedAreasOrNullObject: () => ({ isNullObject: true, load() {} }) };
      return { isNullObject: false, load() {}, ...used, getMergedAreasOrNullObject: () => ({ isNullObject: !used.merged, address: used.merged, load() {} }) };
    },
    tables: {
      add() {
        const t = { name: '' };
        s.tables.push('table');
        return t;
      },
    },
    charts: {
      add(type: string) {
        s.charts.push(type);
        return { title: {}, setPosition() {} };
      },
    },
  };
}

const context = {
  workbook: {
    worksheets: {
      getActiveWorksheet: () => worksheet(book.active),
      getItem: (n: string) => worksheet(n),
      getItemOrNullObject: (n: string) => (book.sheets[n] && n !== used.sheet ? worksheet(n) : { isNullObject: true }),
      add: (n: string) => worksheet(n),
    },
    tables: { getItemOrNullObject: () => ({ isNullObject: true, rows: { load() {}, count: 0 } }) },
  },
  async sync() {
    book.syncs++;
  },
};

w.Excel = {
  run: async (cb: (ctx: Any) => Promise<unknown>) => cb(context),
  ConditionalFormatType: { containsText: 'ContainsText' },
  ConditionalTextOperator: { contains: 'Contains' },
  ChartType: { columnClustered: 'ColumnClustered' },
  ChartSeriesBy: { columns: 'Columns' },
  SheetVisibility: { hidden: 'Hidden' },
};
w.Office = {
  context: { displayLanguage: w.__LANG__ ?? 'th-TH' },
  onReady: (cb: (info: Any) => void) => {
    cb({ host: 'Excel', platform: 'OfficeOnline' });
    return Promise.resolve({ host: 'Excel' });
  },
};
