import { z } from 'zod';
import { tallyQuerySchema, submitRequestSchema } from '@returns-hub/shared/api/schemas';
import { invalidBody, invalidQuery } from './invalidInput';

const refusal = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a refusal');
  return r.error;
};

/** Latin words in a Thai text, other than what the clerk typed or the parameter's own name. */
const englishIn = (th: string, allowed: string[]) => allowed.reduce((t, a) => t.split(a).join(''), th).match(/[A-Za-z]{3,}/g) ?? [];

describe('a refused query or body answers in English and Thai, never with zod English or a pattern inside the Thai', () => {
  test.each([
    ['a fiscal year out of range', { form: 'codi-quarterly-kpi', fy: '9999' }, 'fy', /ปีงบประมาณ \(fy\) ไม่ถูกต้อง: ปีงบประมาณ "9999" ไม่ถูกต้อง/, ['9999']],
    ['a period no one writes', { form: 'codi-quarterly-kpi', fy: '2563', period: 'Q5' }, 'period', /งวด \(period\) ไม่ถูกต้อง: งวด "Q5" ไม่ถูกต้อง/, ['Q5', 'FY', 'Q1', 'Q4', 'M01', 'M12']],
    ['a form id with capitals', { form: 'CODI!', fy: '2563' }, 'form', /แบบรายงาน \(form\) ไม่ถูกต้อง: รูปแบบไม่ถูกต้อง/, []],
    [
      'a grouping that is not one',
      { form: 'codi-quarterly-kpi', fy: '2563', by: 'city' },
      'by',
      /การจัดกลุ่ม \(by\) ไม่ถูกต้อง: ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: district, zone, region, hq/,
      ['district', 'zone', 'region'],
    ],
    ['no form at all', { fy: '2563' }, 'form', /แบบรายงาน \(form\) ไม่ถูกต้อง: ยังไม่ได้ระบุ/, []],
  ])('%s', (_what, query, name, thai, typed) => {
    const p = invalidQuery(refusal(tallyQuerySchema, query));
    expect([p.status, p.code]).toEqual([400, 'query.invalid']);
    expect(p.detail).toContain(`Query parameter ${name}:`);
    expect(p.detail_th).toMatch(thai);
    expect(englishIn(p.detail_th, [name, ...typed])).toEqual([]);
    expect(`${p.detail} ${p.detail_th}`).not.toMatch(/\/\^|\$\/|must match pattern/);
  });

  test('a body: a missing field is said to be missing', () => {
    const p = invalidBody(refusal(submitRequestSchema, { returns: [] }));
    expect(p.detail_th).toBe('ข้อมูลที่ส่งมาไม่ตรงตามรูปแบบของระบบที่ fileName: ยังไม่ได้ระบุ');
  });

  test('a body: where in it, and what is wrong there', () => {
    const p = invalidBody(refusal(submitRequestSchema, { fileName: 'a.xlsx', returns: 'none' }));
    expect([p.status, p.code]).toEqual([400, 'body.invalid']);
    expect(p.detail).toBe('The request body does not match the API at returns: should be of type array');
    expect(p.detail_th).toBe('ข้อมูลที่ส่งมาไม่ตรงตามรูปแบบของระบบที่ returns: ชนิดข้อมูลไม่ถูกต้อง');
  });
});
