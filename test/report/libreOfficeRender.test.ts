import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportByName } from '@returns-hub/shared/report/formReports';
import { computeReport } from '@returns-hub/shared/report/computeReport';
import { isReportProblem } from '@returns-hub/shared/report/reportProblem';
import type { ReportSheet } from '@returns-hub/shared/report/reportSheet';
import { writeTallyWorkbook } from '@returns-hub/cli/xlsx/writeTallyWorkbook';
import { SOFFICE, checkRenderedByLibreOffice } from '../../scripts/libreOfficeRender';
import { sampleReportInputs } from '../support/sampleReports';
import { builtInForm } from '../support/builtIn';

// pretest installs LibreOffice Calc where it can; without it this is skipped (npm run render:tallies says what to install).
(SOFFICE ? describe : describe.skip)('a written report as LibreOffice Calc shows it', () => {
  let dir: string;
  let national: ReportSheet;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lo-render-'));
    const input = (await sampleReportInputs())['codi-quarterly-kpi'];
    const layout = reportByName(builtInForm('codi-quarterly-kpi'), 'kpi-table');
    if (isReportProblem(layout)) throw new Error(layout.message_en);
    const s = computeReport(layout, input);
    if (isReportProblem(s)) throw new Error(s.message_en);
    national = s;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every cell shows what it means to: the Buddhist Era date, two-decimal percentages, the % sign, —', async () => {
    const path = join(dir, 'codi.xlsx');
    await writeTallyWorkbook(path, [national]);
    const { mismatches, shown } = checkRenderedByLibreOffice(path, [national]);
    expect(mismatches).toEqual([]);
    const grid = [...shown.values()][0];
    expect(grid[4][0]).toBe('ข้อมูล ณ วันที่ 15 เมษายน 2563 เวลา 14:30 น.');
    const row2 = grid.find((r) => r[0] === '2')!;
    expect(row2).toEqual(expect.arrayContaining(['17,000', '11,012', '66.56', '102.75', 'เขียว']));
    const row85 = grid.find((r) => r[0] === '8.5')!;
    expect(row85).toEqual(expect.arrayContaining(['96 %', '9.56 %', '55.59 %', '138.97']));
  }, 120_000);

  test('the check catches a format LibreOffice does not render (the old BCP-47 date and number codes)', async () => {
    const broken: ReportSheet = {
      ...national,
      cells: national.cells.map((c) => (c.numFmt === '[$-107041E]"ข้อมูล ณ วันที่ "d mmmm yyyy" เวลา "hh:mm" น."' ? { ...c, numFmt: '[$-th-TH,107]d mmmm yyyy' } : c)),
    };
    const path = join(dir, 'broken.xlsx');
    await writeTallyWorkbook(path, [broken]);
    const { mismatches } = checkRenderedByLibreOffice(path, [broken]);
    expect(mismatches.map((m) => m.cell)).toEqual(['A5']);
    expect(mismatches[0].shown).toMatch(/^43936\.\d+$/); // a serial number, as HQ saw it
  }, 120_000);
});
