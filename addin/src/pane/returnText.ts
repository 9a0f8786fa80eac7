import { paneDefinitions } from '../definitions/paneDefinitions';
import { formatPeriod, isFiscalYear, isPeriodCode } from '@returns-hub/shared/period/index';
import type { Bilingual } from '../text/bilingual';

/** A return as the clerk reads it: the form's title, the unit's name, the period in words, and what it is about (a project's code and name). */
export interface ReturnText {
  form: Bilingual;
  unit: Bilingual | null;
  period: Bilingual | null;
  /** The form's subject fields as written, by their labels: `รหัสโครงการ` 50450000-3247. */
  about: { label: Bilingual; value: string }[];
}

/** The form's title as defined for a year (default: the year the pane works on). */
export function formTitle(formId: string, fiscalYear: number | null = null): Bilingual {
  const f = paneDefinitions.forYear(fiscalYear).formById(formId);
  return f ? { th: f.title_th, en: f.title_en } : { th: formId, en: formId };
}

/** The unit's name in the org units of a year (default: the year the pane works on). */
export function unitName(code: string | null, fiscalYear: number | null = null): Bilingual | null {
  if (!code) return null;
  const u = paneDefinitions.forYear(fiscalYear).units.byCode(code);
  return u ? { th: u.name_th, en: u.name_en } : { th: code, en: code };
}

/** `ไตรมาส 2/2563`, `ทั้งปี 2563`; `Q2 FY2563`, `FY2563`. */
export function periodText(fiscalYear: number | null, period: string | null): Bilingual | null {
  if (!isFiscalYear(fiscalYear) || !isPeriodCode(period)) return null;
  const p = { fiscalYear, code: period };
  return { th: formatPeriod(p, 'th'), en: formatPeriod(p, 'en') };
}

export function describeReturn(r: { formId: string; orgUnit: string | null; fiscalYear: number | null; period: string | null; about?: readonly { field: string; value: string }[] }): ReturnText {
  return {
    form: formTitle(r.formId, r.fiscalYear),
    unit: unitName(r.orgUnit, r.fiscalYear),
    period: periodText(r.fiscalYear, r.period),
    about: (r.about ?? []).map((a) => ({ label: fieldLabel(r.formId, a.field, r.fiscalYear), value: a.value })),
  };
}

/** Returns of one form and period found together (a table of one row per district): shown as one card naming the units. */
export interface ReturnGroup {
  form: Bilingual;
  period: Bilingual | null;
  units: Bilingual[];
  /** The returns' subjects, when there is one return (a project sheet). */
  about: ReturnText['about'];
  count: number;
}

export function groupReturns(returns: readonly ReturnText[]): ReturnGroup[] {
  const groups = new Map<string, ReturnGroup>();
  for (const r of returns) {
    const key = `${r.form.en}|${r.period?.en ?? ''}`;
    const g = groups.get(key) ?? { form: r.form, period: r.period, units: [], about: r.about, count: 0 };
    g.count++;
    if (r.unit && !g.units.some((u) => u.th === r.unit?.th)) g.units.push(r.unit);
    if (g.count > 1) g.about = [];
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** A changed field of a receipt by its label in the form (`rows`: the number of rows). */
export function fieldLabel(formId: string, field: string, fiscalYear: number | null = null): Bilingual {
  if (field === 'rows') return { th: 'จำนวนแถว', en: 'number of rows' };
  const f = paneDefinitions.forYear(fiscalYear).formById(formId);
  const def = [...(f?.fields ?? []), ...(f?.table?.columns ?? [])].find((x) => x.id === field);
  return def ? { th: def.label_th, en: def.label_en } : { th: field, en: field };
}
