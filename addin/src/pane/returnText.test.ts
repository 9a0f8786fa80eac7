import { describeReturn, fieldLabel, groupReturns } from './returnText';

describe('returns in words', () => {
  test('form title, unit name and period instead of ids', () => {
    const d = describeReturn({ formId: 'codi-quarterly-kpi', orgUnit: 'NE', fiscalYear: 2563, period: 'Q2' });
    expect(d.period).toEqual({ th: 'ไตรมาส 2/2563', en: 'Q2 FY2563' });
    expect(d.unit?.th).toMatch(/ตะวันออกเฉียงเหนือ|อีสาน/);
    expect(d.form.th).toBe('รายงานผลการปฏิบัติงานรายไตรมาส');
    expect(describeReturn({ formId: 'bma-community-plan-return', orgUnit: '1017', fiscalYear: 2563, period: 'FY' })).toMatchObject({
      unit: { th: expect.stringContaining('ห้วยขวาง') },
      period: { th: 'ทั้งปี 2563' },
    });
  });

  test('a missing unit or period is null, not an id', () => {
    expect(describeReturn({ formId: 'bma-community-plan-return', orgUnit: null, fiscalYear: null, period: null })).toMatchObject({ unit: null, period: null });
  });

  test('changed fields by their labels', () => {
    expect(fieldLabel('bma-community-plan-return', 'budget_received').th).toContain('งบประมาณ');
    expect(fieldLabel('bma-community-plan-return', 'rows').en).toBe('number of rows');
  });

  test('a table of ten districts is one card naming the ten; a project sheet names its project and code', () => {
    const ten = ['1005', '1006', '1007', '1008', '1009', '1010', '1011', '1012', '1013', '1014'].map((orgUnit) =>
      describeReturn({ formId: 'bma-community-plan-return', orgUnit, fiscalYear: 2563, period: 'FY' }),
    );
    const [card] = groupReturns(ten);
    expect(groupReturns(ten)).toHaveLength(1);
    expect(card).toMatchObject({ count: 10, period: { th: 'ทั้งปี 2563' } });
    expect(card.units).toHaveLength(10);
    const project = describeReturn({
      formId: 'bma-project-progress',
      orgUnit: '1045',
      fiscalYear: 2564,
      period: 'FY',
      about: [
        { field: 'project_code', value: '50450000-3247' },
        { field: 'project_name', value: 'ปรับปรุงถนน' },
      ],
    });
    expect(groupReturns([project])[0].about.map((a) => `${a.label.th}: ${a.value}`)).toEqual(['รหัสโครงการ: 50450000-3247', 'ชื่อโครงการ/กิจกรรม: ปรับปรุงถนน']);
  });
});
