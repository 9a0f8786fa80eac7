import type { z } from 'zod';
import { problem, type ApiProblem } from './problem';

/** Query parameters by their Thai names: the pane shows the Thai detail to the clerk. */
const PARAMETER_TH: Record<string, string> = {
  form: 'แบบรายงาน',
  fy: 'ปีงบประมาณ',
  period: 'งวด',
  by: 'การจัดกลุ่ม',
  include: 'ขอบเขตข้อมูล',
  orgUnit: 'หน่วยงาน',
  unit: 'หน่วยงาน',
  subject: 'เรื่อง',
  version: 'ฉบับที่',
  format: 'รูปแบบไฟล์',
  layout: 'รูปแบบรายงาน',
};

type Text = { en: string; th: string };

const NOT_VALID: Text = { en: 'is not valid', th: 'ไม่ถูกต้อง' };

/**
 * One refusal in words, in English and Thai: our own schemas' text where they give it (a
 * custom issue carries its Thai in `params.th`, as shared/period does), else a sentence per
 * kind of refusal: never zod's English message (it can hold a pattern) inside the Thai.
 */
function issueText(issue: z.core.$ZodIssue): Text {
  switch (issue.code) {
    case 'custom':
      return typeof issue.params?.th === 'string' ? { en: issue.message, th: issue.params.th } : NOT_VALID;
    case 'invalid_type':
      // zod leaves the input out of its issues; its message says what it received
      return /received undefined$/.test(issue.message) ? { en: 'is missing', th: 'ยังไม่ได้ระบุ' } : { en: `should be of type ${issue.expected}`, th: 'ชนิดข้อมูลไม่ถูกต้อง' };
    case 'invalid_value':
      return { en: `should be one of ${issue.values.map(String).join(', ')}`, th: `ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ${issue.values.map(String).join(', ')}` };
    case 'invalid_format':
      return { en: 'has the wrong form', th: 'รูปแบบไม่ถูกต้อง' };
    case 'too_big':
      return { en: `is larger or longer than ${String(issue.maximum)} allows`, th: `ยาวหรือมากเกิน ${String(issue.maximum)}` };
    case 'too_small':
      return { en: `is smaller or shorter than ${String(issue.minimum)} allows`, th: `สั้นหรือน้อยกว่า ${String(issue.minimum)}` };
    case 'unrecognized_keys':
      return { en: `holds names the API does not know: ${issue.keys.join(', ')}`, th: `มีชื่อที่ระบบไม่รู้จัก: ${issue.keys.join(', ')}` };
    default:
      return NOT_VALID;
  }
}

/** A query string the schema refused: names the parameter (in Thai too) and says what is wrong with it. */
export function invalidQuery(error: z.ZodError): ApiProblem {
  const first = error.issues[0];
  const name = first?.path.map(String).join('.') ?? '';
  const text = first ? issueText(first) : NOT_VALID;
  const nameTh = PARAMETER_TH[name] ? `${PARAMETER_TH[name]} (${name})` : name;
  return problem('query.invalid', { en: `Query parameter ${name}: ${text.en}`, th: `พารามิเตอร์ ${nameTh} ไม่ถูกต้อง: ${text.th}` });
}

/** A body the schema refused: where in it (a path of names and positions), and what is wrong there. */
export function invalidBody(error: z.ZodError): ApiProblem {
  const first = error.issues[0];
  const where = first?.path.map(String).join('.') || '(root)';
  const text = first ? issueText(first) : NOT_VALID;
  return problem('body.invalid', { en: `The request body does not match the API at ${where}: ${text.en}`, th: `ข้อมูลที่ส่งมาไม่ตรงตามรูปแบบของระบบที่ ${where}: ${text.th}` });
}
