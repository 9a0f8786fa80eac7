import type { ExcelConditionalFormat, ExcelConditionalFormats, ExcelRangeBorder, ExcelRangeFill, ExcelRangeFormat } from '@returns-hub/addin/excel/excelApi';
import type { OfficeMember } from '@returns-hub/addin/excel/requirementSets';
import type { FakeCell, FakeConditionalFormat, FakeFill, FakeSheet } from './fakeBook';
import type { Rect } from '@returns-hub/shared/sheet/grid';
import type { FakeRange } from './fakeRange';
import { rectOf } from './fakeRange';
import { Loaded } from './loaded';
import { FakeRichApiError } from './richApiError';

/** `range.format`: its fill, font, alignment, wrap, indent, borders, and the widths and heights of its columns and rows. The add-in only writes these (fill aside). */
export class FakeRangeFormat implements ExcelRangeFormat {
  private fill_: FakeRangeFill | undefined;
  constructor(private readonly range: FakeRange) {}

  get fill(): ExcelRangeFill {
    this.range.ctx.book.use('RangeFormat.fill');
    return (this.fill_ ??= new FakeRangeFill(this.range));
  }

  /** A write to every cell of the range, at sync. */
  private eachCell(member: OfficeMember, set: (c: FakeCell) => void): void {
    this.range.ctx.book.use(member);
    this.range.write(() => this.range.forEachCell((s, row, col) => set(this.range.ctx.book.cellForWrite(s, row, col))));
  }

  get font(): { bold: boolean; name: string; size: number; italic: boolean; color: string } {
    this.range.ctx.book.use('RangeFormat.font');
    const f = (c: FakeCell) => (c.font ??= { name: 'Calibri', size: 11, italic: false, color: '#000000' });
    const only = (): never => {
      throw new FakeRichApiError('PropertyNotLoaded', 'The add-in only writes fonts.');
    };
    const each = this.eachCell.bind(this);
    return {
      set bold(on: boolean) {
        each('RangeFont.bold', (c) => void (c.bold = on));
      },
      get bold(): boolean {
        return only();
      },
      set name(name: string) {
        each('RangeFont.name', (c) => void (f(c).name = name));
      },
      get name(): string {
        return only();
      },
      set size(size: number) {
        each('RangeFont.size', (c) => void (f(c).size = size));
      },
      get size(): number {
        return only();
      },
      set italic(on: boolean) {
        each('RangeFont.italic', (c) => void (f(c).italic = on));
      },
      get italic(): boolean {
        return only();
      },
      set color(color: string) {
        each('RangeFont.color', (c) => void (f(c).color = color.toUpperCase()));
      },
      get color(): string {
        return only();
      },
    };
  }

  private notRead(name: string): never {
    throw new FakeRichApiError('PropertyNotLoaded', `The add-in only writes RangeFormat.${name}.`);
  }
  set horizontalAlignment(v: string) {
    this.eachCell('RangeFormat.horizontalAlignment', (c) => void (c.hAlign = v));
  }
  get horizontalAlignment(): string {
    return this.notRead('horizontalAlignment');
  }
  set verticalAlignment(v: string) {
    this.eachCell('RangeFormat.verticalAlignment', (c) => void (c.vAlign = v));
  }
  get verticalAlignment(): string {
    return this.notRead('verticalAlignment');
  }
  set wrapText(v: boolean) {
    this.eachCell('RangeFormat.wrapText', (c) => void (c.wrap = v));
  }
  get wrapText(): boolean {
    return this.notRead('wrapText');
  }
  set indentLevel(v: number) {
    this.eachCell('RangeFormat.indentLevel', (c) => void (c.indent = v));
  }
  get indentLevel(): number {
    return this.notRead('indentLevel');
  }

