import { gridFromValues } from '@returns-hub/shared/sheet/grid';
import { checkSheets } from '@returns-hub/shared/check/checkSheets';
import { checkGrid } from '@returns-hub/addin/check/sheetCheck';
import { CHUNK_TARGET_BYTES } from '@returns-hub/addin/excel/readSheet';
import { EXCEL_ON_THE_WEB } from '../support/excelFake/fakeBook';
import { fakeExcel, readGrid } from '../support/excelFake/fakeExcel';
import { projectRegister } from '../support/projectRegister';
import { BUILT_IN_SOURCE } from '../support/builtIn';

const FIVE_MB = 5 * 1024 * 1024;
const ROWS = 60_000;
/** The money column written in words, as clerks do: one finding a row. */
const register = gridFromValues('ทะเบียน', projectRegister(ROWS, { spent: () => 'ห้าร้อยบาท' }));
const FULL = { mergedAreas: true, nullObjects: true };

describe('a 60,000-row register on Excel on the web (the stand-in with its limits)', () => {
  test('read in one request, as the pane did, Excel on the web refuses it: the response is over 5 MB', async () => {
    const { book, context } = fakeExcel([register]);
    const used = context.workbook.worksheets.getActiveWorksheet().getUsedRange(true);
    used.load(['values', 'valueTypes', 'numberFormat']);
    await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(book.payloads.at(-1)!.response).toBeGreaterThan(FIVE_MB);
  });

  test('read in chunks sized by bytes: every response well under 5 MB, the same cells, the same findings', async () => {
    const { book, context } = fakeExcel([register]);
    const { read, grid, chunks } = await readGrid(context, FULL);
    expect(read).toMatchObject({ ok: true, rows: ROWS + 8, mergesUnknown: false });
    const responses = book.payloads.map((p) => p.response);
    expect(Math.max(...responses)).toBeLessThan(FIVE_MB / 3);
    expect(Math.max(...responses.slice(2))).toBeLessThan(CHUNK_TARGET_BYTES * 1.3); // after the first chunk, sized by the bytes seen
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.reduce((n, c) => n + c.values.length, 0)).toBe(ROWS + 8);
    expect(grid.rows.length).toBe(register.rows.length);
    const [want, got] = [checkSheets([register], BUILT_IN_SOURCE)[0], checkSheets([grid], BUILT_IN_SOURCE)[0]];
    expect(got.returns[0].issues.length).toBe(want.returns[0].issues.length);
    expect(got.returns[0].rows.length).toBe(ROWS);
  }, 60_000);

  test('the findings: one group per column and kind, "E9–E60008: 60,000 ×", in words the messages share', () => {
    const c = checkGrid(register, BUILT_IN_SOURCE);
    expect(c.counts.error).toBe(ROWS);
    const money = c.groups.find((g) => g.code === 'value.not_number')!;
    expect(money).toMatchObject({ column: 'E', first: 'E9', last: `E${ROWS + 8}`, count: ROWS, alike: true });
    expect(money.th).toBe('"งบประมาณที่เบิกใช้" ต้องเป็นตัวเลข แต่พบ "ห้าร้อยบาท"');
    expect(c.groups.length).toBeLessThan(5);
  });

  test('a chunk Excel still refuses as too large is asked for again in halves', async () => {
    const { book, context } = fakeExcel([gridFromValues('ทะเบียน', projectRegister(3_000))]);
    book.limits = { ...EXCEL_ON_THE_WEB, payloadBytes: 60_000 };
    const { read, chunks } = await readGrid(context, { ...FULL, targetBytes: 500_000 });
    expect(read.ok).toBe(true);
    const refused = book.payloads.filter((p) => p.refused);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(3); // after a refusal, no chunk is asked for that large again
    expect(book.payloads.filter((p) => !p.refused).every((p) => p.response <= 60_000)).toBe(true);
    expect(chunks.reduce((n, c) => n + c.values.length, 0)).toBe(3_008);
  });

  test('more than 512 merged areas: read in parts, all of them found', async () => {
    const values = projectRegister(2_000);
    const merges = Array.from({ length: 2_000 }, (_, i) => `F${i + 9}:G${i + 9}`); // plan and target merged on every row
    const { book, context } = fakeExcel([gridFromValues('ทะเบียน', values, merges)]);
    const { read, grid } = await readGrid(context, FULL);
    expect(read).toMatchObject({ ok: true, mergesUnknown: false });
    expect(grid.merges).toHaveLength(2_000);
    expect(book.syncs).toBeGreaterThan(3);
  });
});
