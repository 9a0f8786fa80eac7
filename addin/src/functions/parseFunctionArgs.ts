import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { DefinitionSource } from '@returns-hub/shared/definitions/definitions';
import { paneDefinitions } from '../definitions/paneDefinitions';
import { groupOfLevel } from './groupLevel';
import type { GroupBy } from '@returns-hub/shared/consolidate/tally';
import { badArgument } from './functionError';
import { parseFiscalYear } from '@returns-hub/shared/period/fiscalYear';
import { parsePeriodCode } from '@returns-hub/shared/period/parsePeriod';
import { tallyPeriodKinds } from '@returns-hub/shared/consolidate/consolidateReturns';
import { headquartersOf } from '@returns-hub/shared/consolidate/groups';

export interface FigureQuery {
  form: FormDef;
  fy: number;
  period: string;
  by: GroupBy;
  /** The group whose figure is wanted (org-unit code). */
  unit: string;
}

const blank = (v: unknown) => v === undefined || v === null || v === '';
const quote = (v: unknown) => `“${String(v ?? '').trim()}”`;

/** What the first argument may be: each form's code (what the formula takes) with its title. */
const formList = (forms: readonly FormDef[], lang: 'th' | 'en') => forms.map((f) => `${f.id} (${lang === 'th' ? f.title_th : f.title_en})`).join(', ');

/**
 * Checks and normalises the arguments every function shares: form (id), fiscal year (BE,
 * or CE which is converted), period (default FY; quarterly forms need a quarter), org unit
 * (code or name; default the form's headquarters).
 */
export function parseFigureArgs(form: unknown, fiscalYear: unknown, period?: unknown, orgUnit?: unknown, definitions: DefinitionSource = paneDefinitions): FigureQuery {
  const fy = parseFiscalYear(typeof fiscalYear === 'number' ? fiscalYear : String(fiscalYear ?? '').trim());
  // The forms and units of the year asked for (the functions load them first); the newest while the year is no year.
  const year = definitions.forYear(fy.ok ? fy.value : null);
  const f = year.formById(String(form ?? '').trim());
  if (!f)
    throw badArgument({
      th: `ไม่รู้จักแบบรายงาน ${quote(form)} ใส่รหัสแบบรายงานรหัสใดรหัสหนึ่ง: ${formList(year.forms, 'th')}`,
      en: `Unknown form ${quote(form)}. Use one of the form codes: ${formList(year.forms, 'en')}.`,
    });
  if (!fy.ok) throw badArgument(fy.error);
  // The same spellings and errors as the API, the CLI and the pane (shared/period).
  const p = blank(period) ? (f.period.kind === 'quarter' ? parsePeriodCode('', ['quarter']) : parsePeriodCode('FY')) : parsePeriodCode(String(period), tallyPeriodKinds(f));
  if (!p.ok) throw badArgument(p.error);
  let unit = headquartersOf(f, year.units)?.code ?? '';
  if (!blank(orgUnit)) {
    const r = year.units.resolve(orgUnit);
    if (!r.ok)
      throw badArgument({
        th: `ไม่รู้จักหน่วยงาน ${quote(orgUnit)}${r.suggestions.length ? ` หมายถึง ${r.suggestions.map((s) => s.name_th).join(' หรือ ')} หรือไม่` : ''}`,
        en: `Unknown org unit ${quote(orgUnit)}${r.suggestions.length ? `; did you mean ${r.suggestions.map((s) => s.name_en).join(' or ')}?` : '.'}`,
      });
    unit = r.unit.code;
  }
  const by = groupOfLevel(unit, year.units);
  if (!by) throw badArgument({ th: `แบบรายงานนี้ไม่มียอดรวมแยกของ ${quote(orgUnit)}`, en: `This form keeps no totals for ${quote(orgUnit)}.` });
  return { form: f, fy: fy.value, period: p.value, by, unit };
}
