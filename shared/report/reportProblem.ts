import { GROUPING_TH } from './reportUnit';

/** Why a report could not be made: a typed code and the message in Thai and English. */
export type ReportProblemCode = 'report.no_tally' | 'report.unknown_layout' | 'report.bad_grouping';

export interface ReportProblem {
  problem: ReportProblemCode;
  message_th: string;
  message_en: string;
}

type Params = Record<string, string>;

/** Groupings as the Thai sentence says them (`hq, region` → `ภาพรวม, รายภาค`). */
const thGroupings = (list: string) =>
  list
    .split(', ')
    .map((b) => (GROUPING_TH as Record<string, string>)[b] ?? b)
    .join(', ');

const MESSAGES: Record<ReportProblemCode, (p: Params) => [string, string]> = {
  'report.no_tally': (p) => [`ไม่มียอดรวมแบบ${p.by} สำหรับรายงาน ${p.layout}`, `The ${p.layout} report needs the tally by ${p.by}.`],
  'report.unknown_layout': (p) => [`แบบฟอร์ม ${p.form} ไม่มีรายงานชื่อ ${p.layout} (มี: ${p.known})`, `Form ${p.form} has no report named ${p.layout} (it has: ${p.known}).`],
  'report.bad_grouping': (p) => [`รายงาน ${p.layout} แสดง${thGroupings(p.by)}ไม่ได้ (แสดงได้: ${thGroupings(p.valid)})`, `The ${p.layout} report cannot be shown by ${p.by} (it can by: ${p.valid}).`],
};

export function reportProblem(code: ReportProblemCode, params: Params): ReportProblem {
  const [th, en] = MESSAGES[code](params);
  return { problem: code, message_th: th, message_en: en };
}

export function isReportProblem(x: unknown): x is ReportProblem {
  return typeof x === 'object' && x !== null && 'problem' in x && 'message_th' in x;
}
