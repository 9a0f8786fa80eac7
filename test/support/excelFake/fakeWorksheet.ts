import type { Rect } from '@returns-hub/shared/sheet/grid';
import type { ExcelChart, ExcelRange, ExcelWorksheet } from '@returns-hub/addin/excel/excelApi';
import { parseRange } from '@returns-hub/shared/sheet/address';
import type { FakeChart, FakeSheet } from './fakeBook';
import type { OfficeMember } from '@returns-hub/addin/excel/requirementSets';
import type { FakeContext } from './fakeContext';
import { FakeRange, rectOf } from './fakeRange';
import { Loaded, NullState } from './loaded';
import { FakeRichApiError, notLoaded } from './richApiError';

interface SheetProps {
  id: string;
  name: string;
  visibility: string;
}

/**
 * A worksheet proxy. Which sheet it is gets settled at sync, in command order (a missing
 * sheet fails there with ItemNotFound; an `…OrNullObject` lookup becomes a null object).
 */
export class FakeWorksheet implements ExcelWorksheet {
  private loaded = new Loaded<SheetProps>();
  private nullState = new NullState();
  /** The sheet this proxy settled on at sync; null for a null object. */
  target: FakeSheet | null = null;

  constructor(
    private readonly ctx: FakeContext,
    locate: () => FakeSheet | null,
  ) {
    ctx.queue(() => {
      this.target = locate();
      this.nullState.resolve(this.target === null);
    });
  }

  /** A proxy from `worksheets.load('items/…')`: settled and loaded already. */
  static loadedFrom(ctx: FakeContext, sheet: FakeSheet, props: string[]): FakeWorksheet {
    const ws = new FakeWorksheet(ctx, () => sheet);
    ctx.ops.pop(); // settled here, not at a later sync
    ws.target = sheet;
    ws.nullState.resolve(false);
    for (const p of props) if (p === 'id' || p === 'name') ws.loaded.set(p, sheet[p]);
    return ws;
  }

  get isNullObject(): boolean {
    return this.nullState.isNull;
  }

  get id(): string {
    this.ctx.book.use('Worksheet.id');
    return this.loaded.get('id');
  }

  get name(): string {
    this.ctx.book.use('Worksheet.name');
    return this.loaded.get('name');
  }

  get visibility(): string {
    this.ctx.book.use('Worksheet.visibility');
    return this.loaded.get('visibility');
  }

  set visibility(v: string) {
    this.ctx.book.use('Worksheet.visibility');
    this.ctx.queue(() => {
      if (this.target) this.target.visibility = v;
    });
  }

  load(propertyNames: string[]): void {
    for (const p of propertyNames) {
      if (p !== 'id' && p !== 'name' && p !== 'visibility') throw new FakeRichApiError('InvalidArgument', `The fake cannot load Worksheet.${p}`);
      this.ctx.book.use(p === 'id' ? 'Worksheet.id' : p === 'name' ? 'Worksheet.name' : 'Worksheet.visibility');
    }
    this.ctx.queue(() => {
      const s = this.target;
      if (!s) return;
      for (const p of propertyNames) if (p === 'id' || p === 'name' || p === 'visibility') this.loaded.set(p, s[p]);
    });
  }

  activate(): void {
    this.ctx.book.use('Worksheet.activate');
    this.ctx.queue(() => {
      if (this.target) this.ctx.book.activeId = this.target.id;
    });
  }

  private range(locate: (s: FakeSheet) => Rect | null): FakeRange {
    return new FakeRange(this.ctx, this, locate);
  }

