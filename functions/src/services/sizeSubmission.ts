import { domainError, type DomainError } from '../domain/domainError';
import type { StoreBounds } from '../store/returnStore';
import { returnRowKey, periodPartition } from '../store/keys';
import type { Storable } from './checkSubmission';
import type { Contribution } from '@returns-hub/shared/consolidate/contribution';
import { keyOf } from './returnKeyOf';

/** A request of more rows than one request may store (what can be written within its time): refused whole. */
export function sizeRows(returns: { rows?: unknown[]; table?: { rows: unknown[] } }[], bounds: StoreBounds): DomainError | null {
  const rows = returns.reduce((n, r) => n + (r.rows ?? r.table?.rows ?? []).length, 0);
  if (rows <= bounds.requestRows) return null;
  return domainError('return.too_large', {
    en: `This request holds ${rows.toLocaleString('en-US')} rows; at most ${bounds.requestRows.toLocaleString('en-US')} can be stored in one request. Nothing was stored: split the sheet, or send its returns in separate requests.`,
    th: `คำขอนี้มี ${rows.toLocaleString('en-US')} แถว บันทึกได้ไม่เกิน ${bounds.requestRows.toLocaleString('en-US')} แถวต่อคำขอ ยังไม่ได้บันทึกข้อมูลใด กรุณาแบ่งชีต หรือส่งแบบรายงานแยกเป็นหลายคำขอ`,
  });
}

/**
 * Sizes a request against what storage can hold, before anything is written: a request
 * that cannot be stored whole is refused (422) instead of failing half-way with a 500.
 */
export function sizeSubmission(returns: (Storable & { contribution: Contribution })[], bounds: StoreBounds): DomainError | null {
  const tooMany = sizeRows(returns, bounds);
  if (tooMany) return tooMany;
  const seen = new Set<string>();
  for (const r of returns) {
    const name = `${r.formId} ${r.orgUnit} ${r.fiscalYear} ${r.period}${r.subject ? ` (${r.subject.slice(0, 60)}${r.subject.length > 60 ? '…' : ''})` : ''}`;
    const id = `${periodPartition(r.formId, r.fiscalYear, r.period)}|${returnRowKey(keyOf(r))}`;
    if (seen.has(id)) return domainError('return.duplicate', { en: `The request holds ${name} twice; send each return once.`, th: `คำขอนี้มีแบบรายงาน ${name} ซ้ำสองครั้ง กรุณาส่งครั้งละหนึ่งฉบับ` });
    seen.add(id);
    if (r.subject && r.subject.length > bounds.subjectChars)
      return domainError('return.too_large', {
        en: `The subject of ${name} is ${r.subject.length} characters long; at most ${bounds.subjectChars} can be stored.`,
        th: `ชื่อเรื่องของแบบรายงาน ${name} ยาว ${r.subject.length} ตัวอักษร เก็บได้ไม่เกิน ${bounds.subjectChars} ตัวอักษร`,
      });
    for (const row of r.rows) {
      const chars = JSON.stringify(row).length;
      if (chars > bounds.rowJsonChars)
        return domainError('return.too_large', {
          en: `Row ${row.row} of ${name} holds ${chars} characters; at most ${bounds.rowJsonChars} can be stored in one row.`,
          th: `แถวที่ ${row.row} ของแบบรายงาน ${name} มีข้อมูล ${chars} ตัวอักษร เก็บได้ไม่เกิน ${bounds.rowJsonChars} ตัวอักษรต่อแถว`,
        });
    }
    const recordChars = JSON.stringify([r.fields, r.fieldCells, r.columns, r.issues]).length;
    if (recordChars > bounds.recordJsonChars)
      return domainError('return.too_large', {
        en: `${name} holds ${recordChars} characters of fields and findings; at most ${bounds.recordJsonChars} can be stored.`,
        th: `แบบรายงาน ${name} มีข้อมูลช่องและผลการตรวจ ${recordChars} ตัวอักษร เก็บได้ไม่เกิน ${bounds.recordJsonChars} ตัวอักษร`,
      });
    const contributionChars = JSON.stringify(r.contribution).length;
    if (contributionChars > bounds.recordJsonChars)
      return domainError('return.too_large', {
        en: `${name} makes a tally contribution of ${contributionChars} characters; at most ${bounds.recordJsonChars} can be stored.`,
        th: `แบบรายงาน ${name} มีข้อมูลสำหรับสรุปผล ${contributionChars} ตัวอักษร เก็บได้ไม่เกิน ${bounds.recordJsonChars} ตัวอักษร`,
      });
  }
  return null;
}
