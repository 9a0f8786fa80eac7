/**
 * The definition workbook, sheet by sheet and column by column: what headquarters edits in
 * Excel or Calc, and how each cell maps to the definition's JSON twin. A column's id is the
 * JSON property it fills (a path inside the row's object: `title.th`, `tiers.0`); its header
 * cell is written `id (Thai label)`. The README documents every sheet from these tables, and
 * the reader and writer both follow them, so the two cannot drift apart.
 */

/**
 * How a cell's value is read and written:
 * `text` as written · `number` a number · `whole` a whole number · `yesno` TRUE/FALSE (or ใช่/ไม่ใช่, yes/no) ·
 * `texts` several texts separated by `|` · `ids` several ids separated by `,` (or `|`) ·
 * `pairs` `code=value` separated by `|` (an object) · `pctOf` an indicator id, or `expected`.
 */
export type CellKind = 'text' | 'number' | 'whole' | 'yesno' | 'texts' | 'ids' | 'pairs' | 'pctOf';

export interface ColumnSpec {
  /** The header's id, and the JSON path it fills inside the row's object. */
  id: string;
  th: string;
  kind: CellKind;
  /** A column every row must have a header for. */
  required?: boolean;
}

/** A sheet of one row per element of a list in the definition (`fields`, `rules`, `catalog`). */
export interface RowSheetSpec {
  shape: 'rows';
  sheet: string;
  th: string;
  columns: ColumnSpec[];
}

/** A sheet of `property | value` rows, each filling one property of an object (`form`, `consolidation`). */
export interface PropertySheetSpec {
  shape: 'properties';
  sheet: string;
  th: string;
  properties: ColumnSpec[];
}

export type SheetSpec = RowSheetSpec | PropertySheetSpec;

const c = (id: string, th: string, kind: CellKind = 'text', required = false): ColumnSpec => ({ id, th, kind, ...(required ? { required } : {}) });

/** `form`: the form itself. `table.*` describe its table; a form without a table leaves them out. */
export const FORM_SHEET: PropertySheetSpec = {
  shape: 'properties',
  sheet: 'form',
  th: 'แบบรายงาน',
  properties: [
    c('id', 'รหัสแบบรายงาน (a–z 0–9 -)'),
    c('title_th', 'ชื่อแบบรายงานภาษาไทย'),
    c('title_en', 'ชื่อแบบรายงานภาษาอังกฤษ'),
    c('period.kind', 'รอบการรายงาน: year (รายปี) หรือ quarter (รายไตรมาส)'),
    c('period.fiscalYearField', 'ช่องที่ระบุปีงบประมาณ'),
    c('orgUnit.fields', 'ช่องที่ระบุหน่วยงานที่รายงาน (ตัวแรกที่พบ)', 'ids'),
    c('orgUnit.kinds', 'ประเภทหน่วยงานที่ส่งแบบนี้ได้', 'ids'),
    c('orgUnit.under', 'เฉพาะหน่วยงานภายใต้หน่วยงานนี้ (รหัส เช่น CODI)'),
    c('subjectFields', 'ช่องที่บอกเรื่องของรายงาน เมื่อหน่วยงานส่งหลายฉบับต่องวด', 'ids'),
    c('dueDaysAfterPeriod', 'กำหนดส่ง (วันหลังสิ้นงวด)', 'whole'),
    c('closesAfterDays', 'ปิดรับ (วันหลังสิ้นงวด)', 'whole'),
    c('table.row', 'ตาราง: แถวละ item (รายการ) หรือ return (หน่วยงาน)'),
    c('table.key', 'ตาราง: คอลัมน์หลักที่บอกรายการ'),
    c('table.required', 'ตาราง: คอลัมน์ที่ต้องพบจึงนับเป็นตาราง', 'ids'),
    c('table.labelColumn', 'ตาราง: คอลัมน์ที่อาจมีคำว่า รวม'),
  ],
};

