import type { Issue, Severity } from './issue';

/** Field labels in both languages, as most messages name the field they are about. */
type Named = { th: string; en: string };
/** A list of field labels joined with `+`, in both languages. */
type Parts = { parts_th: string; parts_en: string };
/** Codes with no parameters. */
type None = Record<string, never>;

/**
 * Every finding code and the parameters its wording needs. A code missing here cannot be
 * raised; a wrong or missing parameter does not compile.
 */
export interface IssueParamMap {
  'file.unreadable': { detail: string };
  'file.empty': None;
  'file.too_large': { size: number; limit: number };
  'file.no_form': None;
  'file.password_protected': None;
  'file.unknown_format': { ext: string; formats: string };
  'file.unsupported_format': { format: 'numbers' | 'biff2_4' };
  'file.damaged_format': { format: 'xls' | 'xlsb' | 'ods' | 'html' | 'spreadsheetml' };
  'file.expands_too_much': { size_mb: number; times: number };
  'file.read_too_long': { seconds: number };
  'form.unknown': { id: string };
  'sheet.not_a_form': None;
  'sheet.too_large': { cells: number; limit: number };
  'sheet.beyond_limits': { row: number; col: number; rows: number; cols: number };
  'column.unknown': { text: string };
  'column.duplicate': Named;
  'row.note_ignored': None;
  'field.duplicate': Named;
  'cell.formula_error': { error: string };
  'cell.uncomputed': None;
  'value.not_number': Named & { text: string };
  'value.not_whole': Named & { value: string };
  'value.not_date': Named & { text: string };
  'value.not_yesno': Named & { text: string };
  'value.not_year': Named & { text: string };
  'value.below_min': Named & { value: string; limit: string };
  'value.above_max': Named & { value: string; limit: string };
  'value.bad_format': Named & { text: string };
  'value.not_choice': Named & { text: string; allowed_th: string; allowed_en: string };
  'org_unit.unknown': { text: string; suggest_th: string; suggest_en: string };
  'org_unit.wrong_kind': { text: string };
  'org_unit.other_agency': { text: string; agency_th: string; agency_en: string; form_agency_th: string; form_agency_en: string };
  'org_unit.missing': None;
  'period.fiscal_year_missing': None;
  'period.quarter_missing': None;
  'rule.sum_equals': Named & Parts & { total: string; sum: string };
  'rule.sum_at_most': Named & Parts & { sum: string; limit: string };
  'rule.difference': Named & { value: string; expected: string };
  'rule.required_when': Named & { when_th: string; when_en: string };
  'rule.date_order': { from: string; to: string; from_th: string; from_en: string; to_th: string; to_en: string };
  'rule.agency_mismatch': Named & { code: string; unit_th: string; unit_en: string };
  'rule.row_sum': Named & Parts & { sum: string; total: string };
  'rule.duplicate_key': Named & { value: string; other: string };
  'rule.empty_row': { value: string };
  'rule.row_required': Named;
  'rule.decreasing': Named & { before: string; value: string };
  'rule.date_outside': { value: string; from: string; to: string };
  'rule.column_sum_at_most': Named & { limit_th: string; limit_en: string; sum: string; limit: string };
  'rule.column_sum_equals': Named & { field_th: string; field_en: string; value: string; sum: string };
  'rule.unknown_item': { value: string };
  'rule.cumulative': Named & { value: string; expected: string; previous: string; result: string };
  'rule.field_required': Named;
  'rule.only_when': Named & { when_th: string; when_en: string };
  'rule.choice_above': Named & { value_th: string; value_en: string; than_th: string; than_en: string; other_th: string; other_en: string };
  'total.mismatch': Named & { value: string; sum: string };
  'target.differs': Named & { value: string; target: string; at: string };
  'total.unverifiable': Named & { reason_th: string; reason_en: string };
  'date.far_from_year': { value: string; fiscalYear: number; from: string; to: string };
  'date.be_year_in_date_cell': { year: number; value: string };
}
export type IssueCode = keyof IssueParamMap;

/** The parameters argument of a code: none for codes without parameters. */
export type IssueParams<C extends IssueCode> = IssueParamMap[C] extends None ? [] : [params: IssueParamMap[C]];

