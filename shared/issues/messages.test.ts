import { issueAt, withRelated } from './messages';

describe('issueAt', () => {
  test('words a finding from its code and parameters, in Thai and English', () => {
    const i = issueAt('error', 'value.not_number', 'S!C13', { th: 'งบประมาณ', en: 'Budget', text: 'abc' });
    expect(i).toEqual({ severity: 'error', code: 'value.not_number', cell: 'S!C13', message_th: '"งบประมาณ" ต้องเป็นตัวเลข แต่พบ "abc"', message_en: '"Budget" must be a number, found "abc"' });
  });

  test('codes without parameters take none', () => {
    expect(issueAt('info', 'sheet.not_a_form', 'S!A1').message_en).toBe('This sheet is not a known form and was skipped');
  });

  test('codes and parameters are checked when compiling (tsc fails if any line below compiles)', () => {
    // @ts-expect-error an unknown code
    expect(() => issueAt('error', 'value.no_such_code', 'S!A1')).toThrow();
    // @ts-expect-error a code that needs parameters, given none
    expect(() => issueAt('error', 'form.unknown', 'S!A1')).not.toThrow();
    // @ts-expect-error a wrong parameter name
    issueAt('error', 'form.unknown', 'S!A1', { name: 'x' });
    // @ts-expect-error a parameter of the wrong type
    issueAt('error', 'file.too_large', 'f.xlsx', { size: '1', limit: 2 });
    // @ts-expect-error parameters for a code that takes none
    issueAt('error', 'file.empty', 'f.xlsx', { detail: 'x' });
  });
});

describe('withRelated', () => {
  test('adds the other cells once, without the finding’s own cell', () => {
    const i = issueAt('warning', 'rule.empty_row', 'S!A5', { value: '9' });
    expect(withRelated(i, ['S!A5', 'S!B5', 'S!B5', 'S!C5']).related).toEqual(['S!B5', 'S!C5']);
    expect(withRelated(i, ['S!A5'])).not.toHaveProperty('related');
  });
});
