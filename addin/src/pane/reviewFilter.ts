import type { ReviewedReturn, ReviewStatus } from '@returns-hub/shared/review/reviewSchemas';
import { awaitingAcceptance, mostPressing, type ReviewLevel } from '@returns-hub/shared/review/reviewWorkflow';

/** What a reviewer narrows the list to: the returns awaiting them, or of one status; with or without warnings; one zone. */
export interface ReviewFilter {
  status: 'all' | 'awaiting' | ReviewStatus;
  warnings: 'all' | 'with' | 'without';
  /** A zone's code, or all zones. */
  zone: string;
}

export const NO_FILTER: ReviewFilter = { status: 'all', warnings: 'all', zone: 'all' };

/** The returns the filter lets through, in the list's order. */
export function filterReturns(list: readonly ReviewedReturn[], f: ReviewFilter, level: ReviewLevel): ReviewedReturn[] {
  const awaiting = new Set(awaitingAcceptance(level));
  return list.filter(
    (r) =>
      (f.status === 'all' || (f.status === 'awaiting' ? awaiting.has(r.status) : r.status === f.status)) &&
      (f.warnings === 'all' || (f.warnings === 'with' ? r.warnings > 0 : r.warnings === 0)) &&
      (f.zone === 'all' || r.zone?.code === f.zone),
  );
}

/** "Accept all without warnings": the returns this level may accept that have no warnings (the workflow's table says which statuses). */
export function cleanToAccept(list: readonly ReviewedReturn[], level: ReviewLevel): ReviewedReturn[] {
  const awaiting = new Set(awaitingAcceptance(level));
  return list.filter((r) => r.warnings === 0 && awaiting.has(r.status));
}

/** The zones the listed units belong to, each once, in the order met. */
export function zonesOf(list: readonly ReviewedReturn[]): NonNullable<ReviewedReturn['zone']>[] {
  const seen = new Map<string, NonNullable<ReviewedReturn['zone']>>();
  for (const r of list) if (r.zone && !seen.has(r.zone.code)) seen.set(r.zone.code, r.zone);
  return [...seen.values()];
}

/** How many returns are in each status, the most pressing first (sent back, reopened, awaiting…). */
export function statusCounts(list: readonly ReviewedReturn[]): { status: ReviewStatus; count: number }[] {
  const counts = new Map<ReviewStatus, number>();
  for (const r of list) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const out: { status: ReviewStatus; count: number }[] = [];
  const left = [...counts.keys()];
  while (left.length) {
    const s = mostPressing(left)!;
    out.push({ status: s, count: counts.get(s)! });
    left.splice(left.indexOf(s), 1);
  }
  return out;
}
