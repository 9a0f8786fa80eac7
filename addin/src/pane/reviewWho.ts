import type { ReviewDecision } from '@returns-hub/shared/review/reviewSchemas';
import { bangkokTime } from '@returns-hub/shared/review/bangkokTime';
import type { Bilingual } from '../text/bilingual';

const ROLE: Record<ReviewDecision['role'], Bilingual> = {
  hq: { th: 'ส่วนกลาง', en: 'headquarters' },
  zone: { th: 'ผู้ตรวจกลุ่มเขต', en: 'zone reviewer' },
  unit: { th: 'หน่วยงาน', en: 'the unit' },
};

/**
 * Who decided, in words: the person's name where the sign-in gave one (Entra ID), else
 * their role; never a key's name. With when, in Bangkok time.
 */
export function decidedText(d: ReviewDecision): Bilingual {
  const at = bangkokTime(d.at);
  const who = d.name ? { th: `${d.name} (${ROLE[d.role].th})`, en: `${d.name} (${ROLE[d.role].en})` } : ROLE[d.role];
  return { th: `โดย${who.th} · ${at.th}`, en: `By ${who.en} · ${at.en}` };
}

/** When a return was sent, short enough for a list row: `7 ธ.ค. 2569 เวลา 16:07 น.`, `2026-12-07 16:07` (the list says its times are Bangkok's). */
export function sentText(iso: string): Bilingual {
  const at = bangkokTime(iso);
  return { th: at.th, en: at.en.replace(/ Bangkok time$/, '') };
}
