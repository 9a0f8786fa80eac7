import type { ApiError } from '@returns-hub/shared/api/client';
import type { Bilingual } from '../text/bilingual';

/** Said in Thai when the API's answer carries no Thai text (an older server): by status, never the English detail. */
function thaiByStatus(status: number): string {
  if (status === 401) return 'ยังไม่ได้ลงชื่อเข้าใช้ หรือรหัสเข้าใช้ไม่ถูกต้อง ตรวจสอบที่ “ตั้งค่า”';
  if (status === 403) return 'บัญชีนี้ไม่มีสิทธิ์ส่งหรืออ่านข้อมูลของหน่วยงานนี้ ติดต่อผู้ดูแลระบบ';
  if (status === 404) return 'ไม่พบข้อมูลที่ขอที่ส่วนกลาง';
  if (status === 409) return 'มีการส่งข้อมูลเดียวกันพร้อมกัน กดส่งอีกครั้ง';
  if (status === 413) return 'ข้อมูลใหญ่เกินกว่าที่ส่วนกลางรับได้ในครั้งเดียว';
  if (status === 422) return 'ส่วนกลางพบข้อผิดพลาดในแบบรายงาน จึงยังไม่บันทึก';
  if (status >= 500) return 'ระบบของส่วนกลางขัดข้องชั่วคราว ลองอีกครั้งในอีกสักครู่';
  return 'ส่วนกลางไม่รับคำขอนี้';
}

function textField(problem: object, key: string): string | undefined {
  const v: unknown = key in problem ? Reflect.get(problem, key) : undefined;
  return typeof v === 'string' && v.trim() ? v : undefined;
}

/**
 * The API's problem details in the clerk's language: the server's Thai detail (`detail_th`,
 * else `title_th`) and its English `detail`. A server without Thai text gets a Thai sentence
 * by status, so English never shows inside Thai.
 */
export function apiProblemText(e: ApiError): Bilingual {
  const p = e.problem;
  const th = textField(p, 'detail_th') ?? textField(p, 'title_th') ?? thaiByStatus(e.status);
  const en = textField(p, 'detail') ?? textField(p, 'title') ?? `The server answered ${e.status}.`;
  return { th, en };
}
