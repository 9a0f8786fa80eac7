import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import * as XLSX from '@e965/xlsx';
import { checkFile, type FileCheck } from '@returns-hub/cli/checkFiles';
import { UNITS, builtInForm } from '../support/builtIn';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import { readWorkbookBytes } from '@returns-hub/readers/readWorkbookBytes';
import { cellAt, type Grid } from '@returns-hub/shared/sheet/grid';
import { htmlTables, spreadsheetMl } from '../support/webExports';
import { biff5Cp874, withNaturalLanguageFormula } from '../support/biffFixture';
import { zipOf } from '../support/xlsxFixture';
import { consolidateReturns, contributionOf } from '@returns-hub/shared/consolidate/consolidateReturns';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { SAMPLES, sample } from '../support/samples';
import { expectCommunityPlanFigures } from '../support/formsFigures';
import { missingConversionTools, missingToolsSentence, sampleRenditions } from '../support/sampleRenditions';
import { requestFor, startApi } from '../support/apiHarness';

/**
 * A file written by another program reads exactly as the original: the same form, unit,
 * period, every value and every finding. Committed renditions of five samples run
 * everywhere; where LibreOffice is installed, every sample is converted at test time.
 */
const FIXTURES = resolve(__dirname, '../fixtures/formats');

/** What a reading is, without where the file came from. */
function reading(f: FileCheck) {
  const issue = (i: Issue) => `${i.severity}:${i.code}@${i.cell}${i.related ? `+${i.related.join(',')}` : ''}`;
  return {
    // A file-level finding is addressed to the file itself, whose name differs in each rendition.
    issues: f.issues.map((i) => issue({ ...i, cell: i.cell === basename(f.file) ? '<file>' : i.cell })),
    sheets: f.sheets.map((s) => ({
      sheet: s.sheet,
      form: s.formId,
      issues: s.issues.map(issue),
      returns: s.returns.map((r) => ({ form: r.formId, unit: r.orgUnit, fy: r.fiscalYear, period: r.period, subject: r.subject, fields: r.fields, rows: r.rows, issues: r.issues.map(issue) })),
    })),
  };
}
type Reading = ReturnType<typeof reading>;

/**
 * An openpyxl re-save drops cached results: where the original had a value from a formula,
 * the rendition must have a blank *and* a finding at that cell (an error, or for a total
 * row "cannot be checked"), never a silent blank. Everything else is as the original.
 */
function expectOpenpyxlReading(got: Reading, want: Reading) {
  const flagged = new Set(
    got.sheets
      .flatMap((s) => [...s.issues, ...s.returns.flatMap((r) => r.issues)])
      .filter((i) => /^(error:cell\.uncomputed|warning:total\.unverifiable)@/.test(i))
      .map((i) => i.split('@')[1].split('+')[0]),
  );
  const strip = (r: Reading): Reading => ({
    ...r,
    sheets: r.sheets.map((s) => ({
      ...s,
      issues: s.issues.filter((i) => !flagged.has(i.split('@')[1].split('+')[0])),
      returns: s.returns.map((x) => ({ ...x, issues: x.issues.filter((i) => !flagged.has(i.split('@')[1].split('+')[0])) })),
    })),
  });
  expect(strip(got).sheets.map((s) => s.returns.map((x) => x.issues))).toEqual(strip(want).sheets.map((s) => s.returns.map((x) => x.issues)));
  got.sheets.forEach((s, si) =>
    s.returns.forEach((r, ri) => {
      const w = want.sheets[si].returns[ri];
      expect([r.form, r.unit, r.fy, r.period, r.subject]).toEqual([w.form, w.unit, w.fy, w.period, w.subject]);
      for (const [id, v] of Object.entries(w.fields)) if (r.fields[id] !== v) expect(r.fields[id]).toBeNull();
    }),
  );
  return flagged;
}

const renditions = (dir: string, base: string) => ['xls', 'ods', 'calc.xlsx'].map((ext) => join(dir, `${base}.${ext}`));

