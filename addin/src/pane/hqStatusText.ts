import type { ReviewView } from '@returns-hub/shared/review/reviewSchemas';
import { bangkokDay } from '@returns-hub/shared/review/bangkokTime';
import type { Bilingual } from '../text/bilingual';
import type { Tone } from './paneController';
import { decidedText } from './reviewWho';

/** A return's status at headquarters as the unit reads it: what happened, by whom and when, why, what to do, and whether a new version can be sent. */
export interface HqStatusText {
  tone: Tone;
  headline: Bilingual;
  lines: Bilingual[];
  /** A new version would be refused (accepted, or the period closed): Send is offered no more, and this says why, once. */
  lock: Bilingual | null;
}

const both = (th: string, en: string): Bilingual => ({ th, en });

/** The lock a new version meets, in the unit's words (the server's sentence names the form by its id). */
function lockText(v: ReviewView): Bilingual | null {
  if (!v.lock) return null;
  if (v.lock.code === 'lock.period_closed') {
    const day = v.closesOn ? bangkokDay(v.closesOn) : null;
    return both(
      `งวดนี้ปิดรับแบบรายงานแล้ว${day ? `หลังวันที่ ${day.th}` : ''} จึงส่งฉบับใหม่ไม่ได้ หากจำเป็นต้องส่ง ขอให้ส่วนกลางอนุญาตเป็นกรณีพิเศษ`,
      `This period closed for returns${day ? ` after ${day.en}` : ''}, so no new version can be sent. If one must be, ask headquarters for an exception.`,
    );
  }
  return v.lock.code === 'lock.accepted'
    ? both('ส่งฉบับใหม่แทนไม่ได้ หากต้องแก้ไข ขอให้ส่วนกลางเปิดให้แก้ไขใหม่', 'A new version cannot replace it. If it must change, ask headquarters to reopen it.')
    : both('ส่งฉบับใหม่แทนไม่ได้ หากต้องแก้ไข ขอให้ผู้ตรวจกลุ่มเขตหรือส่วนกลางเปิดให้แก้ไขใหม่', 'A new version cannot replace it. If it must change, ask the zone reviewer or headquarters to reopen it.');
}

/** What the unit reads about one of its returns at headquarters; null before anything was received. */
export function hqStatusText(v: ReviewView): HqStatusText | null {
  if (v.status === 'not_received' || v.version === null) return null;
  const n = v.version;
  const who = v.decision ? [decidedText(v.decision)] : [];
  const reason = v.reason ? [both(`เหตุผล: ${v.reason}`, `Reason: ${v.reason}`)] : [];
  const lock = lockText(v);
  switch (v.status) {
    case 'returned':
      return {
        tone: 'warning',
        headline: both(`ส่วนกลางส่งฉบับที่ ${n} กลับให้แก้ไข`, `Headquarters sent version ${n} back to be corrected`),
        lines: [...reason, ...who, both('แก้ไขในชีต (ดูความเห็นของผู้ตรวจด้านล่าง) แล้วกด “ตรวจสอบ” และส่งใหม่', 'Correct the sheet (see the reviewer’s comments below), then Check and Send again.')],
        lock,
      };
    case 'reopened':
      return {
        tone: 'info',
        headline: both(`ส่วนกลางเปิดฉบับที่ ${n} ให้แก้ไขใหม่`, `Headquarters reopened version ${n}`),
        lines: [...reason, ...who, both('แก้ไขแล้วส่งฉบับใหม่ได้', 'You can correct it and send a new version.')],
        lock,
      };
    case 'zone_accepted':
      return { tone: 'success', headline: both(`กลุ่มเขตตรวจรับฉบับที่ ${n} แล้ว รอส่วนกลางตรวจรับ`, `The zone accepted version ${n}; it awaits headquarters`), lines: who, lock };
    case 'accepted':
      return { tone: 'success', headline: both(`ส่วนกลางตรวจรับฉบับที่ ${n} แล้ว`, `Headquarters accepted version ${n}`), lines: who, lock };
    default:
      return { tone: 'info', headline: both(`ส่วนกลางได้รับฉบับที่ ${n} แล้ว รอตรวจ`, `Headquarters has version ${n}; it awaits review`), lines: who, lock };
  }
}