/** `fields`: record fields (`in` record), table columns (`in` table), or both (a table of one row per unit). */
export const FIELDS_SHEET: RowSheetSpec = {
  shape: 'rows',
  sheet: 'fields',
  th: 'ช่องข้อมูล',
  columns: [
    c('id', 'รหัสช่อง (a–z 0–9 _)', 'text', true),
    c('in', 'อยู่ที่ record (ส่วนหัว) table (ตาราง) หรือ both', 'text', true),
    c('type', 'ชนิดข้อมูล', 'text', true),
    c('label_th', 'ชื่อภาษาไทย', 'text', true),
    c('label_en', 'ชื่อภาษาอังกฤษ', 'text', true),
    c('aliases', 'ชื่ออื่นที่ใช้ได้ (คั่นด้วย |)', 'texts'),
    c('unit', 'หน่วย'),
    c('min', 'ค่าต่ำสุด', 'number'),
    c('max', 'ค่าสูงสุด', 'number'),
    c('required', 'ต้องระบุ', 'yesno'),
    c('choices', 'รายการตัวเลือก (ชีต choices)'),
    c('pattern', 'รูปแบบ (regular expression)'),
    c('yes', 'คำที่หมายถึงใช่ (คั่นด้วย |)', 'texts'),
    c('no', 'คำที่หมายถึงไม่ (คั่นด้วย |)', 'texts'),
    c('orgUnitKinds', 'ประเภทหน่วยงานที่ระบุได้', 'ids'),
  ],
};

/** `choices`: the choices of each list a choice field names, in the order shown. */
export const CHOICES_SHEET: RowSheetSpec = {
  shape: 'rows',
  sheet: 'choices',
  th: 'ตัวเลือก',
  columns: [
    c('list', 'รายการตัวเลือก', 'text', true),
    c('id', 'รหัสตัวเลือก (a–z 0–9 _)', 'text', true),
    c('label_th', 'ชื่อภาษาไทย', 'text', true),
    c('label_en', 'ชื่อภาษาอังกฤษ', 'text', true),
    c('aliases', 'ชื่ออื่นที่ใช้ได้ (คั่นด้วย |)', 'texts'),
    c('rank', 'ลำดับความสูง (มากคือสูง)', 'number'),
  ],
};

/** `rules`: one rule a row; each kind fills the columns it takes and leaves the others blank. */
export const RULES_SHEET: RowSheetSpec = {
  shape: 'rows',
  sheet: 'rules',
  th: 'กฎตรวจสอบ',
  columns: [
    c('kind', 'ชนิดกฎ', 'text', true),
    c('severity', 'ระดับ: error (ผิด) warning (เตือน) info', 'text', true),
    c('field', 'ช่อง'),
    c('column', 'คอลัมน์'),
    c('parts', 'ส่วนย่อย', 'ids'),
    c('total', 'ยอดรวม'),
    c('limit', 'วงเงิน/เพดาน'),
    c('result', 'ผล'),
    c('from', 'จาก'),
    c('minus', 'หักออก', 'ids'),
    c('when', 'เมื่อช่องนี้เป็น ใช่'),
    c('to', 'ถึง'),
    c('orderBy', 'เรียงตาม', 'ids'),
    c('start', 'วันเริ่ม'),
    c('end', 'วันสิ้นสุด'),
    c('cumulative', 'ผลสะสม'),
    c('than', 'เทียบกับ'),
  ],
};

