import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { FORMS } from '@returns-hub/shared/forms/index';
import { resolveOrgUnit } from '@returns-hub/shared/orgUnits/resolveOrgUnit';
import { groupOfLevel } from './groupLevel';
import type { GroupBy } from '@returns-hub/shared/consolidate/tally';
import { badArgument } from './functionError';

export interface FigureQuery {
  form: FormDef;
  fy: number;
  period: string;
  by: GroupBy;
  /** The group whose figure is wanted (org-unit code). */
  unit: string;
}

const blank = (v: unknown) => v === undefined || v === null || v === '';

/**
 * Checks and normalises the arguments every function shares: form (id), fiscal year (BE,
 * or CE which is converted), period (default FY; quarterly forms need Q1–Q4), org unit
 * (code or name; default the form's headquarters).
 */
export function parseFigureArgs(form: unknown, fiscalYear: unknown, period?: unknown, orgUnit?: unknown): FigureQuery {
  const f = FORMS.find((x) => x.id === String(form ?? '').trim());
  if (!f) throw badArgument(`Unknown form "${form}". Forms: ${FORMS.map((x) => x.id).join(', ')}`);
  const y = typeof fiscalYear === 'number' ? fiscalYear : Number(String(fiscalYear ?? '').trim());
  if (!Number.isInteger(y) || y < 1900 || y > 2800) throw badArgument(`Fiscal year must be a year such as 2563, not "${fiscalYear}"`);
  const fy = y >= 2400 ? y : y + 543;
  const p = blank(period) ? (f.period.kind === 'quarter' ? null : 'FY') : String(period).trim().toUpperCase();
  if (!p || !/^(FY|Q[1-4]|M(0[1-9]|1[0-2]))$/.test(p) || (f.period.kind === 'quarter' && !p.startsWith('Q'))) {
    throw badArgument(`Period must be ${f.period.kind === 'quarter' ? 'Q1–Q4' : 'FY (or Q1–Q4, M01–M12 for project progress)'}, not "${period ?? ''}"`);
  }
  const hq = f.consolidation.expectedKind === 'region' ? 'CODI' : 'BMA';
  let unit = hq;
  if (!blank(orgUnit)) {
    const r = resolveOrgUnit(orgUnit);
    if (!r.ok) throw badArgument(`Unknown org unit "${orgUnit}"${r.suggestions.length ? `; did you mean ${r.suggestions.map((s) => s.name_th).join(', ')}?` : ''}`);
    unit = r.unit.code;
  }
  const by = groupOfLevel(unit);
  if (!by) throw badArgument(`"${orgUnit}" is not a unit this form is tallied by`);
  return { form: f, fy, period: p, by, unit };
}