describe('committed renditions (Calc .xls/.ods/.xlsx, openpyxl .xlsx) read as their originals', () => {
  const sources = ['community-plan/districts/1045', 'community-plan/layouts/1002-dusit', 'welfare/wang-thonglang-2564', 'project-progress/seed000-wang-thonglang-2564', 'codi-kpi/N-2563-Q2'];
  test.each(sources)('%s', async (src) => {
    const want = reading(await checkFile(sample(`${src}.xlsx`)));
    for (const file of renditions(join(FIXTURES, src, '..'), basename(src))) {
      const got = await checkFile(file);
      expect({ file: basename(file), ...reading(got) }).toEqual({ file: basename(file), ...want });
    }
    const openpyxl = await checkFile(join(FIXTURES, `${src}.openpyxl.xlsx`));
    expectOpenpyxlReading(reading(openpyxl), want);
  });

  test('1002-dusit re-saved by openpyxl: C10 and C16 (formulas with no cached value) are errors, not blanks', async () => {
    const f = await checkFile(join(FIXTURES, 'community-plan/layouts/1002-dusit.openpyxl.xlsx'));
    const [r] = f.sheets.flatMap((s) => s.returns);
    expect(r.issues.filter((i) => i.code === 'cell.uncomputed').map((i) => [i.severity, i.cell])).toEqual([
      ['error', "'แบบรายงาน'!C10"],
      ['error', "'แบบรายงาน'!C16"],
    ]);
    expect(r.issues[0].message_en).toContain('open the file in Excel or LibreOffice Calc and save it again');
    expect([r.fields.communities_new_plan, r.fields.budget_balance]).toEqual([null, null]);
  });

  test('welfare re-saved by openpyxl: the total row says it cannot be checked (no bogus mismatch)', async () => {
    const f = await checkFile(join(FIXTURES, 'welfare/wang-thonglang-2564.openpyxl.xlsx'));
    const issues = f.sheets.flatMap((s) => s.returns.flatMap((r) => r.issues));
    expect(issues.filter((i) => i.code.startsWith('total.')).map((i) => [i.severity, i.code, i.cell.split('!')[1]])).toEqual([
      ['warning', 'total.unverifiable', 'C18'],
      ['warning', 'total.unverifiable', 'D18'],
    ]);
  });
});

describe('special files: the exact reading or error', () => {
  const special = (name: string) => join(FIXTURES, 'special', name);
  const only = async (name: string) => {
    const f = await checkFile(special(name));
    return { f, r: f.sheets.flatMap((s) => s.returns)[0] };
  };

  test('1904 date system: B5 is 2020-08-27, not 2016-08-26; no finding', async () => {
    const { f, r } = await only('date1904.xlsx');
    expect(f.format).toBe('xlsx');
    expect(r.fields.report_date).toBe('2020-08-27');
    expect(r.issues).toEqual([]);
  });

  test('formulas whose result is 0: values, not missing', async () => {
    const { r } = await only('zero-formula.xlsx');
    expect([r.fields.communities_new_plan, r.fields.budget_balance]).toEqual([12, 0]);
    expect(r.issues).toEqual([]);
  });

  test('a FALSE() formula answers "no"', async () => {
    const { r } = await only('false-formula.xlsx');
    expect(r.fields.meeting_held).toBe(false);
    expect(r.issues).toEqual([]);
  });

  test('openpyxl total row with no cached values: 10 returns as the original, 9 totals that cannot be checked', async () => {
    const f = await checkFile(special('openpyxl-no-cache.xlsx'));
    const want = reading(await checkFile(sample('community-plan/layouts/zone-table-1005-1014.xlsx')));
    const got = reading(f);
    expect(got.sheets.flatMap((s) => s.returns.map((r) => [r.unit, r.fields]))).toEqual(want.sheets.flatMap((s) => s.returns.map((r) => [r.unit, r.fields])));
    const totals = f.sheets.flatMap((s) => [...s.issues, ...s.returns.flatMap((r) => r.issues)]).filter((i) => i.code === 'total.unverifiable');
    expect(totals.map((i) => i.cell.split('!')[1])).toEqual(['C15', 'D15', 'E15', 'H15', 'I15', 'J15', 'K15', 'L15', 'M15']);
  });

  test('encrypted: password-protected, one error', async () => {
    const f = await checkFile(special('encrypted.xlsx'));
    expect(f.issues.map((i) => [i.severity, i.code])).toEqual([['error', 'file.password_protected']]);
  });

  test.each(['utf8.csv', 'utf8-bom.csv', 'tis620.csv'])('%s: 1002 ดุสิต with every value', async (name) => {
    const { f, r } = await only(name);
    expect(f.format).toBe('csv');
    expect([r.orgUnit, r.fiscalYear, r.fields.report_date, r.fields.communities_new_plan, r.fields.meeting_held, r.fields.meeting_date, r.fields.budget_balance]).toEqual([
      '1002',
      2563,
      '2020-08-29',
      30,
      true,
      '2020-03-27',
      0,
    ]);
  });
});