/** `consolidation`: how returns add up. Which properties a kind takes: see the README. */
export const CONSOLIDATION_SHEET: PropertySheetSpec = {
  shape: 'properties',
  sheet: 'consolidation',
  th: 'การรวมยอด',
  properties: [
    c('kind', 'วิธีรวมยอด: indicators kpiCatalog projects itemTotals rowCounts'),
    c('expectedKinds', 'ประเภทหน่วยงานที่ต้องส่ง', 'ids'),
    c('key', 'itemTotals: คอลัมน์ที่แยกรายการ'),
    c('columns', 'itemTotals: คอลัมน์ที่รวมยอด', 'ids'),
    c('columns.code', 'kpiCatalog: คอลัมน์รหัสตัวชี้วัด'),
    c('columns.annualTarget', 'kpiCatalog: คอลัมน์เป้าหมายปี'),
    c('columns.quarterTargets', 'kpiCatalog: คอลัมน์เป้าหมายไตรมาส 1–4', 'ids'),
    c('columns.result', 'kpiCatalog: คอลัมน์ผลไตรมาสนี้'),
    c('columns.cumulative', 'kpiCatalog: คอลัมน์ผลสะสม'),
    c('fields.budget', 'projects: ช่องงบประมาณที่ได้รับ'),
    c('fields.start', 'projects: ช่องวันเริ่มโครงการ'),
    c('fields.end', 'projects: ช่องวันสิ้นสุดโครงการ'),
    c('columns.date', 'projects: คอลัมน์วันที่รายงาน'),
    c('columns.number', 'projects: คอลัมน์ครั้งที่'),
    c('columns.progress', 'projects: คอลัมน์ความก้าวหน้า'),
    c('columns.disbursed', 'projects: คอลัมน์เงินเบิกจ่าย'),
    c('columns.onPlan', 'projects: คอลัมน์เป็นไปตามแผน'),
    c('columns.onTarget', 'projects: คอลัมน์เป็นไปตามเป้าหมาย'),
    c('completedOnTargetGoal', 'projects: เป้าหมายร้อยละแล้วเสร็จตามเป้า', 'number'),
    c('behindByPoints', 'projects: ล่าช้าเมื่อต่ำกว่าเวลาที่ผ่านไปกี่จุด', 'number'),
  ],
};

/** `indicators` (consolidation kind indicators): one indicator a row. */
export const INDICATORS_SHEET: RowSheetSpec = {
  shape: 'rows',
  sheet: 'indicators',
  th: 'ตัวชี้วัด',
  columns: [
    c('id', 'รหัสตัวชี้วัด', 'text', true),
    c('kind', 'ชนิด: returns sum countUnits', 'text', true),
    c('label_th', 'ชื่อภาษาไทย', 'text', true),
    c('label_en', 'ชื่อภาษาอังกฤษ', 'text', true),
    c('field', 'sum: ช่องที่รวม'),
    c('fields', 'countUnits: ช่องที่ดู', 'ids'),
    c('when', 'countUnits: นับเมื่อ yes หรือ positive'),
    c('pctOf', 'ร้อยละของ (รหัสตัวชี้วัด หรือ expected)', 'pctOf'),
    c('target', 'ค่าเป้าหมาย (ร้อยละ)', 'number'),
  ],
};

/** `counts` (consolidation kind rowCounts): rows counted by a choice column. */
export const COUNTS_SHEET: RowSheetSpec = {
  shape: 'rows',
  sheet: 'counts',
  th: 'การนับแถว',
  columns: [
    c('id', 'รหัสการนับ', 'text', true),
    c('column', 'คอลัมน์ตัวเลือกที่นับตาม', 'text', true),
    c('when', 'นับเฉพาะแถวที่คอลัมน์ ใช่/ไม่ใช่ นี้เป็น ใช่'),
    c('label_th', 'ชื่อภาษาไทย', 'text', true),
    c('label_en', 'ชื่อภาษาอังกฤษ', 'text', true),
  ],
};

