import type { LocatedReturn } from '@returns-hub/shared/read/locatedReturn';
import type { CheckedReturn } from '@returns-hub/shared/check/checkedReturn';
import { checkReturn, statedFiscalYear } from '@returns-hub/shared/check/checkReturn';
import type { DefinitionSource, Definitions } from '@returns-hub/shared/definitions/definitions';
import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { issueAt } from '@returns-hub/shared/issues/messages';
import type { Issue } from '@returns-hub/shared/issues/issue';
import { mayAccess, type Principal } from '../domain/principal';
import { domainError, type DomainError } from '../domain/domainError';
import type { ReturnStore } from '../store/returnStore';
import { keyOf } from './returnKeyOf';
import { valueBoundIssues } from './valueBounds';
import { previousPeriodInYear } from '@returns-hub/shared/period/period';
import { isPeriodCode } from '@returns-hub/shared/period/periodCode';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

/** A checked return that names its org unit, year and period: one that can be stored; with the form and definitions of its year that checked it. */
export type Storable = CheckedReturn & { orgUnit: string; fiscalYear: number; period: string; form: FormDef; definitions: Definitions };

/** The previous quarter's current version, for the cumulative-result rule (across submissions). */
async function previousQuarter(store: ReturnStore, r: CheckedReturn & { orgUnit: string; fiscalYear: number; period: string }): Promise<CheckedReturn | undefined> {
  const previous = isPeriodCode(r.period) ? previousPeriodInYear({ fiscalYear: r.fiscalYear, code: r.period }) : null;
  if (!previous) return undefined; // Q1 (and the year's first month) starts the cumulative count
  const [prev] = await store.current([{ ...keyOf(r), period: previous.code }]);
  if (!prev) return undefined;
  const rows = await store.rows(prev.record.writeId);
  return { ...r, period: prev.record.period, fields: prev.record.fields, fieldCells: prev.record.fieldCells, columns: prev.record.columns, firstColumn: prev.record.firstColumn, rows, issues: [] };
}

/** The definitions a located return is checked with: those of the fiscal year it states (the newest when it states none). */
function definitionsOf(source: DefinitionSource, loc: LocatedReturn): Definitions {
  const newest = source.forYear(null);
  const form = newest.formById(loc.formId);
  return form ? source.forYear(statedFiscalYear(loc, form)) : newest;
}

/**
 * Checks everything the client read, again, with the same code and the definitions of each
 * return's fiscal year. The caller is authorized first, on the org units the returns name (403
 * before 422: a unit learns nothing about another unit's return); then any error, or a value
 * storage cannot hold, refuses the whole request.
 */
export async function checkSubmission(store: ReturnStore, source: DefinitionSource, principal: Principal, returns: LocatedReturn[]): Promise<Storable[] | DomainError> {
  const checked = returns.map((loc) => {
    const definitions = definitionsOf(source, loc);
    const form = definitions.formById(loc.formId);
    return { loc, form, definitions, r: form ? checkReturn(loc, { definitions }) : null };
  });
  for (const { r, definitions } of checked) {
    if (r?.orgUnit && !mayAccess(principal, r.orgUnit, definitions.units))
      return domainError('auth.other_unit', REFUSAL_TEXTS.submitOtherUnit({ mine: principal.orgUnit ?? '', asked: r.orgUnit, units: definitions.units }));
  }
  const out: Storable[] = [];
  const errors: Issue[] = [];
  for (const { loc, form, definitions, r: first } of checked) {
    if (!form || !first) {
      errors.push(issueAt('error', 'form.unknown', loc.titleCell, { id: loc.formId }));
      continue;
    }
    let r = first;
    if (form.period.kind === 'quarter' && r.orgUnit && r.fiscalYear !== null && r.period) {
      const previous = await previousQuarter(store, { ...r, orgUnit: r.orgUnit, fiscalYear: r.fiscalYear, period: r.period });
      if (previous) r = checkReturn(loc, { previous, definitions });
    }
    errors.push(...r.issues.filter((i) => i.severity === 'error'), ...valueBoundIssues(r, form, loc.titleCell));
    if (r.orgUnit && r.fiscalYear !== null && r.period) out.push({ ...r, orgUnit: r.orgUnit, fiscalYear: r.fiscalYear, period: r.period, form, definitions });
  }
  if (errors.length) return domainError('return.has_errors', REFUSAL_TEXTS.hasErrors({ errors: errors.length }), { issues: errors });
  return out;
}