  /** Widths and heights belong to whole columns and rows. */
  private lines(member: OfficeMember, apply: (layout: FakeSheet['layout'], r: Rect) => void): void {
    this.range.ctx.book.use(member);
    this.range.write((s, r) => apply(s.layout, r));
  }
  set columnWidth(points: number) {
    this.lines('RangeFormat.columnWidth', (l, r) => {
      for (let k = r.left; k <= r.right; k++) l.columnWidths.set(k, points);
    });
  }
  get columnWidth(): number {
    return this.notRead('columnWidth');
  }
  set rowHeight(points: number) {
    this.lines('RangeFormat.rowHeight', (l, r) => {
      for (let k = r.top; k <= r.bottom; k++) l.rowHeights.set(k, points);
    });
  }
  get rowHeight(): number {
    return this.notRead('rowHeight');
  }
  set useStandardWidth(on: boolean) {
    this.lines('RangeFormat.useStandardWidth', (l, r) => {
      if (on) for (let k = r.left; k <= r.right; k++) l.columnWidths.delete(k);
    });
  }
  get useStandardWidth(): boolean {
    return this.notRead('useStandardWidth');
  }
  set useStandardHeight(on: boolean) {
    this.lines('RangeFormat.useStandardHeight', (l, r) => {
      if (on) for (let k = r.top; k <= r.bottom; k++) l.rowHeights.delete(k);
    });
  }
  get useStandardHeight(): boolean {
    return this.notRead('useStandardHeight');
  }

  get borders(): { getItem(index: string): ExcelRangeBorder } {
    this.range.ctx.book.use('RangeFormat.borders');
    return { getItem: (edge) => new FakeRangeBorder(this.range, edge) };
  }
}

/** One edge of a range's borders: setting its style marks the cells along that edge (or inside). */
class FakeRangeBorder implements ExcelRangeBorder {
  constructor(
    private readonly range: FakeRange,
    private readonly edge: string,
  ) {
    range.ctx.book.use('RangeBorderCollection.getItem');
    if (!['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'].includes(edge)) throw new FakeRichApiError('InvalidArgument', `No border ${edge}`);
  }
  set style(style: string) {
    const { range, edge } = this;
    range.ctx.book.use('RangeBorder.style');
    range.write((s, r) =>
      range.forEachCell((sheet, row, col) => {
        const c = range.ctx.book.cellForWrite(sheet, row, col);
        const b = (c.borders ??= new Set());
        const on = style !== 'None';
        const mark = (side: 'top' | 'bottom' | 'left' | 'right') => (on ? b.add(side) : b.delete(side));
        if (edge === 'EdgeTop' && row === r.top) mark('top');
        if (edge === 'EdgeBottom' && row === r.bottom) mark('bottom');
        if (edge === 'EdgeLeft' && col === r.left) mark('left');
        if (edge === 'EdgeRight' && col === r.right) mark('right');
        if (edge === 'InsideHorizontal') {
          if (row > r.top) mark('top');
          if (row < r.bottom) mark('bottom');
        }
        if (edge === 'InsideVertical') {
          if (col > r.left) mark('left');
          if (col < r.right) mark('right');
        }
      }),
    );
  }
  get style(): string {
    throw new FakeRichApiError('PropertyNotLoaded', 'The add-in only writes borders.');
  }
  set color(_color: string) {
    this.range.ctx.book.use('RangeBorder.color');
  }
  get color(): string {
    throw new FakeRichApiError('PropertyNotLoaded', 'The add-in only writes borders.');
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
    this.range.write(() =>
      this.range.forEachCell((s, row, col) => {
        const c = this.range.ctx.book.cellForWrite(s, row, col);
        c.fill = { ...c.fill, pattern };
      }),
    );
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
              get font() {
                range.ctx.book.use('ConditionalRangeFormat.font');
                return {
                  set color(color: string) {
                    range.ctx.book.use('ConditionalRangeFont.color');
                    range.ctx.queue(() => void (entry.fontColor = color));
                  },
                  get color(): string {
                    throw new FakeRichApiError('PropertyNotLoaded', 'The add-in only writes conditional formats.');
                  },
                  set bold(on: boolean) {
                    range.ctx.book.use('ConditionalRangeFont.bold');
                    range.ctx.queue(() => void (entry.fontBold = on));
                  },
                  get bold(): boolean {
                    throw new FakeRichApiError('PropertyNotLoaded', 'The add-in only writes conditional formats.');
                  },
                };
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
