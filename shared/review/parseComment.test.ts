import { parseComment } from './parseComment';
import { reviewCommentSchema } from './reviewSchemas';

describe('parseComment', () => {
  test.each([
    ["'แบบรายงาน 1'!C14=ยอดเบิกจ่ายไม่ตรงกับใบเสร็จ", "'แบบรายงาน 1'!C14", 'ยอดเบิกจ่ายไม่ตรงกับใบเสร็จ'],
    ["'แบบรายงาน 1'!C14: ยอดเบิกจ่ายไม่ตรงกับใบเสร็จ", "'แบบรายงาน 1'!C14", 'ยอดเบิกจ่ายไม่ตรงกับใบเสร็จ'],
    ['Sheet1!$b$7 = a = b', 'Sheet1!B7', 'a = b'],
    ['c14=ตรวจอีกครั้ง', "'แบบรายงาน 1'!C14", 'ตรวจอีกครั้ง'],
    ["'It''s'!A1=x", "'It''s'!A1", 'x'],
  ])('%s', (text, cell, said) => {
    const r = parseComment(text, 'แบบรายงาน 1');
    expect(r).toEqual({ ok: true, comment: { cell, text: said } });
    if (r.ok) expect(reviewCommentSchema.safeParse(r.comment).success).toBe(true);
  });
  test('not CELL=TEXT, an impossible cell, or no sheet to put it on', () => {
    expect(parseComment('ยอดไม่ตรง', 'S').ok).toBe(false);
    expect(parseComment('C14=', 'S').ok).toBe(false);
    expect(parseComment('ABCD1=x', 'S').ok).toBe(false);
    const r = parseComment('C14=x', null);
    expect(r.ok === false && r.error.en).toContain('names no sheet');
  });
});
