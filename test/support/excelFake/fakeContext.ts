import type { ExcelContext, ExcelRange, ExcelWorkbook, ExcelWorksheet, ExcelWorksheets } from '@returns-hub/addin/excel/excelApi';
import type { FakeBook, Op } from './fakeBook';
import { FakeRichApiError } from './richApiError';
import { FakeWorksheet } from './fakeWorksheet';
import { Loaded } from './loaded';

/** One `Excel.run`'s request context: commands queue here until `sync`. */
export class FakeContext implements ExcelContext {
  readonly ops: Op[] = [];
  private readonly book_: FakeBook;
  private workbook_: FakeWorkbook | undefined;

  constructor(
    book: FakeBook,
    readonly delayForCellEdit = false,
  ) {
    this.book_ = book;
  }

  get book(): FakeBook {
    return this.book_;
  }

  get workbook(): ExcelWorkbook {
    return (this.workbook_ ??= new FakeWorkbook(this));
  }

  queue(op: Op): void {
    this.ops.push(op);
  }

  sync(): Promise<void> {
    this.book.use('RequestContext.sync');
    return this.book.sync(this.ops, this.delayForCellEdit);
  }
}

class FakeWorkbook implements ExcelWorkbook {
  private sheets: FakeWorksheets | undefined;
  constructor(private readonly ctx: FakeContext) {}

  get worksheets(): ExcelWorksheets {
    this.ctx.book.use('Workbook.worksheets');
    return (this.sheets ??= new FakeWorksheets(this.ctx));
  }

  /** The user's selection (A1 of the active sheet when nothing was selected). */
  getSelectedRange(): ExcelRange {
    this.ctx.book.use('Workbook.getSelectedRange');
    const sel = this.ctx.book.selection;
    return new FakeWorksheet(this.ctx, () => (sel ? (this.ctx.book.sheet(sel.sheetId) ?? null) : this.ctx.book.activeSheet)).getRange(sel?.cell ?? 'A1');
  }
}

class FakeWorksheets implements ExcelWorksheets {
  private loaded = new Loaded<{ items: ExcelWorksheet[] }>();
  constructor(private readonly ctx: FakeContext) {}

  getActiveWorksheet(): ExcelWorksheet {
    this.ctx.book.use('WorksheetCollection.getActiveWorksheet');
    return new FakeWorksheet(this.ctx, () => this.ctx.book.activeSheet);
  }

  getItem(key: string): ExcelWorksheet {
    this.ctx.book.use('WorksheetCollection.getItem');
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.book.sheet(key);
      if (!s) throw new FakeRichApiError('ItemNotFound', `The requested resource doesn't exist: worksheet ${key}.`);
      return s;
    });
  }

  getItemOrNullObject(key: string): ExcelWorksheet {
    this.ctx.book.use('WorksheetCollection.getItemOrNullObject');
    return new FakeWorksheet(this.ctx, () => this.ctx.book.sheet(key) ?? null);
  }

  add(name?: string): ExcelWorksheet {
    this.ctx.book.use('WorksheetCollection.add');
    return new FakeWorksheet(this.ctx, () => this.ctx.book.addAsExcel(name));
  }

  load(propertyNames: string[]): void {
    const props: string[] = [];
    for (const p of propertyNames) {
      const [head, sub] = p.split('/');
      if (head !== 'items' || (sub !== 'name' && sub !== 'id')) throw new FakeRichApiError('InvalidArgument', `The fake cannot load ${p}`);
      this.ctx.book.use('WorksheetCollection.items');
      this.ctx.book.use(sub === 'name' ? 'Worksheet.name' : 'Worksheet.id');
      props.push(sub);
    }
    this.ctx.queue(() =>
      this.loaded.set(
        'items',
        this.ctx.book.sheets.map((s) => FakeWorksheet.loadedFrom(this.ctx, s, props)),
      ),
    );
  }

  get items(): ExcelWorksheet[] {
    return this.loaded.get('items');
  }
}
