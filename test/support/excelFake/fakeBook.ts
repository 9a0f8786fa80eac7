import type { Grid, Rect } from '@returns-hub/shared/sheet/grid';
import { a1, parseRange } from '@returns-hub/shared/sheet/address';
import { OFFICE_MEMBERS, versionAtLeast, type OfficeMember, type RequirementSetName } from '@returns-hub/addin/excel/requirementSets';
import { FakeRichApiError, type FakeErrorCode } from './richApiError';
import type { FakeContext } from './fakeContext';

export type FakeValue = string | number | boolean;

export interface FakeFill {
  color: string;
  pattern: string;
}

/** One cell of a fake sheet; a cell not in the map is empty with no format. */
export interface FakeCell {
  value: FakeValue;
  /** A formula error such as `#REF!` (value is then the error text). */
  error?: string;
  numberFormat: string;
  fill: FakeFill;
  bold: boolean;
  /** The formula a value starting with `=` became (office.js writes it as one). */
  formula?: string;
  /** What the report sheet writes beyond value, format, fill and bold. */
  font?: { name: string; size: number; italic: boolean; color: string };
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  indent?: number;
  borders?: Set<'top' | 'bottom' | 'left' | 'right'>;
}

/** A worksheet's layout and print setup, as the report sheet sets them. */
export interface FakeLayout {
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  frozen: { rows: number; columns: number };
  page: {
    orientation: string;
    paperSize: string;
    centerHorizontally: boolean;
    margins: number[];
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    printArea: string;
    printTitleRows: string;
  };
  pageBreaks: number[];
}

export interface FakeConditionalFormat {
  address: string;
  type: string;
  text?: string;
  operator?: string;
  color?: string;
  fontColor?: string;
  fontBold?: boolean;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy?: string;
  title: string;
  position?: string;
  /** Where the chart's bottom-right corner is, when set. */
  end?: string;
  /** Series whose chart type was set apart from the chart's (by position): `{ 2: 'Line' }`. */
  seriesTypes?: Record<number, string>;
}

export interface FakeSheet {
  /** Stable, as office.js's Worksheet.id: a rename keeps it. */
  id: string;
  name: string;
  visibility: string;
  protected: boolean;
  /** By `cellKey(row, col)`. */
  cells: Map<number, FakeCell>;
  /** Counts the changes to its cells: a used range worked out at one count holds until the next change. */
  version: number;
  merges: Rect[];
  validations: Map<string, unknown>;
  conditionalFormats: FakeConditionalFormat[];
  charts: FakeChart[];
  layout: FakeLayout;
}

/** The requirement sets a fake host supports, e.g. `{ ExcelApi: '1.1' }` for Excel 2016. */
export type FakeSets = Partial<Record<RequirementSetName, string>>;

/**
 * The limits a host puts on the add-in's calls. Excel documents them in "Resource limits and
 * performance optimization for Office Add-ins" and in the API reference.
 */
export interface FakeLimits {
  /** Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded, ResponsePayloadSizeLimitExceeded); desktop Excel has no such limit (null). */
  payloadBytes: number | null;
  /** On every platform a get of a range over five million cells fails to return: `values` (and the other cell arrays) come back null. */
  getCells: number;
  /** `getMergedAreasOrNullObject` fails on a range holding more than 512 merged areas (RangeExceedsLimit here). */
  mergedAreas: number;
}

/** Excel on the web: the stand-in says it is (`Office.onReady` answers `OfficeOnline`), so these are its limits unless a test says otherwise. */
export const EXCEL_ON_THE_WEB: FakeLimits = { payloadBytes: 5 * 1024 * 1024, getCells: 5_000_000, mergedAreas: 512 };
/** Desktop Excel: no payload limit; the cell and merged-area limits hold everywhere. */
export const EXCEL_DESKTOP: FakeLimits = { ...EXCEL_ON_THE_WEB, payloadBytes: null };

const utf8 = new TextEncoder();

/** UTF-8 bytes of a JSON value as office.js would send it. */
export function jsonBytes(v: unknown): number {
  return utf8.encode(JSON.stringify(v ?? null)).length;
}