const SAVE_AS_XLSX: [string, string] = ['กรุณาเปิดใน Excel หรือ LibreOffice Calc แล้วบันทึกเป็น .xlsx', 'open it in Excel or LibreOffice Calc and save it as .xlsx'];
/** Spreadsheet formats named in findings: Thai and English names, and (for those not read) what to do instead. */
const FORMAT_NAMES: Record<IssueParamMap['file.unsupported_format' | 'file.damaged_format']['format'], [string, string, string?, string?]> = {
  xls: ['Excel 97–2003 หรือ Excel 5/95 (.xls)', 'an Excel 97–2003 or Excel 5/95 workbook (.xls)'],
  xlsb: ['สมุดงาน Excel แบบไบนารี (.xlsb)', 'an Excel binary workbook (.xlsb)'],
  ods: ['สเปรดชีต OpenDocument (.ods)', 'an OpenDocument spreadsheet (.ods)'],
  html: ['ตาราง HTML (ที่ระบบงานบนเว็บส่งออกเป็น .xls)', 'an HTML table (as web systems export to ".xls")'],
  spreadsheetml: ['สมุดงาน Excel 2003 XML', 'an Excel 2003 XML workbook'],
  numbers: ['ไฟล์ Apple Numbers', 'an Apple Numbers file', 'กรุณาเปิดใน Numbers แล้วส่งออกเป็น Excel (.xlsx)', 'open it in Numbers and export it to Excel (.xlsx)'],
  biff2_4: ['แผ่นงาน Excel 2.x–4.0 (รุ่นก่อนปี พ.ศ. 2537)', 'an Excel 2.x–4.0 worksheet (from before 1994)'],
};