describe('what web systems, old programs and other spreadsheets send (issue 21)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'returns-sent-'));
  const written = (name: string, bytes: Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  /** The original's returns and findings, sheet names and all. */
  const asOriginal = async (src: string) => reading(await checkFile(sample(`${src}.xlsx`)));
  const gridsOf = async (src: string) => {
    const r = await readWorkbookFile(sample(`${src}.xlsx`));
    if (!r.ok) throw new Error(r.issue.message_en);
    return r.grids;
  };
  const book = (src: string) => XLSX.read(readFileSync(sample(`${src}.xlsx`)), { dense: true, cellNF: true, cellFormula: true });

  test('an HTML table named .xls, in TIS-620 as a Thai web system writes it: 1002 ดุสิต with every figure, sheet names from the page', async () => {
    const file = written('1002-dusit.xls', htmlTables(await gridsOf('community-plan/layouts/1002-dusit')));
    expect(file.endsWith('.xls') && readFileSync(file).includes(Buffer.from('charset=windows-874'))).toBe(true);
    const got = await checkFile(file);
    expect(got.format).toBe('html');
    expect(reading(got)).toEqual(await asOriginal('community-plan/layouts/1002-dusit'));
  });

  test('an Excel 2003 XML (SpreadsheetML) workbook named .xls: 1002 ดุสิต with every figure (DateTime cells are dates)', async () => {
    const file = written('1002-dusit.xml.xls', spreadsheetMl(await gridsOf('community-plan/layouts/1002-dusit')));
    const got = await checkFile(file);
    expect(got.format).toBe('spreadsheetml');
    expect(reading(got)).toEqual(await asOriginal('community-plan/layouts/1002-dusit'));
  });

  test('an .xlsb written by SheetJS reads as the original (1002 ดุสิต, CODI N Q2)', async () => {
    for (const src of ['community-plan/layouts/1002-dusit', 'codi-kpi/N-2563-Q2']) {
      const got = await checkFile(written(`${basename(src)}.xlsb`, XLSX.write(book(src), { type: 'buffer', bookType: 'xlsb' })));
      expect(got.format).toBe('xlsb');
      expect(reading(got)).toEqual(await asOriginal(src));
    }
  });

  test('an Excel 5/95 (BIFF5) workbook with its Thai in code page 874: 1045 วังทองหลาง read with every figure', async () => {
    const got = await checkFile(written('1045-excel95.xls', biff5Cp874(book('community-plan/districts/1045'))));
    expect(got.format).toBe('xls');
    expect(reading(got)).toEqual(await asOriginal('community-plan/districts/1045'));
  });

  test('the compiled CLI (the ES module SheetJS build, which ships no code pages) reads the same Excel 95 Thai', async () => {
    const file = written('1045-excel95-bin.xls', biff5Cp874(book('community-plan/districts/1045')));
    const { stdout } = await promisify(execFile)(process.execPath, [resolve(__dirname, '../../cli/bin/returns.js'), 'check', '--json', file]);
    const [result] = JSON.parse(stdout);
    expect(result.sheets.map((s: { sheet: string }) => s.sheet)).toEqual(['แบบรายงาน 1']);
    expect(result.sheets[0].returns[0]).toMatchObject({ form: 'bma-community-plan-return', orgUnit: '1045', orgUnitName: 'วังทองหลาง', fiscalYear: 2563, records: 13, issues: [] });
  }, 60_000);

  test('Apple Numbers and Excel 2.x–4.0 are refused by name, saying what to do; never "damaged"', async () => {
    const numbers = zipOf({ 'Index/Document.iwa': Buffer.from([0, 1, 2]), 'Metadata/Properties.plist': 'x', 'preview.jpg': Buffer.from([0xff, 0xd8]) });
    const excel4 = XLSX.write(book('community-plan/districts/1045'), { type: 'buffer', bookType: 'biff2' });
    for (const [name, bytes, en, th] of [
      ['1045.numbers', numbers, 'The file is an Apple Numbers file, which is not read; open it in Numbers and export it to Excel (.xlsx)', 'ไฟล์นี้เป็น ไฟล์ Apple Numbers ซึ่งอ่านไม่ได้'],
      ['1045.xls', excel4, 'The file is an Excel 2.x–4.0 worksheet (from before 1994), which is not read; open it in Excel or LibreOffice Calc and save it as .xlsx', 'ไฟล์นี้เป็น แผ่นงาน Excel 2.x–4.0'],
    ] as const) {
      const f = await checkFile(written(name, bytes));
      expect(f.issues.map((i) => [i.severity, i.code, i.cell, i.message_en])).toEqual([['error', 'file.unsupported_format', name, en]]);
      expect(f.issues[0].message_th.startsWith(th)).toBe(true);
    }
  });

  test('a valid .xls with a formula SheetJS cannot write as text ("Unsupported ELFs") reads its values; a damaged .xls is one sentence in our words', async () => {
    const xls = readFileSync(resolve(__dirname, '../fixtures/reader/results-1904.xls'));
    const elf = await readWorkbookBytes(withNaturalLanguageFormula(xls), 'elf.xls');
    expect(elf.ok && [0, 1, 2, 3, 5, 6].map((c) => cellAt(elf.grids[0], 0, c)?.value)).toEqual([44071, 5, 0, false, null, 0.6656]);
    // Ten bytes of the workbook stream's first records overwritten: SheetJS throws Node's "The first argument must be of type string…".
    const damaged = Buffer.from(xls).fill(0xff, 520, 530);
    expect(() => XLSX.read(damaged, { type: 'buffer' })).toThrow(/first argument/);
    const cut = await readWorkbookBytes(damaged, 'cut.xls');
    expect(cut).toMatchObject({ ok: false, issue: { code: 'file.damaged_format', cell: 'cut.xls' } });
    if (!cut.ok) {
      expect(cut.issue.message_en).toBe(
        'The file is an Excel 97–2003 or Excel 5/95 workbook (.xls) but its content cannot be read: it may be damaged; open it in Excel or LibreOffice Calc and save it again as .xlsx',
      );
      expect(`${cut.issue.message_th} ${cut.issue.message_en}`).not.toMatch(/argument|undefined|Buffer|ELF/);
    }
  });
});

