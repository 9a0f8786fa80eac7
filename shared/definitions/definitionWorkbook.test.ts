import { builtInDocuments } from '@returns-hub/forms';
import { VersionedDefinitions } from './versionsByYear';
import { gridFromValues } from '../sheet/grid';
import { definitionWorkbookSheets } from './writeDefinitionWorkbook';
import { readDefinitionWorkbook } from './readDefinitionWorkbook';
import { checkDefinition } from './checkDefinition';
import type { DefinitionDocument } from './definitionDocument';
import { definitionIssue } from './definitionMessages';
import { columnLetters, parseA1 } from '../sheet/address';
import type { Issue } from '../issues/issue';

/** The built-in definitions (`forms/*.json`). */
const BUILT_IN = new VersionedDefinitions(builtInDocuments(), []).forYear(null);
const FORMS = BUILT_IN.forms;
const BUILT_IN_UNITS = BUILT_IN.units;
const ORG_UNITS = BUILT_IN_UNITS.all;

const gridsOf = (doc: DefinitionDocument) => definitionWorkbookSheets(doc).map((s) => gridFromValues(s.name, s.rows));

describe('a definition and its workbook', () => {
  test.each(FORMS.map((f) => [f.id, f]))('%s: written as a workbook and read back, the same definition, and it checks clean', (_id, form) => {
    const doc: DefinitionDocument = { kind: 'form', form };
    const read = readDefinitionWorkbook(gridsOf(doc));
    if (!read.ok) throw new Error(JSON.stringify(read.findings));
    expect(read.doc).toEqual(JSON.parse(JSON.stringify(doc)));
    const checked = checkDefinition(read.doc, BUILT_IN_UNITS, read.sources);
    expect(checked.ok ? [] : checked.issues).toEqual([]);
  });

  test('an org-unit tree too', () => {
    const doc: DefinitionDocument = { kind: 'orgUnits', units: ORG_UNITS.filter((u) => (BUILT_IN_UNITS.rootOf(u.code)?.code ?? '') === 'CODI') };
    const read = readDefinitionWorkbook(gridsOf(doc));
    if (!read.ok) throw new Error(JSON.stringify(read.findings));
    expect(read.doc).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(checkDefinition(read.doc, BUILT_IN_UNITS, read.sources).ok).toBe(true);
  });
});

/** A built-in form's workbook with some cells changed (`sheet`, A1 address, new value), read and checked: the findings. */
function brokenFindings(formId: string, ...edits: [sheet: string, cell: string, value: string | number | null][]) {
  const form = FORMS.find((f) => f.id === formId)!;
  const sheets = definitionWorkbookSheets({ kind: 'form', form });
  for (const [sheet, cell, value] of edits) {
    const s = sheets.find((x) => x.name === sheet)!;
    const { row, col } = parseA1(cell)!;
    (s.rows[row] ??= [])[col] = value;
  }
  const read = readDefinitionWorkbook(sheets.map((s) => gridFromValues(s.name, s.rows)));
  if (!read.ok) return read.findings.map((f) => definitionIssue(f, read.sources));
  const checked = checkDefinition(read.doc, BUILT_IN_UNITS, read.sources);
  return checked.ok ? [] : checked.issues;
}
const brief = (issues: Issue[]) => issues.map((i) => `${i.cell} ${i.code}`);
/** The address of the cell in `sheet` whose row starts with `key` and whose column's header starts with `column`. */
function cellOfRow(formId: string, sheet: string, key: string, column: string): string {
  const s = definitionWorkbookSheets({ kind: 'form', form: FORMS.find((f) => f.id === formId)! }).find((x) => x.name === sheet)!;
  const r = s.rows.findIndex((row) => row[0] === key);
  const c = s.rows[0].findIndex((h) => String(h).startsWith(`${column} (`));
  return `${columnLetters(c)}${r + 1}`;
}

