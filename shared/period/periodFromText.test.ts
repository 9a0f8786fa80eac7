import { fiscalYearFromText, quarterFromText } from './periodFromText';

describe('fiscalYearFromText (titles)', () => {
  it.each<[string, number | null]>([
    ['แบบรายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2563', 2563],
    ['ประจำปีงบประมาณ พ.ศ. ๒๕๖๓', 2563],
    ['ปีงบ 2564', 2564],
    ['ปีงบประมาณ 2020', 2563],
    ['Fiscal year 2020 (BE 2563)', 2563],
    ['Report B.E. 2563', 2563],
    ['Fiscal year 2020', 2563],
    ['FY2563', 2563],
    ['FY 2020', 2563],
    ['รายงานไตรมาส 2', null],
    ['ปีงบประมาณ 9999', null],
    ['ปีงบประมาณ 2801 FY2563', 2563], // an impossible year is passed over
  ])('%j → %s', (title, fy) => expect(fiscalYearFromText(title)).toBe(fy));
});

describe('quarterFromText (titles)', () => {
  it.each<[string, number | null]>([
    ['ผลการดำเนินงาน ไตรมาส 2 ปีงบประมาณ พ.ศ. 2563', 2],
    ['ไตรมาสที่ ๓', 3],
    ['ไตรมาสที่3', 3],
    ['Report Q4 2020', 4],
    ['Quarter 1', 1],
    ['QA2 report', null],
    ['ไตรมาส 5', null],
    ['ประจำปีงบประมาณ พ.ศ. 2563', null],
  ])('%j → %s', (title, q) => expect(quarterFromText(title)).toBe(q));
});
