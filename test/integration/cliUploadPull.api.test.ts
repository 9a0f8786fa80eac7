import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '@returns-hub/cli/main';
import { startApi, type Api } from '../support/apiHarness';
import { sample, sampleFiles } from '../support/samples';

let api: Api;
beforeAll(async () => (api = await startApi()), 60_000);
afterAll(async () => api?.close());

async function run(argv: string[], env: Record<string, string> = {}) {
  const lines: string[] = [];
  const code = await main(argv, (s) => lines.push(s), { RETURNS_API_URL: api.url, RETURNS_API_KEY: 'dev-hq', ...env });
  return { code, out: lines.join('\n') };
}

describe('returns upload / returns pull against the local API', () => {
  test('upload prints a receipt per return; files with errors are not sent', async () => {
    const { code, out } = await run(['upload', ...sampleFiles('codi-kpi'), sample('community-plan/errors/1017-huai-khwang.xlsx')]);
    expect(code).toBe(1); // one file refused
    expect(out).toContain('codi-quarterly-kpi N FY 2563 Q1 → version 1');
    expect(out).toContain('1017-huai-khwang.xlsx: not sent');
  });

  test('a second upload of a changed file is a new version and says what changed', async () => {
    const original = sample('community-plan/districts/1046.xlsx');
    expect((await run(['upload', original])).out).toMatch(/bma-community-plan-return 1046 FY 2563 FY → version 1 /);
    // The district corrects its count of 2564 plan projects (the value cell right of the label) and sends again.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(original);
    const label = wb.worksheets[0].getColumn(2).values.findIndex((v) => /แผนปฏิบัติการ\s*ปี\s*2564/.test(String(v ?? '')));
    expect(label).toBeGreaterThan(0);
    wb.worksheets[0].getCell(label, 3).value = Number(wb.worksheets[0].getCell(label, 3).value) + 1;
    const changed = join(mkdtempSync(join(tmpdir(), 'upload-')), '1046.xlsx');
    await wb.xlsx.writeFile(changed);
    const { code, out } = await run(['upload', changed]);
    expect(code).toBe(0);
    expect(out).toMatch(/1046 FY 2563 FY → version 2 at \S+; changed: projects_in_plan_2564$/m);
  });

  test('--api and --key flags win over the environment; a wrong key is refused', async () => {
    const { code, out } = await run(['upload', '--key', 'dev-unit-S', sample('codi-kpi/N-2563-Q2.xlsx')]);
    expect(code).toBe(1);
    expect(out).toContain('refused — 403');
  });

  test('files go bundled; a bundle refused for what it holds is sent again file by file, each with its own answer, in order', async () => {
    // A unit's key may send only its own unit: the bundle of N and S is refused (403), then S alone is stored and N alone refused.
    const { code, out } = await run(['upload', '--key', 'dev-unit-S', sample('codi-kpi/N-2563-Q1.xlsx'), sample('codi-kpi/S-2563-Q1.xlsx')]);
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/N-2563-Q1\.xlsx: refused — 403 \w/);
    expect(lines[1]).toMatch(/^ {2}[\u0E00-\u0E7F]/); // the same refusal in Thai
    expect(lines[2]).toMatch(/S-2563-Q1\.xlsx: codi-quarterly-kpi S FY 2563 Q1 → version \d+/);
  });

  test('pull prints the tallies and completeness', async () => {
    const { code, out } = await run(['pull', '--form', 'codi-quarterly-kpi', '--fy', '2563', '--period', 'Q2', '--by', 'region']);
    expect(code).toBe(0);
    expect(out).toContain('N ภาคเหนือ — received 1/1');
    expect(out).toMatch(/ผู้นำที่ได้รับการพัฒนาศักยภาพ\s+420/); // names, not ids
    expect(out).toContain('completeness: 5/5 received');
  });

  test('pull --json gives the tally and completeness as JSON', async () => {
    const { out } = await run(['pull', '--form', 'codi-quarterly-kpi', '--fy', '2563', '--period', 'Q2', '--json']);
    const { tally, completeness } = JSON.parse(out);
    expect(tally.groups[0].measures.find((m: { id: string }) => m.id === '5.1').value).toBe(864);
    expect(completeness.missing).toEqual([]);
  });

  test('pull --out writes the report sheets: names not ids, formats both Excel and LibreOffice render, status words', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'pull-')), 'tallies.xlsx');
    const { code } = await run(['pull', '--form', 'codi-quarterly-kpi', '--fy', '2563', '--period', 'Q2', '--out', file]);
    expect(code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('ตัวชี้วัด ไตรมาส 2-2563')!;
    const rows = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1));
    const kpi51 = rows.find((r) => r.getCell(1).value === '5.1')!;
    expect(kpi51.getCell(2).value).toBe('ผู้นำที่ได้รับการพัฒนาศักยภาพ');
    expect(kpi51.getCell(10).value).toBe(864);
    expect(kpi51.getCell(10).numFmt).toBe('#,##0');
    expect(kpi51.getCell(13).value).toBe('เขียว');
    expect(ws.getCell('A5').numFmt).toContain('[$-107041E]'); // Buddhist Era calendar, Thai locale, as LibreOffice reads it
    expect(rows.some((r) => r.getCell(1).value === 'ส่งแล้ว / ทั้งหมด (received / expected)')).toBe(true);
  });

  test('an unreachable API is a clear message, not a stack trace', async () => {
    const { code, out } = await run(['pull', '--form', 'codi-quarterly-kpi', '--fy', '2563', '--api', 'http://127.0.0.1:9']);
    expect(code).toBe(1);
    expect(out).toMatch(/could not reach http:\/\/127\.0\.0\.1:9/);
  });

  test('admin sweep runs against the configured storage and says what it removed', async () => {
    const { code, out } = await run(['admin', 'sweep', '--grace-minutes', '0'], { RETURNS_ENV: 'development', RETURNS_STORAGE: api.azurite.connectionString });
    expect(code).toBe(0);
    expect(out).toMatch(/^checked \d+ unfinished write\(s\) older than 0 minute\(s\); removed \d+ no version points at$/);
  });

  test('admin sweep refuses a grace period that is not a number of minutes', async () => {
    const { code, out } = await run(['admin', 'sweep', '--grace-minutes', 'soon']);
    expect(code).toBe(2);
    expect(out).toContain('--grace-minutes "soon" ต้องเป็นจำนวนนาที');
  });
});
