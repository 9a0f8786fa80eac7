import { neutralizeFormula, toCsv, UTF8_BOM } from './csv';

describe('CSV for spreadsheets and upstream systems', () => {
  test('UTF-8 with BOM, CRLF, quoted where needed, Thai intact', () => {
    expect(
      toCsv([
        ['หน่วยงาน', 'ค่า'],
        ['วังทองหลาง, เขต', 1234.5],
        ['say "hi"', null],
      ]),
    ).toBe(`${UTF8_BOM}หน่วยงาน,ค่า\r\n"วังทองหลาง, เขต",1234.5\r\n"say ""hi""",\r\n`);
  });

  test('text that starts like a formula cannot become one; numbers stay numbers, negatives too', () => {
    for (const t of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(neutralizeFormula(t)).toBe(`'${t}`);
    expect(neutralizeFormula('โครงการ =1')).toBe('โครงการ =1');
    expect(toCsv([['=1+1', -5, '-']])).toBe(`${UTF8_BOM}'=1+1,-5,'-\r\n`);
  });
});
