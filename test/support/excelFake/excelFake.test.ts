import { gridFromValues } from '@returns-hub/shared/sheet/grid';
import { EXCEL_DESKTOP, EXCEL_ON_THE_WEB, FakeBook, jsonBytes } from './fakeBook';
import { FakeContext } from './fakeContext';
import { fakeHost } from './fakeHost';
import { FakeRichApiError } from './richApiError';

const rejectsWith = async (p: Promise<unknown>, code: string) => {
  await expect(p).rejects.toBeInstanceOf(FakeRichApiError);
  await expect(p).rejects.toMatchObject({ code });
};

function book() {
  return FakeBook.fromGrids([
    gridFromValues('Data', [
      ['a', 1],
      ['b', 2],
    ]),
  ]);
}

describe('the office.js fake behaves like office.js where the add-in depends on it', () => {
  test('a property read before load() and sync() throws; after both it holds the value at the sync', async () => {
    const b = book();
    const ctx = new FakeContext(b);
    const range = ctx.workbook.worksheets.getItem('Data').getRange('A1:B2');
    expect(() => range.values).toThrow(/call the load method/);
    range.load(['values']);
    expect(() => range.values).toThrow(/call the load method/); // loaded, not yet synced
    await ctx.sync();
    expect(range.values).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    b.type('Data', 'B1', 5);
    expect(range.values?.[0][1]).toBe(1); // a snapshot until loaded again
  });

  test('getItem of a missing sheet fails at sync with ItemNotFound; the OrNullObject form is a null object', async () => {
    const ctx = new FakeContext(book());
    ctx.workbook.worksheets.getItem('Nope');
    await rejectsWith(ctx.sync(), 'ItemNotFound');
    const maybe = ctx.workbook.worksheets.getItemOrNullObject('Nope');
    expect(() => maybe.isNullObject).toThrow();
    await ctx.sync();
    expect(maybe.isNullObject).toBe(true);
  });

  test('a sheet is found by its id after a rename', async () => {
    const b = book();
    const id = b.sheets[0].id;
    b.rename('Data', 'Renamed');
    const ctx = new FakeContext(b);
    const ws = ctx.workbook.worksheets.getItem(id);
    ws.load(['name']);
    await ctx.sync();
    expect(ws.name).toBe('Renamed');
  });

  test('a duplicate sheet name (any case) fails with ItemAlreadyExists', async () => {
    const ctx = new FakeContext(book());
    ctx.workbook.worksheets.add('DATA');
    await rejectsWith(ctx.sync(), 'ItemAlreadyExists');
  });

  test('null in values leaves the cell; an empty string empties it', async () => {
    const b = book();
    const ctx = new FakeContext(b);
    ctx.workbook.worksheets.getItem('Data').getRange('A1:B1').values = [[null, '']];
    await ctx.sync();
    expect(b.valuesAt('Data', 'A1:B1')).toEqual([['a', '']]);
  });

  test('a written array must match the range', async () => {
    const ctx = new FakeContext(book());
    ctx.workbook.worksheets.getItem('Data').getRange('A1:B1').values = [['x']];
    await rejectsWith(ctx.sync(), 'InvalidArgument');
  });

  test('the next sync can be made to fail (cell-edit mode, access denied), and nothing queued is applied', async () => {
    const b = book();
    for (const code of ['InvalidOperationInCellEditMode', 'AccessDenied'] as const) {
      const ctx = new FakeContext(b);
      ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [['changed']];
      b.failNextSync(code);
      await rejectsWith(ctx.sync(), code);
      expect(b.valueAt('Data', 'A1')).toBe('a');
    }
  });

  test('writing to a protected sheet fails with AccessDenied; reading it works', async () => {
    const b = book();
    b.protect('Data');
    const ctx = new FakeContext(b);
    const r = ctx.workbook.worksheets.getItem('Data').getRange('A1');
    r.load(['values']);
    await ctx.sync();
    expect(r.values).toEqual([['a']]);
    r.format.fill.color = '#FFC7CE';
    await rejectsWith(ctx.sync(), 'AccessDenied');
  });

  test('in cell-edit mode a batch fails, unless it asked Excel to wait (delayForCellEdit): then it runs when the clerk leaves the cell', async () => {
    const b = book();
    const host = fakeHost(b);
    b.enterCellEdit();
    const write = (ctx: Parameters<Parameters<typeof host.run>[0]>[0]) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [['x']];
      return ctx.sync();
    };
    await rejectsWith(host.run(write, { delayForCellEdit: false }), 'InvalidOperationInCellEditMode');
    const waiting = host.run(write, { delayForCellEdit: true });
    await new Promise((r) => setTimeout(r, 10));
    expect(b.valueAt('Data', 'A1')).toBe('a');
    b.leaveCellEdit();
    await waiting;
    expect(b.valueAt('Data', 'A1')).toBe('x');
  });

  test('a member beyond the host’s requirement sets does not exist there (ApiNotFound)', () => {
    const b = FakeBook.fromGrids([gridFromValues('Data', [['a']])], { ExcelApi: '1.1' });
    const ctx = new FakeContext(b);
    const ws = ctx.workbook.worksheets.getItem('Data');
    expect(() => ws.getUsedRangeOrNullObject()).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    expect(() => ws.getRange('A1').getMergedAreasOrNullObject()).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
    expect(b.used.has('Worksheet.getUsedRangeOrNullObject')).toBe(true);
  });
});

