import { LabelIndex } from './labelIndex';
import { normalizeLabel } from '../text/normalizeLabel';
import type { FieldDef } from '../forms/formDef';

const f = (id: string, th: string, en: string, aliases: string[] = []): FieldDef => ({ id, type: 'text', label_th: th, label_en: en, aliases });
const index = new LabelIndex([
  f('agency', 'หน่วยงานที่รับผิดชอบ', 'Responsible agency'),
  f('code', 'รหัสโครงการ', 'Project code'),
  f('received', 'งบประมาณที่ได้รับ', 'Budget received'),
  f('p63', 'โครงการในแผนปฏิบัติการ ปี 2563', 'Projects 2563'),
  f('p64', 'โครงการในแผนปฏิบัติการ ปี 2564', 'Projects 2564'),
  f('annual', 'เป้าหมายปี', 'Annual target'),
  f('progress', 'ความก้าวหน้าของงานฯ', 'Progress'),
]);

describe('label matching tolerances (FORMS.md §4)', () => {
  test('ignores case, spaces and punctuation', () => {
    expect(index.match('PROJECT   CODE')).toBe('code');
    expect(index.match('Budget-received:')).toBe('received');
  });
  test('ignores trailing dots', () => expect(index.match('รหัสโครงการ...')).toBe('code'));
  test('ignores unit suffixes in parentheses', () => expect(index.match('งบประมาณที่ได้รับ (บาท)')).toBe('received'));
  test('ignores the abbreviation sign ฯ', () => expect(index.match('ความก้าวหน้าของงาน')).toBe('progress'));
  test('Thai and Arabic digits are the same', () => expect(index.match('โครงการในแผนปฏิบัติการ ปี ๒๕๖๔')).toBe('p64'));
  test('one-character typo in a long label', () => expect(index.match('หน่วยงานที่รับชอบ')).toBe('agency'));
  test('one typo: a missing, extra or wrong character or syllable in one place', () => {
    expect(index.match('รหัสโครงกา')).toBe('code');
    expect(index.match('Budget receivd')).toBe('received');
    expect(index.match('Budgot received')).toBe('received');
  });
  test('a different syllable is no typo', () => {
    const units = new LabelIndex([f('r', 'หน่วยงาน', 'Region')]);
    expect(units.match('หน่วยนับ')).toBeNull();
  });
  test('two typos in different places are no match', () => expect(index.match('Bodget receivd')).toBeNull());
  test('no typo tolerance for short labels', () => {
    const short = new LabelIndex([f('p', 'ปัญหา', 'Issue')]);
    expect(short.match('ปัญห')).toBeNull();
    expect(short.match('Isue')).toBeNull();
  });
  test('a typo close to two fields matches neither', () => expect(index.match('โครงการในแผนปฏิบัติการ ปี 2565')).toBeNull());
  test('a label followed by a year', () => expect(index.match('เป้าหมายปี 2563')).toBe('annual'));
  test('normalizeLabel', () => expect(normalizeLabel(' ชื่อผู้รับผิดชอบ... ')).toBe('ชื่อผู้รับผิดชอบ'));
});
