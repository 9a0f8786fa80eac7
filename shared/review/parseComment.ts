import { addressPrefix, parseA1, splitSheetAddress } from '../sheet/address';
import type { ReviewComment } from './reviewSchemas';

export type CommentParse = { ok: true; comment: ReviewComment } | { ok: false; error: { en: string; th: string } };

/**
 * A reviewer's comment as people write it: `'แบบรายงาน 1'!C14=ยอดเบิกจ่ายไม่ตรง`,
 * `'แบบรายงาน 1'!C14: ยอดเบิกจ่ายไม่ตรง`, or a bare `C14=…` on the return's own sheet.
 */
export function parseComment(text: string, defaultSheet: string | null): CommentParse {
  const m = /^\s*((?:'(?:[^']|'')+'|[^'!=:\s][^'!=:]*)!)?(\$?[A-Za-z]{1,3}\$?\d{1,7})\s*[=:]\s*([\s\S]+)$/.exec(text);
  if (!m || !parseA1(m[2]))
    return { ok: false, error: { en: `"${text}" is not CELL=TEXT (e.g. 'แบบรายงาน 1'!C14=ยอดไม่ตรง).`, th: `"${text}" ไม่อยู่ในรูปแบบ เซลล์=ข้อความ (เช่น 'แบบรายงาน 1'!C14=ยอดไม่ตรง)` } };
  const sheet = m[1] ? splitSheetAddress(`${m[1]}${m[2]}`).sheet : defaultSheet;
  if (!sheet) return { ok: false, error: { en: `"${text}" names no sheet, and the return's sheet is not known.`, th: `"${text}" ไม่ได้ระบุชื่อชีต และไม่ทราบชื่อชีตของแบบรายงาน` } };
  const cell = m[2].replace(/\$/g, '').toUpperCase();
  return { ok: true, comment: { cell: `${addressPrefix(sheet)}${cell}`, text: m[3].trim() } };
}
