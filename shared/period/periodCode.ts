import { z } from 'zod';

/**
 * The periods a fiscal year is divided into: the whole year, its quarters (Q1 = Oct–Dec …
 * Q4 = Jul–Sep) and its months counted from October (M01 = October … M12 = September).
 */
export const YEAR_CODES = ['FY'] as const;
export const QUARTER_CODES = ['Q1', 'Q2', 'Q3', 'Q4'] as const;
export const MONTH_CODES = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12'] as const;
export const PERIOD_CODES = [...YEAR_CODES, ...QUARTER_CODES, ...MONTH_CODES] as const;

/** The canonical code, as stored, sent and keyed (`FY`, `Q1`–`Q4`, `M01`–`M12`). */
export const periodCodeSchema = z.enum(PERIOD_CODES);
export type PeriodCode = z.infer<typeof periodCodeSchema>;

export const periodKindSchema = z.enum(['year', 'quarter', 'month']);
export type PeriodKind = z.infer<typeof periodKindSchema>;

export function isPeriodCode(s: unknown): s is PeriodCode {
  return periodCodeSchema.safeParse(s).success;
}

export function periodKindOf(code: PeriodCode): PeriodKind {
  return code === 'FY' ? 'year' : code[0] === 'Q' ? 'quarter' : 'month';
}

/** The codes of one kind, in order: the choices a form offers. */
export function periodsOfKind(kind: PeriodKind): PeriodCode[] {
  return kind === 'year' ? [...YEAR_CODES] : kind === 'quarter' ? [...QUARTER_CODES] : [...MONTH_CODES];
}

/** `Q1`–`Q4` for 1–4. */
export function quarterCode(quarter: number): PeriodCode | null {
  return QUARTER_CODES[quarter - 1] ?? null;
}

/** `M01`–`M12` for fiscal months 1–12. */
export function monthCode(fiscalMonth: number): PeriodCode | null {
  return MONTH_CODES[fiscalMonth - 1] ?? null;
}

/** The quarter 1–4 a fiscal month 1–12 falls in. */
export function quarterOfFiscalMonth(fiscalMonth: number): number {
  return Math.ceil(fiscalMonth / 3);
}

/** A code taken apart: its kind and, for quarters and months, its number (`M03` → month 3). */
export type PeriodParts = { kind: 'year' } | { kind: 'quarter'; n: number } | { kind: 'month'; n: number };

export function periodParts(code: PeriodCode): PeriodParts {
  const kind = periodKindOf(code);
  return kind === 'year' ? { kind } : { kind, n: Number(code.slice(1)) };
}

/** The fiscal months (1–12, from October) a period covers. */
export function fiscalMonthsOf(code: PeriodCode): { from: number; to: number } {
  const p = periodParts(code);
  switch (p.kind) {
    case 'year':
      return { from: 1, to: 12 };
    case 'quarter':
      return { from: 3 * p.n - 2, to: 3 * p.n };
    case 'month':
      return { from: p.n, to: p.n };
  }
}

/** The quarter 1–4 a stored code names (`Q3` → 3); null for any other text. */
export function quarterNumberOf(code: string): number | null {
  if (!isPeriodCode(code)) return null;
  const p = periodParts(code);
  return p.kind === 'quarter' ? p.n : null;
}

/** The codes of the same kind from the year's first up to this one (`Q2` → Q1, Q2). */
export function codesUpTo(code: PeriodCode): PeriodCode[] {
  const codes = periodsOfKind(periodKindOf(code));
  return codes.slice(0, codes.indexOf(code) + 1);
}