/** Every finding's wording, Thai and English; the type requires one entry per code. */
const MESSAGES: { [C in IssueCode]: (p: IssueParamMap[C]) => [th: string, en: string] } = {
  // The detail is the reader's own words (English): for IT staff in the English text, never inside the Thai.
  'file.unreadable': (p) => [
    'เปิดไฟล์ไม่ได้ ไฟล์อาจเสียหาย คัดลอกมาไม่ครบ หรือไม่ใช่สมุดงาน กรุณาเปิดใน Excel หรือ LibreOffice Calc แล้วบันทึกใหม่',
    `Cannot open the file: it is damaged, incomplete or no workbook (${p.detail}); open it in Excel or LibreOffice Calc and save it again`,
  ],
  'file.password_protected': () => ['ไฟล์นี้ตั้งรหัสผ่านไว้ จึงอ่านไม่ได้ กรุณาเอารหัสผ่านออกแล้วบันทึกใหม่', 'The file is password-protected and cannot be read; remove the password and save it again'],
  'file.unknown_format': (p) => [
    `เนื้อไฟล์นี้ไม่ใช่สมุดงานในรูปแบบที่อ่านได้ (แม้ชื่อไฟล์จะลงท้ายด้วย ${p.ext}) อ่านได้เฉพาะ ${p.formats}`,
    `The file's content is no workbook in a format that is read, whatever its name (${p.ext}) says; the formats read are ${p.formats}`,
  ],
  'file.unsupported_format': (p) => {
    const [name_th, name_en, do_th = SAVE_AS_XLSX[0], do_en = SAVE_AS_XLSX[1]] = FORMAT_NAMES[p.format];
    return [`ไฟล์นี้เป็น ${name_th} ซึ่งอ่านไม่ได้ ${do_th}`, `The file is ${name_en}, which is not read; ${do_en}`];
  },
  'file.damaged_format': (p) => {
    const [name_th, name_en] = FORMAT_NAMES[p.format];
    return [
      `ไฟล์นี้เป็น ${name_th} แต่อ่านเนื้อไฟล์ไม่ได้ ไฟล์อาจเสียหาย กรุณาเปิดใน Excel หรือ LibreOffice Calc แล้วบันทึกใหม่เป็น .xlsx`,
      `The file is ${name_en} but its content cannot be read: it may be damaged; open it in Excel or LibreOffice Calc and save it again as .xlsx`,
    ];
  },
  'file.empty': () => ['ไฟล์ว่างเปล่า ไม่มีข้อมูล', 'The file is empty'],
  'file.expands_too_much': (p) => [
    `ไฟล์นี้เมื่อแตกออกมีขนาดเกิน ${fmtNum(p.size_mb)} MB (${fmtNum(p.times)} เท่าของขนาดไฟล์) ซึ่งไม่ใช่ข้อมูลในตาราง ไฟล์อาจเสียหายหรือถูกทำขึ้นให้โปรแกรมอ่านค้าง กรุณาเปิดใน Excel หรือ LibreOffice Calc แล้วบันทึกใหม่`,
    `The file unpacks to more than ${fmtNum(p.size_mb)} MB (${fmtNum(p.times)} times its size), which is no sheet data: it is damaged or made to stall readers; open it in Excel or LibreOffice Calc and save it again`,
  ],
  'file.read_too_long': (p) => [
    `อ่านไฟล์นานเกิน ${fmtNum(p.seconds)} วินาที จึงหยุดอ่าน ไฟล์อาจเสียหายหรือมีข้อมูลมากผิดปกติ กรุณาเปิดใน Excel หรือ LibreOffice Calc แล้วบันทึกใหม่`,
    `Reading the file took more than ${fmtNum(p.seconds)} seconds and was stopped: it is damaged or holds far more than a return; open it in Excel or LibreOffice Calc and save it again`,
  ],
  'file.too_large': (p) => [`ไฟล์ใหญ่เกินไป (${p.size} ไบต์ เกิน ${p.limit})`, `The file is too large (${p.size} bytes, limit ${p.limit})`],
  'file.no_form': () => ['ไม่พบแบบรายงานที่รู้จักในไฟล์นี้', 'No known form was found in this file'],
  'form.unknown': (p) => [`ไม่รู้จักแบบรายงาน "${p.id}"`, `Unknown form "${p.id}"`],
  'sheet.not_a_form': () => ['ชีตนี้ไม่ใช่แบบรายงาน จึงข้ามไป', 'This sheet is not a known form and was skipped'],
  'sheet.too_large': (p) => [`ชีตมีข้อมูลมากเกินไป (เกิน ${fmtNum(p.limit)} เซลล์) จึงหยุดอ่าน`, `The sheet holds too much data (more than ${fmtNum(p.limit)} cells); reading stopped`],
  'sheet.beyond_limits': (p) => [
    `ชีตมีเซลล์เกินขอบเขตของ Excel (แถว ${fmtNum(p.row)} คอลัมน์ ${fmtNum(p.col)}; สูงสุด ${fmtNum(p.rows)} แถว ${fmtNum(p.cols)} คอลัมน์)`,
    `The sheet has a cell beyond Excel's bounds (row ${fmtNum(p.row)}, column ${fmtNum(p.col)}; at most ${fmtNum(p.rows)} rows, ${fmtNum(p.cols)} columns)`,
  ],
  'column.unknown': (p) => [`ไม่รู้จักคอลัมน์ "${p.text}" จึงไม่นำมาใช้`, `Unknown column "${p.text}" ignored`],
  'column.duplicate': (p) => [`คอลัมน์ "${p.th}" ซ้ำ ใช้คอลัมน์แรก`, `Column "${p.en}" appears twice; the first is used`],
  'row.note_ignored': () => ['แถวนี้เป็นหมายเหตุ ไม่ใช่ข้อมูล จึงข้ามไป', 'This row is a note, not data, and was skipped'],
  'field.duplicate': (p) => [`รายการ "${p.th}" ซ้ำกันสองครั้ง`, `Item "${p.en}" is given twice`],
  'cell.formula_error': (p) => [`สูตรคำนวณผิดพลาด (${p.error})`, `Formula error (${p.error})`],
  'cell.uncomputed': () => [
    'สูตรในเซลล์นี้ไม่มีผลคำนวณบันทึกไว้ (ไฟล์ถูกบันทึกโดยโปรแกรมที่ไม่คำนวณสูตร) กรุณาเปิดไฟล์ใน Excel หรือ LibreOffice Calc แล้วบันทึกใหม่',
    'This formula has no computed value saved (the file was saved by a program that does not calculate); open the file in Excel or LibreOffice Calc and save it again',
  ],
  'value.not_number': (p) => [`"${p.th}" ต้องเป็นตัวเลข แต่พบ "${p.text}"`, `"${p.en}" must be a number, found "${p.text}"`],
  'value.not_whole': (p) => [`"${p.th}" ต้องเป็นจำนวนเต็ม แต่พบ ${p.value}`, `"${p.en}" must be a whole number, found ${p.value}`],
  'value.not_date': (p) => [`"${p.th}" ต้องเป็นวันที่ แต่พบ "${p.text}"`, `"${p.en}" must be a date, found "${p.text}"`],
  'value.not_yesno': (p) => [`"${p.th}" ต้องเป็น ใช่/ไม่ใช่ แต่พบ "${p.text}"`, `"${p.en}" must be yes or no, found "${p.text}"`],
  'value.not_year': (p) => [`"${p.th}" ต้องเป็นปี พ.ศ. แต่พบ "${p.text}"`, `"${p.en}" must be a year, found "${p.text}"`],
  'value.below_min': (p) => [`"${p.th}" ต้องไม่น้อยกว่า ${p.limit} แต่พบ ${p.value}`, `"${p.en}" must be at least ${p.limit}, found ${p.value}`],
  'value.above_max': (p) => [`"${p.th}" ต้องไม่เกิน ${p.limit} แต่พบ ${p.value}`, `"${p.en}" must be at most ${p.limit}, found ${p.value}`],
  'value.bad_format': (p) => [`"${p.th}" มีรูปแบบไม่ถูกต้อง: "${p.text}"`, `"${p.en}" is not in the expected format: "${p.text}"`],
  'value.not_choice': (p) => [`"${p.th}" ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ${p.allowed_th} แต่พบ "${p.text}"`, `"${p.en}" must be one of ${p.allowed_en}; found "${p.text}"`],
  'org_unit.unknown': (p) => [`ไม่รู้จักหน่วยงาน "${p.text}" หมายถึง ${p.suggest_th} หรือไม่`, `Unknown org unit "${p.text}"; did you mean ${p.suggest_en}?`],
  'org_unit.wrong_kind': (p) => [`"${p.text}" ไม่ใช่หน่วยงานที่ส่งแบบรายงานนี้ได้`, `"${p.text}" is not a unit that sends this form`],
  'org_unit.other_agency': (p) => [
    `"${p.text}" เป็นหน่วยงานของ${p.agency_th} แบบรายงานนี้ส่งได้เฉพาะหน่วยงานของ${p.form_agency_th}`,
    `"${p.text}" is a unit of the ${p.agency_en}; only units of the ${p.form_agency_en} send this form`,
  ],
  'org_unit.missing': () => ['ไม่พบชื่อหรือรหัสหน่วยงานที่รายงาน', 'The reporting org unit is not given'],
  'period.fiscal_year_missing': () => ['ไม่พบปีงบประมาณ', 'The fiscal year is not given'],
  'period.quarter_missing': () => ['ไม่พบไตรมาสที่รายงาน', 'The quarter is not given'],
  'rule.sum_equals': (p) => [`"${p.th}" (${p.total}) ต้องเท่ากับผลรวม ${p.parts_th} (${p.sum})`, `"${p.en}" (${p.total}) must equal the sum of ${p.parts_en} (${p.sum})`],
  'rule.sum_at_most': (p) => [`${p.parts_th} รวม ${p.sum} เกิน "${p.th}" (${p.limit})`, `${p.parts_en} add up to ${p.sum}, more than "${p.en}" (${p.limit})`],
  'rule.difference': (p) => [`"${p.th}" (${p.value}) ต้องเท่ากับ ${p.expected}`, `"${p.en}" (${p.value}) must be ${p.expected}`],
  'rule.required_when': (p) => [`ระบุว่า "${p.when_th}" แต่ไม่ได้ระบุ "${p.th}"`, `"${p.when_en}" is yes but "${p.en}" is not given`],
  'rule.date_order': (p) => [`"${p.from_th}" (${p.from}) อยู่หลัง "${p.to_th}" (${p.to})`, `"${p.from_en}" (${p.from}) is after "${p.to_en}" (${p.to})`],
  'rule.agency_mismatch': (p) => [`รหัสหน่วยงานใน "${p.th}" (${p.code}) ไม่ใช่ของ ${p.unit_th}`, `The agency code in "${p.en}" (${p.code}) does not belong to ${p.unit_en}`],
  'rule.row_sum': (p) => [`${p.parts_th} รวม ${p.sum} ไม่เท่ากับ "${p.th}" (${p.total})`, `${p.parts_en} add up to ${p.sum}, not "${p.en}" (${p.total})`],
  'rule.duplicate_key': (p) => [`"${p.th}" ${p.value} ซ้ำกับแถว ${p.other}`, `"${p.en}" ${p.value} repeats row ${p.other}`],
  'rule.empty_row': (p) => [`รายการ ${p.value} ไม่มีข้อมูล`, `Item ${p.value} has no data`],
  'rule.row_required': (p) => [`ไม่ได้ระบุ "${p.th}"`, `"${p.en}" is not given`],
  'rule.decreasing': (p) => [`"${p.th}" ลดลงจาก ${p.before} เหลือ ${p.value}`, `"${p.en}" falls from ${p.before} to ${p.value}`],
  'rule.date_outside': (p) => [`วันที่ ${p.value} อยู่นอกช่วง ${p.from} ถึง ${p.to}`, `Date ${p.value} is outside ${p.from} to ${p.to}`],
  'rule.column_sum_at_most': (p) => [`"${p.th}" รวม ${p.sum} เกิน "${p.limit_th}" (${p.limit})`, `"${p.en}" adds up to ${p.sum}, more than "${p.limit_en}" (${p.limit})`],
  'rule.column_sum_equals': (p) => [`"${p.field_th}" (${p.value}) ไม่เท่ากับ "${p.th}" รวม (${p.sum})`, `"${p.field_en}" (${p.value}) differs from the sum of "${p.en}" (${p.sum})`],
  'rule.unknown_item': (p) => [`ไม่รู้จักรหัส "${p.value}"`, `Unknown code "${p.value}"`],
  'rule.cumulative': (p) => [
    `"${p.th}" (${p.value}) ควรเท่ากับ ${p.expected} (ผลสะสมครั้งก่อน ${p.previous} + ผลไตรมาสนี้ ${p.result})`,
    `"${p.en}" (${p.value}) should be ${p.expected} (previous cumulative ${p.previous} + this quarter ${p.result})`,
  ],
  'rule.field_required': (p) => [`ไม่ได้ระบุ "${p.th}" ซึ่งต้องระบุ`, `"${p.en}" is required but not given`],
  'rule.only_when': (p) => [`ระบุ "${p.th}" ไว้ ทั้งที่ "${p.when_th}" เป็น "ไม่" หรือเว้นว่าง`, `"${p.en}" is given although "${p.when_en}" is not yes`],
  'rule.choice_above': (p) => [`"${p.th}" (${p.value_th}) สูงกว่า "${p.than_th}" (${p.other_th})`, `"${p.en}" (${p.value_en}) is above "${p.than_en}" (${p.other_en})`],
  'total.unverifiable': (p) => [`ตรวจแถวรวม "${p.th}" ไม่ได้: ${p.reason_th}`, `The total row "${p.en}" cannot be checked: ${p.reason_en}`],
  'date.far_from_year': (p) => [
    `วันที่ ${p.value} อยู่ห่างจากปีงบประมาณ ${p.fiscalYear} (${p.from} ถึง ${p.to}) เกินหนึ่งปี ตรวจสอบปี พ.ศ./ค.ศ. หรือระบบวันที่ของไฟล์`,
    `The date ${p.value} is more than a year from fiscal year ${p.fiscalYear} (${p.from} to ${p.to}); check the year (BE/CE) or the file's date system`,
  ],
  'date.be_year_in_date_cell': (p) => [
    `เซลล์วันที่นี้มีปี ${p.year} ซึ่งโปรแกรมตารางคำนวณถือเป็นปี ค.ศ. แต่น่าจะเป็นปี พ.ศ. ที่พิมพ์ลงในเซลล์วันที่ จึงอ่านเป็นวันที่ ${p.value} (พ.ศ. ${p.year}) กรุณาตรวจสอบ`,
    `This date cell holds the year ${p.year}, which the spreadsheet took as CE; it is almost surely a Buddhist-era year typed into a date cell, so it was read as ${p.value} (BE ${p.year}); please check it`,
  ],
  'target.differs': (p) => [
    `"${p.th}" (${p.value}) ไม่ตรงกับเป้าหมายที่ส่วนกลางกำหนด (${p.target}; นิยามแบบรายงาน ${p.at}) จึงใช้เป้าหมายของส่วนกลาง`,
    `"${p.en}" (${p.value}) differs from headquarters' target (${p.target}; definition ${p.at}): headquarters' is used`,
  ],
  'total.mismatch': (p) => [`แถวรวม "${p.th}" (${p.value}) ไม่เท่ากับผลรวมแถวด้านบน (${p.sum})`, `Total row "${p.en}" (${p.value}) differs from the sum of the rows above (${p.sum})`],
};

/** Builds a finding from its code; the wording comes from the message table. */
export function issueAt<C extends IssueCode>(severity: Severity, code: C, cell: string, ...params: IssueParams<C>): Issue {
  const texts: (p: IssueParamMap[C]) => [string, string] = MESSAGES[code];
  // Absent only for codes whose parameters are `None`, which TypeScript cannot see through the generic.
  const p: IssueParamMap[C] = params[0] ?? (NO_PARAMS as IssueParamMap[C]);
  const [message_th, message_en] = texts(p);
  return { severity, code, cell, message_th, message_en };
}
const NO_PARAMS: None = {};

/** The finding with the other cells it involves; the finding's own cell and repeats are left out. */
export function withRelated(issue: Issue, cells: readonly string[]): Issue {
  const related = [...new Set(cells)].filter((c) => c !== issue.cell);
  return related.length ? { ...issue, related } : issue;
}

/** Number formatting for messages: 3,304,180 and at most 4 decimals. */
export function fmtNum(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}
