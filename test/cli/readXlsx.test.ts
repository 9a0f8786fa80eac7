import { readXlsx } from '@returns-hub/cli/xlsx/readXlsx';
import { cellAt, type Grid } from '@returns-hub/shared/sheet/grid';
import { openZip } from '@returns-hub/cli/xlsx/zipArchive';
import { xlsxOf, zipOf, type FixtureSheet } from '../support/xlsxFixture';

async function grids(file: Buffer): Promise<Grid[]> {
  const r = await readXlsx(file, 'f.xlsx');
  if (!r.ok) throw new Error(`unread: ${r.issue.code} ${r.issue.message_en}`);
  return r.grids;
}
type Options = Omit<Parameters<typeof xlsxOf>[0], 'sheets'> & Pick<FixtureSheet, 'before' | 'after'>;
/** The one sheet of a workbook with these rows. */
const one = async (rows: string, { before, after, ...o }: Options = {}) => (await grids(xlsxOf({ sheets: [{ name: 'S', rows, before, after }], ...o })))[0];

describe('readXlsx: cached formula results of every type', () => {
  test('a formula whose result is 0 is 0, not blank (Excel and Calc both write <v>0</v>)', async () => {
    const g = await one('<row r="1"><c r="A1"><v>5</v></c><c r="B1" t="n"><f aca="false">A1-A1</f><v>0</v></c></row>');
    expect(cellAt(g, 0, 1)).toEqual({ value: 0, formula: true });
  });

  test('FALSE as Calc writes it (<f>FALSE()</f><v>0</v>, t="b") is false; TRUE is true', async () => {
    const g = await one('<row r="1"><c r="A1" t="b"><f>FALSE()</f><v>0</v></c><c r="B1" t="b"><f>1&gt;0</f><v>1</v></c><c r="C1" t="b"><v>0</v></c></row>');
    expect(cellAt(g, 0, 0)).toEqual({ value: false, formula: true });
    expect(cellAt(g, 0, 1)).toEqual({ value: true, formula: true });
    expect(cellAt(g, 0, 2)).toEqual({ value: false });
  });

  test('a text result "" (t="str", empty <v>) is a computed empty string, not an uncomputed formula', async () => {
    const g = await one('<row r="1"><c r="A1" t="str"><f>""</f><v></v></c></row>');
    expect(cellAt(g, 0, 0)).toEqual({ value: '', formula: true });
  });

  test('an error result keeps its error text', async () => {
    const g = await one('<row r="1"><c r="A1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>');
    expect(cellAt(g, 0, 0)).toEqual({ value: null, error: '#DIV/0!', formula: true });
  });

  test('a formula with no cached value (openpyxl: <v></v>, or no <v>) is uncomputed, never blank', async () => {
    const g = await one('<row r="1"><c r="A1"><f>C8-C9</f><v></v></c><c r="B1" s="0"><f>SUM(A1)</f></c><c r="C1" t="b"><f>A1&gt;0</f></c></row>');
    for (const c of [0, 1, 2]) expect(cellAt(g, 0, c)).toEqual({ value: null, formula: true, uncomputed: true });
  });

  test('shared formulas (a reference without text) are formulas too', async () => {
    const g = await one('<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1*2</f><v>4</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>6</v></c></row>');
    expect(cellAt(g, 1, 0)).toEqual({ value: 6, formula: true });
  });
});

describe('readXlsx: dates and number formats', () => {
  const dateStyle = {
    cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="14"/>', '<xf numFmtId="164"/>', '<xf numFmtId="10"/>'],
    numFmts: '<numFmt numFmtId="164" formatCode="[$-th-TH]d\\ mmmm\\ bbbb"/>',
  };

  test.each(['1', 'true'])('a 1904-system workbook (date1904="%s") gives 1900-system serials for date cells only', async (flag) => {
    // 28 Aug 2020 is 44071 in the 1900 system and 42609 in the 1904 system.
    const g = await one('<row r="1"><c r="A1" s="1"><v>42609</v></c><c r="B1" s="2"><v>42609</v></c><c r="C1"><v>42609</v></c></row>', {
      ...dateStyle,
      workbookPr: `<workbookPr date1904="${flag}"/>`,
    });
    expect(cellAt(g, 0, 0)?.value).toBe(44071);
    expect(cellAt(g, 0, 1)?.value).toBe(44071);
    expect(cellAt(g, 0, 2)?.value).toBe(42609);
  });

  test('date1904="false" (Calc writes it) changes nothing', async () => {
    const g = await one('<row r="1"><c r="A1" s="1"><v>44071</v></c></row>', { ...dateStyle, workbookPr: '<workbookPr date1904="false"/>' });
    expect(cellAt(g, 0, 0)).toEqual({ value: 44071, numFmt: 'm/d/yyyy' });
  });

  test('number formats come through (built-in and custom); General is no format', async () => {
    const g = await one('<row r="1"><c r="A1" s="3"><v>0.6656</v></c><c r="B1" s="2"><v>44071</v></c><c r="C1" s="0"><v>7</v></c></row>', dateStyle);
    expect(cellAt(g, 0, 0)).toEqual({ value: 0.6656, numFmt: '0.00%' });
    expect(cellAt(g, 0, 1)?.numFmt).toBe('[$-th-TH]d\\ mmmm\\ bbbb');
    expect(cellAt(g, 0, 2)).toEqual({ value: 7 });
  });

  test('an ISO date cell (t="d") becomes a serial', async () => {
    const g = await one('<row r="1"><c r="A1" t="d"><v>2020-08-28T00:00:00</v></c></row>');
    expect(cellAt(g, 0, 0)?.value).toBe(44071);
  });
});

