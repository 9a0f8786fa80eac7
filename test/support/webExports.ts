import { cellText, mergeCovering, serialToDate, type Cell, type Grid } from '@returns-hub/shared/sheet/grid';
import { isDateFormat } from '@returns-hub/readers/numberFormats';

/**
 * Grids written the way Thai government web systems "export to Excel": an HTML table or an
 * Excel 2003 XML workbook (SpreadsheetML), saved with an .xls name. No spreadsheet program
 * writes these; a PHP or .NET page does, from the values it holds: text as shown, numbers with
 * thousands separators in HTML, dates as Thai d/m/BE text in HTML and as DateTime in XML.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]);

/** Windows-874 bytes, what Thai Windows and TIS-620 web pages are in; a character it lacks becomes a numeric reference. */
const CP874_EXTRAS: Record<number, number> = { 0x20ac: 0x80, 0x2026: 0x85, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0xa0: 0xa0 };
export function windows874Markup(s: string): Buffer {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c >= 0x0e01 && c <= 0x0e5b) out.push(c - 0x0e00 + 0xa0);
    else if (CP874_EXTRAS[c] !== undefined) out.push(CP874_EXTRAS[c]);
    else out.push(...Buffer.from(`&#${c};`, 'latin1'));
  }
  return Buffer.from(out);
}

const isDateCell = (c: Cell) => typeof c.value === 'number' && isDateFormat(c.numFmt);
const thaiDate = (serial: number) => {
  const d = serialToDate(serial);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear() + 543}`;
};
const isoDateTime = (serial: number) => serialToDate(serial).toISOString().replace('Z', '');

/** What the page shows in a cell: numbers grouped by thousands where their format groups them, dates in Thai. */
function shown(c: Cell | undefined): string {
  if (!c || c.value === null) return c?.error ?? '';
  if (isDateCell(c)) return thaiDate(c.value as number);
  if (typeof c.value === 'number') {
    if (c.numFmt?.includes('%')) return `${(c.value * 100).toFixed(2)}%`;
    return c.numFmt?.includes(',') ? c.value.toLocaleString('en-US', { maximumFractionDigits: 10 }) : String(c.value);
  }
  if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
  return c.value;
}

function width(g: Grid): number {
  return Math.max(0, ...g.rows.map((r) => r.length), ...g.merges.map((m) => m.right + 1));
}

/** An HTML page of one table per sheet, with Excel's namespaces and sheet names in the conditional comment web exporters copy. */
export function htmlTables(grids: Grid[], charset: 'windows-874' | 'utf-8' = 'windows-874'): Buffer {
  const names = grids.map((g) => `<x:ExcelWorksheet><x:Name>${escape(g.sheet)}</x:Name><x:WorksheetOptions><x:DisplayGridlines/></x:WorksheetOptions></x:ExcelWorksheet>`).join('');
  const tables = grids.map((g) => {
    const cols = width(g);
    const rows = g.rows.map((row, r) => {
      const tds: string[] = [];
      for (let c = 0; c < cols; c++) {
        const m = mergeCovering(g, r, c);
        if (m && (m.top !== r || m.left !== c)) continue;
        const span = m ? `${m.right > m.left ? ` colspan="${m.right - m.left + 1}"` : ''}${m.bottom > m.top ? ` rowspan="${m.bottom - m.top + 1}"` : ''}` : '';
        const cell = row[c];
        const text = shown(cell);
        const cls = cell && typeof cell.value === 'number' && !isDateCell(cell) ? ' class="num"' : '';
        tds.push(`<td${span}${cls}>${text === '' ? '&nbsp;' : escape(text).replace(/\n/g, '<br>')}</td>`);
      }
      return `<tr>${tds.join('')}</tr>`;
    });
    return `<table border="1" cellspacing="0">\n${rows.join('\n')}\n</table>`;
  });
  const page = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=${charset}">
<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets>${names}</x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->
<style>td { mso-number-format: "\\@"; font-family: "TH SarabunPSK"; } .num { mso-number-format: "\\#\\,\\#\\#0"; }</style>
</head>
<body>
${tables.join('\n<br>\n')}
</body>
</html>
`;
  return charset === 'utf-8' ? Buffer.from(page, 'utf8') : windows874Markup(page);
}

/** An Excel 2003 XML workbook: typed cells (String, Number, DateTime, Boolean), merges as MergeAcross/MergeDown, gaps as ss:Index. */
export function spreadsheetMl(grids: Grid[]): Buffer {
  const sheets = grids.map((g) => {
    const rows: string[] = [];
    g.rows.forEach((row, r) => {
      const cells: string[] = [];
      let next = 0;
      row.forEach((cell, c) => {
        if (!cell || (cell.value === null && !cell.error) || cellText(cell) === '') return;
        const m = g.merges.find((x) => x.top === r && x.left === c);
        const at = c === next ? '' : ` ss:Index="${c + 1}"`;
        const merge = m ? `${m.right > m.left ? ` ss:MergeAcross="${m.right - m.left}"` : ''}${m.bottom > m.top ? ` ss:MergeDown="${m.bottom - m.top}"` : ''}` : '';
        next = (m ? m.right : c) + 1;
        const [type, data, style] = isDateCell(cell)
          ? ['DateTime', isoDateTime(cell.value as number), ' ss:StyleID="sDate"']
          : typeof cell.value === 'number'
            ? ['Number', String(cell.value), cell.numFmt?.includes('%') ? ' ss:StyleID="sPct"' : '']
            : typeof cell.value === 'boolean'
              ? ['Boolean', cell.value ? '1' : '0', '']
              : cell.error
                ? ['Error', cell.error, '']
                : ['String', String(cell.value), ''];
        cells.push(`<Cell${at}${merge}${style}><Data ss:Type="${type}">${escape(data)}</Data></Cell>`);
      });
      if (cells.length) rows.push(`   <Row ss:Index="${r + 1}">${cells.join('')}</Row>`);
    });
    return ` <Worksheet ss:Name="${escape(g.sheet)}">\n  <Table>\n${rows.join('\n')}\n  </Table>\n </Worksheet>`;
  });
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"><Font ss:FontName="Tahoma" x:CharSet="222" ss:Size="10"/></Style>
  <Style ss:ID="sDate"><NumberFormat ss:Format="Short Date"/></Style>
  <Style ss:ID="sPct"><NumberFormat ss:Format="0.00%"/></Style>
 </Styles>
${sheets.join('\n')}
</Workbook>
`,
    'utf8',
  );
}
