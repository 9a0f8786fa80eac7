import { basename } from 'node:path';
import { checkFile, type FileCheck } from '@returns-hub/cli/checkFiles';
import type { CheckedReturn } from '@returns-hub/shared/check/checkedReturn';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { sample, sampleFiles } from '../support/samples';

const returnsOf = (f: FileCheck) => f.sheets.flatMap((s) => s.returns);
const allIssues = (f: FileCheck): Issue[] => [...f.issues, ...f.sheets.flatMap((s) => [...s.issues, ...s.returns.flatMap((r) => r.issues)])];
const errors = (f: FileCheck) => allIssues(f).filter((i) => i.severity === 'error');
const where = (i: Issue) => `${i.severity}:${i.code}@${i.cell.split('!').pop()}`;
const identity = (r: CheckedReturn) => [r.formId, r.orgUnit, r.fiscalYear, r.period];

describe('every clean sample reads with no errors as the right form, unit and period', () => {
  test.each(sampleFiles('community-plan/districts').map((f) => [basename(f), f]))('districts/%s', async (_n, file) => {
    const f = await checkFile(file);
    expect(errors(f)).toEqual([]);
    expect(returnsOf(f).map(identity)).toEqual([['bma-community-plan-return', basename(file, '.xlsx'), 2563, 'FY']]);
  });

  const layouts: Record<string, string[]> = {
    '1001-phra-nakhon.xlsx': ['1001'],
    '1002-dusit.xlsx': ['1002'],
    '1030-chatuchak.xlsx': ['1030'],
    '1047-bang-na.xlsx': ['1047'],
    'zone-table-1005-1014.xlsx': Array.from({ length: 10 }, (_, i) => String(1005 + i)),
  };
  test.each(Object.entries(layouts))('layouts/%s', async (name, units) => {
    const f = await checkFile(sample('community-plan/layouts', name));
    expect(errors(f)).toEqual([]);
    expect(returnsOf(f).map(identity)).toEqual(units.map((u) => ['bma-community-plan-return', u, 2563, 'FY']));
  });

  test.each(sampleFiles('codi-kpi').map((f) => [basename(f), f]))('codi-kpi/%s', async (name, file) => {
    const [region, , quarter] = basename(name, '.xlsx').split('-');
    const f = await checkFile(file);
    expect(errors(f)).toEqual([]);
    expect(returnsOf(f).map(identity)).toEqual([['codi-quarterly-kpi', region, 2563, quarter]]);
    expect(returnsOf(f)[0].rows.map((r) => r.values.code)).toEqual(['2', '2.4', '3', '5.1', '5.3', '8.5-N', '8.5-D']);
  });

  test('welfare/wang-thonglang-2564.xlsx: 11 types, 251 persons, 189,900 baht', async () => {
    const f = await checkFile(sample('welfare/wang-thonglang-2564.xlsx'));
    expect(errors(f)).toEqual([]);
    const [r] = returnsOf(f);
    expect(identity(r)).toEqual(['welfare-fund-tally', '1045', 2564, 'FY']);
    const items = r.rows.filter((x) => x.kind === 'item');
    expect(items).toHaveLength(11);
    expect(items.reduce((a, x) => a + (x.values.persons as number), 0)).toBe(251);
    expect(items.reduce((a, x) => a + (x.values.amount as number), 0)).toBe(189900);
    expect(allIssues(f).filter((i) => i.code === 'total.mismatch')).toEqual([]);
  });

  test('the 50 districts read to the figures FORMS.md reports (sums of the fields)', async () => {
    const rs = (await Promise.all(sampleFiles('community-plan/districts').map((f) => checkFile(f)))).flatMap(returnsOf);
    const sum = (id: string) => rs.reduce((a, r) => a + ((r.fields[id] as number) ?? 0), 0);
    const count = (pred: (r: CheckedReturn) => boolean) => rs.filter(pred).length;
    expect(rs).toHaveLength(50);
    expect([sum('communities_total'), sum('communities_existing_plan'), sum('communities_new_plan')]).toEqual([2068, 1182, 886]);
    expect([sum('budget_received'), sum('budget_disbursed'), sum('budget_returned'), sum('budget_balance')]).toEqual([3267440, 583203, 774695, 1909542]);
    expect([sum('projects_in_plan_2563'), sum('projects_in_plan_2564')]).toEqual([343, 273]);
    expect(count((r) => r.fields.meeting_held === true)).toBe(17);
  });
});