/** Every set this add-in knows, at its newest: Microsoft 365. */
export const ALL_SETS: FakeSets = { ExcelApi: '1.20', CustomFunctionsRuntime: '1.5', SharedRuntime: '1.3' };

/** A cell's fill before anything is written to it: one object shared by every such cell (a write gives the cell a fill of its own). */
export const NO_FILL: FakeFill = Object.freeze({ color: '#FFFFFF', pattern: 'None' });
const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

/** Excel's widest sheet: 16,384 columns. */
const COLUMNS = 16_384;
/** A cell's key in a sheet's map: a number, so that walking a 60,000-row sheet stays quick. */
export const cellKey = (row: number, col: number) => row * COLUMNS + col;
const key = cellKey;
/** Row and column (0-based) of a cell's key. */
export const rowColOf = (k: number): [number, number] => [Math.floor(k / COLUMNS), k % COLUMNS];

/** A queued command: run in order at the next sync. */
export type Op = () => void;

/**
 * A workbook as office.js shows it, for tests: sheets of cells with stable ids,
 * charts, and what the add-in asked of it. The object model over it (fakeContext.ts)
 * queues commands and loads until `sync`, as office.js does. Tests drive it like a
 * clerk would (type in a cell, rename or protect a sheet, stay in cell-edit mode) and can
 * make the next sync fail with any office.js code.
 */
export class FakeBook {
  sheets: FakeSheet[] = [];
  activeId = '';
  selection: { sheetId: string; cell: string } | null = null;
  syncs = 0;
  /** What each sync sent and received (bytes), and whether the host refused it for its size, for tests to read. */
  readonly payloads: { request: number; response: number; refused: boolean }[] = [];
  /** How long each sync takes before Excel answers (Excel on the web: a round trip to the server). */
  latencyMs = 0;
  /** Every office.js member the add-in touched. */
  readonly used = new Set<OfficeMember>();
  private nextId = 1;
  private failures: FakeErrorCode[] = [];
  private editing = false;
  private editEnded: (() => void)[] = [];

  constructor(
    readonly sets: FakeSets = ALL_SETS,
    public limits: FakeLimits = EXCEL_ON_THE_WEB,
  ) {}

  static fromGrids(grids: readonly Grid[], sets?: FakeSets, limits?: FakeLimits): FakeBook {
    const book = new FakeBook(sets, limits);
    for (const g of grids) book.addGrid(g);
    if (book.sheets.length === 0) book.addSheet('Sheet1');
    book.activeId = book.sheets[0].id;
    return book;
  }

  // ——— what the host supports ———

  isSetSupported(set: RequirementSetName, version: string): boolean {
    const have = this.sets[set];
    return have !== undefined && versionAtLeast(have, version);
  }

  /** Records a member's use; a member beyond the host's sets does not exist there (ApiNotFound). */
  use(member: OfficeMember): void {
    this.used.add(member);
    const r = OFFICE_MEMBERS[member];
    if (!this.isSetSupported(r.set, r.version)) throw new FakeRichApiError('ApiNotFound', `${member} needs ${r.set} ${r.version}; this host has ${this.sets[r.set] ?? 'none'}`);
  }

  // ——— the clerk and the test ———

  addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
      name,
      visibility: 'Visible',
      protected: false,
      cells: new Map(),
      version: 0,
      merges: [],
      validations: new Map(),
      conditionalFormats: [],
      charts: [],
      layout: {
        columnWidths: new Map(),
        rowHeights: new Map(),
        frozen: { rows: 0, columns: 0 },
        page: { orientation: 'Portrait', paperSize: 'Letter', centerHorizontally: false, margins: [], zoom: {}, printArea: '', printTitleRows: '' },
        pageBreaks: [],
      },
    };
    this.sheets.push(sheet);
    if (!this.activeId) this.activeId = sheet.id;
    return sheet;
  }

  /** A sheet holding a grid's cells (computed values, number formats, formula errors) and merges. */
  addGrid(grid: Grid): FakeSheet {
    const sheet = this.addSheet(grid.sheet);
    grid.rows.forEach((row, r) =>
      row?.forEach((c, k) => {
        if (!c) return;
        if (c.error) sheet.cells.set(key(r, k), { value: c.error, error: c.error, numberFormat: 'General', fill: NO_FILL, bold: false });
        else if (c.value !== null) sheet.cells.set(key(r, k), { value: c.value, numberFormat: c.numFmt ?? 'General', fill: NO_FILL, bold: false });
      }),
    );
    sheet.merges = grid.merges.map((m) => ({ ...m }));
    sheet.version++;
    // Excel knows a sheet's used range without walking its cells: worked out once here, not in the middle of a test.
    this.usedRect(sheet, true);
    this.usedRect(sheet, false);
    return sheet;
  }

  sheet(nameOrId: string): FakeSheet | undefined {
    const n = nameOrId.toLowerCase();
    return this.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === n);
  }

  private must(name: string): FakeSheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  get activeSheet(): FakeSheet {
    return this.sheets.find((s) => s.id === this.activeId) ?? this.sheets[0];
  }

  cell(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
    return sheet.cells.get(key(row, col));
  }

  /** A cell for writing: created empty when absent. */
  cellForWrite(sheet: FakeSheet, row: number, col: number): FakeCell {
    sheet.version++;
    let c = sheet.cells.get(key(row, col));
    if (!c) sheet.cells.set(key(row, col), (c = { value: '', numberFormat: 'General', fill: NO_FILL, bold: false }));
    return c;
  }

  /** The value shown in a cell (`A1` address), '' when empty. */
  valueAt(sheetName: string, address: string): FakeValue {
    const p = parseRange(address);
    if (!p) throw new Error(`bad address ${address}`);
    return this.cell(this.must(sheetName), p.top, p.left)?.value ?? '';
  }

  /** Values of a block (`A1:C3`), '' for empty cells. */
  valuesAt(sheetName: string, address: string): FakeValue[][] {
    const p = parseRange(address);
    if (!p) throw new Error(`bad address ${address}`);
    const s = this.must(sheetName);
    return Array.from({ length: p.bottom - p.top + 1 }, (_, r) => Array.from({ length: p.right - p.left + 1 }, (_, c) => this.cell(s, p.top + r, p.left + c)?.value ?? ''));
  }

  fillAt(sheetName: string, address: string): FakeFill {
    const p = parseRange(address);
    if (!p) throw new Error(`bad address ${address}`);
    return this.cell(this.must(sheetName), p.top, p.left)?.fill ?? { ...NO_FILL };
  }

  /** The clerk types a value into a cell (or empties it with ''). */
  type(sheetName: string, address: string, value: FakeValue): void {
    const p = parseRange(address);
    if (!p) throw new Error(`bad address ${address}`);
    const s = this.must(sheetName);
    s.version++;
    if (value === '') {
      const c = this.cell(s, p.top, p.left);
      if (c) c.value = '';
    } else this.cellForWrite(s, p.top, p.left).value = value;
  }

  rename(from: string, to: string): void {
    this.must(from).name = to;
  }

  remove(name: string): void {
    const s = this.must(name);
    this.sheets = this.sheets.filter((x) => x !== s);
    if (this.activeId === s.id) this.activeId = this.sheets[0]?.id ?? '';
  }

  activate(name: string): void {
    this.activeId = this.must(name).id;
  }

  /** The user selects cells (`C9` or `C9:C11`) of a sheet, which becomes the active one. */
  select(name: string, cells: string): void {
    const s = this.must(name);
    this.activeId = s.id;
    this.selection = { sheetId: s.id, cell: cells };
  }

  protect(name: string, on = true): void {
    this.must(name).protected = on;
  }

  /** The next sync (or the next `times` syncs) fails with this code, and nothing queued for it is applied. */
  failNextSync(code: FakeErrorCode, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push(code);
  }

  /** The clerk is typing in a cell: every sync fails, unless the batch asked Excel to wait (delayForCellEdit). */
  enterCellEdit(): void {
    this.editing = true;
  }

  leaveCellEdit(): void {
    this.editing = false;
    for (const resolve of this.editEnded.splice(0)) resolve();
  }

  get inCellEdit(): boolean {
    return this.editing;
  }

  // ——— what office.js does with a batch ———

  /**
   * Runs the queued commands in order; the first failure stops the rest, as Excel does. A
   * request over the host's payload limit is refused before anything runs; a response over it
   * is refused after (the loads hand nothing over). Each sync takes the host's latency first.
   */
  async sync(ctx: FakeContext): Promise<void> {
    const ops = ctx.ops;
    const request = ctx.requestBytes;
    ctx.requestBytes = 0;
    ctx.responses.length = 0;
    this.syncs++;
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const failure = this.failures.shift();
    if (failure) {
      ops.length = 0;
      throw new FakeRichApiError(failure);
    }
    const limit = this.limits.payloadBytes;
    if (limit !== null && request > limit) {
      ops.length = 0;
      this.payloads.push({ request, response: 0, refused: true });
      throw new FakeRichApiError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${request} bytes; the limit is ${limit}).`);
    }
    if (this.editing) {
      if (!ctx.delayForCellEdit) {
        ops.length = 0;
        throw new FakeRichApiError('InvalidOperationInCellEditMode', 'The operation is not allowed while the user is editing a cell.');
      }
      await new Promise<void>((resolve) => this.editEnded.push(resolve));
    }
    try {
      for (const op of ops) op();
    } finally {
      ops.length = 0;
    }
    const responses = ctx.responses.splice(0);
    const response = responses.reduce((n, r) => n + r.bytes, 0);
    this.payloads.push({ request, response, refused: limit !== null && response > limit });
    if (limit !== null && response > limit)
      throw new FakeRichApiError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${response} bytes; the limit is ${limit}).`);
    for (const r of responses) r.deliver();
  }

  /** Adds a sheet as `worksheets.add` does: a legal, unused name, or the next `SheetN`. */
  addAsExcel(name: string | undefined): FakeSheet {
    let n = this.sheets.length + 1;
    while (!name && this.sheet(`Sheet${n}`)) n++;
    const chosen = name ?? `Sheet${n}`;
    if (chosen.length > 31 || SHEET_NAME_FORBIDDEN.test(chosen) || /^'|'$/.test(chosen) || !chosen.trim()) throw new FakeRichApiError('InvalidArgument', `Not a valid sheet name: ${chosen}`);
    if (this.sheet(chosen)) throw new FakeRichApiError('ItemAlreadyExists', `A sheet named ${chosen} already exists.`);
    return this.addSheet(chosen);
  }

  writable(sheet: FakeSheet): void {
    if (sheet.protected) throw new FakeRichApiError('AccessDenied', `The sheet ${sheet.name} is protected.`);
  }

  /** The bounds of a sheet's non-empty cells (values only, or any formatted cell too); null when none. */
  usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
    const key = `${sheet.id}|${valuesOnly}`;
    const cached = this.usedRects.get(key);
    if (cached && cached.version === sheet.version) return cached.rect;
    const rect = this.walkUsed(sheet, valuesOnly);
    this.usedRects.set(key, { version: sheet.version, rect });
    return rect;
  }

  private readonly usedRects = new Map<string, { version: number; rect: Rect | null }>();

  private walkUsed(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    for (const [k, c] of sheet.cells) {
      const blank = c.value === '' && !c.error;
      const formatted = c.numberFormat !== 'General' || c.fill.pattern !== 'None' || c.bold || c.font !== undefined || c.borders !== undefined || c.hAlign !== undefined;
      if (blank && (valuesOnly || !formatted)) continue;
      const [r, col] = rowColOf(k);
      top = Math.min(top, r);
      left = Math.min(left, col);
      bottom = Math.max(bottom, r);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** Plain data of a sheet, for a browser test to read back: values by address, fills, the selection. */
  describe(name: string): { name: string; id: string; values: Record<string, FakeValue>; fills: Record<string, string>; charts: FakeChart[]; visibility: string } {
    const s = this.must(name);
    const values: Record<string, FakeValue> = {};
    const fills: Record<string, string> = {};
    for (const [k, c] of s.cells) {
      const [r, col] = rowColOf(k);
      if (c.value !== '') values[a1(r, col)] = c.value;
      if (c.fill.pattern !== 'None') fills[a1(r, col)] = c.fill.color;
    }
    return { name: s.name, id: s.id, values, fills, charts: s.charts, visibility: s.visibility };
  }
}
