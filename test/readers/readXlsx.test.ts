import { constants, deflateRawSync } from 'node:zlib';
import { readXlsx } from '@returns-hub/readers/readXlsx';
import { READ_BOUNDS } from '@returns-hub/readers/readLimits';
import { cellAt, type Grid } from '@returns-hub/shared/sheet/grid';
import { openZip } from '@returns-hub/readers/zipArchive';
import { fflateInflater } from '@returns-hub/readers/fflateInflater';
import type { Inflater } from '@returns-hub/readers/inflater';
import { zlibInflater } from '@returns-hub/cli/xlsx/zlibInflater';
import { browserInflater } from '@returns-hub/addin/send/files/browserInflater';
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

describe('readXlsx: 1904-system details (issue 21)', () => {
  const styles = {
    cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="14"/>', '<xf numFmtId="46"/>', '<xf numFmtId="20"/>', '<xf numFmtId="164"/>'],
    numFmts: '<numFmt numFmtId="164" formatCode="[hh]:mm"/>',
  };

  test('durations ([h]:mm:ss, [hh]:mm) and times of day (h:mm) are amounts of days, not moved by 1,462; dates are', async () => {
    const g = await one('<row r="1"><c r="A1" s="1"><v>42609</v></c><c r="B1" s="2"><v>1.5</v></c><c r="C1" s="3"><v>0.5</v></c><c r="D1" s="4"><v>2.25</v></c><c r="E1"><v>42609</v></c></row>', {
      ...styles,
      workbookPr: '<workbookPr date1904="1"/>',
    });
    expect(g.rows[0].map((c) => c?.value)).toEqual([44071, 1.5, 0.5, 2.25, 42609]);
  });

  test('the grid keeps the date system: date1904 on a 1904 workbook’s grids, absent on a 1900 one’s', async () => {
    expect((await one('<row r="1"><c r="A1"><v>1</v></c></row>', { workbookPr: '<workbookPr date1904="true"/>' })).date1904).toBe(true);
    expect((await one('<row r="1"><c r="A1"><v>1</v></c></row>', { workbookPr: '<workbookPr date1904="false"/>' })).date1904).toBeUndefined();
  });

  test('a t="d" time of day alone is a time (a fraction of a day), not text', async () => {
    const g = await one('<row r="1"><c r="A1" t="d"><v>14:30:00</v></c><c r="B1" t="d"><v>T08:00</v></c><c r="C1" t="d"><v>2020-08-28T12:00:00</v></c><c r="D1" t="d"><v>25:00:00</v></c></row>');
    expect(cellAt(g, 0, 0)).toEqual({ value: 14.5 / 24, numFmt: 'hh:mm:ss' });
    expect(cellAt(g, 0, 1)).toEqual({ value: 8 / 24, numFmt: 'hh:mm:ss' });
    expect(cellAt(g, 0, 2)).toEqual({ value: 44071.5, numFmt: 'yyyy-mm-dd' });
    expect(cellAt(g, 0, 3)?.value).toBe('25:00:00');
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

describe('readXlsx: the XML as an XML parser reads it (hand-written parts)', () => {
  test('CDATA is text, without its markup, in shared strings, inline strings and values', async () => {
    const g = await one(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t><![CDATA[แบบรายงาน <2>]]></t></is></c><c r="C1"><v><![CDATA[12]]></v></c><c r="D1" t="str"><f>A1</f><v><![CDATA[a&b]]></v></c></row>',
      { sharedStrings: ['<t><![CDATA[รายงานผลการดำเนินงาน & แผน]]></t>'] },
    );
    expect([0, 1, 2, 3].map((c) => cellAt(g, 0, c)?.value)).toEqual(['รายงานผลการดำเนินงาน & แผน', 'แบบรายงาน <2>', 12, 'a&b']);
  });

  test('a shared-string cell with an empty <v/> or <v></v> is blank, not string 0', async () => {
    const g = await one('<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s" s="1"><v/></c><c r="C1" t="s"><v></v></c></row>', {
      sharedStrings: ['ชื่อชีต', 'วันที่รายงาน'],
      cellXfs: ['<xf numFmtId="0"/>', '<xf numFmtId="14"/>'],
    });
    expect(g.rows[0].map((c) => c?.value)).toEqual(['วันที่รายงาน', undefined, undefined]);
  });

  test('a comment inside sheetData (even one holding a row) is no cell; a processing instruction neither', async () => {
    const g = await one('<!-- <row r="1"><c r="A1"><v>5</v></c></row> --><row r="2"><?mso-x keep?><c r="A2"><!-- <v>9</v> --><v>7</v></c></row>');
    expect(g.rows.map((r) => r.map((c) => c?.value))).toEqual([[], [7]]);
  });

  test('CR LF and a lone CR in text are LF (XML 1.0 §2.11); &#13; and _x000D_ are the CR they stand for', async () => {
    const g = await one(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>ก\rข</t></is></c><c r="C1" t="inlineStr"><is><t>ก&#13;&#10;ข</t></is></c><c r="D1" t="s"><v>1</v></c></row>',
      {
        sharedStrings: ['บรรทัดหนึ่ง\r\nบรรทัดสอง', 'x_x000D_y'],
      },
    );
    expect([0, 1, 2, 3].map((c) => cellAt(g, 0, c)?.value)).toEqual(['บรรทัดหนึ่ง\nบรรทัดสอง', 'ก\nข', 'ก\r\nข', 'x\ry']);
  });

  test('an attribute value with ">" or the other quote inside, and spaces around "=", reads whole', async () => {
    const g = await one(`<row r = '1' x14ac:dyDescent="0.25"><c r="A1" t='str' s="0"><f>IF(B1>0,"a'b","")</f><v>a'b</v></c></row>`);
    expect(cellAt(g, 0, 0)).toEqual({ value: "a'b", formula: true });
  });

  test('XML that is not well-formed is one unreadable finding naming the part, not the parser', async () => {
    const r = await readXlsx(xlsxOf({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</c></row>' }] }), 'f.xlsx');
    expect(r).toMatchObject({ ok: false, issue: { code: 'file.unreadable', cell: 'f.xlsx' } });
    if (!r.ok) expect(r.issue.message_en).toContain('xl/worksheets/sheet1.xml is not well-formed XML');
  });
});

describe('readXlsx: unpacked bytes and time are bounded', () => {
  /** A sheet whose XML holds `spaces` bytes of blanks between two rows, deflated a MiB at a time without ever holding them. */
  function spacesBomb(spaces: number): Buffer {
    const flush = (s: string | Buffer) => deflateRawSync(s, { finishFlush: constants.Z_FULL_FLUSH });
    const head = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>';
    const tail = '<row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>';
    const mib = flush(Buffer.alloc(1 << 20, ' '));
    const packed = Buffer.concat([flush(head), ...Array.from({ length: Math.floor(spaces / 2 ** 20) }, () => mib), deflateRawSync(tail)]);
    return xlsxOf({ sheets: [{ name: 'S', rows: '' }], extra: { 'xl/worksheets/sheet1.xml': { packed, size: head.length + spaces + tail.length } } });
  }

  // The same bound whatever unpacks: Node's zlib (the CLI), fflate (the default), the clerk's page's (the browser's own stream).
  // The CLI's at the size the issue names; the other two at an eighth of it (the bound is a ratio: each still unpacks 200
  // times its file before the refusal, and unpacking 400 MB twice more took 17 s of the suite's CPU).
  test.each([
    ['a 2 MB file of zipped spaces unpacking to 2 GB is refused at 200 times its size (400 MB), saying so: zlib (the CLI)', zlibInflater, 2048, 20_000],
    ['a 256 KB file of zipped spaces unpacking to 256 MB is refused at 200 times its size (50 MB), saying so: fflate', fflateInflater, 256, 60_000],
    ['a 256 KB file of zipped spaces unpacking to 256 MB is refused at 200 times its size (50 MB), saying so: the web page’s', browserInflater(), 256, 60_000],
  ] as [string, Inflater, number, number][])(
    '%s',
    async (_title, inflater, spacesMiB, ms) => {
      const file = spacesBomb(spacesMiB * 2 ** 20);
      expect(file.length).toBeLessThan(spacesMiB * 1.5 * 2 ** 10); // a kilobyte a megabyte of spaces
      const t = Date.now();
      const r = await readXlsx(file, 'bomb.xlsx', READ_BOUNDS, { inflater });
      expect(Date.now() - t).toBeLessThan(ms); // zlib: about 3 s here, what it takes to unpack and tokenize 400 MB; fflate about 3× that
      expect(r).toMatchObject({ ok: false, issue: { code: 'file.expands_too_much', cell: 'bomb.xlsx' } });
      const refusedAtMB = Math.floor((200 * file.length) / 2 ** 20);
      if (!r.ok) expect(r.issue.message_en).toMatch(/^The file unpacks to more than (\d+) MB \(200 times its size\), which is no sheet data/);
      if (!r.ok) expect(Number(/more than (\d+) MB/.exec(r.issue.message_en)![1]) - refusedAtMB).toBeLessThanOrEqual(1); // at the bound, not later
    },
    120_000,
  );

  test('every part together is bounded too, and a read past its time is stopped, saying so', async () => {
    const file = spacesBomb(8 * 2 ** 20);
    expect(await readXlsx(file, 'b.xlsx')).toMatchObject({ ok: true });
    expect(await readXlsx(file, 'b.xlsx', { ...READ_BOUNDS, maxInflatedBytes: 4 << 20 })).toMatchObject({ ok: false, issue: { code: 'file.expands_too_much' } });
    const late = await readXlsx(file, 'b.xlsx', { ...READ_BOUNDS, maxReadMs: -1 });
    expect(late).toMatchObject({ ok: false, issue: { code: 'file.read_too_long', cell: 'b.xlsx' } });
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
    // Numbers that differ, as cells do: a row of one repeated cell packs like a zip bomb and is refused as one.
    const cellsOfRow = Array.from({ length: 16_384 }, (_, c) => `<c><v>${c}</v></c>`).join('');
    const row = (r: number) => `<row r="${r}">${cellsOfRow}</row>`;
    const rows = Array.from({ length: 184 }, (_, i) => row(i + 1)).join('');
    const r = await readXlsx(xlsxOf({ sheets: [{ name: 'S', rows }] }), 'f.xlsx');
    expect(r).toMatchObject({ ok: false, issue: { code: 'sheet.too_large', cell: 'S' } });
  }, 120_000); // 3 million cells parsed before the cap: over 30 s on 2 cores shared by other test runs (load 16)

  test('damaged and non-workbook zips are one unreadable finding', async () => {
    expect(await readXlsx(zipOf({ 'a.txt': 'x' }), 'f.xlsx')).toMatchObject({ ok: false, issue: { code: 'file.unreadable' } });
    expect(await readXlsx(xlsxOf({ sheets: [{ name: 'S', rows: '' }] }).subarray(0, 200), 'f.xlsx')).toMatchObject({ ok: false, issue: { code: 'file.unreadable' } });
  });
});

/** The same zip with some files replaced. */
function rezip(file: Buffer, replace: Record<string, string>): Buffer {
  const zip = openZip(file, fflateInflater);
  const files: Record<string, string> = {};
  for (const e of zip.entries.values()) files[e.name] = zip.text(e, 1 << 20);
  return zipOf({ ...files, ...replace });
}