describe('the stand-in has Excel’s limits, raised as Excel raises them', () => {
  /** A sheet of `rows` rows of Thai text, about 330 bytes a row in a response (values, types, formats). */
  function tall(rows: number, limits = EXCEL_ON_THE_WEB) {
    const values = Array.from({ length: rows }, (_, i) => [i + 1, `ขั้นตอนที่ ${i + 1} ของการดำเนินงาน`, 'เป็นไปตามแผน', 'เป็นไปตามเป้าหมาย']);
    return FakeBook.fromGrids([gridFromValues('Data', values)], undefined, limits);
  }

  test('Excel on the web: a response over 5 MB is refused (ResponsePayloadSizeLimitExceeded) and hands nothing over; desktop Excel answers it', async () => {
    const web = tall(40_000);
    const ctx = new FakeContext(web);
    const used = ctx.workbook.worksheets.getItem('Data').getUsedRange();
    used.load(['values', 'valueTypes', 'numberFormat']);
    await rejectsWith(ctx.sync(), 'ResponsePayloadSizeLimitExceeded');
    expect(web.payloads.at(-1)!.response).toBeGreaterThan(5 * 1024 * 1024);
    expect(() => used.values).toThrow(/call the load method/);

    const desk = tall(40_000, EXCEL_DESKTOP);
    const d = new FakeContext(desk);
    const all = d.workbook.worksheets.getItem('Data').getUsedRange();
    all.load(['values']);
    await d.sync();
    expect(all.values).toHaveLength(40_000);
  });

  test('Excel on the web: a request over 5 MB is refused (RequestPayloadSizeLimitExceeded) before anything is written', async () => {
    const b = tall(1);
    const ctx = new FakeContext(b);
    const big = Array.from({ length: 40_000 }, () => ['ข้อความภาษาไทยที่ยาวพอสมควรสำหรับทดสอบขนาดคำขอ', 'x']);
    ctx.workbook.worksheets.getItem('Data').getRange('A1:B40000').values = big;
    await rejectsWith(ctx.sync(), 'RequestPayloadSizeLimitExceeded');
    expect(b.payloads.at(-1)!.request).toBeGreaterThan(5 * 1024 * 1024);
    expect(b.valueAt('Data', 'B1')).toBe('ขั้นตอนที่ 1 ของการดำเนินงาน');
  });

  test('sizes are counted as UTF-8 JSON: a Thai letter is 3 bytes', () => {
    expect(jsonBytes(['ก'])).toBe(2 + 3 + 2);
    expect(jsonBytes([[1, 'a'], ['"']])).toBe(JSON.stringify([[1, 'a'], ['"']]).length);
  });

  test('on every platform a get of more than five million cells hands the cell arrays back as null', async () => {
    const b = FakeBook.fromGrids([gridFromValues('Data', [['a']])], undefined, { ...EXCEL_DESKTOP });
    const ctx = new FakeContext(b);
    const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:E1000001');
    r.load(['values', 'cellCount']);
    await ctx.sync();
    expect([r.cellCount, r.values]).toEqual([5_000_005, null]);
  });

  test('getMergedAreasOrNullObject fails on a range of more than 512 merged areas', async () => {
    const b = FakeBook.fromGrids([
      gridFromValues(
        'Data',
        [['a']],
        Array.from({ length: 513 }, (_, i) => `A${i + 1}:B${i + 1}`),
      ),
    ]);
    const ctx = new FakeContext(b);
    const areas = ctx.workbook.worksheets.getItem('Data').getRange('A1:B513').getMergedAreasOrNullObject();
    areas.load(['address']);
    await rejectsWith(ctx.sync(), 'RangeExceedsLimit');
    const fewer = ctx.workbook.worksheets.getItem('Data').getRange('A1:B512').getMergedAreasOrNullObject();
    fewer.load(['address']);
    await ctx.sync();
    expect(fewer.address.split(', ')).toHaveLength(512);
  });

  test('every sync is answered later, never at once; a latency can be set', async () => {
    const b = tall(1);
    b.latencyMs = 60;
    const ctx = new FakeContext(b);
    let answered = false;
    const t0 = Date.now();
    const done = ctx.sync().then(() => (answered = true));
    await Promise.resolve();
    expect(answered).toBe(false);
    await done;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(55);
  });
});
