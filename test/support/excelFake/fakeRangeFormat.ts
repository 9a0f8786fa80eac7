import type { ExcelConditionalFormat, ExcelConditionalFormats, ExcelRangeFill, ExcelRangeFormat } from '@returns-hub/addin/excel/excelApi';
import type { FakeConditionalFormat, FakeFill } from './fakeBook';
import type { FakeRange } from './fakeRange';
import { rectOf } from './fakeRange';
import { Loaded } from './loaded';
import { FakeRichApiError } from './richApiError';

/** `range.format`: its fill and font. */
export class FakeRangeFormat implements ExcelRangeFormat {
  private fill_: FakeRangeFill | undefined;
  constructor(private readonly range: FakeRange) {}

  get fill(): ExcelRangeFill {
    this.range.ctx.book.use('RangeFormat.fill');
    return (this.fill_ ??= new FakeRangeFill(this.range));
  }

  get font(): { bold: boolean } {
    this.range.ctx.book.use('RangeFormat.font');
    const { range } = this;
    return {
      set bold(on: boolean) {
        range.ctx.book.use('RangeFont.bold');
        range.write(() => range.forEachCell((s, row, col) => void (range.ctx.book.cellForWrite(s, row, col).bold = on)));
      },
      get bold(): boolean {
        throw new FakeRichApiError('PropertyNotLoaded', 'The add-in only writes bold.');
      },
    };
  }
}

/** A range's fill: read (after load) from its top-left cell, written to every cell. */
class FakeRangeFill implements ExcelRangeFill {
  private loaded = new Loaded<FakeFill>();
  constructor(private readonly range: FakeRange) {}

  load(propertyNames: string[]): void {
    for (const p of propertyNames) {
      if (p !== 'color' && p !== 'pattern') throw new FakeRichApiError('InvalidArgument', `The fake cannot load RangeFill.${p}`);
      this.range.ctx.book.use(p === 'color' ? 'RangeFill.color' : 'RangeFill.pattern');
    }
    this.range.ctx.queue(() => {
      const s = this.range.worksheet.target;
      const r = this.range.rect;
      if (!s || !r) return;
      const fill = this.range.ctx.book.cell(s, r.top, r.left)?.fill ?? { color: '#FFFFFF', pattern: 'None' };
      for (const p of propertyNames) if (p === 'color' || p === 'pattern') this.loaded.set(p, fill[p]);
    });
  }

  get color(): string {
    this.range.ctx.book.use('RangeFill.color');
    return this.loaded.get('color');
  }

  set color(color: string) {
    this.range.ctx.book.use('RangeFill.color');
    this.range.write(() => this.range.forEachCell((s, row, col) => void (this.range.ctx.book.cellForWrite(s, row, col).fill = { color: color.toUpperCase(), pattern: 'Solid' })));
  }

  get pattern(): string {
    this.range.ctx.book.use('RangeFill.pattern');
    return this.loaded.get('pattern');
  }

  set pattern(pattern: string) {
    this.range.ctx.book.use('RangeFill.pattern');
    this.range.write(() => this.range.forEachCell((s, row, col) => void (this.range.ctx.book.cellForWrite(s, row, col).fill.pattern = pattern)));
  }

  clear(): void {
    this.range.ctx.book.use('RangeFill.clear');
    this.range.write(() => this.range.forEachCell((s, row, col) => void (this.range.ctx.book.cellForWrite(s, row, col).fill = { color: '#FFFFFF', pattern: 'None' })));
  }
}

/** A range's conditional formats: text rules with a fill colour, kept on the sheet. */
export class FakeConditionalFormats implements ExcelConditionalFormats {
  constructor(private readonly range: FakeRange) {}

  add(type: string): ExcelConditionalFormat {
    const { range } = this;
    range.ctx.book.use('ConditionalFormatCollection.add');
    const entry: FakeConditionalFormat = { address: '', type };
    range.write((s, r) => {
      entry.address = rectOf(r);
      s.conditionalFormats.push(entry);
    });
    const fill = {
      set color(color: string) {
        range.ctx.book.use('ConditionalRangeFill.color');
        range.ctx.queue(() => void (entry.color = color));
      },
      get color(): string {
        throw new FakeRichApiError('PropertyNotLoaded', 'The add-in only writes conditional formats.');
      },
    };
    return {
      get textComparison() {
        range.ctx.book.use('ConditionalFormat.textComparison');
        return {
          get format() {
            range.ctx.book.use('TextConditionalFormat.format');
            return {
              get fill() {
                range.ctx.book.use('ConditionalRangeFormat.fill');
                return fill;
              },
            };
          },
          set rule(rule: { operator: string; text: string }) {
            range.ctx.book.use('TextConditionalFormat.rule');
            range.ctx.queue(() => void Object.assign(entry, { operator: rule.operator, text: rule.text }));
          },
          get rule(): { operator: string; text: string } {
            throw new FakeRichApiError('PropertyNotLoaded', 'The add-in only writes conditional formats.');
          },
        };
      },
    };
  }

  clearAll(): void {
    const { range } = this;
    range.ctx.book.use('ConditionalFormatCollection.clearAll');
    range.write((s, r) => {
      const here = rectOf(r);
      s.conditionalFormats = s.conditionalFormats.filter((c) => c.address !== here);
    });
  }
}