describe('a broken definition is answered at its cell, in Thai and English, never with a stack trace', () => {
  test('1. an unknown type', () => {
    const at = cellOfRow('bma-community-plan-return', 'fields', 'budget_received', 'type');
    const issues = brokenFindings('bma-community-plan-return', ['fields', at, 'nmber']);
    expect(issues).toEqual([
      {
        severity: 'error',
        code: 'definition.unknown_value',
        cell: `fields!${at}`,
        message_th: 'type "nmber" ไม่มีในรายการที่รู้จัก ใช้ได้: text, code, number, count, money, percent, date, yesno, orgUnit, year, choice',
        message_en: 'type "nmber" is unknown; the type values are text, code, number, count, money, percent, date, yesno, orgUnit, year, choice',
      },
    ]);
  });

  test('2. a definition naming a field that does not exist', () => {
    const at = cellOfRow('codi-quarterly-kpi', 'form', 'table.key', 'value');
    const [issue] = brokenFindings('codi-quarterly-kpi', ['form', at, 'kode']);
    expect([issue.cell, issue.code, issue.message_en, issue.message_th]).toEqual([
      `form!${at}`,
      'definition.unknown_column',
      'The form\'s table has no column "kode"',
      'ตารางของแบบรายงานนี้ไม่มีคอลัมน์ "kode"',
    ]);
  });

  test('3. a rule over a missing field', () => {
    const sheet = definitionWorkbookSheets({ kind: 'form', form: FORMS.find((f) => f.id === 'bma-community-plan-return')! }).find((s) => s.name === 'rules')!;
    const col = columnLetters(sheet.rows[0].findIndex((h) => String(h).startsWith('limit (')));
    expect(brief(brokenFindings('bma-community-plan-return', ['rules', `${col}3`, 'budget_recieved']))).toEqual([`rules!${col}3 definition.unknown_field`]);
  });

  test('4. a consolidation over a text field', () => {
    const at = cellOfRow('bma-community-plan-return', 'indicators', 'budget_received', 'field');
    const [issue] = brokenFindings('bma-community-plan-return', ['indicators', at, 'reporter']);
    expect([issue.cell, issue.code, issue.message_en]).toEqual([`indicators!${at}`, 'definition.not_numeric', 'Only numeric fields add up, but "reporter" is of type text']);
    expect(issue.message_th).toBe('รวมยอดได้เฉพาะช่องตัวเลข แต่ "reporter" เป็นชนิด text');
  });

  test('5. a duplicate id', () => {
    expect(brief(brokenFindings('welfare-fund-tally', ['fields', 'A3', 'fund']))).toContain('fields!A3 definition.duplicate_id');
  });

  test('6. a size over its bound: a label of 301 characters, a sheet of more rows than an agency has units', () => {
    const at = cellOfRow('welfare-fund-tally', 'fields', 'fund', 'label_th');
    expect(brief(brokenFindings('welfare-fund-tally', ['fields', at, 'ก'.repeat(301)]))).toEqual([`fields!${at} definition.too_long`]);
    const rows = Array.from({ length: 5002 }, (_, i) => [`u${i}`]);
    const read = readDefinitionWorkbook([gridFromValues('units', [['code (รหัส)', 'kind', 'name_th', 'name_en'], ...rows])]);
    expect(read.ok ? [] : brief(read.findings.map((f) => definitionIssue(f)))).toEqual(['units!A5002 definition.sheet_too_long']);
  });

  test('7. text where a number goes', () => {
    const at = cellOfRow('bma-project-progress', 'fields', 'progress', 'max');
    const [issue] = brokenFindings('bma-project-progress', ['fields', at, 'หนึ่งร้อย']);
    expect([issue.cell, issue.code, issue.message_en, issue.message_th]).toEqual([`fields!${at}`, 'definition.not_number', 'max must be a number, found "หนึ่งร้อย"', 'max ต้องเป็นตัวเลข แต่พบ "หนึ่งร้อย"']);
  });

  test('8. an unknown column and an unknown property', () => {
    expect(brief(brokenFindings('codi-quarterly-kpi', ['catalog', 'B1', 'nmae_th (ชื่อ)']))).toEqual(['catalog!B1 definition.column_unknown', 'catalog!A1 definition.column_missing']);
    expect(brief(brokenFindings('codi-quarterly-kpi', ['form', 'A2', 'titel']))).toEqual(['form!A2 definition.property_unknown']);
  });

  test('9. an unknown rule kind, and a column the kind does not take', () => {
    expect(brief(brokenFindings('welfare-fund-tally', ['rules', 'A2', 'uniqe']))).toEqual(['rules!A2 definition.unknown_value']);
    const sheet = definitionWorkbookSheets({ kind: 'form', form: FORMS.find((f) => f.id === 'welfare-fund-tally')! }).find((s) => s.name === 'rules')!;
    const col = columnLetters(sheet.rows[0].findIndex((h) => String(h).startsWith('total (')));
    expect(brief(brokenFindings('welfare-fund-tally', ['rules', `${col}2`, 'persons']))).toEqual([`rules!${col}2 definition.not_allowed`]);
  });

  test('10. a choice field naming a list that does not exist; a catalog code twice', () => {
    const at = cellOfRow('welfare-fund-tally', 'fields', 'welfare_type', 'type');
    const list = cellOfRow('welfare-fund-tally', 'fields', 'welfare_type', 'choices');
    expect(brief(brokenFindings('welfare-fund-tally', ['fields', at, 'choice'], ['fields', list, 'welfare_types']))).toEqual([`fields!${list} definition.unknown_list`]);
    expect(brief(brokenFindings('codi-quarterly-kpi', ['catalog', 'A3', '2']))).toEqual(['catalog!A3 definition.duplicate_id']);
  });

  test('11. an org unit whose parent is not in the tree, and a workbook that is no definition', () => {
    const units = ORG_UNITS.filter((u) => BUILT_IN_UNITS.rootOf(u.code)?.code === 'CODI');
    const sheets = definitionWorkbookSheets({ kind: 'orgUnits', units });
    sheets[0].rows[3][4] = 'CODY';
    const read = readDefinitionWorkbook(sheets.map((s) => gridFromValues(s.name, s.rows)));
    if (!read.ok) throw new Error('read');
    const checked = checkDefinition(read.doc, BUILT_IN_UNITS, read.sources);
    expect(checked.ok ? [] : checked.issues.map((i) => [i.cell, i.code, i.message_en])).toEqual([['units!E4', 'definition.unit_unknown_parent', 'The parent "CODY" of NE is not in the org units']]);
    const none = readDefinitionWorkbook([gridFromValues('Sheet1', [['x']])]);
    expect(none.ok ? [] : brief(none.findings.map((f) => definitionIssue(f)))).toEqual(['Sheet1 definition.not_definition']);
  });
});