/** `catalog`: the KPIs of the fiscal year the definition is published for. */
export const CATALOG_SHEET: RowSheetSpec = {
  shape: 'rows',
  sheet: 'catalog',
  th: 'รายการตัวชี้วัด',
  columns: [
    c('code', 'รหัส', 'text', true),
    c('name_th', 'ชื่อภาษาไทย', 'text', true),
    c('name_en', 'ชื่อภาษาอังกฤษ', 'text', true),
    c('unit', 'หน่วยนับ', 'text', true),
    c('kind', 'ชนิด: count numerator denominator', 'text', true),
    c('ratioOf', 'เศษ/ส่วนของตัวชี้วัด'),
    c('tiers.0', 'คะแนน: ขั้นต่ำ (50)', 'number'),
    c('tiers.1', 'คะแนน: มาตรฐาน (75)', 'number'),
    c('tiers.2', 'คะแนน: สูง (100)', 'number'),
    c('cumulativeTargetsPct.0', 'เป้าหมายสะสม ร้อยละ ไตรมาส 1', 'number'),
    c('cumulativeTargetsPct.1', 'เป้าหมายสะสม ร้อยละ ไตรมาส 2', 'number'),
    c('cumulativeTargetsPct.2', 'เป้าหมายสะสม ร้อยละ ไตรมาส 3', 'number'),
    c('cumulativeTargetsPct.3', 'เป้าหมายสะสม ร้อยละ ไตรมาส 4', 'number'),
    c('annualOnly', 'ประเมินเฉพาะเป้าหมายปี', 'yesno'),
  ],
};

/** `targets`: headquarters' targets of the year by unit and KPI (catalog forms): annual and by quarter. */
export const TARGETS_SHEET: RowSheetSpec = {
  shape: 'rows',
  sheet: 'targets',
  th: 'เป้าหมายที่ส่วนกลางกำหนด',
  columns: [
    c('unit', 'รหัสหน่วยงาน', 'text', true),
    c('code', 'รหัสตัวชี้วัด', 'text', true),
    c('annual', 'เป้าหมายปี', 'number'),
    c('q1', 'เป้าหมายไตรมาส 1', 'number'),
    c('q2', 'เป้าหมายไตรมาส 2', 'number'),
    c('q3', 'เป้าหมายไตรมาส 3', 'number'),
    c('q4', 'เป้าหมายไตรมาส 4', 'number'),
  ],
};

/** `reports`: the report tables the form's tally offers, the first the default. */
export const REPORTS_SHEET: RowSheetSpec = {
  shape: 'rows',
  sheet: 'reports',
  th: 'ตารางรายงาน',
  columns: [
    c('name', 'ชื่อตาราง (a–z 0–9 -)', 'text', true),
    c('shape', 'รูปแบบ: measureRows groupRows itemRows', 'text', true),
    c('title.th', 'หัวเรื่องภาษาไทย', 'text', true),
    c('title.en', 'หัวเรื่องภาษาอังกฤษ', 'text', true),
    c('sheet', 'ชื่อชีต (ไม่เกิน 20 ตัวอักษร)', 'text', true),
    c('by', 'แยกตาม: district zone region hq', 'text', true),
    // Other groupings the table may be shown at, each with the title it then takes (empty: shown at `by` only).
    ...(['district', 'zone', 'region', 'hq'] as const).flatMap((by) => [c(`titles.${by}.th`, `หัวเรื่องเมื่อแยกตาม ${by} (ไทย)`), c(`titles.${by}.en`, `หัวเรื่องเมื่อแยกตาม ${by} (อังกฤษ)`)]),
    c('codes', 'แสดงรหัสตัวชี้วัด', 'yesno'),
    c('measures.include', 'เฉพาะตัวชี้วัด', 'ids'),
    c('measures.exclude', 'ยกเว้นตัวชี้วัด', 'ids'),
    c('blocks', 'groupRows: single หรือ perMeasure'),
    c('total', 'groupRows: มีแถวรวม', 'yesno'),
    c('onlyReporting', 'groupRows: เฉพาะหน่วยงานที่ส่ง', 'yesno'),
    c('rowLabels', 'groupRows: ชื่อแถวตามรหัสหน่วยงาน (รหัส=ชื่อ | …)', 'pairs'),
    c('chart.title.th', 'แผนภูมิ: หัวเรื่องภาษาไทย'),
    c('chart.title.en', 'แผนภูมิ: หัวเรื่องภาษาอังกฤษ'),
    c('chart.field', 'แผนภูมิ: ตัวเลขที่แสดง'),
    c('chart.measures', 'แผนภูมิ: ตัวชี้วัด', 'ids'),
  ],
};

