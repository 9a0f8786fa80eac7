/** Why a period or a fiscal year could not be read: a stable code and text in Thai and English. */
export interface PeriodError {
  code: 'period.invalid' | 'fiscal_year.invalid';
  th: string;
  en: string;
}

/** A read value, or why it could not be read. */
export type PeriodResult<T> = { ok: true; value: T } | { ok: false; error: PeriodError };

/** What the user typed, quoted and kept short (query strings can be long). */
export function quoted(input: unknown): string {
  const s = String(input ?? '').trim();
  return `"${s.length > 40 ? `${s.slice(0, 40)}…` : s}"`;
}