describe('samples that must be rejected or warned about', () => {
  test('errors/1017-huai-khwang.xlsx: budget received not a number, returned over received, meeting with no date', async () => {
    const f = await checkFile(sample('community-plan/errors/1017-huai-khwang.xlsx'));
    const found = allIssues(f).map(where);
    expect(found).toEqual(expect.arrayContaining(['error:value.not_number@C13', 'error:rule.sum_at_most@C15', 'warning:rule.required_when@C12']));
    const notNumber = allIssues(f).find((i) => i.code === 'value.not_number')!;
    expect(notNumber.message_th).toContain('แปดหมื่นบาท');
    expect(notNumber.message_en).toContain('Budget received');
  });

  test('errors/unknown-district.xlsx: an error at the district cell suggesting names', async () => {
    const f = await checkFile(sample('community-plan/errors/unknown-district.xlsx'));
    const [e] = errors(f);
    expect(where(e)).toBe('error:org_unit.unknown@B4');
    expect(e.message_th).toContain('ปทุมวัน');
    expect(e.message_en).toMatch(/did you mean .*Pathum Wan/);
  });

  test('seed001: duplicate report no. 10 is an error; empty report 9 a warning', async () => {
    const f = await checkFile(sample('project-progress/seed001-bang-na-2564.xlsx'));
    const found = allIssues(f).map(where);
    expect(found).toEqual(expect.arrayContaining(['error:rule.duplicate_key@A27', 'warning:rule.empty_row@A25']));
    expect(errors(f)).toHaveLength(1);
    const [r] = returnsOf(f);
    expect(identity(r)).toEqual(['bma-project-progress', '1047', 2564, 'FY']);
    expect(r.fields.agency).toContain('บางนา'); // label with the real form's typo หน่วยงานที่รับชอบ
  });

  test('seed002: header says 0 spent but 36,740 was disbursed', async () => {
    const f = await checkFile(sample('project-progress/seed002-sed-2563.xlsx'));
    const w = allIssues(f).filter((i) => i.code === 'rule.column_sum_equals');
    expect(w).toHaveLength(1);
    expect(w[0].severity).toBe('warning');
    expect(w[0].message_en).toContain('36,740');
    expect(errors(f)).toEqual([]);
  });

  test('seed000: report 5 has no date (warning); report 3 "12/29/2020" is 29 Dec 2020', async () => {
    const f = await checkFile(sample('project-progress/seed000-wang-thonglang-2564.xlsx'));
    expect(allIssues(f).map(where)).toContain('warning:rule.row_required@B21');
    const rows = returnsOf(f)[0].rows;
    expect(rows.find((r) => r.values.report_no === 3)!.values.date).toBe('2020-12-29');
    expect(rows.find((r) => r.values.report_no === 4)!.values.date).toBe('2021-01-25');
    expect(rows.find((r) => r.values.report_no === 1)!.values.date).toBe('2020-10-27');
    expect(errors(f)).toEqual([]);
  });

  test('seed003 (newer layout, newest first, ISO dates) reads with no progress warning', async () => {
    const f = await checkFile(sample('project-progress/seed003-rat-burana-2566.xlsx'));
    expect(errors(f)).toEqual([]);
    expect(allIssues(f).filter((i) => i.severity === 'warning')).toEqual([]);
    const [r] = returnsOf(f);
    expect(identity(r)).toEqual(['bma-project-progress', '1024', 2566, 'FY']);
    expect(r.fields.kpi_target_pct).toBe(80);
    expect(r.rows.map((x) => x.values.progress)).toEqual([100, 100, 89, 35, 30]);
    expect(r.rows[0].values.date).toBe('2023-04-27');
  });
});
