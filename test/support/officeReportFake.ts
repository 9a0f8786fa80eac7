import type { HostBorder, HostChart, HostConditionalFormat, HostFont, HostRange, HostRangeFormat, HostWorksheet, ReportContext } from '@returns-hub/addin/excel/reportSheetHost';
import { a1, parseA1, parseRange } from '@returns-hub/shared/sheet/address';
import type { Rect } from '@returns-hub/shared/report/reportSheet';

/**
 * An Excel workbook as the report writer sees it through office.js, typed (`ReportContext`),
 * behaving like office.js where the writer depends on it: `values` must match the range's
 * size; `null` in `values` leaves the cell as it was; a leading apostrophe makes text (and is
 * not kept), a leading `=` makes a formula; `address` and chart items must be loaded and
 * synced before they are read; a missing sheet is a null object; adding a sheet that exists
 * throws `ItemAlreadyExists`; `clear('All')` empties cells and their formats. It records what
 * was written, cell by cell, for tests to read back.
 */

export interface FakeCell {
  value: string | number;
  formula?: string;
  numFmt: string;
  font: { name: string; size: number; bold: boolean; italic: boolean; color: string };
  fill: string;
  hAlign: string;
  vAlign: string;
  wrap: boolean;
  indent: number;
  borders: Set<'top' | 'bottom' | 'left' | 'right'>;
}

const DEFAULT_FONT = { name: 'Calibri', size: 11, bold: false, italic: false, color: '#000000' };

function freshCell(): FakeCell {
  return { value: '', numFmt: 'General', font: { ...DEFAULT_FONT }, fill: '', hAlign: 'General', vAlign: 'Bottom', wrap: false, indent: 0, borders: new Set() };
}

class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function cellsOf(r: Rect): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ row, col });
  return out;
}

const overlaps = (a: Rect, b: Rect) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

class FakeFont implements HostFont {
  constructor(private readonly range: FakeRange) {}
  private set<K extends keyof FakeCell['font']>(k: K, v: FakeCell['font'][K]) {
    this.range.each((c) => (c.font[k] = v));
  }
  get name() {
    return this.range.first().font.name;
  }
  set name(v: string) {
    this.set('name', v);
  }
  get size() {
    return this.range.first().font.size;
  }
  set size(v: number) {
    this.set('size', v);
  }
  get bold() {
    return this.range.first().font.bold;
  }
  set bold(v: boolean) {
    this.set('bold', v);
  }
  get italic() {
    return this.range.first().font.italic;
  }
  set italic(v: boolean) {
    this.set('italic', v);
  }
  get color() {
    return this.range.first().font.color;
  }
  set color(v: string) {
    this.set('color', v);
  }
}

class FakeBorder implements HostBorder {
  color = '';
  constructor(
    private readonly range: FakeRange,
    private readonly edge: string,
  ) {}
  get style() {
    return 'Continuous';
  }
  set style(v: string) {
    if (v !== 'Continuous') throw new OfficeError('InvalidArgument', `border style ${v}`);
    const r = this.range.rect;
    this.range.each((c, row, col) => {
      if (this.edge === 'EdgeTop' && row === r.top) c.borders.add('top');
      if (this.edge === 'EdgeBottom' && row === r.bottom) c.borders.add('bottom');
      if (this.edge === 'EdgeLeft' && col === r.left) c.borders.add('left');
      if (this.edge === 'EdgeRight' && col === r.right) c.borders.add('right');
      if (this.edge === 'InsideHorizontal') {
        if (row > r.top) c.borders.add('top');
        if (row < r.bottom) c.borders.add('bottom');
      }
      if (this.edge === 'InsideVertical') {
        if (col > r.left) c.borders.add('left');
        if (col < r.right) c.borders.add('right');
      }
    });
  }
}

