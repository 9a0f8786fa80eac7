import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { bangkokDate, currentFiscalYear, periodsOfKind, periodStart, type PeriodCode } from '@returns-hub/shared/period/index';
import { tallyPeriodKinds } from '@returns-hub/shared/consolidate/consolidateReturns';
import { YEARS_BACK } from './pullChoices';

/** A fiscal year and period of it. */
export interface PeriodChoice {
  fy: number;
  period: PeriodCode;
}

/** Periods asked about at once. */
const AT_ONCE = 8;

/** A form's periods that have begun (Bangkok time), newest first, over the fiscal years the pane offers (the current one and nine before). */
export function periodsNewestFirst(form: FormDef, now: Date): PeriodChoice[] {
  const today = bangkokDate(now);
  const current = currentFiscalYear(now);
  const codes = tallyPeriodKinds(form).flatMap(periodsOfKind);
  const out: PeriodChoice[] = [];
  for (let fy = current; fy >= current - YEARS_BACK; fy--) for (const period of [...codes].reverse()) if (periodStart({ fiscalYear: fy, code: period }) <= today) out.push({ fy, period });
  return out;
}

/**
 * The latest period of a form that has returns, asking `received` (how many units sent one)
 * a few periods at a time, newest first; null when none of the years offered has any (or
 * headquarters cannot be reached). Bounded: at most ten years of periods.
 */
export async function latestPeriodWithReturns(form: FormDef, now: Date, received: (p: PeriodChoice) => Promise<number>): Promise<PeriodChoice | null> {
  const candidates = periodsNewestFirst(form, now);
  for (let i = 0; i < candidates.length; i += AT_ONCE) {
    const batch = candidates.slice(i, i + AT_ONCE);
    const counts = await Promise.all(batch.map((p) => received(p).catch(() => -1)));
    if (counts.every((c) => c < 0)) return null; // out of reach: say nothing rather than guess
    const hit = batch.find((_p, k) => counts[k] > 0);
    if (hit) return hit;
  }
  return null;
}

/**
 * Where Totals and Review open: per form, the latest period with returns (asked of
 * headquarters once, then kept), so that a new fiscal year that is empty yet is not the
 * first thing shown.
 */
export class PeriodDefaults {
  private found = new Map<string, Promise<PeriodChoice | null>>();

  constructor(private readonly received: (form: FormDef, p: PeriodChoice) => Promise<number>) {}

  latest(form: FormDef, now: Date): Promise<PeriodChoice | null> {
    let f = this.found.get(form.id);
    if (!f) {
      f = latestPeriodWithReturns(form, now, (p) => this.received(form, p));
      // Not kept when headquarters could not be reached: the next look asks again.
      f.then((r) => r === null && this.found.delete(form.id)).catch(() => this.found.delete(form.id));
      this.found.set(form.id, f);
    }
    return f;
  }

  /** Forgets what was found (another sign-in or API address, a new submission). */
  forget(): void {
    this.found.clear();
  }
}
