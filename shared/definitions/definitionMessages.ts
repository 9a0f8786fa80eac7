import type { Issue } from '../issues/issue';

/** The place a finding is about: a path in the definition (`form.fields[3].type`), turned into a cell when the workbook is known. */
export type DefinitionPath = readonly (string | number)[];

type None = Record<string, never>;
type Named = { name: string };
type Id = { id: string };

/**
 * Every finding about a definition (a form, an org-unit tree) and the parameters its wording needs:
 * the checker answers a broken definition as it answers a clerk's sheet, with a cell and Thai and English text.
 */
export interface DefinitionParamMap {
  // The workbook or file as a whole.
  'definition.unreadable': { detail: string };
  'definition.not_definition': None;
  'definition.too_large': { size: string; limit: string };
  'definition.sheet_missing': { sheet: string };
  'definition.sheet_too_long': { sheet: string; limit: number };
  'definition.column_missing': { sheet: string; column: string };
  'definition.column_unknown': { text: string; known: string };
  'definition.property_unknown': { text: string; known: string };
  'definition.property_repeated': { text: string; other: string };
  'definition.not_number': Named & { text: string };
  'definition.not_whole': Named & { text: string };
  'definition.not_yesno': Named & { text: string };
  'definition.not_pairs': Named & { text: string };
  // Shape (each property's type and bounds).
  'definition.missing': Named;
  'definition.wrong_type': Named & { expected_th: string; expected_en: string };
  'definition.unknown_value': Named & { text: string; allowed: string };
  'definition.not_allowed': Named;
  'definition.too_short': Named & { limit: number };
  'definition.too_many': Named & { limit: number };
  'definition.too_long': Named & { limit: number };
  'definition.below_min': Named & { limit: number };
  'definition.above_max': Named & { limit: number };
  'definition.bad_format': Named & { text: string; rule_th: string; rule_en: string };
  'definition.invalid': Named;
  // What the definition names.
  'definition.duplicate_id': Id & { first: string };
  'definition.unknown_field': Id;
  'definition.unknown_column': Id;
  'definition.no_item_table': Id;
  'definition.needs_item_table': { kind: string };
  'definition.needs_catalog': { kind: string };
  'definition.key_not_required': Id;
  'definition.min_above_max': { min: number; max: number };
  'definition.bad_pattern': { text: string };
  'definition.label_clash': { text: string; id: string; other: string; other_id: string };
  'definition.label_empty': { text: string };
  'definition.not_numeric': Id & { type: string };
  'definition.not_yesno_field': Id & { type: string };
  'definition.not_choice_field': Id & { type: string };
  'definition.no_choices': Id;
  'definition.unknown_list': { list: string };
  'definition.no_rank': Id & { list: string };
  'definition.unknown_indicator': Id;
  'definition.ratio_without': { code: string };
  'definition.ratio_only': { code: string };
  'definition.ratio_unknown': { code: string; ratio: string };
  'definition.ratio_nested': { code: string; ratio: string };
  'definition.ratio_rows': { code: string; kind: string; count: number };
  'definition.report': { th: string; en: string };
  'definition.unknown_unit': { code: string };
  'definition.unknown_item': { code: string };
  'definition.targets_sum': { code: string; unit: string; sum: string; annual: string };
  // Org-unit trees.
  'definition.unit_unknown_parent': { code: string; parent: string };
  'definition.unit_cycle': { code: string };
  'definition.unit_root': { count: number; roots: string };
  'definition.unit_root_kind': { code: string; kind: string };
  'definition.unit_name_clash': { text: string; code: string; other: string };
  'definition.unit_prefix_clash': { prefix: string; code: string; other: string };
  'definition.unit_other_tree': { code: string; tree: string };
}
export type DefinitionCode = keyof DefinitionParamMap;

/** A finding before it is placed: its code, parameters and where in the definition (or, reading a workbook, its cell). */
export interface DefinitionFinding<C extends DefinitionCode = DefinitionCode> {
  code: C;
  path: DefinitionPath;
  params: DefinitionParamMap[C];
  cell?: string;
}

export function finding<C extends DefinitionCode>(code: C, path: DefinitionPath, params: DefinitionParamMap[C]): DefinitionFinding {
  return { code, path, params };
}

