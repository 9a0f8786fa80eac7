import { z } from 'zod';

/**
 * What Excel shows of the custom functions (their description and each argument's) in Thai:
 * `functions.th.json`, which the manifest's th-TH override serves to Thai Office. The English
 * comes from the JSDoc of customFunctions.ts; this is its Thai, function by function.
 */
/** The arguments PCT and STATUS share (TOTAL's say more, with examples). */
const INDICATOR_ARGUMENTS_TH = {
  form: 'รหัสแบบรายงาน',
  indicator: 'รหัสตัวชี้วัด',
  fiscalYear: 'ปีงบประมาณ (พ.ศ.)',
  period: 'งวด เช่น FY, Q2 หรือ ไตรมาส 2, M01 ถึง M12',
  orgUnit: 'รหัสหรือชื่อหน่วยงาน (ถ้าไม่ระบุ คือส่วนกลาง)',
};

export const FUNCTION_TEXT_TH: Record<string, { description: string; parameters: Record<string, string> }> = {
  TOTAL: {
    description: 'ยอดรวมจากศูนย์รับรายงาน ของตัวชี้วัดหนึ่งในปีงบประมาณและงวดที่ระบุ',
    parameters: {
      form: 'รหัสแบบรายงาน เช่น bma-community-plan-return',
      indicator: 'รหัสตัวชี้วัด เช่น budget_disbursed หรือ 5.1',
      fiscalYear: 'ปีงบประมาณ (พ.ศ.) เช่น 2563',
      period: 'งวด เช่น FY (ทั้งปี), Q2 หรือ ไตรมาส 2, M01 ถึง M12 (ถ้าไม่ระบุ คือทั้งปี)',
      orgUnit: 'รหัสหรือชื่อหน่วยงาน (ถ้าไม่ระบุ คือส่วนกลาง)',
    },
  },
  PCT: {
    description: 'ร้อยละของเป้าหมายถึงงวดนี้ (หรือร้อยละของตัวชี้วัดเอง เมื่อไม่มีเป้าหมายถึงงวดนี้)',
    parameters: INDICATOR_ARGUMENTS_TH,
  },
  STATUS: {
    description: 'สถานะตามร้อยละของเป้าหมายถึงงวดนี้: เขียว เหลือง หรือ แดง (เว้นว่างเมื่อไม่มี)',
    parameters: INDICATOR_ARGUMENTS_TH,
  },
  RECEIVED: {
    description: 'จำนวนรายงานที่ได้รับ จากที่ควรได้รับ เช่น 50/50',
    parameters: {
      form: 'รหัสแบบรายงาน',
      fiscalYear: 'ปีงบประมาณ (พ.ศ.)',
      period: 'งวด เช่น FY หรือ Q2 (ไตรมาส 2)',
    },
  },
};

const metadataSchema = z.looseObject({
  functions: z.array(z.looseObject({ id: z.string(), description: z.string().optional(), parameters: z.array(z.looseObject({ name: z.string(), description: z.string().optional() })) })),
});

/**
 * The generated (English) metadata with the Thai descriptions put in; fails, naming the
 * function or argument, when one has no Thai (a new function must bring its Thai text).
 */
export function localizeFunctionsMetadata(metadataJson: string, text = FUNCTION_TEXT_TH): string {
  const meta = metadataSchema.parse(JSON.parse(metadataJson));
  const missing: string[] = [];
  const functions = meta.functions.map((f) => {
    const th = text[f.id];
    if (!th) missing.push(f.id);
    return {
      ...f,
      description: th?.description ?? f.description,
      parameters: f.parameters.map((p) => {
        if (th && !th.parameters[p.name]) missing.push(`${f.id}(${p.name})`);
        return { ...p, description: th?.parameters[p.name] ?? p.description };
      }),
    };
  });
  if (missing.length) throw new Error(`custom functions without Thai text in addin/src/functions/functionsMetadataTh.ts: ${missing.join(', ')}`);
  return JSON.stringify({ ...meta, functions }, null, 2);
}