class FakeFormat implements HostRangeFormat {
  readonly font: FakeFont;
  readonly fill: { color: string };
  readonly borders: { getItem(index: string): HostBorder };
  constructor(private readonly range: FakeRange) {
    this.font = new FakeFont(range);
    this.fill = {
      get color() {
        return range.first().fill;
      },
      set color(v: string) {
        range.each((c) => (c.fill = v));
      },
    };
    this.borders = { getItem: (edge: string) => new FakeBorder(range, edge) };
  }
  get horizontalAlignment() {
    return this.range.first().hAlign;
  }
  set horizontalAlignment(v: string) {
    this.range.each((c) => (c.hAlign = v));
  }
  get verticalAlignment() {
    return this.range.first().vAlign;
  }
  set verticalAlignment(v: string) {
    this.range.each((c) => (c.vAlign = v));
  }
  get wrapText() {
    return this.range.first().wrap;
  }
  set wrapText(v: boolean) {
    this.range.each((c) => (c.wrap = v));
  }
  get indentLevel() {
    return this.range.first().indent;
  }
  set indentLevel(v: number) {
    this.range.each((c) => (c.indent = v));
  }
  get columnWidth() {
    return this.range.sheet.columnWidths.get(this.range.rect.left) ?? 48;
  }
  set columnWidth(v: number) {
    for (let k = this.range.rect.left; k <= this.range.rect.right; k++) this.range.sheet.columnWidths.set(k, v);
  }
  get useStandardWidth() {
    return [...Array(this.range.rect.right - this.range.rect.left + 1).keys()].every((i) => !this.range.sheet.columnWidths.has(this.range.rect.left + i));
  }
  set useStandardWidth(v: boolean) {
    if (v) for (let k = this.range.rect.left; k <= this.range.rect.right; k++) this.range.sheet.columnWidths.delete(k);
  }
  get useStandardHeight() {
    return [...Array(this.range.rect.bottom - this.range.rect.top + 1).keys()].every((i) => !this.range.sheet.rowHeights.has(this.range.rect.top + i));
  }
  set useStandardHeight(v: boolean) {
    if (v) for (let r = this.range.rect.top; r <= this.range.rect.bottom; r++) this.range.sheet.rowHeights.delete(r);
  }
  get rowHeight() {
    return this.range.sheet.rowHeights.get(this.range.rect.top) ?? 15;
  }
  set rowHeight(v: number) {
    for (let r = this.range.rect.top; r <= this.range.rect.bottom; r++) this.range.sheet.rowHeights.set(r, v);
  }
}

export interface FakeConditionalFormat {
  range: Rect;
  type: string;
  fill: string;
  color: string;
  bold: boolean;
  operator: string;
  text: string;
}

class FakeRange implements HostRange {
  readonly format: FakeFormat;
  private loaded = false;
  constructor(
    readonly sheet: FakeSheet,
    readonly rect: Rect,
    readonly isNullObject = false,
  ) {
    this.format = new FakeFormat(this);
  }

  each(f: (c: FakeCell, row: number, col: number) => void): void {
    for (const { row, col } of cellsOf(this.rect)) f(this.sheet.cell(row, col), row, col);
  }
  first(): FakeCell {
    return this.sheet.cell(this.rect.top, this.rect.left);
  }
  private checkSize(grid: unknown[][], what: string): void {
    const rows = this.rect.bottom - this.rect.top + 1;
    const cols = this.rect.right - this.rect.left + 1;
    if (grid.length !== rows || grid.some((r) => r.length !== cols)) throw new OfficeError('InvalidArgument', `${what}: ${grid.length}×${grid[0]?.length ?? 0} given for a ${rows}×${cols} range`);
  }

  get address(): string {
    if (!this.loaded || !this.sheet.context.synced(this)) throw new OfficeError('PropertyNotLoaded', 'address was not loaded and synced');
    return `${this.sheet.name}!${a1(this.rect.top, this.rect.left)}:${a1(this.rect.bottom, this.rect.right)}`;
  }
  load(): unknown {
    this.loaded = true;
    this.sheet.context.pending.add(this);
    return this;
  }

  get values(): unknown[][] {
    return cellsOfRows(this.rect).map((row) => row.map(({ row: r, col }) => this.sheet.peek(r, col)?.value ?? ''));
  }
  set values(v: unknown[][]) {
    this.checkSize(v, 'values');
    this.sheet.context.payload += JSON.stringify(v).length;
    v.forEach((row, i) =>
      row.forEach((x, k) => {
        if (x === null || x === undefined) return; // null leaves the cell unchanged, as office.js does
        const c = this.sheet.cell(this.rect.top + i, this.rect.left + k);
        delete c.formula;
        if (typeof x === 'string' && x.startsWith("'")) c.value = x.slice(1);
        else if (typeof x === 'string' && x.startsWith('=')) {
          c.formula = x;
          c.value = x;
        } else if (typeof x === 'string' || typeof x === 'number') c.value = x;
        else throw new OfficeError('InvalidArgument', `value ${JSON.stringify(x)}`);
      }),
    );
  }
  get numberFormat(): unknown[][] {
    return cellsOfRows(this.rect).map((row) => row.map(({ row: r, col }) => this.sheet.peek(r, col)?.numFmt ?? 'General'));
  }
  set numberFormat(v: unknown[][]) {
    this.checkSize(v, 'numberFormat');
    v.forEach((row, i) =>
      row.forEach((x, k) => {
        if (typeof x === 'string') this.sheet.cell(this.rect.top + i, this.rect.left + k).numFmt = x;
      }),
    );
  }

