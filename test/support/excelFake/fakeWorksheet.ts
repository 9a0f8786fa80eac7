import type { Rect } from '@returns-hub/shared/sheet/grid';
import type { ExcelChart, ExcelRange, ExcelTable, ExcelWorksheet } from '@returns-hub/addin/excel/excelApi';
import { parseRange } from '@returns-hub/shared/sheet/address';
import type { FakeSheet } from './fakeBook';
import type { FakeContext } from './fakeContext';
import { FakeRange, rectOf } from './fakeRange';
import { FakeTable } from './fakeTable';
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

  get tables(): { add(address: ExcelRange | string, hasHeaders: boolean): ExcelTable } {
    this.ctx.book.use('Worksheet.tables');
    return {
      add: (address, hasHeaders) => {
        this.ctx.book.use('TableCollection.add');
        return FakeTable.added(this.ctx, this, address, hasHeaders);
      },
    };
  }

  get charts(): { add(type: string, sourceData: ExcelRange, seriesBy?: string): ExcelChart } {
    this.ctx.book.use('Worksheet.charts');
    return {
      add: (type, sourceData, seriesBy) => {
        this.ctx.book.use('ChartCollection.add');
        const chart = { type, source: '', seriesBy, title: '', position: undefined as string | undefined };
        this.ctx.queue(() => {
          const s = this.target;
          if (!s) return;
          this.ctx.book.writable(s);
          if (sourceData instanceof FakeRange && sourceData.rect) chart.source = rectOf(sourceData.rect);
          s.charts.push(chart);
        });
        const ctx = this.ctx;
        return {
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
          setPosition(startCell: string) {
            ctx.book.use('Chart.setPosition');
            ctx.queue(() => void (chart.position = startCell));
          },
        };
      },
    };
  }
}
