import { gridFromValues } from '../sheet/grid';
import { checkSheets } from '../check/checkSheets';
import { consolidateReturns, contributionOf } from './consolidateReturns';
import { contributionSchema } from './contribution';
import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from '../definitions/versionsByYear';

/** The built-in definitions (`forms/*.json`), every year alike. */
const BUILT_IN = new VersionedDefinitions(builtInDocuments(), []).forYear(null);
const formById = (id: string) => BUILT_IN.formById(id);
const UNITS = BUILT_IN.units;

const sheets: Record<string, unknown[][]> = {
  'bma-community-plan-return': [
    ['แบบรายงานผลการดำเนินงาน ปีงบประมาณ พ.ศ. 2563'],
    ['สำนักงานเขต', 'วังทองหลาง'],
    ['จำนวนชุมชนทั้งหมดในพื้นที่เขต', 30],
    ['ชุมชนที่ทบทวนแผนพัฒนาชุมชนเดิม', 17],
    ['ชุมชนที่จัดทำแผนพัฒนาชุมชนใหม่', 13],
    ['การจัดประชุมชี้แจงแนวทางให้ชุมชน', 'ใช่'],
    ['งบประมาณที่ได้รับโอน', 80000],
  ],
  'bma-project-progress': [
    ['รหัสโครงการ', '50450000-3247'],
    ['ปีงบประมาณ พ.ศ.', 2564],
    ['งบประมาณที่ได้รับ', 100000],
    ['รายงานครั้งที่', 'วันที่รายงาน', 'ความก้าวหน้าของงานฯ', 'งบประมาณที่เบิกใช้', 'เป็นไปตามแผน'],
    [1, '15/12/2563', 20, 10000, 'เป็นไปตามแผน'],
    [2, null, 50, 20000],
  ],
  'codi-quarterly-kpi': [
    ['รายงานผลการปฏิบัติงานไตรมาส 1 ประจำปีงบประมาณ พ.ศ. 2563'],
    ['หน่วยงาน', 'N'],
    ['รหัส', 'เป้าหมายปี', 'ไตรมาส 1', 'ไตรมาส 2', 'ไตรมาส 3', 'ไตรมาส 4', 'ผลการดำเนินงานไตรมาสนี้', 'ผลสะสม'],
    ['5.1', 100, 10, 20, 30, 40, 10, null],
  ],
  'welfare-fund-tally': [
    ['กองทุน', 'กองทุนสวัสดิการวันละบาท'],
    ['สำนักงานเขต', 'วังทองหลาง'],
    ['ปีงบประมาณ', 2564],
    ['ลำดับ', 'ประเภทสวัสดิการ', 'จำนวน (คน)', 'เป็นเงิน (บาท)'],
    [1, 'ผู้สูงอายุ', 47, 13400],
  ],
};

function checkedReturn(formId: string) {
  const [s] = checkSheets([gridFromValues('S', sheets[formId])], { forYear: () => BUILT_IN });
  expect(s.formId).toBe(formId);
  return s.returns[0];
}

describe('contributions', () => {
  test.each(Object.keys(sheets))('%s: tagged with its consolidation kind, and read back from JSON as the store keeps it', (formId) => {
    const form = formById(formId)!;
    const c = contributionOf(checkedReturn(formId), form);
    expect(c.kind).toBe(form.consolidation.kind);
    expect(contributionSchema.parse(JSON.parse(JSON.stringify(c)))).toEqual(c);
  });

  test('a tally refuses a contribution of another kind than its form’s', () => {
    const welfare = contributionOf(checkedReturn('welfare-fund-tally'), formById('welfare-fund-tally')!);
    const entry = { orgUnit: '1045', fiscalYear: 2563, period: 'FY', subject: null, submittedAt: '', contribution: welfare };
    expect(() => consolidateReturns(formById('bma-community-plan-return')!, UNITS, [entry], { fiscalYear: 2563, period: 'FY', by: 'hq' })).toThrow(
      'a contribution of kind "itemTotals" where "indicators" is expected',
    );
  });
});
