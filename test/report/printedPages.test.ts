import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportSheet } from '@returns-hub/shared/report/reportSheet';
import { pagePoints } from '@returns-hub/shared/report/printModel';
import { writeTallyWorkbook } from '@returns-hub/cli/xlsx/writeTallyWorkbook';
import { UNITS } from '../support/builtIn';
import { comparableText, convertWithLibreOffice, pdfPages, PDFTOTEXT, SOFFICE } from '../../scripts/libreOfficeRender';
import { sampleReportInputs } from '../support/sampleReports';
import { printedWorkbooks, type PrintedWorkbook } from '../support/printedWorkbooks';

const orgUnitByCode = (code: string) => UNITS.byCode(code);

/**
 * Every layout of every form, in every grouping it allows, written as the CLI writes it,
 * printed to PDF by LibreOffice (one soffice run for all workbooks) and read back page by
 * page with `pdftotext -layout`: what HQ gets on paper. pretest installs LibreOffice Calc and
 * poppler-utils; without them this fails, saying what to install.
 */

interface Printed {
  book: PrintedWorkbook;
  /** Per sheet, its pages' text made comparable. */
  pages: Map<ReportSheet, string[]>;
  total: number;
}

const COMPLETENESS = 'ความครบถ้วนของการส่งรายงาน';
const NOT_A_KEY = /^[\s\d.,%/–—-]*$/;

/** The text a body row is found by on paper: its first cell of words (a unit, an indicator, a welfare type), its first characters. */
function rowText(sheet: ReportSheet, row: number): string | null {
  const cell = sheet.cells.filter((c) => c.row === row && typeof c.value === 'string' && !NOT_A_KEY.test(c.value)).sort((a, b) => a.col - b.col)[0];
  return cell ? comparableText(String(cell.value)).slice(0, 12) : null;
}

/** Points of rows top..bottom, as the print model counts them. */
function rowsHeight(sheet: ReportSheet, top: number, bottom: number): number {
  let h = 0;
  for (let r = top; r <= bottom; r++) h += sheet.rowHeights[r] ?? 0;
  return h;
}

const fitsPage = (sheet: ReportSheet, top: number, bottom: number) => rowsHeight(sheet, top, bottom) <= pagePoints(sheet.print.scale / 100);

/** A table's rows as found on paper (total rows aside: `รวม` is found in any title too). */
const tableRows = (sheet: ReportSheet, t: ReportSheet['tables'][number]) =>
  t.keys.flatMap((key, k) => (key.startsWith('total') ? [] : [rowText(sheet, t.body.top + k)])).filter((x): x is string => x !== null);

/** The pages of a sheet holding a text. */
const pagesWith = (pages: string[], text: string) => pages.flatMap((p, i) => (p.includes(text) ? [i] : []));

let dir: string;
let printed: Printed[];

beforeAll(async () => {
  if (!SOFFICE || !PDFTOTEXT) throw new Error('LibreOffice Calc and pdftotext are needed (Debian: libreoffice-calc-nogui poppler-utils; npm test installs them)');
  dir = mkdtempSync(join(tmpdir(), 'printed-pages-'));
  const books = printedWorkbooks(await sampleReportInputs());
  for (const b of books) await writeTallyWorkbook(join(dir, `${b.name}.xlsx`), b.sheets);
  convertWithLibreOffice(
    books.map((b) => join(dir, `${b.name}.xlsx`)),
    'pdf',
    dir,
  );
  printed = books.map((book) => {
    const all = pdfPages(join(dir, `${book.name}.pdf`)).map(comparableText);
    const pages = new Map<ReportSheet, string[]>();
    let at = 0;
    for (const s of book.sheets) {
      pages.set(s, all.slice(at, at + s.print.pages));
      at += s.print.pages;
    }
    return { book, pages, total: all.length };
  });
}, 240_000);
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

const eachSheet = (f: (p: Printed, sheet: ReportSheet, pages: string[]) => void) => {
  for (const p of printed) for (const [sheet, pages] of p.pages) f(p, sheet, pages);
};

