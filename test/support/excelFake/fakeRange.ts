import type { Rect } from '@returns-hub/shared/sheet/grid';
import { a1, addressPrefix } from '@returns-hub/shared/sheet/address';
import type { ExcelConditionalFormats, ExcelRange, ExcelRangeAreas, ExcelRangeFormat } from '@returns-hub/addin/excel/excelApi';
import { cellKey, jsonBytes, type FakeCell, type FakeSheet } from './fakeBook';
import type { FakeContext } from './fakeContext';
import type { FakeWorksheet } from './fakeWorksheet';
import { FakeConditionalFormats, FakeRangeFormat } from './fakeRangeFormat';
import { Loaded, NullState } from './loaded';
import { FakeRichApiError } from './richApiError';

/** `A1:C3`, or `A1` for one cell. */
export function rectOf(r: Rect): string {
  const from = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? from : `${from}:${a1(r.bottom, r.right)}`;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

interface RangeProps {
  address: string;
  rowIndex: number;
  columnIndex: number;
  cellCount: number;
  rowCount: number;
  columnCount: number;
  values: unknown[][] | null;
  valueTypes: string[][] | null;
  numberFormat: string[][] | null;
}

const RANGE_MEMBERS = {
  address: 'Range.address',
  rowIndex: 'Range.rowIndex',
  columnIndex: 'Range.columnIndex',
  cellCount: 'Range.cellCount',
  rowCount: 'Range.rowCount',
  columnCount: 'Range.columnCount',
  values: 'Range.values',
  valueTypes: 'Range.valueTypes',
  numberFormat: 'Range.numberFormat',
} as const;

function isRangeProp(p: string): p is keyof RangeProps {
  return p in RANGE_MEMBERS;
}

function valueTypeOf(c: FakeCell | undefined): string {
  if (!c || (c.value === '' && !c.error)) return 'Empty';
  if (c.error) return 'Error';
  return typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String';
}

/**
 * A range proxy: its cells are settled at sync (an `…OrNullObject` range with no cells is
 * a null object). Writes apply at sync and fail on a protected sheet (AccessDenied); a
 * `null` in `values` or `numberFormat` leaves that cell as it is, `''` empties it.
 */
export class FakeRange implements ExcelRange {
  private loaded = new Loaded<RangeProps>();
  private nullState = new NullState();
  /** Settled at sync; null for a null object. */
  rect: Rect | null = null;

  constructor(
    readonly ctx: FakeContext,
    readonly worksheet: FakeWorksheet,
    locate: (s: FakeSheet) => Rect | null,
  ) {
    ctx.queue(() => {
      this.rect = this.worksheet.target ? locate(this.worksheet.target) : null;
      this.nullState.resolve(this.rect === null);
    });
  }

  get isNullObject(): boolean {
    return this.nullState.isNull;
  }

  /** Each cell of the range at sync, row by row. */
  forEachCell(fn: (sheet: FakeSheet, row: number, col: number) => void): void {
    const s = this.worksheet.target;
    const r = this.rect;
    if (!s || !r) return;
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(s, row, col);
  }

  /** A write: queued (with the bytes of data it sends); at sync it fails on a protected sheet. */
  write(apply: (sheet: FakeSheet, rect: Rect) => void, bytes = 0): void {
    this.ctx.queue(() => {
      const s = this.worksheet.target;
      if (!s || !this.rect) return;
      this.ctx.book.writable(s);
      s.version++;
      apply(s, this.rect);
    }, bytes);
  }

  private read<K extends keyof RangeProps>(key: K): RangeProps[K] {
    this.ctx.book.use(RANGE_MEMBERS[key]);
    return this.loaded.get(key);
  }

  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get cellCount(): number {
    return this.read('cellCount');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get values(): unknown[][] | null {
    return this.read('values');
  }
  get valueTypes(): string[][] | null {
    return this.read('valueTypes');
  }
  get numberFormat(): string[][] | null {
    return this.read('numberFormat');
  }

  /** Rows × columns of a written array must match the range, as Excel demands. */
  private grid<T>(name: string, data: T[][], each: (cell: FakeCell, v: T) => void): void {
    this.write((s, r) => {
      const rows = r.bottom - r.top + 1;
      const cols = r.right - r.left + 1;
      if (data.length !== rows || data.some((row) => row.length !== cols)) {
        throw new FakeRichApiError('InvalidArgument', `The number of rows or columns in the ${name} array doesn't match the size of the range (${rows} × ${cols}).`);
      }
      data.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v === null || v === undefined) return; // office.js: null leaves the cell unchanged
          each(this.ctx.book.cellForWrite(s, r.top + i, r.left + j), v);
        }),
      );
    }, jsonBytes(data));
  }

  set values(data: unknown[][] | null) {
    this.ctx.book.use('Range.values');
    if (!data) throw new FakeRichApiError('InvalidArgument', 'values needs a 2-D array');
    this.grid('values', data, (cell, v) => {
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new FakeRichApiError('InvalidArgument', `Not a cell value: ${String(v)}`);
      cell.error = undefined;
      cell.formula = undefined;
      // As Excel takes typing: a leading apostrophe makes the rest text (and is not kept); a leading = makes a formula.
      if (typeof v === 'string' && v.startsWith("'")) cell.value = v.slice(1);
      else if (typeof v === 'string' && v.startsWith('=')) cell.value = cell.formula = v;
      else cell.value = v;
    });
  }

  set numberFormat(data: string[][] | null) {
    this.ctx.book.use('Range.numberFormat');
    if (!data) throw new FakeRichApiError('InvalidArgument', 'numberFormat needs a 2-D array');
    this.grid('numberFormat', data, (cell, v) => void (cell.numberFormat = v));
  }

  load(propertyNames: string[]): void {
    for (const p of propertyNames) {
      if (!isRangeProp(p)) throw new FakeRichApiError('InvalidArgument', `The fake cannot load Range.${p}`);
      this.ctx.book.use(RANGE_MEMBERS[p]);
    }
    this.ctx.queue(() => {
      const s = this.worksheet.target;
      const r = this.rect;
      if (!s || !r) return;
      const cellCount = (r.bottom - r.top + 1) * (r.right - r.left + 1);
      // Beyond the get limit Excel hands the cell arrays back as null (it does not always throw).
      const wantsCells = propertyNames.some((p) => p === 'values' || p === 'valueTypes' || p === 'numberFormat');
      const cells =
        !wantsCells || cellCount > this.ctx.book.limits.getCells
          ? null
          : Array.from({ length: r.bottom - r.top + 1 }, (_, i) => Array.from({ length: r.right - r.left + 1 }, (_, j) => this.ctx.book.cell(s, r.top + i, r.left + j)));
      const data: Partial<RangeProps> = {};
      for (const p of propertyNames) {
        if (!isRangeProp(p)) continue;
        if (p === 'address') data[p] = addressPrefix(s.name) + rectOf(r);
        else if (p === 'rowIndex') data[p] = r.top;
        else if (p === 'columnIndex') data[p] = r.left;
        else if (p === 'cellCount') data[p] = cellCount;
        else if (p === 'rowCount') data[p] = r.bottom - r.top + 1;
        else if (p === 'columnCount') data[p] = r.right - r.left + 1;
        else if (p === 'values') data[p] = cells && cells.map((row) => row.map((c) => c?.value ?? ''));
        else if (p === 'valueTypes') data[p] = cells && cells.map((row) => row.map(valueTypeOf));
        else data[p] = cells && cells.map((row) => row.map((c) => c?.numberFormat ?? 'General'));
      }
      this.ctx.respond(jsonBytes(data), () => this.loaded.setAll(data));
    });
  }

  private format_: FakeRangeFormat | undefined;
  /** The same proxy each time, as office.js gives (a load on it is read back from it). */
  get format(): ExcelRangeFormat {
    this.ctx.book.use('Range.format');
    return (this.format_ ??= new FakeRangeFormat(this));
  }

  get dataValidation(): { rule: { list?: { inCellDropDown: boolean; source: unknown } } } {
    this.ctx.book.use('Range.dataValidation');
    const use = () => this.ctx.book.use('DataValidation.rule');
    const write = (rule: unknown) => this.write((s, r) => void s.validations.set(rectOf(r), rule));
    return {
      set rule(rule: { list?: { inCellDropDown: boolean; source: unknown } }) {
        use();
        write(rule);
      },
      get rule(): { list?: { inCellDropDown: boolean; source: unknown } } {
        throw new FakeRichApiError('PropertyNotLoaded', 'The add-in only writes validation rules.');
      },
    };
  }

  get conditionalFormats(): ExcelConditionalFormats {
    this.ctx.book.use('Range.conditionalFormats');
    return new FakeConditionalFormats(this);
  }

  select(): void {
    this.ctx.book.use('Range.select');
    this.ctx.queue(() => {
      const s = this.worksheet.target;
      if (!s || !this.rect) return;
      if (s.id !== this.ctx.book.activeId) throw new FakeRichApiError('GeneralException', 'Only a range of the active sheet can be selected.');
      this.ctx.book.selection = { sheetId: s.id, cell: rectOf(this.rect) };
    });
  }

  clear(applyTo: string = 'All'): void {
    this.ctx.book.use('Range.clear');
    this.write(() =>
      this.forEachCell((s, row, col) => {
        const c = this.ctx.book.cell(s, row, col);
        if (!c) return;
        if (applyTo === 'All') s.cells.delete(cellKey(row, col));
        if (applyTo === 'Contents') Object.assign(c, { value: '', error: undefined });
        if (applyTo === 'Formats') Object.assign(c, { numberFormat: 'General', fill: { color: '#FFFFFF', pattern: 'None' }, bold: false });
      }),
    );
  }

  /** Merging keeps the top-left cell's value and gives the area its format, as Excel does. */
  merge(): void {
    this.ctx.book.use('Range.merge');
    this.write((s, r) => {
      if (s.merges.some((m) => intersects(m, r))) throw new FakeRichApiError('InvalidArgument', 'Cannot merge over a merged area.');
      s.merges.push({ ...r });
      const master = this.ctx.book.cellForWrite(s, r.top, r.left);
      this.forEachCell((sheet, row, col) => {
        if (row === r.top && col === r.left) return;
        const c = this.ctx.book.cellForWrite(sheet, row, col);
        Object.assign(c, {
          value: '',
          formula: undefined,
          numberFormat: master.numberFormat,
          fill: { ...master.fill },
          bold: master.bold,
          font: master.font && { ...master.font },
          hAlign: master.hAlign,
          vAlign: master.vAlign,
          wrap: master.wrap,
          indent: master.indent,
        });
      });
    });
  }

  unmerge(): void {
    this.ctx.book.use('Range.unmerge');
    this.write((s, r) => void (s.merges = s.merges.filter((m) => !intersects(m, r))));
  }

  getMergedAreasOrNullObject(): ExcelRangeAreas {
    this.ctx.book.use('Range.getMergedAreasOrNullObject');
    return new FakeRangeAreas(this);
  }
}

