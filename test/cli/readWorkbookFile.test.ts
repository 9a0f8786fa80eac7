import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readWorkbookFile } from '@returns-hub/cli/xlsx/readWorkbookFile';
import { readWorkbookBytes } from '@returns-hub/readers/readWorkbookBytes';
import { cellAt, type Grid } from '@returns-hub/shared/sheet/grid';
import { zipOf } from '../support/xlsxFixture';

const fixture = (name: string) => resolve(__dirname, '../fixtures/reader', name);
const dir = mkdtempSync(join(tmpdir(), 'returns-read-'));

async function gridsOf(path: string): Promise<{ format: string; grids: Grid[] }> {
  const r = await readWorkbookFile(path);
  if (!r.ok) throw new Error(`${r.issue.code}: ${r.issue.message_en}`);
  return r;
}

describe('each format reads the same cells (results-1904: made by hand as .xlsx, saved by Calc 7.4 as .xls and .ods)', () => {
  // A1 a date in a 1904-system workbook, C1 =B1-B1 (0), D1 =B1<0 (FALSE), E1 ="" , F1 =1/0, G1 66.56 %, A2:C2 merged.
  test.each([
    ['results-1904.xlsx', 'xlsx'],
    ['results-1904.xls', 'xls'],
    ['results-1904.ods', 'ods'],
  ])('%s', async (file, format) => {
    const r = await gridsOf(fixture(file));
    expect(r.format).toBe(format);
    const g = r.grids[0];
    expect(g.sheet).toBe('S');
    expect(cellAt(g, 0, 0)?.value).toBe(44071); // 28 Aug 2020 in the 1900 system
    expect(cellAt(g, 0, 1)?.value).toBe(5);
    expect(cellAt(g, 0, 2)).toMatchObject({ value: 0, formula: true });
    expect(cellAt(g, 0, 3)).toMatchObject({ value: false, formula: true });
    expect(cellAt(g, 0, 4)).toMatchObject({ value: '', formula: true });
    expect(cellAt(g, 0, 4)?.uncomputed).toBeUndefined();
    expect(cellAt(g, 0, 5)).toMatchObject({ value: null, error: '#DIV/0!' });
    expect(cellAt(g, 0, 6)?.value).toBe(0.6656);
    expect(cellAt(g, 0, 6)?.numFmt).toContain('%');
    expect(cellAt(g, 1, 0)?.value).toBe('รวม');
    expect(g.merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 2 }]);
    expect(g.date1904).toBe(true);
  });
});

describe('CSV', () => {
  const rows = 'หน่วยงาน,จำนวน\r\n"เขตดุสิต, กรุงเทพฯ","1,200"\r\n"ข้อความ ""อ้าง""\nสองบรรทัด",- บาท\r\n';
  const expectRows = (g: Grid) => {
    expect(g.rows.map((r) => r.map((c) => c?.value))).toEqual([
      ['หน่วยงาน', 'จำนวน'],
      ['เขตดุสิต, กรุงเทพฯ', '1,200'],
      ['ข้อความ "อ้าง"\nสองบรรทัด', '- บาท'],
    ]);
  };
  test.each([
    ['UTF-8', Buffer.from(rows, 'utf8')],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rows, 'utf8')])],
    ['TIS-620 / Windows-874', tis620(rows)],
  ])('%s: quoted separators, quotes and line breaks; text kept as typed', async (_name, bytes) => {
    const r = await readWorkbookBytes(bytes, 'dusit.csv');
    if (!r.ok) throw new Error(r.issue.code);
    expect(r.format).toBe('csv');
    expect(r.grids[0].sheet).toBe('dusit');
    expectRows(r.grids[0]);
  });
});

describe('files that cannot be read say why', () => {
  test('an encrypted workbook (a compound file holding EncryptedPackage) is password-protected', async () => {
    const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), Buffer.from('EncryptionInfo\0EncryptedPackage', 'utf16le')]);
    expect(await readWorkbookBytes(cfb, 'secret.xlsx')).toMatchObject({ ok: false, issue: { code: 'file.password_protected', cell: 'secret.xlsx' } });
  });

  test('an encrypted ODS (encryption data in its manifest) is password-protected', async () => {
    const ods = zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'META-INF/manifest.xml': '<manifest:file-entry><manifest:encryption-data/></manifest:file-entry>' });
    expect(await readWorkbookBytes(ods, 'secret.ods')).toMatchObject({ ok: false, issue: { code: 'file.password_protected' } });
  });

  test.each([
    ['a PDF', Buffer.from('%PDF-1.7\n...'), 'report.pdf'],
    ['text named .xlsx', Buffer.from('hello'), 'notes.xlsx'],
    ['a Word document', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), Buffer.from('WordDocument', 'utf16le')]), 'letter.doc'],
  ])('%s: unknown format, naming the formats that are read', async (_name, bytes, name) => {
    const r = await readWorkbookBytes(bytes, name);
    expect(r).toMatchObject({ ok: false, issue: { code: 'file.unknown_format' } });
    if (!r.ok) expect(r.issue.message_en).toContain('.xlsx, .xlsm, .xlsb, .xls, .ods, .csv, .xml, .html');
  });

  test('text named .xls is about the content, not a contradiction ("Unknown format (.xls); the formats read are … .xls")', async () => {
    const r = await readWorkbookBytes(Buffer.from('รายงาน\tผล\n'), 'report.xls');
    expect(r).toMatchObject({ ok: false, issue: { code: 'file.unknown_format', cell: 'report.xls' } });
    if (!r.ok) {
      expect(r.issue.message_en).toMatch(/^The file's content is no workbook in a format that is read, whatever its name \(\.xls\) says/);
      expect(r.issue.message_th).toMatch(/^เนื้อไฟล์นี้ไม่ใช่สมุดงานในรูปแบบที่อ่านได้ \(แม้ชื่อไฟล์จะลงท้ายด้วย \.xls\)/);
    }
  });

  test('a workbook named .xls that is really .xlsx is read as what it is', async () => {
    const path = join(dir, 'renamed.xls');
    writeFileSync(path, readFileSync(fixture('results-1904.xlsx')));
    expect((await gridsOf(path)).format).toBe('xlsx');
  });
});

/** Thai text in TIS-620 (Windows-874): U+0E01–U+0E5B map to 0xA1–0xFB. */
function tis620(s: string): Buffer {
  return Buffer.from([...s].map((ch) => (ch.charCodeAt(0) >= 0x0e01 && ch.charCodeAt(0) <= 0x0e5b ? ch.charCodeAt(0) - 0x0e00 + 0xa0 : ch.charCodeAt(0))));
}
