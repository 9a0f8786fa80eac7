import type { Contribution } from './contribution';

export type { Contribution };

/** Traffic light of a KPI by % of its target to date. */
export type Status = 'green' | 'yellow' | 'red';

/** One consolidated figure of a group, unrounded (round only for display). */
export interface Measure {
  id: string;
  label_th: string;
  label_en: string;
  value: number | null;
  unit?: string;
  /** Percentage of `pctOf` (an indicator id, or `expected` units). */
  pct?: number | null;
  pctOf?: string;
  /** KPI target, in the measure's own terms (a % for share KPIs). */
  target?: number | null;
  status?: Status | null;
  // KPI-catalog figures (CODI):
  annualTarget?: number | null;
  targetToDate?: number | null;
  /** Results (or %) of Q1..Q4; null for quarters after the period. */
  byQuarter?: (number | null)[];
  pctOfAnnual?: number | null;
  pctOfTargetToDate?: number | null;
  /** The period's remaining target (target through Q − result through Q−1) and the period's result as % of it. */
  remainingTarget?: number | null;
  periodPct?: number | null;
  /** Quarter by quarter: remaining target and % of it. */
  quarterRemaining?: (number | null)[];
  quarterPct?: (number | null)[];
  score?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface TallyGroup {
  orgUnit: string;
  name_th: string;
  name_en: string;
  /** Units that sent a return, of those expected to. */
  received: number;
  expected: number;
  /** Returns of the period included in this group, and how many of them headquarters accepted (set by consolidateReturns). */
  returns?: number;
  accepted?: number;
  measures: Measure[];
}

export type GroupBy = 'district' | 'zone' | 'region' | 'hq';

export interface Tally {
  formId: string;
  fiscalYear: number;
  period: string;
  by: GroupBy;
  /** Which returns the figures include: every current one, or accepted ones only (set by the API). */
  include?: TallyInclude;
  /** Returns of the period the figures include, and how many of them are accepted (set by consolidateReturns). */
  returns?: { included: number; accepted: number };
  /**
   * Set when the maintained aggregates are behind the stored returns (updates recorded and not
   * yet applied, since `since`): the figures were recomputed from every stored return instead,
   * so they are right, and slower to serve until the repair brings the aggregates up to date.
   */
  stale?: { updatesBehind: number; since: string };
  groups: TallyGroup[];
}

export type TallyInclude = 'all' | 'accepted';

/** What the store keeps per return (current version only) so tallies never read rows. */
export interface TallyEntry {
  orgUnit: string;
  fiscalYear: number;
  period: string;
  subject: string | null;
  submittedAt: string;
  contribution: Contribution;
  /** Accepted by headquarters (the review's last level). */
  accepted?: boolean;
}
