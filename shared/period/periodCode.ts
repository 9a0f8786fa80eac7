import { z } from 'zod';
import { PERIOD_CODES, PERIOD_KINDS } from './periodCodeList';
import { parsePeriodCode } from './parsePeriod';

export * from './periodCodeList';

/** The canonical code, as stored, sent and keyed (`FY`, `Q1`–`Q4`, `M01`–`M12`). */
export const periodCodeSchema = z.enum(PERIOD_CODES);
export type PeriodCode = z.infer<typeof periodCodeSchema>;

export const periodKindSchema = z.enum(PERIOD_KINDS);
export type PeriodKind = z.infer<typeof periodKindSchema>;

/** For query strings, path segments and form fields: any spelling parsePeriodCode reads; the output is the canonical code. */
export const periodCodeInputSchema = z.string().transform((v, ctx): PeriodCode => {
  const r = parsePeriodCode(v);
  if (r.ok) return r.value;
  ctx.issues.push({ code: 'custom', message: r.error.en, input: v, params: { th: r.error.th } }); // the API answers both (functions/src/http/invalidInput.ts)
  return z.NEVER;
});
