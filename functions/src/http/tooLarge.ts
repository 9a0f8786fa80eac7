import { problem, type ApiProblem } from './problem';

/** 413: the body is over the configured limit (refused before it is parsed). */
export function tooLarge(maxBytes: number): ApiProblem {
  return problem('body.too_large', { en: `The request body is larger than ${maxBytes} bytes.`, th: `ข้อมูลที่ส่งมาใหญ่เกิน ${maxBytes} ไบต์` });
}
