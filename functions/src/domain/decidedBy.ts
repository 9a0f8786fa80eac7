import type { ReviewDecision } from '@returns-hub/shared/review/reviewSchemas';
import { bangkokTime } from '@returns-hub/shared/review/bangkokTime';

const ROLE = { hq: { en: 'headquarters', th: 'ส่วนกลาง' }, zone: { en: 'zone reviewer', th: 'ผู้ตรวจกลุ่มเขต' }, unit: { en: 'unit', th: 'หน่วยงาน' } } as const;

/** Who decided and when, for messages: `hq-key (headquarters) at 2020-10-05 14:03 Bangkok time`. */
export function decidedBy(d: ReviewDecision): { en: string; th: string } {
  const at = bangkokTime(d.at);
  return { en: `${d.by} (${ROLE[d.role].en}) at ${at.en}`, th: `${d.by} (${ROLE[d.role].th}) เมื่อ ${at.th}` };
}
