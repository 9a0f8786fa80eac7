import type { Bilingual, Lang } from '../text/bilingual';

export type { Lang } from '../text/bilingual';
export { languageFrom } from '../text/bilingual';

/** Every fixed text of the pane, Thai first. Messages with figures are built where they are needed. */
const STRINGS = {
  appName: ['ศูนย์รับรายงาน', 'Returns Hub'],
  firstStep: ['เปิดชีตแบบรายงานที่กรอกแล้ว แล้วกด “ตรวจสอบ” ก่อนส่งให้ส่วนกลาง', 'Open the sheet of your filled-in return, then press Check before sending it to headquarters.'],
  check: ['ตรวจสอบ', 'Check'],
  checkTab: ['1 ตรวจสอบ', '1 Check'],
  sendTab: ['2 ส่ง', '2 Send'],
  pullTab: ['ยอดรวม', 'Totals'],
  blankTab: ['ฟอร์มเปล่า', 'Blank form'],
  checkIntro: ['ตรวจชีตที่เปิดอยู่ทีละเซลล์ เซลล์ที่ผิดจะถูกระบายสีในชีต', 'Checks the open sheet cell by cell; cells with problems are coloured in the sheet.'],
  sendIntro: ['ส่งชีตที่ตรวจสอบแล้วให้ส่วนกลาง ระบบจะอ่านชีตอีกครั้งตอนส่ง', 'Sends the checked sheet to headquarters; the sheet is read again as it is sent.'],
  pullIntro: ['ดึงยอดรวมจากส่วนกลางมาเป็นชีตในสมุดงานนี้', 'Brings the consolidated totals from headquarters into a sheet of this workbook.'],
  blankIntro: ['เพิ่มชีตใหม่ของแบบรายงานที่ยังว่าง เพื่อกรอกข้อมูล', 'Adds a new, empty sheet of a form for you to fill in.'],
  send: ['ส่งข้อมูล', 'Send'],
  sendCurrent: ['ส่งค่าปัจจุบัน', 'Send the current values'],
  pull: ['ดึงยอดรวม', 'Pull totals'],
  refresh: ['ดึงใหม่', 'Refresh'],
  insertBlank: ['เพิ่มชีตฟอร์มเปล่า', 'Add blank form sheet'],
  settings: ['ตั้งค่า', 'Settings'],
  back: ['กลับ', 'Back'],
  clearHighlights: ['ล้างสีที่ระบาย', 'Clear colours'],
  errors: ['ข้อผิดพลาด', 'Errors'],
  warnings: ['คำเตือน', 'Warnings'],
  notes: ['หมายเหตุ', 'Notes'],
  noForm: ['ชีตนี้ไม่ใช่แบบรายงานที่รู้จัก เปิดชีตของแบบรายงาน หรือเพิ่มชีตฟอร์มเปล่า', 'This sheet is not a known form. Open the sheet of a return, or add a blank form sheet.'],
  clean: ['ไม่พบข้อผิดพลาด พร้อมส่ง ไปที่ “2 ส่ง”', 'No errors: ready to send. Go to “2 Send”.'],
  checkFirst: ['ยังไม่ได้ตรวจสอบ ไปที่ “1 ตรวจสอบ” แล้วกด “ตรวจสอบ” ก่อนส่ง', 'Not checked yet: go to “1 Check” and press Check before sending.'],
  rereading: ['กำลังอ่านชีตอีกครั้งก่อนส่ง…', 'Reading the sheet again before sending…'],
  offline: ['การเชื่อมต่อขาดหาย ข้อมูลยังไม่สูญหาย กด “ลองอีกครั้ง” เพื่อส่งซ้ำ (จะไม่ถูกบันทึกซ้ำ)', 'The connection dropped. Nothing is lost: press Retry to send again (it will not be stored twice).'],
  offlinePull: ['ติดต่อส่วนกลางไม่ได้ ตรวจการเชื่อมต่ออินเทอร์เน็ต แล้วกด “ลองอีกครั้ง”', 'Headquarters could not be reached. Check the internet connection, then press Retry.'],
  retry: ['ลองอีกครั้ง', 'Retry'],
  refused: ['ส่วนกลางไม่รับข้อมูล', 'Headquarters refused it'],
  sent: ['ส่งแล้ว ส่วนกลางได้รับข้อมูลเรียบร้อย', 'Sent: headquarters has received it.'],
  version: ['ฉบับที่', 'Version'],
  changed: ['เปลี่ยนจากฉบับก่อน', 'Changed from the previous version'],
  apiUrl: ['ที่อยู่ API (สำหรับการพัฒนา)', 'API address (development)'],
  apiKey: ['รหัส API (สำหรับการพัฒนา)', 'API key (development)'],
  devOnly: ['สองช่องนี้มีเฉพาะรุ่นสำหรับการพัฒนา', 'These two fields exist in development builds only.'],
  signIn: ['ลงชื่อเข้าใช้ด้วยบัญชี Microsoft', 'Sign in with Microsoft'],
  signedInAs: ['ลงชื่อเข้าใช้แล้ว:', 'Signed in as'],
  signInHelp: ['ใช้บัญชีเดียวกับที่ใช้เปิด Office ระบบจะถามเมื่อจำเป็นเท่านั้น', 'Uses the account you are signed in to Office with; you are asked only when needed.'],
  noSignIn: ['รุ่นนี้ยังไม่ได้ตั้งค่าการลงชื่อเข้าใช้ ติดต่อผู้ดูแลระบบ', 'This build has no sign-in configured. Ask your administrator.'],
  form: ['แบบรายงาน', 'Form'],
  fiscalYear: ['ปีงบประมาณ (พ.ศ.)', 'Fiscal year (BE)'],
  period: ['งวด', 'Period'],
  layout: ['รูปแบบรายงาน', 'Report layout'],
  groupBy: ['จัดกลุ่ม', 'Grouping'],
  include: ['ฉบับที่นับรวม', 'Returns counted'],
  received: ['ส่งแล้ว', 'Received'],
  missing: ['ยังไม่ส่ง', 'Not yet received'],
  status: ['สถานะตัวชี้วัด', 'Indicator status'],
  working: ['กำลังทำงาน…', 'Working…'],
  preparing: ['กำลังเตรียม…', 'Getting ready…'],
  paneNotLoaded: ['โหลดส่วนที่เหลือของบานหน้าต่างไม่สำเร็จ ตรวจการเชื่อมต่อ แล้วกด “ลองอีกครั้ง”', 'The rest of the pane could not be loaded. Check the connection, then press Retry.'],
  excelWaiting: ['กำลังรอ Excel… ถ้ากำลังพิมพ์ในเซลล์ ให้กด Enter หรือ Esc ก่อน', 'Waiting for Excel… If you are typing in a cell, press Enter or Esc first.'],
  mergesUnknown: ['Excel รุ่นนี้บอกเซลล์ที่ผสานไม่ได้ หัวตารางที่ผสานเซลล์อาจอ่านได้ไม่ครบ', 'This Excel cannot report merged cells; headings in merged cells may be read less well.'],
  noDropdowns: ['Excel รุ่นนี้สร้างรายการให้เลือกในเซลล์ไม่ได้ ให้พิมพ์ชื่อหน่วยงานและ ใช่/ไม่ใช่ เอง', 'This Excel cannot add dropdown lists: type the unit names and yes/no yourself.'],
  notHighlighted: [
    'ระบายสีเซลล์ในชีตไม่ได้ รายการด้านล่างยังใช้ได้ คลิกเพื่อไปที่เซลล์ กด “ตรวจสอบ” อีกครั้งเพื่อระบายสี',
    'The cells could not be coloured in the sheet; the list below still works: click a finding to go to its cell. Press Check again to colour them.',
  ],
  protectedNoColour: [
    'ชีตถูกป้องกันไว้ จึงระบายสีเซลล์ไม่ได้ รายการด้านล่างยังใช้ได้ คลิกเพื่อไปที่เซลล์ หากต้องการเห็นสี ให้ยกเลิกการป้องกันชีต (แท็บ ตรวจทาน › ยกเลิกการป้องกันแผ่นงาน) แล้วกด “ตรวจสอบ” อีกครั้ง',
    'The sheet is protected, so its cells could not be coloured; the list below still works: click a finding to go to its cell. To see the colours, unprotect the sheet (Review › Unprotect Sheet) and press Check again.',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type StringKey = keyof typeof STRINGS;

export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang === 'th' ? 0 : 1];
}

/** A fixed text in both languages, for messages kept as values. */
export function bi(key: StringKey): Bilingual {
  return { th: STRINGS[key][0], en: STRINGS[key][1] };
}