describe('readXlsx: strings', () => {
  test('shared, inline and rich strings; phonetic runs left out; entities and _xHHHH_ escapes decoded', async () => {
    const g = await one(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>&#3652;&#3615;</t></is></c><c r="D1" t="inlineStr"><is><r><t>ก</t></r><r><rPr><b/></rPr><t xml:space="preserve"> ข</t></r></is></c><c r="E1" t="s"><v>2</v></c></row>',
      { sharedStrings: ['งบ &amp; แผน', '<r><t>ร้อย</t></r><r><t>ละ</t></r><rPh sb="0" eb="1"><t>ろ</t></rPh>', '_x001B_[2J_x005F_x000D_'] },
    );
    expect([0, 1, 2, 3, 4].map((c) => cellAt(g, 0, c)?.value)).toEqual(['งบ & แผน', 'ร้อยละ', 'ไฟ', 'ก ข', '\u001b[2J_x000D_']);
  });

  test('blank strings and styled empty cells are no cells', async () => {
    const g = await one('<row r="1"><c r="A1" s="0"/><c r="B1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>  </t></is></c><c r="D1"><v>1</v></c></row>', { sharedStrings: [' '] });
    expect(g.rows[0].filter(Boolean)).toEqual([{ value: 1 }]);
  });
});

describe('readXlsx: layout', () => {
  test('merged ranges; rows and cells without r attributes follow the previous one', async () => {
    const g = await one('<row r="2"><c r="B2"><v>1</v></c></row><row><c><v>2</v></c><c><v>3</v></c></row>', { after: '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>' });
    expect(cellAt(g, 1, 1)?.value).toBe(1);
    expect([cellAt(g, 2, 0)?.value, cellAt(g, 2, 1)?.value]).toEqual([2, 3]);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(g.rows[0]).toEqual([]);
  });

  test('a namespace prefix on every element (x:row, x:c) reads the same', async () => {
    const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const file = xlsxOf({ sheets: [{ name: 'S', rows: '' }] });
    const sheet = `<x:worksheet ${NS}><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>ok</x:t></x:is></x:c><x:c r="B1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const g = (await grids(rezip(file, { 'xl/worksheets/sheet1.xml': sheet })))[0];
    expect([cellAt(g, 0, 0), cellAt(g, 0, 1)]).toEqual([{ value: 'ok' }, { value: 2, formula: true }]);
  });

  test('sheets in tab order with their names', async () => {
    const gs = await grids(
      xlsxOf({
        sheets: [
          { name: 'หมายเหตุ', rows: '' },
          { name: 'แบบรายงาน', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        ],
      }),
    );
    expect(gs.map((g) => g.sheet)).toEqual(['หมายเหตุ', 'แบบรายงาน']);
  });
});

describe('readXlsx: hostile sheets are refused while reading', () => {
  test('a cell at row 100,000,000 (7 KB file): refused, with the row named', async () => {
    const r = await readXlsx(xlsxOf({ sheets: [{ name: 'S', rows: '<row r="100000000"><c r="A100000000"><v>1</v></c></row>' }] }), 'f.xlsx');
    expect(r).toMatchObject({ ok: false, issue: { code: 'sheet.beyond_limits', cell: 'S' } });
  });

  test('a declared dimension past column XFD is refused before any row is read', async () => {
    const r = await readXlsx(xlsxOf({ sheets: [{ name: 'S', before: '<dimension ref="A1:XFE2"/>', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }), 'f.xlsx');
    expect(r).toMatchObject({ ok: false, issue: { code: 'sheet.beyond_limits' } });
  });

  test('a cell past column XFD is refused; XFD itself is read', async () => {
    expect(await readXlsx(xlsxOf({ sheets: [{ name: 'S', rows: '<row r="1"><c r="XFE1"><v>1</v></c></row>' }] }), 'f.xlsx')).toMatchObject({ ok: false, issue: { code: 'sheet.beyond_limits' } });
    const g = await one('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>');
    expect(cellAt(g, 1_048_575, 16_383)?.value).toBe(1);
  });

  test('more than 3,000,000 cells: refused at the cap', async () => {
    const row = (r: number) => `<row r="${r}">${'<c><v>1</v></c>'.repeat(16_384)}</row>`;
    const rows = Array.from({ length: 184 }, (_, i) => row(i + 1)).join('');
    const r = await readXlsx(xlsxOf({ sheets: [{ name: 'S', rows }] }), 'f.xlsx');
    expect(r).toMatchObject({ ok: false, issue: { code: 'sheet.too_large', cell: 'S' } });
  }, 30_000);

  test('damaged and non-workbook zips are one unreadable finding', async () => {
    expect(await readXlsx(zipOf({ 'a.txt': 'x' }), 'f.xlsx')).toMatchObject({ ok: false, issue: { code: 'file.unreadable' } });
    expect(await readXlsx(xlsxOf({ sheets: [{ name: 'S', rows: '' }] }).subarray(0, 200), 'f.xlsx')).toMatchObject({ ok: false, issue: { code: 'file.unreadable' } });
  });
});

/** The same zip with some files replaced. */
function rezip(file: Buffer, replace: Record<string, string>): Buffer {
  const zip = openZip(file);
  const files: Record<string, string> = {};
  for (const e of zip.entries.values()) files[e.name] = zip.text(e, 1 << 20);
  return zipOf({ ...files, ...replace });
}