/** The merged areas within a range, as one comma-separated address; a null object when there are none. */
class FakeRangeAreas implements ExcelRangeAreas {
  private loaded = new Loaded<{ address: string }>();
  private nullState = new NullState();
  private areas: Rect[] = [];

  constructor(private readonly range: FakeRange) {
    range.ctx.queue(() => {
      const s = range.worksheet.target;
      const r = range.rect;
      this.areas = s && r ? s.merges.filter((m) => intersects(m, r)) : [];
      const limit = range.ctx.book.limits.mergedAreas;
      // The API reference: with more than 512 merged areas in the range the method "will fail to return the result".
      if (this.areas.length > limit) throw new FakeRichApiError('RangeExceedsLimit', `The range holds ${this.areas.length} merged areas; getMergedAreas returns at most ${limit}.`);
      this.nullState.resolve(this.areas.length === 0);
    });
  }

  get isNullObject(): boolean {
    return this.nullState.isNull;
  }

  get address(): string {
    this.range.ctx.book.use('RangeAreas.address');
    return this.loaded.get('address');
  }

  load(propertyNames: string[]): void {
    if (propertyNames.some((p) => p !== 'address')) throw new FakeRichApiError('InvalidArgument', 'The fake loads RangeAreas.address only.');
    this.range.ctx.book.use('RangeAreas.address');
    this.range.ctx.queue(() => {
      const s = this.range.worksheet.target;
      if (!s || !this.areas.length) return;
      const address = this.areas.map((m) => addressPrefix(s.name) + rectOf(m)).join(', ');
      this.range.ctx.respond(jsonBytes(address), () => this.loaded.set('address', address));
    });
  }
}