  getRange(address?: string): ExcelRange {
    this.ctx.book.use('Worksheet.getRange');
    return this.range(() => {
      const r = address ? parseRange(address) : null;
      if (!r) throw new FakeRichApiError('InvalidArgument', `The fake needs an A1 address, not ${address}`);
      return r;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): ExcelRange {
    this.ctx.book.use('Worksheet.getRangeByIndexes');
    return this.range(() => {
      if (rowCount < 1 || columnCount < 1) throw new FakeRichApiError('InvalidArgument', 'A range needs at least one row and one column.');
      return { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
    });
  }

  /** Excel's used range; an empty sheet's is A1. */
  getUsedRange(valuesOnly?: boolean): ExcelRange {
    this.ctx.book.use('Worksheet.getUsedRange');
    return this.range((s) => this.ctx.book.usedRect(s, valuesOnly ?? false) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange {
    this.ctx.book.use('Worksheet.getUsedRangeOrNullObject');
    return this.range((s) => this.ctx.book.usedRect(s, valuesOnly ?? false));
  }

  private chartItems: ExcelChart[] | null = null;

  get charts(): { add(type: string, sourceData: ExcelRange, seriesBy?: string): ExcelChart; readonly items: ExcelChart[]; load(propertyNames: string[]): void } {
    this.ctx.book.use('Worksheet.charts');
    const ctx = this.ctx;
    const sheet = () => this.target;
    const loadedItems = () => {
      ctx.book.use('ChartCollection.items');
      if (!this.chartItems) throw notLoaded('items');
      return this.chartItems;
    };
    const proxy = (chart: FakeChart): ExcelChart => ({
      get title() {
        ctx.book.use('Chart.title');
        return {
          set text(text: string) {
            ctx.book.use('ChartTitle.text');
            ctx.queue(() => void (chart.title = text));
          },
          get text(): string {
            throw notLoaded('text'); // the add-in only writes titles
          },
        };
      },
      get series() {
        ctx.book.use('Chart.series');
        return {
          getItemAt(index: number) {
            ctx.book.use('ChartSeriesCollection.getItemAt');
            return {
              set chartType(type: string) {
                ctx.book.use('ChartSeries.chartType');
                ctx.queue(() => {
                  // Excel refuses a series the chart does not have: a column of its source beyond the categories.
                  const source = parseRange(chart.source);
                  const columns = source ? source.right - source.left : 0;
                  if (index < 0 || index >= columns) throw new FakeRichApiError('ItemNotFound', `The chart has no series ${index}.`);
                  chart.seriesTypes = { ...chart.seriesTypes, [index]: type };
                });
              },
              get chartType(): string {
                throw notLoaded('chartType'); // the add-in only writes it
              },
            };
          },
        };
      },
      setPosition(startCell: string, endCell?: string) {
        ctx.book.use('Chart.setPosition');
        ctx.queue(() => void Object.assign(chart, { position: startCell, end: endCell }));
      },
      delete() {
        ctx.book.use('Chart.delete');
        ctx.queue(() => {
          const s = sheet();
          if (s) s.charts = s.charts.filter((c) => c !== chart);
        });
      },
    });
    return {
      add: (type, sourceData, seriesBy) => {
        this.ctx.book.use('ChartCollection.add');
        const chart: FakeChart = { type, source: '', seriesBy, title: '', position: undefined };
        this.ctx.queue(() => {
          const s = this.target;
          if (!s) return;
          this.ctx.book.writable(s);
          if (sourceData instanceof FakeRange && sourceData.rect) chart.source = rectOf(sourceData.rect);
          s.charts.push(chart);
        });
        return proxy(chart);
      },
      get items(): ExcelChart[] {
        return loadedItems();
      },
      load: (propertyNames: string[]) => {
        if (propertyNames.some((p) => p !== 'items')) throw new FakeRichApiError('InvalidArgument', 'The fake loads ChartCollection.items only.');
        this.ctx.book.use('ChartCollection.items');
        this.ctx.queue(() => void (this.chartItems = (this.target?.charts ?? []).map(proxy)));
      },
    };
  }

  /** A layout change, at sync; refused on a protected sheet. */
  private layout(apply: (l: FakeSheet['layout']) => void): void {
    this.ctx.queue(() => {
      const s = this.target;
      if (!s) return;
      this.ctx.book.writable(s);
      apply(s.layout);
    });
  }

  get freezePanes(): { unfreeze(): void; freezeRows(count: number): void; freezeColumns(count: number): void; freezeAt(frozenRange: string): void } {
    this.ctx.book.use('Worksheet.freezePanes');
    const use = (m: 'WorksheetFreezePanes.unfreeze' | 'WorksheetFreezePanes.freezeRows' | 'WorksheetFreezePanes.freezeColumns' | 'WorksheetFreezePanes.freezeAt') => this.ctx.book.use(m);
    return {
      unfreeze: () => {
        use('WorksheetFreezePanes.unfreeze');
        this.layout((l) => void (l.frozen = { rows: 0, columns: 0 }));
      },
      freezeRows: (n) => {
        use('WorksheetFreezePanes.freezeRows');
        this.layout((l) => void (l.frozen = { rows: n, columns: 0 }));
      },
      freezeColumns: (n) => {
        use('WorksheetFreezePanes.freezeColumns');
        this.layout((l) => void (l.frozen = { rows: 0, columns: n }));
      },
      freezeAt: (address) => {
        use('WorksheetFreezePanes.freezeAt');
        const r = parseRange(address);
        if (!r) throw new FakeRichApiError('InvalidArgument', `Not an address: ${address}`);
        this.layout((l) => void (l.frozen = { rows: r.bottom + 1, columns: r.right + 1 }));
      },
    };
  }

  get pageLayout(): ExcelWorksheet['pageLayout'] {
    this.ctx.book.use('Worksheet.pageLayout');
    const set = (member: OfficeMember, apply: (p: FakeSheet['layout']['page']) => void) => {
      this.ctx.book.use(member);
      this.layout((l) => apply(l.page));
    };
    const only = (): never => {
      throw new FakeRichApiError('PropertyNotLoaded', 'The add-in only writes the page layout.');
    };
    return {
      set orientation(v: string) {
        set('PageLayout.orientation', (p) => void (p.orientation = v));
      },
      get orientation(): string {
        return only();
      },
      set paperSize(v: string) {
        set('PageLayout.paperSize', (p) => void (p.paperSize = v));
      },
      get paperSize(): string {
        return only();
      },
      set centerHorizontally(v: boolean) {
        set('PageLayout.centerHorizontally', (p) => void (p.centerHorizontally = v));
      },
      get centerHorizontally(): boolean {
        return only();
      },
      set zoom(v: FakeSheet['layout']['page']['zoom']) {
        set('PageLayout.zoom', (p) => void (p.zoom = { ...v }));
      },
      get zoom(): FakeSheet['layout']['page']['zoom'] {
        return only();
      },
      set leftMargin(v: number) {
        set('PageLayout.leftMargin', (p) => void (p.margins[0] = v));
      },
      get leftMargin(): number {
        return only();
      },
      set rightMargin(v: number) {
        set('PageLayout.rightMargin', (p) => void (p.margins[1] = v));
      },
      get rightMargin(): number {
        return only();
      },
      set topMargin(v: number) {
        set('PageLayout.topMargin', (p) => void (p.margins[2] = v));
      },
      get topMargin(): number {
        return only();
      },
      set bottomMargin(v: number) {
        set('PageLayout.bottomMargin', (p) => void (p.margins[3] = v));
      },
      get bottomMargin(): number {
        return only();
      },
      setPrintArea: (a: string) => set('PageLayout.setPrintArea', (p) => void (p.printArea = a)),
      setPrintTitleRows: (r: string) => set('PageLayout.setPrintTitleRows', (p) => void (p.printTitleRows = r)),
    };
  }

  get horizontalPageBreaks(): { add(pageBreakRange: string): unknown; removePageBreaks(): void } {
    this.ctx.book.use('Worksheet.horizontalPageBreaks');
    return {
      add: (address) => {
        this.ctx.book.use('PageBreakCollection.add');
        const at = parseRange(address);
        if (!at) throw new FakeRichApiError('InvalidArgument', `Not an address: ${address}`);
        this.layout((l) => void l.pageBreaks.push(at.top));
        return at;
      },
      removePageBreaks: () => {
        this.ctx.book.use('PageBreakCollection.removePageBreaks');
        this.layout((l) => void (l.pageBreaks = []));
      },
    };
  }
}
