import { listQuerySchema, tallyQuerySchema } from './schemas';

describe('API period and fiscal-year parameters', () => {
  it('accept the spellings the period module reads and hand on canonical values', () => {
    expect(tallyQuerySchema.parse({ form: 'codi-quarterly-kpi', fy: '2563', period: 'ไตรมาสที่ 2' })).toEqual({ form: 'codi-quarterly-kpi', fy: 2563, period: 'Q2', by: 'hq', include: 'all' });
    expect(listQuerySchema.parse({ form: 'x', fy: '63', period: 'm3' })).toEqual({ form: 'x', fy: 2563, period: 'M03' });
    expect(listQuerySchema.parse({ form: 'x', fy: '2020' })).toEqual({ form: 'x', fy: 2563, period: 'FY' });
  });
  it('refuse what is not a period or a fiscal year, with the accepted spellings in the message', () => {
    for (const q of [{ form: 'x', fy: '2801' }, { form: 'x', fy: '2563 or true' }, { form: 'x', fy: '2563', period: "FY' or '1' eq '1" }, { form: 'x', fy: '2563', period: 'Q5' }, { form: 'x' }])
      expect(listQuerySchema.safeParse(q).success).toBe(false);
    const r = listQuerySchema.safeParse({ form: 'x', fy: '2563', period: 'Q5' });
    expect(r.error?.issues[0].path).toEqual(['period']);
    expect(r.error?.issues[0].message).toContain('Q1 to Q4');
  });
});
