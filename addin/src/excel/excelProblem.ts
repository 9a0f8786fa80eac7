import type { Bilingual } from '../text/bilingual';

/** The office.js error codes (`OfficeExtension.Error.code`, RichApi.Error) the pane tells apart. */
export const EXCEL_ERROR_CODES = [
  'InvalidOperationInCellEditMode',
  'AccessDenied',
  'ItemNotFound',
  'ItemAlreadyExists',
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  'ApiNotFound',
  'GeneralException',
] as const;

/** A known office.js code, or `Unexpected` for anything else that went wrong inside an Excel batch. */
export type ExcelErrorCode = (typeof EXCEL_ERROR_CODES)[number] | 'Unexpected';

/** What the clerk can do next: try again (after leaving the cell, unprotecting), check again, or nothing from here. */
export type WayOn = 'retry' | 'checkAgain' | 'none';

/** An Excel failure as the pane shows it: what happened and what to do, in Thai and English. */
export interface ExcelProblem extends Bilingual {
  code: ExcelErrorCode;
  wayOn: WayOn;
}

const TEXT: Record<ExcelErrorCode, Bilingual & { wayOn: WayOn }> = {
  InvalidOperationInCellEditMode: {
    th: 'Excel กำลังแก้ไขเซลล์อยู่ จึงทำรายการไม่ได้ กด Enter หรือ Esc เพื่อออกจากเซลล์ แล้วกด “ลองอีกครั้ง”',
    en: 'Excel is busy: a cell is being edited. Press Enter or Esc to leave the cell, then press Retry.',
    wayOn: 'retry',
  },
  AccessDenied: {
    th: 'ชีตถูกป้องกันไว้ จึงเขียนลงชีตไม่ได้ ยกเลิกการป้องกันชีตก่อน (แท็บ ตรวจทาน › ยกเลิกการป้องกันแผ่นงาน) แล้วกด “ลองอีกครั้ง”',
    en: 'The sheet is protected, so nothing could be written to it. Unprotect it (Review › Unprotect Sheet), then press Retry.',
    wayOn: 'retry',
  },
  ItemNotFound: {
    th: 'ไม่พบชีตที่ตรวจสอบไว้ในสมุดงานนี้แล้ว (อาจถูกลบไป) เปิดชีตแบบรายงานแล้วกด “ตรวจสอบ” อีกครั้ง',
    en: 'The sheet that was checked is no longer in this workbook (it may have been deleted). Open the return’s sheet and press Check again.',
    wayOn: 'checkAgain',
  },
  ItemAlreadyExists: {
    th: 'มีชีตหรือตารางชื่อนี้อยู่แล้ว กด “ลองอีกครั้ง” เพื่อใช้ชื่ออื่น',
    en: 'A sheet or table with that name already exists. Press Retry to use another name.',
    wayOn: 'retry',
  },
  RequestPayloadSizeLimitExceeded: {
    th: 'ข้อมูลมากเกินกว่าที่ Excel รับได้ในครั้งเดียว (Excel บนเว็บรับได้ไม่เกิน 5 MB) แบ่งข้อมูลเป็นหลายชีตแล้วลองใหม่',
    en: 'Too much data for one Excel request (Excel on the web takes at most 5 MB). Split the data over several sheets and try again.',
    wayOn: 'none',
  },
  ResponsePayloadSizeLimitExceeded: {
    th: 'ชีตมีข้อมูลมากเกินกว่าที่ Excel ส่งมาได้ในครั้งเดียว (Excel บนเว็บไม่เกิน 5 MB) แบ่งข้อมูลเป็นหลายชีตแล้วลองใหม่',
    en: 'The sheet holds more than Excel can hand over at once (Excel on the web: 5 MB). Split the data over several sheets and try again.',
    wayOn: 'none',
  },
  ApiNotFound: {
    th: 'Excel รุ่นนี้ไม่มีความสามารถที่ต้องใช้ ใช้ Excel รุ่นใหม่กว่า หรือ Excel บนเว็บ',
    en: 'This version of Excel lacks a feature this needs. Use a newer Excel, or Excel on the web.',
    wayOn: 'none',
  },
  GeneralException: {
    th: 'Excel ทำรายการไม่สำเร็จ (ข้อผิดพลาดทั่วไปของ Excel) กด “ลองอีกครั้ง”',
    en: 'Excel could not finish (a general Excel error). Press Retry.',
    wayOn: 'retry',
  },
  Unexpected: {
    th: 'เกิดข้อผิดพลาดที่ไม่คาดคิดระหว่างทำงานกับ Excel กด “ลองอีกครั้ง” หากยังไม่ได้ ให้ปิดแล้วเปิดบานหน้าต่างนี้ใหม่',
    en: 'Something unexpected went wrong while working with Excel. Press Retry; if that fails, close and reopen this pane.',
    wayOn: 'retry',
  },
};

function isKnownCode(code: unknown): code is ExcelErrorCode {
  return typeof code === 'string' && (EXCEL_ERROR_CODES as readonly string[]).includes(code);
}

/** office.js errors carry `code` (and sometimes a more precise `debugInfo.code`). */
function codeOf(error: unknown): ExcelErrorCode {
  if (typeof error !== 'object' || error === null) return 'Unexpected';
  const code: unknown = 'code' in error ? error.code : undefined;
  const debug: unknown = 'debugInfo' in error && typeof error.debugInfo === 'object' && error.debugInfo !== null && 'code' in error.debugInfo ? error.debugInfo.code : undefined;
  if (isKnownCode(debug) && debug !== 'GeneralException') return debug;
  if (isKnownCode(code)) return code;
  // Some hosts answer a write to a protected sheet with InvalidOperation and a message about protection.
  const message = error instanceof Error ? error.message : '';
  if (code === 'InvalidOperation' && /protect/i.test(message)) return 'AccessDenied';
  return 'Unexpected';
}

/** The problem to show for whatever an Excel batch threw. */
export function excelProblemOf(error: unknown): ExcelProblem {
  const code = codeOf(error);
  return { code, ...TEXT[code] };
}

export function excelProblem(code: ExcelErrorCode): ExcelProblem {
  return { code, ...TEXT[code] };
}