const missingTools = missingConversionTools();

/** Every sample, converted now by LibreOffice and re-saved by openpyxl. */
describe('every sample converted at test time reads as the original', () => {
  /** The renditions, converted once this run (shared with the batch test; read only). */
  let out: string;
  /** This file's own files: the district files written as web systems write them. */
  const web = mkdtempSync(join(tmpdir(), 'returns-web-'));
  afterAll(() => rmSync(web, { recursive: true, force: true }));
  const originals: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.xlsx')) originals.push(join(dir, e.name));
    }
  };
  walk(SAMPLES);
  originals.sort();

  beforeAll(async () => {
    if (missingTools.length) return;
    out = await sampleRenditions();
  }, 600_000);
  beforeEach(() => {
    if (missingTools.length) throw new Error(missingToolsSentence(missingTools));
  });

  test(`all ${originals.length} samples as .xls, .ods and Calc .xlsx, and openpyxl .xlsx`, async () => {
    let compared = 0;
    for (const original of originals) {
      const rel = relative(SAMPLES, original).replace(/\.xlsx$/, '');
      const want = reading(await checkFile(original));
      for (const file of renditions(join(out, rel, '..'), basename(rel))) {
        expect({ file: relative(out, file), ...reading(await checkFile(file)) }).toEqual({ file: relative(out, file), ...want });
        compared++;
      }
      expectOpenpyxlReading(reading(await checkFile(join(out, `${rel}.openpyxl.xlsx`))), want);
    }
    expect(compared).toBe(originals.length * 3);
  }, 300_000);

  test('the 50 district files as .xls reproduce every Form 2 figure through check and consolidation', async () => {
    const files = readdirSync(join(out, 'community-plan/districts'))
      .filter((f) => f.endsWith('.xls') && !f.endsWith('.html.xls'))
      .map((f) => join(out, 'community-plan/districts', f));
    expect(files).toHaveLength(50);
    const form = builtInForm('bma-community-plan-return');
    const rs = (await Promise.all(files.map((f) => checkFile(f)))).flatMap((f) => f.sheets.flatMap((s) => s.returns));
    const entries = rs.map((r) => ({ orgUnit: r.orgUnit!, fiscalYear: r.fiscalYear!, period: r.period!, subject: r.subject, submittedAt: '', contribution: contributionOf(r, form) }));
    expectCommunityPlanFigures(consolidateReturns(form, UNITS, entries, { fiscalYear: 2563, period: 'FY', by: 'hq' }));
  });

  const districts = async (files: string[]) => {
    expect(files).toHaveLength(50);
    const form = builtInForm('bma-community-plan-return');
    const rs = (await Promise.all(files.map((f) => checkFile(f)))).flatMap((f) => f.sheets.flatMap((s) => s.returns));
    expect(rs.flatMap((r) => r.issues.filter((i) => i.severity === 'error'))).toEqual([]);
    const entries = rs.map((r) => ({ orgUnit: r.orgUnit!, fiscalYear: r.fiscalYear!, period: r.period!, subject: r.subject, submittedAt: '', contribution: contributionOf(r, form) }));
    expectCommunityPlanFigures(consolidateReturns(form, UNITS, entries, { fiscalYear: 2563, period: 'FY', by: 'hq' }));
  };
  const districtOriginals = () =>
    readdirSync(join(SAMPLES, 'community-plan/districts'))
      .filter((f) => f.endsWith('.xlsx'))
      .sort()
      .map((f) => join(SAMPLES, 'community-plan/districts', f));
  /** Each district file written now by `write` from the original's cells, named .xls. */
  const writtenAsWeb = async (suffix: string, write: (grids: Grid[]) => Buffer) =>
    Promise.all(
      districtOriginals().map(async (original) => {
        const r = await readWorkbookFile(original);
        if (!r.ok) throw new Error(r.issue.message_en);
        const file = join(web, `${basename(original, '.xlsx')}${suffix}`);
        writeFileSync(file, write(r.grids));
        return file;
      }),
    );

  test("the 50 district files as HTML .xls (Calc's HTML export, and a web system's TIS-620 table) reproduce every Form 2 figure", async () => {
    const calc = readdirSync(join(out, 'community-plan/districts'))
      .filter((f) => f.endsWith('.html.xls'))
      .map((f) => join(out, 'community-plan/districts', f));
    await districts(calc);
    expect((await checkFile(calc[0])).format).toBe('html');
    await districts(await writtenAsWeb('.web.xls', (grids) => htmlTables(grids)));
  }, 120_000);

  test('the 50 district files as Excel 2003 XML (SpreadsheetML) .xls, as web systems write them, reproduce every Form 2 figure', async () => {
    const files = await writtenAsWeb('.xml.xls', spreadsheetMl);
    expect((await checkFile(files[0])).format).toBe('spreadsheetml');
    await districts(files);
  }, 120_000);

  test('the 50 district files as .xls, uploaded through the API on Azurite, reproduce every Form 2 figure', async () => {
    const api = await startApi();
    try {
      const hq = api.client('dev-hq');
      for (const f of readdirSync(join(out, 'community-plan/districts'))
        .filter((x) => x.endsWith('.xls') && !x.endsWith('.html.xls'))
        .sort()) {
        const res = await hq.submit(await requestFor(join(out, 'community-plan/districts', f)));
        expect(res.receipts).toHaveLength(1);
      }
      expectCommunityPlanFigures(await hq.tallies({ form: 'bma-community-plan-return', fy: 2563, period: 'FY', by: 'hq' }));
    } finally {
      await api.close();
    }
  }, 300_000);
});
