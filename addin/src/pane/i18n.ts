/** The pane speaks Thai or English, following Office's display language. */
export type Lang = 'th' | 'en';

export function languageFrom(displayLanguage: string | undefined): Lang {
  return (displayLanguage ?? '').toLowerCase().startsWith('th') ? 'th' : 'en';
}

const STRINGS = {
  check: ['ตรวจสอบ', 'Check'],
  send: ['ส่งข้อมูล', 'Send'],
  pull: ['ดึงยอดรวม', 'Pull totals'],
  refresh: ['รีเฟรช', 'Refresh'],
  settings: ['ตั้งค่า', 'Settings'],
  insertBlank: ['แทรกแบบฟอร์มเปล่า', 'Insert blank form'],
  clearHighlights: ['ล้างการไฮไลต์', 'Clear highlights'],
  errors: ['ข้อผิดพลาด', 'Errors'],
  warnings: ['คำเตือน', 'Warnings'],
  notes: ['หมายเหตุ', 'Notes'],
  noForm: ['ชีตนี้ไม่ใช่แบบรายงานที่รู้จัก', 'This sheet is not a known form'],
  clean: ['ไม่พบข้อผิดพลาด พร้อมส่ง', 'No errors: ready to send'],
  fixFirst: ['แก้ไขข้อผิดพลาดก่อนส่ง', 'Fix the errors before sending'],
  checkFirst: ['ตรวจสอบชีตก่อนส่ง', 'Check the sheet before sending'],
  offline: ['การเชื่อมต่อขาดหาย ข้อมูลยังไม่สูญหาย กด "ลองอีกครั้ง" เพื่อส่งซ้ำ (จะไม่ส่งซ้ำซ้อน)', 'The connection dropped. Nothing is lost: press "Retry" to send again (it will not be stored twice).'],
  retry: ['ลองอีกครั้ง', 'Retry'],
  refused: ['ส่วนกลางไม่รับข้อมูล', 'Headquarters refused the return'],
  sent: ['ส่งแล้ว', 'Sent'],
  version: ['ฉบับที่', 'Version'],
  changed: ['เปลี่ยนจากฉบับก่อน', 'Changed from the previous version'],
  apiUrl: ['ที่อยู่ API', 'API address'],
  apiKey: ['รหัส API (สำหรับการพัฒนา)', 'API key (development)'],
  form: ['แบบรายงาน', 'Form'],
  fiscalYear: ['ปีงบประมาณ (พ.ศ.)', 'Fiscal year (BE)'],
  period: ['งวด', 'Period'],
  groupBy: ['จัดกลุ่มตาม', 'Group by'],
  written: ['เขียนยอดรวมลงชีต', 'Totals written to sheet'],
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang === 'th' ? 0 : 1];
}
