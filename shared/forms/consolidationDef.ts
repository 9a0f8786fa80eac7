/**
 * How a form's returns add up. Each kind is implemented once in `consolidate/`;
 * a form picks one and names its own fields.
 */
export type ConsolidationDef = IndicatorConsolidation | KpiCatalogConsolidation | ProjectConsolidation | ItemTotalsConsolidation;

/** A base a percentage is taken of. */
export type PctBase = { indicator: string } | 'expected';

export type IndicatorDef =
  /** Returns received of those expected. */
  | { id: string; kind: 'returns'; label_th: string; label_en: string }
  /** Σ of a record field over returns. */
  | { id: string; kind: 'sum'; field: string; pctOf?: PctBase; label_th: string; label_en: string; target?: number }
  /** Units whose return satisfies `when` on any of `fields`. */
  | {
      id: string;
      kind: 'countUnits';
      fields: string[];
      when: 'yes' | 'positive';
      pctOf?: PctBase;
      /** KPI target in % of the base (BMA KPI). */
      target?: number;
      label_th: string;
      label_en: string;
    };

export interface IndicatorConsolidation {
  kind: 'indicators';
  /** Units expected to report: every unit of this kind. */
  expectedKind: 'district' | 'region';
  indicators: IndicatorDef[];
}

/** CODI-style KPI table: quarterly targets, results, cumulative, from the form's catalog. */
export interface KpiCatalogConsolidation {
  kind: 'kpiCatalog';
  expectedKind: 'district' | 'region';
  columns: { code: string; annualTarget: string; quarterTargets: [string, string, string, string]; result: string; cumulative: string };
}

/** Project progress reports: latest progress, completion, on plan/target, money. */
export interface ProjectConsolidation {
  kind: 'projects';
  expectedKind: 'district' | 'region';
  fields: { budget: string; start?: string; end?: string };
  columns: { date: string; number: string; progress: string; disbursed: string; onPlan: string; onTarget: string };
  /** BMA KPI: share of projects completed on target, target %. */
  completedOnTargetGoal: number;
  /** A project is behind when its latest progress is this many points below the elapsed share of the year. */
  behindByPoints: number;
}

/** Sum table columns by item (welfare type) across returns; count returns reporting each item. */
export interface ItemTotalsConsolidation {
  kind: 'itemTotals';
  expectedKind: 'district' | 'region';
  key: string;
  columns: string[];
}