  readonly conditionalFormats = {
    add: (type: string): HostConditionalFormat => {
      const cf: FakeConditionalFormat = { range: this.rect, type, fill: '', color: '', bold: false, operator: '', text: '' };
      this.sheet.conditionalFormats.push(cf);
      return {
        textComparison: {
          format: {
            fill: {
              get color() {
                return cf.fill;
              },
              set color(v: string) {
                cf.fill = v;
              },
            },
            font: {
              get color() {
                return cf.color;
              },
              set color(v: string) {
                cf.color = v;
              },
              get bold() {
                return cf.bold;
              },
              set bold(v: boolean) {
                cf.bold = v;
              },
            },
          },
          get rule() {
            return { operator: cf.operator, text: cf.text };
          },
          set rule(v: { operator: string; text: string }) {
            cf.operator = v.operator;
            cf.text = v.text;
          },
        },
      };
    },
    clearAll: () => {
      this.sheet.conditionalFormats = this.sheet.conditionalFormats.filter((cf) => !overlaps(cf.range, this.rect));
    },
  };

  merge(): void {
    if (this.sheet.merges.some((m) => overlaps(m, this.rect))) throw new OfficeError('InvalidOperation', 'merging over a merged area');
    this.sheet.merges.push(this.rect);
    // As in Excel, the merged area takes the top-left cell's format; the other cells are emptied.
    const master = this.first();
    this.each((c, row, col) => {
      if (row === this.rect.top && col === this.rect.left) return;
      Object.assign(c, { value: '', numFmt: master.numFmt, font: { ...master.font }, fill: master.fill, hAlign: master.hAlign, vAlign: master.vAlign, wrap: master.wrap, indent: master.indent });
      delete c.formula;
    });
  }
  unmerge(): void {
    this.sheet.merges = this.sheet.merges.filter((m) => !overlaps(m, this.rect));
  }
  clear(applyTo = 'All'): void {
    if (applyTo !== 'All') throw new OfficeError('InvalidArgument', `clear ${applyTo}`);
    for (const { row, col } of cellsOf(this.rect)) this.sheet.cells.delete(`${row},${col}`);
  }
}

function cellsOfRows(r: Rect): { row: number; col: number }[][] {
  return Array.from({ length: r.bottom - r.top + 1 }, (_, i) => Array.from({ length: r.right - r.left + 1 }, (_, k) => ({ row: r.top + i, col: r.left + k })));
}

class FakeChart implements HostChart {
  name = '';
  readonly title = { text: '' };
  position: [string, string?] = [''];
  constructor(
    private readonly sheet: FakeSheet,
    readonly type: string,
    readonly source: Rect,
    readonly seriesBy: string,
  ) {}
  setPosition(start: string, end?: string): void {
    this.position = [start, end];
  }
  delete(): void {
    this.sheet.chartList = this.sheet.chartList.filter((c) => c !== this);
  }
}

export class FakeSheet implements HostWorksheet {
  cells = new Map<string, FakeCell>();
  merges: Rect[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  conditionalFormats: FakeConditionalFormat[] = [];
  chartList: FakeChart[] = [];
  frozen = { rows: 0, columns: 0 };
  pageBreaks: number[] = [];
  printArea = '';
  printTitleRows = '';
  activated = false;
  readonly isNullObject: boolean = false;
  private chartsLoaded = false;

  readonly pageLayout = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    centerHorizontally: false,
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    zoom: {} as { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number },
    setPrintArea: (a: string) => void (this.printArea = a),
    setPrintTitleRows: (r: string) => void (this.printTitleRows = r),
  };

  readonly freezePanes = {
    unfreeze: () => void (this.frozen = { rows: 0, columns: 0 }),
    freezeRows: (n = 1) => void (this.frozen = { rows: n, columns: 0 }),
    freezeColumns: (n = 1) => void (this.frozen = { rows: 0, columns: n }),
    freezeAt: (address: string) => {
      const r = parseRange(address);
      if (!r) throw new OfficeError('InvalidArgument', address);
      this.frozen = { rows: r.bottom + 1, columns: r.right + 1 };
    },
  };

