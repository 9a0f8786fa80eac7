import { describeReturn, fieldLabel } from './returnText';

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
});
