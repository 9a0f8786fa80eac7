import type { ExcelContext, ExcelRange, ExcelWorkbook, ExcelWorksheet, ExcelWorksheets } from '@returns-hub/addin/excel/excelApi';
import type { FakeBook, Op } from './fakeBook';
import { FakeRichApiError } from './richApiError';
import { FakeWorksheet } from './fakeWorksheet';
import { Loaded } from './loaded';

/** What a command adds to a request beside the data it carries (office.js sends each as a JSON action with ids and names). */
export const OP_BYTES = 150;

/**
 * One `Excel.run`'s request context: commands queue here until `sync`, with the size of the
 * request they make; loads answer at sync with the size of the response they make, and what
 * they loaded is handed over only once the whole response is within the host's limit.
 */
export class FakeContext implements ExcelContext {
  readonly ops: Op[] = [];
  /** Bytes of the request queued since the last sync. */
  requestBytes = 0;
  /** Loaded data waiting for the end of the sync, with its size in the response. */
  readonly responses: { bytes: number; deliver: () => void }[] = [];
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

  /** A command for the next sync; `bytes`: the data it sends beside the command itself (values written, say). */
  queue(op: Op, bytes = 0): void {
    this.ops.push(op);
    this.requestBytes += OP_BYTES + bytes;
  }

  /** Called by a load at sync: its data joins the response, handed over if the response is not refused. */
  respond(bytes: number, deliver: () => void): void {
    this.responses.push({ bytes, deliver });
  }

  sync(): Promise<void> {
    this.book.use('RequestContext.sync');
    return this.book.sync(this);
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