  readonly horizontalPageBreaks = {
    add: (address: string) => {
      const at = parseA1(address);
      if (!at) throw new OfficeError('InvalidArgument', address);
      this.pageBreaks.push(at.row);
      return at;
    },
    removePageBreaks: () => void (this.pageBreaks = []),
  };

  readonly charts = {
    get items(): HostChart[] {
      if (!sheetOf(this).chartsLoaded || !sheetOf(this).context.synced(this)) throw new OfficeError('PropertyNotLoaded', 'charts were not loaded and synced');
      return sheetOf(this).chartList;
    },
    add: (type: string, source: HostRange, seriesBy = 'Auto'): HostChart => {
      if (!(source instanceof FakeRange)) throw new OfficeError('InvalidArgument', 'chart source');
      const c = new FakeChart(this, type, source.rect, seriesBy);
      this.chartList.push(c);
      return c;
    },
    load: () => {
      this.chartsLoaded = true;
      this.context.pending.add(this.charts);
      return this.charts;
    },
    owner: this as FakeSheet,
  };

  constructor(
    readonly context: FakeWorkbook,
    readonly name: string,
  ) {}

  cell(row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = freshCell()));
    return c;
  }
  peek(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  getRange(address?: string): HostRange {
    const r = address ? parseRange(address) : null;
    if (!r) throw new OfficeError('InvalidArgument', `address ${address}`);
    return new FakeRange(this, r);
  }
  getRangeByIndexes(top: number, left: number, rows: number, cols: number): HostRange {
    if (rows < 1 || cols < 1) throw new OfficeError('InvalidArgument', `${rows}×${cols} range`);
    return new FakeRange(this, { top, left, bottom: top + rows - 1, right: left + cols - 1 });
  }
  getUsedRangeOrNullObject(): HostRange {
    const keys = [...this.cells.keys()].map((k) => k.split(',').map(Number));
    if (keys.length === 0) return new FakeRange(this, { top: 0, left: 0, bottom: 0, right: 0 }, true);
    const rows = keys.map(([r]) => r);
    const cols = keys.map(([, c]) => c);
    return new FakeRange(this, { top: Math.min(...rows), left: Math.min(...cols), bottom: Math.max(...rows), right: Math.max(...cols) });
  }
  activate(): void {
    this.activated = true;
  }
}

function sheetOf(charts: { owner: FakeSheet }): FakeSheet {
  return charts.owner;
}

/** The workbook and its request context: `sync` counts and settles loads. */
export class FakeWorkbook implements ReportContext {
  readonly sheets = new Map<string, FakeSheet>();
  syncs = 0;
  /** Characters of values sent since the last sync, and the largest batch sent. */
  payload = 0;
  largestPayload = 0;
  readonly pending = new Set<object>();
  private readonly settled = new Set<object>();

  readonly workbook = {
    worksheets: {
      getItemOrNullObject: (name: string): HostWorksheet => this.sheets.get(name) ?? new NullSheet(this, ''),
      add: (name = `Sheet${this.sheets.size + 1}`): HostWorksheet => {
        if (this.sheets.has(name)) throw new OfficeError('ItemAlreadyExists', `A sheet named ${name} exists.`);
        const s = new FakeSheet(this, name);
        this.sheets.set(name, s);
        return s;
      },
    },
  };

  async sync(): Promise<unknown> {
    this.syncs++;
    this.largestPayload = Math.max(this.largestPayload, this.payload);
    this.payload = 0;
    for (const p of this.pending) this.settled.add(p);
    this.pending.clear();
    return undefined;
  }
  synced(x: object): boolean {
    return this.settled.has(x);
  }
  sheet(name: string): FakeSheet {
    const s = this.sheets.get(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
}

/** What `getItemOrNullObject` answers for a missing sheet: a null object whose use fails. */
class NullSheet extends FakeSheet {
  override readonly isNullObject = true;
  override getRange(): HostRange {
    throw new OfficeError('ItemNotFound', 'The sheet does not exist.');
  }
  override getRangeByIndexes(): HostRange {
    throw new OfficeError('ItemNotFound', 'The sheet does not exist.');
  }
  override getUsedRangeOrNullObject(): HostRange {
    throw new OfficeError('ItemNotFound', 'The sheet does not exist.');
  }
}