describe('report workbooks as LibreOffice prints them (PDF, read page by page)', () => {
  test('every form, layout and grouping is printed, on the pages the print model planned', () => {
    expect(printed.map((p) => p.book.name)).toEqual(
      expect.arrayContaining(['codi-quarterly-kpi-hq', 'codi-quarterly-kpi-region', 'bma-community-plan-return-hq', 'bma-community-plan-return-district', 'welfare-fund-tally-hq']),
    );
    const counts = printed.map((p) => [p.book.name, p.total]);
    expect(counts).toEqual(printed.map((p) => [p.book.name, p.book.sheets.reduce((n, s) => n + s.print.pages, 0)]));
  });

  test('each table that fits a page is on one page, with its heading; a longer one has its heading on each of its pages', () => {
    const split: string[] = [];
    eachSheet((p, sheet, pages) =>
      sheet.tables.forEach((t, i) => {
        const rows = tableRows(sheet, t);
        const heading = comparableText(String(sheet.cells.find((c) => c.row === t.header.top && c.col === t.left)?.value ?? '').split('\n')[0]);
        const title = comparableText(t.title);
        const where = `${p.book.name} ${sheet.name} table ${i + 1}`;
        if (fitsPage(sheet, t.header.top, t.body.bottom)) {
          // One page holds its title, its heading and every row (tables alike in rows, one per KPI, are told apart by their titles).
          const whole = pages.some((page) => page.includes(title) && page.includes(heading) && rows.every((r) => page.includes(r)));
          if (!whole) split.push(`${where}: no page holds it whole (rows on pages ${[...new Set(rows.flatMap((r) => pagesWith(pages, r)))].join(', ')})`);
        } else {
          // Longer than a page: its rows run over consecutive pages each headed by its heading (repeated print titles), and only those.
          const headed = pagesWith(pages, heading);
          const consecutive = headed.every((page, k) => k === 0 || page === headed[k - 1] + 1);
          const covered = rows.every((r) => headed.some((page) => pages[page].includes(r)));
          const eachHasRows = headed.every((page) => rows.some((r) => pages[page].includes(r)));
          if (headed.length < 2 || !consecutive || !covered || !eachHasRows) split.push(`${where}: headed pages ${headed.join(', ')}`);
        }
      }),
    );
    expect(split).toEqual([]);
  });

  test('the completeness block is on one page', () => {
    const split: string[] = [];
    eachSheet((p, sheet, pages) => {
      const first = pagesWith(pages, comparableText(COMPLETENESS));
      const due = pagesWith(pages, comparableText('กำหนดส่ง (due)'));
      const missing = pagesWith(pages, comparableText('ยังไม่ส่ง'));
      if (first.length !== 1 || due[0] !== first[0] || missing[0] !== first[0]) split.push(`${p.book.name} ${sheet.name}: ${first} ${due} ${missing}`);
    });
    expect(split).toEqual([]);
  });

  test('no page holds only a title, a heading or a legend', () => {
    const bare: string[] = [];
    eachSheet((p, sheet, pages) => {
      const markers = [
        ...sheet.tables.flatMap((t) => tableRows(sheet, t)),
        comparableText('ส่งแล้ว / ทั้งหมด'),
        // A chart's bars are named by its categories, the first column of its data block.
        ...sheet.charts.flatMap((c) => sheet.cells.filter((x) => x.col === c.data.left && x.row > c.data.top && x.row <= c.data.bottom).map((x) => comparableText(String(x.value)).slice(0, 12))),
      ].filter((m): m is string => !!m);
      pages.forEach((page, i) => {
        if (!markers.some((m) => page.includes(m))) bare.push(`${p.book.name} ${sheet.name} page ${i + 1}: ${page.slice(0, 80)}`);
      });
    });
    expect(bare).toEqual([]);
  });

  test('page counts: Form 2 HQ workbook ≤ 3, welfare HQ ≤ 2, Form 2 by district ≤ 6', () => {
    const total = (name: string) => printed.find((p) => p.book.name === name)!.total;
    const counts = { form2Hq: total('bma-community-plan-return-hq'), welfareHq: total('welfare-fund-tally-hq'), form2District: total('bma-community-plan-return-district') };
    console.log(`printed pages: ${printed.map((p) => `${p.book.name} ${p.total}`).join(', ')}`);
    expect(counts.form2Hq).toBeLessThanOrEqual(3);
    expect(counts.welfareHq).toBeLessThanOrEqual(2);
    expect(counts.form2District).toBeLessThanOrEqual(6);
  });

  test('CODI’s per-region tables are titled by their region, on the page of their rows; no region sheet says national', () => {
    const book = printed.find((p) => p.book.name === 'codi-quarterly-kpi-region')!;
    const sheet = book.book.sheets.find((s) => s.name.startsWith('ตัวชี้วัด '))!; // the KPI table, by region
    const pages = book.pages.get(sheet)!;
    expect(sheet.tables.map((t) => t.title)).toEqual(['N', 'NE', 'S', 'CW', 'BE'].map((c) => orgUnitByCode(c)!.name_th));
    for (const t of sheet.tables) {
      const titled = pagesWith(pages, comparableText(t.title));
      const firstRow = rowText(sheet, t.body.top)!;
      expect({ region: t.title, pages: titled.length }).toEqual({ region: t.title, pages: 1 });
      expect(pages[titled[0]]).toContain(firstRow);
      expect(pages[titled[0]].indexOf(comparableText(t.title))).toBeLessThan(pages[titled[0]].indexOf(firstRow));
    }
    for (const s of book.book.sheets) for (const page of book.pages.get(s)!) expect(page).not.toContain(comparableText('ระดับประเทศ'));
    expect(pages[0]).toContain(comparableText('ผลการดำเนินงานตามตัวชี้วัด รายภาค'));
  });
});
