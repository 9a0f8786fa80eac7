import { createApiClient, type FetchLike } from '@returns-hub/shared/api/client';
import { gridFromValues } from '@returns-hub/shared/sheet/grid';
import type { ReviewView } from '@returns-hub/shared/review/reviewSchemas';
import type { ExcelOutcome } from '../excel/excelRunner';
import type { SavedFill } from '../excel/highlights';
import type { ReviewExcelPort } from './reviewExcelPort';
import { ReviewController } from './reviewController';
import { checkGrid } from '../check/sheetCheck';
import { paneDefinitions } from '../definitions/paneDefinitions';

const ok = <T>(value: T): Promise<ExcelOutcome<T>> => Promise.resolve({ ok: true, value });

/** A review port that records what the controller asks of Excel. */
function fakeExcel(selection: { sheetId: string; cells: string[] }) {
  const coloured: { sheetId: string; cells: string[] }[] = [];
  const cleared: SavedFill[][] = [];
  const port: ReviewExcelPort = {
    openStoredReturn: () => ok({ sheet: '1045 วังทองหลาง v1', sheetId: '{opened}' }),
    selectedCells: () => ok(selection),
    highlightCells: (sheetId, cells) => {
      coloured.push({ sheetId, cells: cells.map((c) => c.cell) });
      return ok(cells.map((c) => ({ sheetId, cell: c.cell, color: '#FFFFFF', pattern: 'None' })));
    },
    clearHighlights: (saved) => {
      cleared.push([...saved]);
      return ok(undefined);
    },
    selectCell: () => ok(undefined),
  };
  return { port, coloured, cleared };
}

/** The API answering from a table of paths. */
function fakeApi(answers: Record<string, unknown>) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    const path = url.replace('http://api', '');
    calls.push(`${init.method} ${path}`);
    const hit = Object.entries(answers).find(([p]) => path.startsWith(p));
    return { ok: !!hit, status: hit ? 200 : 404, statusText: '', text: async () => JSON.stringify(hit?.[1] ?? { title: 'Not Found', status: 404, detail: 'no', type: 'x' }) };
  };
  return { client: () => createApiClient({ baseUrl: 'http://api', key: 'k', fetch, attempts: 1 }), calls };
}

const view = (over: Partial<ReviewView>): ReviewView => ({
  formId: 'bma-community-plan-return',
  fiscalYear: 2563,
  period: 'FY',
  orgUnit: '1045',
  subject: null,
  version: 1,
  status: 'returned',
  decision: { by: 'hq-key', role: 'hq', at: '2020-10-05T07:03:00Z', client: 'returns-addin' },
  reason: 'ตรวจยอดเงิน',
  comments: [{ cell: "'แบบรายงาน 1'!C14", text: 'ยอดเบิกจ่ายไม่ตรง' }],
  zoneAccepted: null,
  lock: null,
  closesOn: null,
  exception: null,
  ...over,
});

describe('ReviewController', () => {
  test('a comment is made on the unit’s cells the selected cells came from; cells of no value, or another sheet, are refused', async () => {
    const excel = fakeExcel({ sheetId: '{opened}', cells: ['D6', 'A5'] });
    const r = new ReviewController(excel.port, fakeApi({}).client, 'en');
    r.state = {
      ...r.state,
      opened: { key: { form: 'f', fy: 2563, period: 'FY', orgUnit: '1045' }, version: 1, status: 'submitted', sheet: 's', sheetId: '{opened}', toUnitCell: { D6: "'แบบรายงาน 1'!C14" } },
    };
    await r.addComment('  ยอดไม่ตรง ');
    expect(r.state.draft).toEqual([{ cell: "'แบบรายงาน 1'!C14", text: 'ยอดไม่ตรง' }]);
    expect(excel.coloured).toEqual([{ sheetId: '{opened}', cells: ['D6'] }]);

    const elsewhere = new ReviewController(fakeExcel({ sheetId: '{other}', cells: ['D6'] }).port, fakeApi({}).client, 'en');
    elsewhere.state = { ...r.state, draft: [] };
    await elsewhere.addComment('x');
    expect(elsewhere.state.draft).toEqual([]);
    expect(elsewhere.state.outcome?.text.en).toContain('Select value cells of the sheet opened from this return');
  });

  test("the unit's side: each checked return's status from HQ, its comments coloured on the checked sheet; the next check puts the colours back first", async () => {
    // The district's sheet as the sample has it (record layout, numbered items).
    const grid = gridFromValues('แบบรายงาน 1', [
      ['แบบรายงานผลการดำเนินงาน โครงการสนับสนุนการจัดทำและทบทวนแผนพัฒนาชุมชนของชุมชนในแต่ละสำนักงานเขต'],
      ['ประจำปีงบประมาณ พ.ศ. 2563'],
      [],
      ['สำนักงานเขต', 'วังทองหลาง'],
      ['วันที่รายงาน', '27/8/2563'],
      [],
      ['ลำดับ', 'รายการ', 'จำนวน', 'หน่วย'],
      [1, 'จำนวนชุมชนทั้งหมดในพื้นที่เขต', 26, 'ชุมชน'],
      [2, 'ชุมชนที่ทบทวนแผนพัฒนาชุมชนเดิม', 14, 'ชุมชน'],
      [3, 'ชุมชนที่จัดทำแผนพัฒนาชุมชนใหม่', 12, 'ชุมชน'],
      [4, 'งบประมาณที่ได้รับโอน', 54920, 'บาท'],
      [5, 'งบประมาณที่เบิกจ่ายแล้ว', 0, 'บาท'],
      [6, 'งบประมาณที่ส่งคืน', 54920, 'บาท'],
    ]);
    const excel = fakeExcel({ sheetId: '{s}', cells: [] });
    const api = fakeApi({ '/api/returns/bma-community-plan-return/2563/FY/1045/review': view({}) });
    const r = new ReviewController(excel.port, api.client, 'th');
    const found = checkGrid(grid, paneDefinitions).returns;
    await r.loadDistrict('{s}', found);
    expect(api.calls).toEqual(['GET /api/returns/bma-community-plan-return/2563/FY/1045/review?']);
    expect(r.state.district).toMatchObject({ status: 'done', sheetId: '{s}', returns: [{ status: 'returned', reason: 'ตรวจยอดเงิน' }] });
    expect(excel.coloured).toEqual([{ sheetId: '{s}', cells: ['C14'] }]);
    await r.loadDistrict('{s}', found);
    expect(excel.cleared).toEqual([[{ sheetId: '{s}', cell: 'C14', color: '#FFFFFF', pattern: 'None' }]]);
  });
});
