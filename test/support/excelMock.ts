/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unused-expressions -- office.js stand-in: to be replaced by one typed office.js fake (issue 11) */
import { OfficeMockObject } from 'office-addin-mock';
import type { Grid } from '@returns-hub/shared/sheet/grid';
import { addressPrefix, columnLetters } from '@returns-hub/shared/sheet/address';

/** The office.js enums the Excel layer uses, as the real API names them. */
export function installExcelEnums(): void {
  (globalThis as Record<string, unknown>).Excel = {
    ConditionalFormatType: { containsText: 'ContainsText' },
    ConditionalTextOperator: { contains: 'Contains' },
    ChartType: { columnClustered: 'ColumnClustered' },
    ChartSeriesBy: { columns: 'Columns' },
    SheetVisibility: { hidden: 'Hidden' },
  };
}

/** office.js's view of a sheet's used range, made from a grid (as Excel would load it). */
export function usedRangeOf(grid: Grid) {
  let top = Infinity,
    left = Infinity,
    bottom = -1,
    right = -1;
  grid.rows.forEach((row, r) =>
    row.forEach((c, k) => {
      if (c) {
        top = Math.min(top, r);
        left = Math.min(left, k);
        bottom = Math.max(bottom, r);
        right = Math.max(right, k);
      }
    }),
  );
  if (bottom < 0) return null;
  const values: unknown[][] = [],
    valueTypes: string[][] = [],
    numberFormat: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const v: unknown[] = [],
      t: string[] = [],
      f: string[] = [];
    for (let k = left; k <= right; k++) {
      const c = grid.rows[r]?.[k];
      if (!c || (c.value === null && !c.error)) (v.push(''), t.push('Empty'), f.push('General'));
      else if (c.error) (v.push(c.error), t.push('Error'), f.push('General'));
      else (v.push(c.value), t.push(typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String'), f.push(c.numFmt ?? 'General'));
    }
    (values.push(v), valueTypes.push(t), numberFormat.push(f));
  }
  const q = addressPrefix(grid.sheet);
  const merged = grid.merges.map((m) => `${q}${columnLetters(m.left)}${m.top + 1}:${columnLetters(m.right)}${m.bottom + 1}`).join(', ');
  return { rowIndex: top, columnIndex: left, cellCount: values.length * (values[0]?.length ?? 0), values, valueTypes, numberFormat, merged };
}

interface Recorded {
  syncs: number;
  /** Sheets added, tables and charts added per sheet: kept outside the mock, which would hide them behind load(). */
  added: string[];
  tables: Record<string, any[]>;
  charts: Record<string, any[]>;
  ranges: Map<string, any>;
}

/**
 * An Excel workbook as office-addin-mock sees it: properties must be loaded and synced
 * before they are read. Ranges are created on demand and recorded, so tests can look at
 * what the layer wrote; `syncs` counts context.sync calls.
 */
export function mockWorkbook(opts: { active?: Grid; existingSheets?: string[]; existingTable?: { name: string; rows: number } } = {}) {
  const rec: Recorded = { syncs: 0, added: [], tables: {}, charts: {}, ranges: new Map() };
  const used = opts.active ? usedRangeOf(opts.active) : null;

  function rangeFactory(sheet: string) {
    return function (this: any, ...args: unknown[]) {
      const key = `${sheet}|${args.join(',')}`;
      const prop = `range_${rec.ranges.size}`;
      if (!rec.ranges.has(key)) {
        this.addMock(prop);
        this[prop].populate({
          address: `${sheet}!${args.join(',')}`,
          values: [],
          numberFormat: [],
          dataValidation: { rule: '' },
          format: {
            font: { bold: false },
            fill: {
              color: '#FFFFFF',
              pattern: 'None',
              clear(this: any) {
                this.color = '#FFFFFF';
                this.pattern = 'None';
                this.cleared = true;
              },
            },
          },
          conditionalFormats: {
            items: [] as any[],
            clearAll() {
              this.items = [];
            },
            add(type: string) {
              const cf = { type, textComparison: { format: { fill: {} as Record<string, string> }, rule: null as unknown } };
              this.items.push(cf);
              return cf;
            },
          },
          select() {
            rec.ranges.get(key).selected = true;
          },
          clear(what: string) {
            rec.ranges.get(key).cleared = what;
          },
        });
        rec.ranges.set(key, this[prop]);
      }
      return rec.ranges.get(key);
    };
  }

  function sheetData(name: string) {
    return {
      name,
      tables: {
        add(range: unknown, headers: boolean) {
          const t = { range, headers, name: '' };
          (rec.tables[name] ??= []).push(t);
          return t;
        },
      },
      charts: {
        add(type: string, range: unknown, by: string) {
          const c = {
            type,
            range,
            by,
            title: { text: '' },
            setPosition(a: string) {
              (c as any).position = a;
            },
          };
          (rec.charts[name] ??= []).push(c);
          return c;
        },
      },
      activate() {
        (this as any).activated = true;
      },
      getRange: rangeFactory(name),
      getRangeByIndexes: rangeFactory(name),
    };
  }

  const data: any = {
    context: {
      workbook: {
        worksheets: {
          active: {
            ...sheetData(opts.active?.sheet ?? 'Sheet1'),
            // A null object still answers loads (with nothing in it), as office.js does.
            used: {
              ...(used ?? { rowIndex: 0, columnIndex: 0, cellCount: 0, values: [], valueTypes: [], numberFormat: [], merged: '' }),
              getMergedAreasOrNullObject() {
                return this.mergedAreas;
              },
              mergedAreas: { address: used?.merged ?? '' },
            },
            getUsedRangeOrNullObject() {
              return this.used;
            },
          },
          getActiveWorksheet() {
            return this.active;
          },
          getItem(this: any, name: string) {
            return name === this.active.name ? this.active : this.byName(name);
          },
          getItemOrNullObject(this: any, name: string) {
            return (opts.existingSheets ?? []).includes(name) ? this.byName(name) : this.missing;
          },
          missing: { name: '' },
          add(this: any, name: string) {
            rec.added.push(name);
            return this.byName(name);
          },
          byName(this: any, name: string): any {
            const prop = `sheet_${Buffer.from(name).toString('hex')}`;
            if (!this[prop]) {
              this.addMock(prop);
              this[prop].populate(sheetData(name));
              this[prop].isNullObject = false;
            }
            return this[prop];
          },
        },
        tables: {
          found: opts.existingTable
            ? {
                name: opts.existingTable.name,
                rows: { count: opts.existingTable.rows },
                resize(r: unknown) {
                  (this as any).resizedTo = r;
                },
              }
            : { name: '', rows: { count: 0 } },
          getItemOrNullObject() {
            return this.found;
          },
        },
      },
    },
  };
  const mock = new OfficeMockObject(data) as any;
  const context = mock.context;
  // office.js sets isNullObject at sync without a load; the mock would demand one, so it is a plain property here.
  const ws = context.workbook.worksheets;
  ws.active.isNullObject = false;
  ws.active.used.isNullObject = !used;
  ws.active.used.mergedAreas.isNullObject = !used?.merged;
  ws.missing.isNullObject = true;
  context.workbook.tables.found.isNullObject = !opts.existingTable;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    rec.syncs++;
    await sync();
  };
  return { context: context as Excel.RequestContext, rec, raw: context };
}
