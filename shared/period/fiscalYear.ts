import { z } from 'zod';
import { MAX_FISCAL_YEAR, MIN_FISCAL_YEAR, parseFiscalYear } from './fiscalYearNumbers';

export * from './fiscalYearNumbers';

/** A fiscal year as stored and sent: named by its Buddhist Era year (FY 2563 = 1 Oct 2019 – 30 Sep 2020). */
export const fiscalYearSchema = z.number().int().min(MIN_FISCAL_YEAR).max(MAX_FISCAL_YEAR);
export type FiscalYear = z.infer<typeof fiscalYearSchema>;

/** For query strings, path segments and form fields: any spelling parseFiscalYear reads; the output is the BE year. */
export const fiscalYearInputSchema = z.union([z.string(), z.number()]).transform((v, ctx): FiscalYear => {
  const r = parseFiscalYear(v);
  if (r.ok) return r.value;
  ctx.issues.push({ code: 'custom', message: r.error.en, input: v, params: { th: r.error.th } }); // the API answers both (functions/src/http/invalidInput.ts)
  return z.NEVER;
});
