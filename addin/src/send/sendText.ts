import type { Bilingual, Lang } from '../text/bilingual';

/** Every fixed text of the clerk's web page, Thai first. Texts with figures are built where they are needed. */
const STRINGS = {
  appName: ['ศูนย์รับรายงาน', 'Returns Hub'],
  pageTitle: ['ส่งแบบรายงาน', 'Send a return'],
  intro: [
    'ใช้ได้กับทุกโปรแกรม: Excel ทุกรุ่น, LibreOffice Calc, WPS หรือไฟล์ CSV เลือกไฟล์แบบรายงานที่กรอกไว้ ระบบจะตรวจในเครื่องนี้ และยังไม่ส่งจนกว่าคุณจะกด “ส่ง”',
    'Works whatever spreadsheet program you use: any Excel, LibreOffice Calc, WPS, or a CSV file. Choose the return file you keep: it is checked on this computer, and nothing is sent until you press Send.',
  ],
  filesTitle: ['1 เลือกไฟล์', '1 Choose files'],
  choose: ['เลือกไฟล์', 'Choose files'],
  dropHere: ['หรือลากไฟล์มาวางที่นี่ (เลือกได้หลายไฟล์)', 'or drop them here (several at once is fine)'],
  formatsRead: ['อ่านได้: .xlsx .xlsm .xlsb .xls .ods .csv และไฟล์ที่ระบบงานบนเว็บส่งออกเป็น .xls', 'Read: .xlsx .xlsm .xlsb .xls .ods .csv, and what web systems export as .xls'],
  dropNow: ['วางไฟล์ได้เลย', 'Drop the files now'],
  reading: ['กำลังอ่านไฟล์', 'Reading the file'],
  checking: ['กำลังตรวจ', 'Checking'],
  waiting: ['รอคิว', 'Waiting'],
  remove: ['นำออก', 'Remove'],
  retry: ['ลองอีกครั้ง', 'Retry'],
  show: ['ดูชีต', 'Show the sheet'],
  shown: ['กำลังแสดง', 'Shown'],
  workerStopped: [
    'เบราว์เซอร์อ่านไฟล์นี้ไม่สำเร็จ (หน่วยความจำอาจไม่พอ) ปิดแท็บอื่นแล้วกด “ลองอีกครั้ง” ไฟล์ของคุณไม่ได้ถูกแก้ไข',
    'The browser could not finish reading this file (it may be short of memory). Close other tabs and press Retry. Your file has not been changed.',
  ],
  errors: ['ข้อผิดพลาด', 'Errors'],
  warnings: ['คำเตือน', 'Warnings'],
  notes: ['หมายเหตุ', 'Notes'],
  comments: ['ความเห็นของผู้ตรวจ', 'Reviewer’s comments'],
  noFindings: ['ไม่พบข้อผิดพลาด', 'No errors found'],
  findingsTitle: ['2 สิ่งที่พบ', '2 What the check found'],
  findingsHelp: ['กดที่รายการเพื่อไปยังเซลล์ในชีตด้านล่าง', 'Press an item to go to its cell in the sheet below.'],
  showMore: ['แสดงเพิ่ม', 'Show more'],
  sheetTitle: ['ชีต', 'Sheet'],
  sheetHelp: ['แสดงเพื่อดูเท่านั้น แก้ไขในไฟล์ของคุณแล้วเลือกไฟล์อีกครั้ง', 'Shown to read only: correct your file, then choose it again.'],
  sheetNoForm: ['(ไม่ใช่แบบรายงาน)', '(not a form)'],
  sendTitle: ['3 ส่งให้ส่วนกลาง', '3 Send to headquarters'],
  sendNothing: ['ยังไม่มีแบบรายงานที่พร้อมส่ง เลือกไฟล์ก่อน', 'Nothing is ready to send yet: choose a file first.'],
  sendBusy: ['รอให้อ่านไฟล์เสร็จก่อน', 'Wait until the files are read.'],
  notSignedIn: [
    'ยังไม่ได้ลงชื่อเข้าใช้ ตรวจไฟล์ได้ แต่ต้องลงชื่อเข้าใช้ก่อนส่ง (ปุ่ม “ตั้งค่า / ลงชื่อเข้าใช้” ด้านบน)',
    'Not signed in: files can be checked, but you must sign in to send them (the Settings / sign-in button above).',
  ],
  send: ['ส่ง', 'Send'],
  sending: ['กำลังส่ง…', 'Sending…'],
  sent: ['ส่งแล้ว ส่วนกลางได้รับข้อมูลเรียบร้อย', 'Sent: headquarters has received it.'],
  offline: ['การเชื่อมต่อขาดหาย ข้อมูลยังไม่สูญหาย กด “ลองอีกครั้ง” เพื่อส่งซ้ำ (จะไม่ถูกบันทึกซ้ำ)', 'The connection dropped. Nothing is lost: press Retry to send again (it will not be stored twice).'],
  refused: ['ส่วนกลางไม่รับข้อมูล', 'Headquarters refused it'],
  version: ['ฉบับที่', 'Version'],
  changed: ['เปลี่ยนจากฉบับก่อน', 'Changed from the previous version'],
  statusTitle: ['สถานะที่ส่วนกลาง', 'Status at headquarters'],
  reasonFromHq: ['เหตุผลจากผู้ตรวจ', 'Reason given'],
  settings: ['ตั้งค่า / ลงชื่อเข้าใช้', 'Settings / sign in'],
  back: ['กลับ', 'Back'],
  otherLanguage: ['English', 'ภาษาไทย'],
  mineTitle: ['แบบรายงานของหน่วยงาน', 'My returns'],
  mineIntro: ['สถานะแบบรายงานของหน่วยงานคุณที่ส่วนกลาง กำหนดส่ง และสิ่งที่ถูกส่งกลับให้แก้ไข', 'Your unit’s returns at headquarters: their status, due dates, and what was sent back and why.'],
  mineSignIn: ['ลงชื่อเข้าใช้เพื่อดูแบบรายงานของหน่วยงาน', 'Sign in to see your unit’s returns.'],
  mineNotUnit: ['บัญชีนี้เป็นของส่วนกลางหรือกลุ่มเขต แบบรายงานของหน่วยงานแสดงเฉพาะบัญชีของหน่วยงาน', 'This account is headquarters’ or a zone’s: “My returns” is for a unit’s account.'],
  fiscalYear: ['ปีงบประมาณ (พ.ศ.)', 'Fiscal year (BE)'],
  due: ['กำหนดส่ง', 'Due'],
  onTime: ['ส่งทันกำหนด', 'on time'],
  late: ['ส่งเกินกำหนด', 'late'],
  pending: ['ยังไม่ถึงกำหนด', 'not yet due'],
  overdue: ['เลยกำหนดแล้ว', 'overdue'],
  showSent: ['ดูฉบับที่ส่ง', 'Show what was sent'],
  lockAccepted: ['ตรวจรับแล้ว ส่งฉบับใหม่ไม่ได้ เว้นแต่ส่วนกลางเปิดให้แก้ไข', 'Accepted: a new version is refused unless headquarters reopens it.'],
  lockZoneAccepted: ['กลุ่มเขตตรวจรับแล้ว ส่งฉบับใหม่ไม่ได้ เว้นแต่เปิดให้แก้ไข', 'Accepted by the zone: a new version is refused unless it is reopened.'],
  storedTitle: ['ฉบับที่ส่งไว้ที่ส่วนกลาง', 'As stored at headquarters'],
  nothingThisYear: ['ยังไม่มีงวดที่ต้องส่งในปีนี้', 'No period to report yet in this year.'],
  loading: ['กำลังโหลด…', 'Loading…'],
  totalsTitle: ['ยอดรวม', 'Totals'],
  totalsIntro: [
    'ยอดรวมจากส่วนกลางในรูปแบบรายงานที่พิมพ์ สำหรับเครื่องที่ Excel สร้างชีตยอดรวมไม่ได้ หรือไม่มี Excel',
    'Headquarters’ totals in the printed report layout, for computers whose Excel cannot build the totals sheet, or that have no Excel.',
  ],
  showTotals: ['แสดงยอดรวม', 'Show totals'],
  downloadCsv: ['ดาวน์โหลดเป็น CSV', 'Download as CSV'],
  hqOffline: ['ติดต่อส่วนกลางไม่ได้ ตรวจการเชื่อมต่อ แล้วกด “ลองอีกครั้ง”', 'Headquarters could not be reached. Check the connection, then press Retry.'],
} as const satisfies Record<string, readonly [string, string]>;

