import type { ReviewStatus } from './reviewSchemas';

/** A return's status as reviewers and districts read it. */
export const STATUS_LABELS: Record<ReviewStatus | 'not_received', { en: string; th: string }> = {
  not_received: { en: 'not received', th: 'ยังไม่ได้รับ' },
  submitted: { en: 'submitted', th: 'ส่งแล้ว รอตรวจ' },
  returned: { en: 'sent back', th: 'ส่งกลับให้แก้ไข' },
  zone_accepted: { en: 'accepted by zone', th: 'กลุ่มเขตตรวจรับแล้ว' },
  accepted: { en: 'accepted', th: 'ตรวจรับแล้ว' },
  reopened: { en: 'reopened', th: 'เปิดให้แก้ไขใหม่' },
};