/** `report_columns`: each report's columns in order (`part` columns, or eachMeasure: repeated for every measure). */
export const REPORT_COLUMNS_SHEET: RowSheetSpec = {
  shape: 'rows',
  sheet: 'report_columns',
  th: 'คอลัมน์ของตารางรายงาน',
  columns: [
    c('report', 'ชื่อตาราง (ชีต reports)', 'text', true),
    c('part', 'ส่วน: columns หรือ eachMeasure'),
    c('show', 'แสดง', 'text', true),
    c('heading.th', 'หัวคอลัมน์ภาษาไทย', 'text', true),
    c('heading.en', 'หัวคอลัมน์ภาษาอังกฤษ', 'text', true),
    c('group.th', 'หัวกลุ่มภาษาไทย'),
    c('group.en', 'หัวกลุ่มภาษาอังกฤษ'),
    c('measure', 'ตัวชี้วัด'),
    c('field', 'ตัวเลข'),
    c('follows', 'สถานะตามตัวเลข'),
    c('through', 'ไตรมาส: year หรือ period'),
    c('column', 'itemRows: คอลัมน์ที่รวม'),
    c('format', 'รูปแบบตัวเลข'),
    c('percentUnitFormat', 'รูปแบบเมื่อหน่วยเป็นร้อยละ'),
    c('formatFor', 'รูปแบบเฉพาะตัวชี้วัด (รหัส=รูปแบบ | …)', 'pairs'),
    c('none', 'ค่าว่าง: dash หรือ blank'),
    c('omitFor', 'เว้นว่างสำหรับตัวชี้วัด', 'ids'),
    c('total', 'itemRows: มียอดรวม', 'yesno'),
  ],
};

/** `units`: an agency's org units, one a row; the top unit (no parent) is its headquarters. */
export const UNITS_SHEET: RowSheetSpec = {
  shape: 'rows',
  sheet: 'units',
  th: 'หน่วยงาน',
  columns: [
    c('code', 'รหัสหน่วยงาน', 'text', true),
    c('kind', 'ประเภท: hq zone district department region', 'text', true),
    c('name_th', 'ชื่อภาษาไทย', 'text', true),
    c('name_en', 'ชื่อภาษาอังกฤษ', 'text', true),
    c('parent', 'หน่วยงานแม่'),
    c('aliases', 'ชื่ออื่นที่ใช้ได้ (คั่นด้วย |)', 'texts'),
    c('agencyPrefix', 'รหัสนำหน้าหน่วยงาน (4 หลัก)'),
  ],
};

/** The sheets of a form's workbook, in the order they are written. */
export const FORM_SHEETS: SheetSpec[] = [
  FORM_SHEET,
  FIELDS_SHEET,
  CHOICES_SHEET,
  RULES_SHEET,
  CONSOLIDATION_SHEET,
  INDICATORS_SHEET,
  COUNTS_SHEET,
  CATALOG_SHEET,
  TARGETS_SHEET,
  REPORTS_SHEET,
  REPORT_COLUMNS_SHEET,
];

/** A header cell as written: `label_th (ชื่อภาษาไทย)`. */
export function headerText(spec: ColumnSpec): string {
  return `${spec.id} (${spec.th})`;
}

/** The id a header cell names: the text before a parenthesis, trimmed (`label_th (ชื่อภาษาไทย)` → `label_th`). */
export function headerId(text: string): string {
  return text.replace(/\(.*$/s, '').trim();
}

/** At most this many rows a sheet (the org units of an agency are the longest). */
export const MAX_SHEET_ROWS = 5000;
