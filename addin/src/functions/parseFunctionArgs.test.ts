import { parseFigureArgs } from './parseFunctionArgs';
import { FunctionError } from './functionError';

function refusal(...args: unknown[]): FunctionError {
  try {
    (parseFigureArgs as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    if (e instanceof FunctionError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('a bad argument is #VALUE! with a sentence in each language', () => {
  test.each([
    ['an unknown form', ['no-such-form', 2563], /^ไม่รู้จักแบบรายงาน “no-such-form”/, /^Unknown form “no-such-form”/],
    ['a year that is no year', ['bma-community-plan-return', 'last year'], /ปีงบประมาณ/, /fiscal year/i],
    ['a bad period', ['bma-community-plan-return', 2563, 'Q9'], /^งวด "Q9" ไม่ถูกต้อง/, /^Period "Q9" is not valid/],
    ['an unknown org unit', ['bma-community-plan-return', 2563, 'FY', 'ปทุมธานี'], /^ไม่รู้จักหน่วยงาน “ปทุมธานี”/, /^Unknown org unit “ปทุมธานี”/],
  ])('%s', (_name, args, th, en) => {
    const e = refusal(...args);
    expect(e.code).toBe('#VALUE!');
    expect(e.text.th).toMatch(th);
    expect(e.text.en).toMatch(en);
    // Never a validator's words: no patterns, no schema paths, no English inside the Thai sentence's own words.
    for (const s of [e.text.th, e.text.en]) expect(s).not.toMatch(/must match|pattern|\/\^|\$\/|invalid_type|Expected/);
    expect(e.text.th).not.toMatch(/\bUnknown\b|\bnot valid\b/);
  });

  test('an unknown form lists the forms by code and title', () => {
    const e = refusal('bma', 2563);
    expect(e.text.th).toMatch(/bma-community-plan-return \(แบบรายงาน/);
    expect(e.text.en).not.toMatch(/[\u0E00-\u0E7F]/);
  });

  test('a near miss of a unit suggests it by name in each language', () => {
    const e = refusal('bma-community-plan-return', 2563, 'FY', 'วังทองหลา');
    expect(e.text.th).toMatch(/หมายถึง .*วังทองหลาง.* หรือไม่$/);
    expect(e.text.en).toMatch(/did you mean .*Wang Thonglang.*\?$/);
  });
});
