import type { TallyInclude } from '../consolidate/tally';
import type { ReviewStatus } from '../review/reviewSchemas';
import { REVIEW_WORKFLOW } from '../review/reviewWorkflow';

/** A current return as the review list gives it: who, about what, where its review stands. */
export interface ReviewedEntry {
  orgUnit: string;
  name_th: string;
  subject: string | null;
  status: ReviewStatus;
}

/**
 * What a report's figures count, printed on every report sheet: all current returns received or
 * accepted ones only, and the period's returns by review status (accepted, waiting — submitted,
 * accepted by the zone or reopened — and sent back), with the returns sent back by name.
 */
export interface ReportBasis {
  include: TallyInclude;
  returns: { total: number; accepted: number; waiting: number; sentBack: number };
  sentBack: { orgUnit: string; name_th: string; subject: string | null }[];
}

/** The basis of a report from the period's review list (`GET /api/reviews`). */
export function basisOfReviews(include: TallyInclude, entries: readonly ReviewedEntry[]): ReportBasis {
  const sentBack = entries.filter((e) => e.status === 'returned');
  // Accepted as the tallies of accepted returns count it (the review's one table says which statuses).
  const accepted = entries.filter((e) => REVIEW_WORKFLOW[e.status].countedAsAccepted).length;
  return {
    include,
    returns: { total: entries.length, accepted, waiting: entries.length - accepted - sentBack.length, sentBack: sentBack.length },
    sentBack: sentBack.map((e) => ({ orgUnit: e.orgUnit, name_th: e.name_th, subject: e.subject })).sort((a, b) => a.orgUnit.localeCompare(b.orgUnit)),
  };
}

/** Completeness as `GET /api/completeness` answers it: each expected unit's status (one return per unit and period). */
export interface UnitStatuses {
  returns?: { total: number; accepted: number };
  units?: { code: string; name_th: string; status: string; returns: number; accepted: number }[];
}

/**
 * The basis from completeness, where the review list is not read (the add-in): a unit's status stands
 * for its returns, exact for forms with one return per unit and period; a unit with several returns
 * counts its accepted ones as accepted and the rest under its status.
 */
export function basisOfCompleteness(include: TallyInclude, c: UnitStatuses): ReportBasis | null {
  if (!c.units) return null;
  const received = c.units.filter((u) => u.status !== 'not_received');
  const count = (pick: (u: (typeof received)[number]) => number) => received.reduce((n, u) => n + pick(u), 0);
  const total = count((u) => u.returns);
  const accepted = count((u) => u.accepted);
  const sentBackUnits = received.filter((u) => u.status === 'returned');
  const sentBack = sentBackUnits.reduce((n, u) => n + u.returns - u.accepted, 0);
  return {
    include,
    returns: { total, accepted, waiting: total - accepted - sentBack, sentBack },
    sentBack: sentBackUnits.map((u) => ({ orgUnit: u.code, name_th: u.name_th, subject: null })),
  };
}

const n = (x: number) => x.toLocaleString('en-US');

/**
 * The basis as printed: `รวม 50 ฉบับ: ตรวจรับแล้ว 45 · รอตรวจ 3 · ส่งกลับแก้ไข 2`, then what the figures
 * count, then the returns sent back by name (when the figures include them).
 */
export function basisLines(b: ReportBasis): { th: string; en: string; sentBack: string | null } {
  const r = b.returns;
  const counts = `รวม ${n(r.total)} ฉบับ: ตรวจรับแล้ว ${n(r.accepted)} · รอตรวจ ${n(r.waiting)} · ส่งกลับแก้ไข ${n(r.sentBack)}`;
  const counted = b.include === 'accepted' ? `ตัวเลขนับเฉพาะที่ตรวจรับแล้ว ${n(r.accepted)} ฉบับ` : `ตัวเลขนับทุกฉบับที่ได้รับ รวมที่ยังไม่ตรวจรับ`;
  const en =
    `${n(r.total)} returns: ${n(r.accepted)} accepted, ${n(r.waiting)} waiting, ${n(r.sentBack)} sent back; ` +
    (b.include === 'accepted' ? `figures count the ${n(r.accepted)} accepted only.` : 'figures count every return received.');
  const names = b.sentBack.map((s) => (s.subject ? `${s.name_th} (${s.subject})` : s.name_th));
  const sentBack = names.length && b.include === 'all' ? `รวมรายงานที่ส่งกลับแก้ไข ${n(names.length)} ฉบับ (※ ในตาราง): ${names.join(', ')}` : null;
  return { th: `${counts} — ${counted}`, en, sentBack };
}

/** The mark beside a unit whose return was sent back, where the figures include it. */
export const SENT_BACK_MARK = ' ※';
