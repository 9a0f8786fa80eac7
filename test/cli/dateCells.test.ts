import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFile } from '@returns-hub/cli/checkFiles';
import { openZip } from '@returns-hub/readers/zipArchive';
import { zlibInflater } from '@returns-hub/cli/xlsx/zlibInflater';
import { dateToSerial } from '@returns-hub/shared/sheet/grid';
import { sample } from '../support/samples';
import { zipOf } from '../support/xlsxFixture';

/**
 * Dates as offices type and store them, on the 1045 วังทองหลาง return (Form 2) with its report
 * date B5 rewritten in the XML: a Buddhist-era year typed into a date cell, and a plain number
 * in a 1904-system workbook.
 */
const dir = mkdtempSync(join(tmpdir(), 'returns-dates-'));

/** 1045.xlsx with string replacements in its sheet, styles and workbook parts. */
function patched1045(name: string, edits: { sheet?: [string, string][]; styles?: [string, string][]; workbook?: [string, string][] }): string {
  const zip = openZip(readFileSync(sample('community-plan/districts/1045.xlsx')), zlibInflater);
  const files: Record<string, string> = {};
  const apply = (text: string, pairs: [string, string][] = []) =>
    pairs.reduce((t, [from, to]) => {
      if (!t.includes(from)) throw new Error(`fixture: ${from} not found`);
      return t.replace(from, to);
    }, text);
  for (const e of zip.entries.values()) {
    const text = zip.text(e, 1 << 22);
    files[e.name] =
      e.name === 'xl/worksheets/sheet1.xml' ? apply(text, edits.sheet) : e.name === 'xl/styles.xml' ? apply(text, edits.styles) : e.name === 'xl/workbook.xml' ? apply(text, edits.workbook) : text;
  }
  const path = join(dir, name);
  writeFileSync(path, zipOf(files));
  return path;
}
const B5_TEXT = '<c r="B5" s="2" t="s"><v>5</v></c>';
/** A fifth cell style: built-in format 14 (a short date). */
const DATE_STYLE: [string, string][] = [
  ['<cellXfs count="4">', '<cellXfs count="5">'],
  ['</cellXfs>', '<xf numFmtId="14" fontId="2" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'],
];
const serial = (y: number, m: number, d: number) => dateToSerial(new Date(Date.UTC(y, m - 1, d)));

async function reportDate(file: string) {
  const f = await checkFile(file);
  const [r] = f.sheets.flatMap((s) => s.returns);
  return { value: r.fields.report_date, issues: r.issues.map((i) => [i.severity, i.code, i.cell, i.message_th, i.message_en]) };
}

describe('a Buddhist-era year typed into a date cell (24/8/2563 in Thai-locale Calc or Excel becomes a date in 2563 CE)', () => {
  test('read as BE − 543 (2020-08-27), with a warning at the cell saying so in Thai and English', async () => {
    const file = patched1045('be-date.xlsx', { sheet: [[B5_TEXT, `<c r="B5" s="4"><v>${serial(2563, 8, 27)}</v></c>`]], styles: DATE_STYLE });
    expect(await reportDate(file)).toEqual({
      value: '2020-08-27',
      issues: [
        [
          'warning',
          'date.be_year_in_date_cell',
          "'แบบรายงาน 1'!B5",
          'เซลล์วันที่นี้มีปี 2563 ซึ่งโปรแกรมตารางคำนวณถือเป็นปี ค.ศ. แต่น่าจะเป็นปี พ.ศ. ที่พิมพ์ลงในเซลล์วันที่ จึงอ่านเป็นวันที่ 2020-08-27 (พ.ศ. 2563) กรุณาตรวจสอบ',
          'This date cell holds the year 2563, which the spreadsheet took as CE; it is almost surely a Buddhist-era year typed into a date cell, so it was read as 2020-08-27 (BE 2563); please check it',
        ],
      ],
    });
  });

  test('the same number in a cell not formatted as a date is no date (an error, not a guess)', async () => {
    const file = patched1045('be-number.xlsx', { sheet: [[B5_TEXT, `<c r="B5" s="2"><v>${serial(2563, 8, 27)}</v></c>`]] });
    const got = await reportDate(file);
    expect(got.value).toBeNull();
    expect(got.issues.map((i) => i.slice(0, 3))).toEqual([['error', 'value.not_date', "'แบบรายงาน 1'!B5"]]);
  });

  test('a CE date cell (2020) is read as it is, with no warning', async () => {
    const file = patched1045('ce-date.xlsx', { sheet: [[B5_TEXT, `<c r="B5" s="4"><v>${serial(2020, 8, 27)}</v></c>`]], styles: DATE_STYLE });
    expect(await reportDate(file)).toEqual({ value: '2020-08-27', issues: [] });
  });
});

describe('a 1904-system workbook (Excel for Mac) keeps its date system in the grid', () => {
  const in1904 = (name: string, b5: string, styles?: [string, string][]) => patched1045(name, { sheet: [[B5_TEXT, b5]], styles, workbook: [['<workbookPr ', '<workbookPr date1904="1" ']] });

  test('a plain (General) number in a date field counts from 1904: 42608 is 2020-08-27, not 2016-08-26', async () => {
    expect(await reportDate(in1904('general-1904.xlsx', '<c r="B5" s="2"><v>42608</v></c>'))).toEqual({ value: '2020-08-27', issues: [] });
  });

  test('a date-formatted cell is moved once, not twice', async () => {
    expect(await reportDate(in1904('date-1904.xlsx', '<c r="B5" s="4"><v>42608</v></c>', DATE_STYLE))).toEqual({ value: '2020-08-27', issues: [] });
  });
});