const MESSAGES: { [C in DefinitionCode]: (p: DefinitionParamMap[C]) => [th: string, en: string] } = {
  'definition.unreadable': (p) => [`อ่านไฟล์นิยามไม่ได้ (${p.detail})`, `Cannot read the definition (${p.detail})`],
  'definition.not_definition': () => ['ไฟล์นี้ไม่ใช่นิยามแบบรายงานหรือผังหน่วยงาน (ต้องมีชีต form หรือชีต units)', 'This is no definition of a form or of org units (it needs a sheet "form" or a sheet "units")'],
  'definition.too_large': (p) => [`นิยามใหญ่เกินไป (${p.size} เกิน ${p.limit})`, `The definition is too large (${p.size}, limit ${p.limit})`],
  'definition.sheet_missing': (p) => [`ไม่พบชีต "${p.sheet}"`, `There is no sheet "${p.sheet}"`],
  'definition.sheet_too_long': (p) => [`ชีต "${p.sheet}" มีเกิน ${p.limit} แถว`, `The sheet "${p.sheet}" has more than ${p.limit} rows`],
  'definition.column_missing': (p) => [`ชีต "${p.sheet}" ไม่มีคอลัมน์ ${p.column}`, `The sheet "${p.sheet}" has no column ${p.column}`],
  'definition.column_unknown': (p) => [`ไม่รู้จักคอลัมน์ "${p.text}" คอลัมน์ที่ใช้ได้: ${p.known}`, `Unknown column "${p.text}"; the columns are ${p.known}`],
  'definition.property_unknown': (p) => [`ไม่รู้จักรายการ "${p.text}" รายการที่ใช้ได้: ${p.known}`, `Unknown property "${p.text}"; the properties are ${p.known}`],
  'definition.property_repeated': (p) => [`รายการ "${p.text}" ซ้ำกับแถว ${p.other}`, `The property "${p.text}" repeats row ${p.other}`],
  'definition.not_number': (p) => [`${p.name} ต้องเป็นตัวเลข แต่พบ "${p.text}"`, `${p.name} must be a number, found "${p.text}"`],
  'definition.not_whole': (p) => [`${p.name} ต้องเป็นจำนวนเต็ม แต่พบ "${p.text}"`, `${p.name} must be a whole number, found "${p.text}"`],
  'definition.not_yesno': (p) => [`${p.name} ต้องเป็น ใช่/ไม่ใช่ (TRUE/FALSE) แต่พบ "${p.text}"`, `${p.name} must be yes or no (TRUE/FALSE), found "${p.text}"`],
  'definition.not_pairs': (p) => [`${p.name} ต้องเขียนเป็น รหัส=ค่า คั่นด้วย | แต่พบ "${p.text}"`, `${p.name} must be written code=value, separated by |; found "${p.text}"`],
  'definition.missing': (p) => [`ต้องระบุ ${p.name}`, `${p.name} is required`],
  'definition.wrong_type': (p) => [`${p.name} ต้องเป็น${p.expected_th}`, `${p.name} must be ${p.expected_en}`],
  'definition.unknown_value': (p) => [`${p.name} "${p.text}" ไม่มีในรายการที่รู้จัก ใช้ได้: ${p.allowed}`, `${p.name} "${p.text}" is unknown; the ${p.name} values are ${p.allowed}`],
  'definition.not_allowed': (p) => [`${p.name} ใช้กับรายการชนิดนี้ไม่ได้ ให้เว้นว่าง`, `${p.name} does not apply to this kind: leave it blank`],
  'definition.too_short': (p) => [`${p.name} ต้องมีอย่างน้อย ${p.limit} รายการ/ตัวอักษร`, `${p.name} needs at least ${p.limit} entries or characters`],
  'definition.too_many': (p) => [`${p.name} มีได้ไม่เกิน ${p.limit} รายการ`, `${p.name} may have at most ${p.limit} entries`],
  'definition.too_long': (p) => [`${p.name} ยาวได้ไม่เกิน ${p.limit} ตัวอักษร`, `${p.name} may be at most ${p.limit} characters long`],
  'definition.below_min': (p) => [`${p.name} ต้องไม่น้อยกว่า ${p.limit}`, `${p.name} must be at least ${p.limit}`],
  'definition.above_max': (p) => [`${p.name} ต้องไม่เกิน ${p.limit}`, `${p.name} must be at most ${p.limit}`],
  'definition.bad_format': (p) => [`${p.name} "${p.text}" ไม่ถูกรูปแบบ: ${p.rule_th}`, `${p.name} "${p.text}" is not in the required form: ${p.rule_en}`],
  'definition.invalid': (p) => [`${p.name} ไม่ถูกต้อง`, `${p.name} is not valid`],
  'definition.duplicate_id': (p) => [`รหัส "${p.id}" ซ้ำกับ ${p.first}`, `The id "${p.id}" repeats ${p.first}`],
  'definition.unknown_field': (p) => [`ไม่มีช่อง "${p.id}" ในแบบรายงานนี้`, `The form has no field "${p.id}"`],
  'definition.unknown_column': (p) => [`ตารางของแบบรายงานนี้ไม่มีคอลัมน์ "${p.id}"`, `The form's table has no column "${p.id}"`],
  'definition.no_item_table': (p) => [`"${p.id}" เป็นคอลัมน์ของตาราง แต่แบบรายงานนี้ไม่มีตารางรายการ`, `"${p.id}" names a table column, but the form has no table of items`],
  'definition.needs_item_table': (p) => [`"${p.kind}" ใช้แถวของตาราง แต่แบบรายงานนี้ไม่มีตารางรายการ`, `"${p.kind}" reads table rows, but the form has no table of items`],
  'definition.needs_catalog': (p) => [`"${p.kind}" ใช้รายการตัวชี้วัด (ชีต catalog) แต่แบบรายงานนี้ไม่มี`, `"${p.kind}" reads the catalog (sheet "catalog"), but the form has none`],
  'definition.key_not_required': (p) => [`คอลัมน์หลัก "${p.id}" ต้องอยู่ในคอลัมน์ที่ต้องพบ (table.required)`, `The key column "${p.id}" must be among the required columns (table.required)`],
  'definition.min_above_max': (p) => [`ค่าต่ำสุด ${p.min} มากกว่าค่าสูงสุด ${p.max}`, `min ${p.min} is above max ${p.max}`],
  'definition.bad_pattern': (p) => [`รูปแบบ "${p.text}" เขียนไม่ถูกต้อง (ต้องเป็น regular expression)`, `The pattern "${p.text}" is not a regular expression`],
  'definition.label_clash': (p) => [
    `ชื่อ "${p.text}" ของช่อง "${p.id}" อ่านได้เหมือนชื่อ "${p.other}" ของช่อง "${p.other_id}" จึงแยกไม่ออก`,
    `The label "${p.text}" of field "${p.id}" reads the same as "${p.other}" of field "${p.other_id}"`,
  ],
  'definition.label_empty': (p) => [`ชื่อ "${p.text}" ไม่มีตัวอักษรหรือตัวเลขให้เทียบ`, `The label "${p.text}" has no letters or digits to match by`],
  'definition.not_numeric': (p) => [`รวมยอดได้เฉพาะช่องตัวเลข แต่ "${p.id}" เป็นชนิด ${p.type}`, `Only numeric fields add up, but "${p.id}" is of type ${p.type}`],
  'definition.not_yesno_field': (p) => [`"${p.id}" ต้องเป็นช่อง ใช่/ไม่ใช่ (yesno) แต่เป็นชนิด ${p.type}`, `"${p.id}" must be a yes/no field, but it is of type ${p.type}`],
  'definition.not_choice_field': (p) => [`"${p.id}" ต้องเป็นช่องตัวเลือก (choice) แต่เป็นชนิด ${p.type}`, `"${p.id}" must be a choice field, but it is of type ${p.type}`],
  'definition.no_choices': (p) => [`ช่องตัวเลือก "${p.id}" ต้องระบุรายการตัวเลือก (คอลัมน์ choices)`, `The choice field "${p.id}" must name its list (column choices)`],
  'definition.unknown_list': (p) => [`ไม่มีรายการตัวเลือก "${p.list}" ในชีต choices`, `There is no choice list "${p.list}" in the sheet "choices"`],
  'definition.no_rank': (p) => [`เทียบระดับของ "${p.id}" ไม่ได้ เพราะตัวเลือกในรายการ "${p.list}" ไม่มีลำดับ (rank) ครบ`, `"${p.id}" cannot be compared: the choices of list "${p.list}" lack a rank`],
  'definition.unknown_indicator': (p) => [`ไม่มีตัวชี้วัด "${p.id}" ในการรวมยอดนี้`, `The consolidation has no indicator "${p.id}"`],
  'definition.ratio_without': (p) => [`"${p.code}" เป็นแถวเศษหรือส่วน แต่ไม่ได้ระบุ ratioOf`, `"${p.code}" is a numerator or denominator row without ratioOf`],
  'definition.ratio_only': (p) => [`ratioOf ใช้ได้เฉพาะแถวเศษและส่วน ("${p.code}")`, `ratioOf is for numerator and denominator rows only ("${p.code}")`],
  'definition.ratio_unknown': (p) => [`"${p.code}" อ้างถึงรหัส "${p.ratio}" ซึ่งไม่มีในรายการตัวชี้วัด`, `"${p.code}" names code "${p.ratio}", which the catalog does not have`],
  'definition.ratio_nested': (p) => [`"${p.code}" อ้างถึง "${p.ratio}" ซึ่งเป็นแถวเศษหรือส่วนเอง`, `"${p.code}" names "${p.ratio}", which is itself a numerator or denominator row`],
  'definition.ratio_rows': (p) => [`อัตราส่วน "${p.code}" มีแถว ${p.kind} ${p.count} แถว (ต้องมี 1)`, `The ratio "${p.code}" has ${p.count} ${p.kind} rows, not 1`],
  'definition.report': (p) => [p.th, p.en],
  'definition.unknown_unit': (p) => [`ไม่มีหน่วยงานรหัส "${p.code}" ในผังหน่วยงานของปีนี้`, `There is no org unit "${p.code}" in this year's org units`],
  'definition.unknown_item': (p) => [`ไม่มีตัวชี้วัดรหัส "${p.code}" ในรายการตัวชี้วัด (ชีต catalog)`, `The catalog (sheet "catalog") has no code "${p.code}"`],
  'definition.targets_sum': (p) => [
    `เป้าหมายรายไตรมาสของ ${p.code} หน่วยงาน ${p.unit} รวม ${p.sum} ไม่เท่ากับเป้าหมายปี ${p.annual}`,
    `The quarterly targets of ${p.code} for ${p.unit} add up to ${p.sum}, not the annual ${p.annual}`,
  ],
  'definition.unit_unknown_parent': (p) => [`หน่วยงานแม่ "${p.parent}" ของ ${p.code} ไม่มีในผังหน่วยงาน`, `The parent "${p.parent}" of ${p.code} is not in the org units`],
  'definition.unit_cycle': (p) => [`หน่วยงาน ${p.code} วนกลับมาเป็นหน่วยงานแม่ของตัวเอง`, `The org unit ${p.code} is its own ancestor`],
  'definition.unit_root': (p) => [
    `ผังหน่วยงานต้องมีหน่วยงานบนสุด (ไม่มีหน่วยงานแม่) หนึ่งหน่วย แต่พบ ${p.count} (${p.roots})`,
    `An org-unit tree has one top unit (without a parent); found ${p.count} (${p.roots})`,
  ],
  'definition.unit_root_kind': (p) => [`หน่วยงานบนสุด ${p.code} ต้องเป็นชนิด hq แต่เป็น ${p.kind}`, `The top unit ${p.code} must be of kind hq, not ${p.kind}`],
  'definition.unit_name_clash': (p) => [`ชื่อ "${p.text}" ของ ${p.code} อ่านได้เหมือนชื่อของ ${p.other} จึงแยกไม่ออก`, `The name "${p.text}" of ${p.code} reads the same as a name of ${p.other}`],
  'definition.unit_prefix_clash': (p) => [`รหัสนำหน้า ${p.prefix} ของ ${p.code} ซ้ำกับของ ${p.other}`, `The agency prefix ${p.prefix} of ${p.code} is also ${p.other}'s`],
  'definition.unit_other_tree': (p) => [`รหัสหน่วยงาน ${p.code} มีอยู่แล้วในผังหน่วยงาน ${p.tree}`, `The org-unit code ${p.code} is already in the tree ${p.tree}`],
};

