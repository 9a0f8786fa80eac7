import { fieldValueProblem } from './fieldValueProblem';
import type { FieldDef } from '../forms/formDef';

const field = (f: Partial<FieldDef> & Pick<FieldDef, 'type'>): FieldDef => ({ id: 'x', label_th: 'x', label_en: 'x', ...f });

describe('fieldValueProblem', () => {
  test('numbers: finite, then whole for counts, then min, then max', () => {
    const count = field({ type: 'count', min: 0, max: 100 });
    expect(fieldValueProblem(count, 5)).toBeNull();
    expect(fieldValueProblem(count, 1.5)).toBe('not_whole');
    expect(fieldValueProblem(count, -1.5)).toBe('not_whole'); // whole-ness is told before the bounds
    expect(fieldValueProblem(count, 2 ** 53)).toBe('not_whole'); // beyond exact integers
    expect(fieldValueProblem(count, -1)).toBe('below_min');
    expect(fieldValueProblem(count, 101)).toBe('above_max');
    expect(fieldValueProblem(count, NaN)).toBe('bad_format');
    expect(fieldValueProblem(count, Infinity)).toBe('bad_format');
    expect(fieldValueProblem(count, '5')).toBe('bad_format');
    const money = field({ type: 'money', min: 0 });
    expect(fieldValueProblem(money, 1.25)).toBeNull();
    expect(fieldValueProblem(money, 1e300)).toBeNull();
    expect(fieldValueProblem(money, -0.01)).toBe('below_min');
    expect(fieldValueProblem(field({ type: 'percent', max: 100 }), 100.5)).toBe('above_max');
  });

  test('codes and texts match their pattern; other types have none to match', () => {
    const code = field({ type: 'code', pattern: '^\\d{8}$' });
    expect(fieldValueProblem(code, '10450001')).toBeNull();
    expect(fieldValueProblem(code, '1045-0001')).toBe('bad_format');
    expect(fieldValueProblem(code, 10450001)).toBe('bad_format');
    expect(fieldValueProblem(field({ type: 'text' }), 'anything')).toBeNull();
    expect(fieldValueProblem(field({ type: 'date', pattern: '^x$' }), '2020-01-01')).toBeNull();
  });
});
