import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { FORMS } from '@returns-hub/shared/forms/index';
import { resolveOrgUnit } from '@returns-hub/shared/orgUnits/resolveOrgUnit';
import { groupOfLevel } from './groupLevel';
import type { GroupBy } from '@returns-hub/shared/consolidate/tally';
import { badArgument } from './functionError';
import { parseFiscalYear } from '@returns-hub/shared/period/fiscalYear';
import { parsePeriodCode } from '@returns-hub/shared/period/parsePeriod';
import { tallyPeriodKinds } from '@returns-hub/shared/consolidate/consolidateReturns';
import type { PeriodError } from '@returns-hub/shared/period/periodError';

export interface FigureQuery {
  form: FormDef;
  fy: number;
  period: string;
  by: GroupBy;
  /** The group whose figure is wanted (org-unit code). */
  unit: string;
}

const blank = (v: unknown) => v === undefined || v === null || v === '';
const bilingual = (e: PeriodError) => `${e.en} / ${e.th}`;

/**
 * Checks and normalises the arguments every function shares: form (id), fiscal year (BE,
 * or CE which is converted), period (default FY; quarterly forms need a quarter), org unit
 * (code or name; default the form's headquarters).
 */
export function parseFigureArgs(form: unknown, fiscalYear: unknown, period?: unknown, orgUnit?: unknown): FigureQuery {
  const f = FORMS.find((x) => x.id === String(form ?? '').trim());
  if (!f) throw badArgument(`Unknown form "${form}". Forms: ${FORMS.map((x) => x.id).join(', ')}`);
  const fy = parseFiscalYear(typeof fiscalYear === 'number' ? fiscalYear : String(fiscalYear ?? '').trim());
  if (!fy.ok) throw badArgument(bilingual(fy.error));
  // The same spellings and errors as the API, the CLI and the pane (shared/period).
  const p = blank(period) ? (f.period.kind === 'quarter' ? parsePeriodCode('', ['quarter']) : parsePeriodCode('FY')) : parsePeriodCode(String(period), tallyPeriodKinds(f));
  if (!p.ok) throw badArgument(bilingual(p.error));
  const hq = f.consolidation.expectedKind === 'region' ? 'CODI' : 'BMA';
  let unit = hq;
  if (!blank(orgUnit)) {
    const r = resolveOrgUnit(orgUnit);
    if (!r.ok) throw badArgument(`Unknown org unit "${orgUnit}"${r.suggestions.length ? `; did you mean ${r.suggestions.map((s) => s.name_th).join(', ')}?` : ''}`);
    unit = r.unit.code;
  }
  const by = groupOfLevel(unit);
  if (!by) throw badArgument(`"${orgUnit}" is not a unit this form is tallied by`);
  return { form: f, fy: fy.value, period: p.value, by, unit };
}