/** A path as written: `form.fields[3].type`. */
export function pathText(path: DefinitionPath): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${k}`)).join('') || '(definition)';
}

/** Where findings point: a path's cell in the workbook it was read from (`fields!C14`); without one, the path itself. */
export type SourceMap = ReadonlyMap<string, string>;

/** The cell of the path, or of its nearest enclosing path that has one. */
export function placeOf(path: DefinitionPath, sources?: SourceMap): string {
  if (sources) {
    for (let n = path.length; n >= 0; n--) {
      const cell = sources.get(pathText(path.slice(0, n)));
      if (cell) return cell;
    }
  }
  return pathText(path);
}

/** A definition finding as an Issue: an error at its cell, in Thai and English. */
export function definitionIssue(f: DefinitionFinding, sources?: SourceMap): Issue {
  const texts = MESSAGES[f.code] as (p: DefinitionParamMap[DefinitionCode]) => [string, string];
  const [message_th, message_en] = texts(f.params);
  return { severity: 'error', code: f.code, cell: f.cell ?? placeOf(f.path, sources), message_th, message_en };
}

/** English only: for a developer's error in a built-in definition (`FormDefinitionError`). */
export function findingText(f: DefinitionFinding): string {
  return `${f.cell ?? pathText(f.path)}: ${definitionIssue(f).message_en}`;
}
