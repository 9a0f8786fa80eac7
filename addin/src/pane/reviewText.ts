import type { Bilingual, Lang } from '../text/bilingual';
import { STATUS_LABELS } from '@returns-hub/shared/review/statusLabels';
import type { ReviewStatus } from '@returns-hub/shared/review/reviewSchemas';

/** The review's fixed texts, Thai first. */
const STRINGS = {
  reviewTab: ['ตรวจรับ', 'Review'],
  reviewIntro: ['เลือกแบบรายงานและงวด แล้วเปิดแบบรายงานของหน่วยงานเป็นชีตเพื่อตรวจ ตรวจรับ หรือส่งกลับให้แก้ไข', 'Choose a form and period, open a unit’s return as a sheet, then accept it or send it back.'],
  load: ['แสดงรายการ', 'Show returns'],
  open: ['เปิดเป็นชีต', 'Open as a sheet'],
  accept: ['ตรวจรับ', 'Accept'],
  acceptAllClean: ['ตรวจรับทุกฉบับที่ไม่มีคำเตือน', 'Accept all without warnings'],
  reopen: ['เปิดให้แก้ไขใหม่', 'Reopen'],
  reopenReason: ['เหตุผลที่เปิดให้แก้ไขใหม่', 'Reason for reopening'],
  writeReopenReason: ['พิมพ์เหตุผลที่เปิดให้แก้ไขใหม่ก่อน', 'Write the reason for reopening first.'],
  close: ['ปิด', 'Close'],
  cancel: ['ยกเลิก', 'Cancel'],
  filterStatus: ['สถานะ', 'Status'],
  filterWarnings: ['คำเตือน', 'Warnings'],
  filterZone: ['กลุ่มเขต', 'Zone'],
  allStatuses: ['ทุกสถานะ', 'All statuses'],
  awaiting: ['รอตรวจรับ', 'Awaiting acceptance'],
  allWarnings: ['ทั้งหมด', 'All'],
  withWarnings: ['มีคำเตือน', 'With warnings'],
  withoutWarnings: ['ไม่มีคำเตือน', 'Without warnings'],
  allZones: ['ทุกกลุ่มเขต', 'All zones'],
  noneToAccept: ['ไม่มีฉบับที่ไม่มีคำเตือนและรอตรวจรับ', 'No return without warnings is awaiting acceptance.'],
  noActions: ['ฉบับนี้ไม่มีสิ่งที่ต้องทำในขั้นของท่าน', 'Nothing to do on this return at your level.'],
  shown: ['แสดง', 'Showing'],
  timesBangkok: ['', 'times are Bangkok time'],
  sentAt: ['ส่งเมื่อ', 'Sent'],
  sendBack: ['ส่งกลับให้แก้ไข', 'Send back'],
  reason: ['เหตุผลที่ส่งกลับ', 'Reason for sending back'],
  commentText: ['ความเห็นต่อเซลล์ที่เลือก', 'Comment on the selected cells'],
  addComment: ['เพิ่มความเห็นที่เซลล์ที่เลือก', 'Add comment at the selected cells'],
  remove: ['ลบ', 'Remove'],
  comments: ['ความเห็นของผู้ตรวจ', 'Reviewer’s comments'],
  noReturns: ['ยังไม่มีหน่วยงานใดส่งแบบรายงานงวดนี้', 'No unit has sent a return for this period yet.'],
  warningsShort: ['คำเตือน', 'warnings'],
  statusTitle: ['สถานะที่ส่วนกลาง', 'Status at headquarters'],
  reasonFromHq: ['เหตุผลจากผู้ตรวจ', 'Reason given'],
  selectValueCell: ['เลือกเซลล์ค่าในชีตที่เปิดจากแบบรายงานนี้ก่อน (ไม่ใช่หัวข้อ) แล้วกดเพิ่มความเห็นอีกครั้ง', 'Select value cells of the sheet opened from this return (not the labels), then press Add comment again.'],
  writeComment: ['พิมพ์ความเห็นก่อน', 'Write the comment first.'],
  writeReason: ['พิมพ์เหตุผลที่ส่งกลับก่อน', 'Write the reason for sending it back first.'],
  offline: ['ติดต่อส่วนกลางไม่ได้ ตรวจการเชื่อมต่อ แล้วลองอีกครั้ง', 'Headquarters could not be reached. Check the connection and try again.'],
} satisfies Record<string, [string, string]>;

export type ReviewTextKey = keyof typeof STRINGS;

export function rt(lang: Lang, key: ReviewTextKey): string {
  return STRINGS[key][lang === 'th' ? 0 : 1];
}

export function rbi(key: ReviewTextKey): Bilingual {
  return { th: STRINGS[key][0], en: STRINGS[key][1] };
}

export function statusText(status: ReviewStatus | 'not_received'): Bilingual {
  return STATUS_LABELS[status];
}