export type SendTextKey = keyof typeof STRINGS;

export function st(lang: Lang, key: SendTextKey): string {
  return STRINGS[key][lang === 'th' ? 0 : 1];
}

export function sbi(key: SendTextKey): Bilingual {
  return { th: STRINGS[key][0], en: STRINGS[key][1] };
}

/** The formats the reader tells apart, as the clerk knows them. */
const FORMAT_NAMES: Record<string, [string, string]> = {
  xlsx: ['Excel (.xlsx)', 'Excel (.xlsx)'],
  xlsm: ['Excel แบบมีแมโคร (.xlsm)', 'Excel with macros (.xlsm)'],
  xls: ['Excel 97–2003 (.xls)', 'Excel 97–2003 (.xls)'],
  xlsb: ['Excel แบบไบนารี (.xlsb)', 'Excel binary (.xlsb)'],
  ods: ['LibreOffice / OpenDocument (.ods)', 'LibreOffice / OpenDocument (.ods)'],
  csv: ['CSV', 'CSV'],
  html: ['ตาราง HTML ที่ส่งออกเป็น .xls', 'an HTML table exported as .xls'],
  spreadsheetml: ['Excel 2003 XML', 'Excel 2003 XML'],
};

export function formatName(format: string, lang: Lang): string {
  const n = FORMAT_NAMES[format];
  return n ? n[lang === 'th' ? 0 : 1] : format;
}

/** A file's size as people read it: `18 KB`, `2.3 MB`. */
export function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
