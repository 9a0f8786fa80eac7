import { parseRange } from '@returns-hub/shared/sheet/address';
import type { ExcelRange, ExcelTable } from '@returns-hub/addin/excel/excelApi';
import type { FakeTable as TableState } from './fakeBook';
import type { FakeContext } from './fakeContext';
import type { FakeWorksheet } from './fakeWorksheet';
import { FakeRange } from './fakeRange';
import { Loaded, NullState } from './loaded';
import { FakeRichApiError } from './richApiError';

/** The cells a table argument names: a range proxy (settled at sync) or an A1 address. */
function rectFrom(address: ExcelRange | string) {
  const r = typeof address === 'string' ? parseRange(address) : address instanceof FakeRange ? address.rect : null;
  if (!r) throw new FakeRichApiError('InvalidArgument', 'The fake needs a range of this workbook or an A1 address.');
  return r;
}

/** A table proxy: found by name (a null object when there is none) or added to a sheet. */
export class FakeTable implements ExcelTable {
  private loaded = new Loaded<{ name: string }>();
  private nullState = new NullState();
  target: TableState | null = null;

  constructor(
    private readonly ctx: FakeContext,
    locate: () => TableState | null,
  ) {
    ctx.queue(() => {
      this.target = locate();
      this.nullState.resolve(this.target === null);
    });
  }

  /** `worksheet.tables.add(range, hasHeaders)`: a table named `TableN` over the range. */
  static added(ctx: FakeContext, ws: FakeWorksheet, address: ExcelRange | string, _hasHeaders: boolean): FakeTable {
    return new FakeTable(ctx, () => {
      const s = ws.target;
      if (!s) throw new FakeRichApiError('ItemNotFound', 'No such worksheet.');
      ctx.book.writable(s);
      let n = ctx.book.tables.length + 1;
      while (ctx.book.tables.some((t) => t.name === `Table${n}`)) n++;
      const table = { name: `Table${n}`, sheetId: s.id, rect: rectFrom(address) };
      ctx.book.tables.push(table);
      return table;
    });
  }

  get isNullObject(): boolean {
    return this.nullState.isNull;
  }

  get name(): string {
    this.ctx.book.use('Table.name');
    return this.loaded.get('name');
  }

  set name(name: string) {
    this.ctx.book.use('Table.name');
    this.ctx.queue(() => {
      if (!this.target) return;
      if (this.ctx.book.tables.some((t) => t !== this.target && t.name.toLowerCase() === name.toLowerCase())) throw new FakeRichApiError('ItemAlreadyExists', `A table named ${name} already exists.`);
      this.target.name = name;
    });
  }

  get rows(): { readonly count: number; load(propertyNames: string[]): void } {
    this.ctx.book.use('Table.rows');
    const loaded = new Loaded<{ count: number }>();
    const { ctx } = this;
    const table = () => this.target;
    return {
      load(propertyNames: string[]) {
        if (propertyNames.some((p) => p !== 'count')) throw new FakeRichApiError('InvalidArgument', 'The fake loads TableRowCollection.count only.');
        ctx.book.use('TableRowCollection.count');
        ctx.queue(() => {
          const t = table();
          if (t) loaded.set('count', t.rect.bottom - t.rect.top); // rows below the header
        });
      },
      get count(): number {
        ctx.book.use('TableRowCollection.count');
        return loaded.get('count');
      },
    };
  }

  resize(newRange: ExcelRange | string): void {
    this.ctx.book.use('Table.resize');
    this.ctx.queue(() => {
      if (this.target) this.target.rect = rectFrom(newRange);
    });
  }
}
