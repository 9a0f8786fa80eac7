import { z } from 'zod';
import { fiscalYearParam, formIdParam, groupByParam, periodParam } from '@returns-hub/shared/api/schemas';
import { toCsv } from '@returns-hub/shared/report/csv';
import { tallyCsvRows } from '@returns-hub/shared/consolidate/tallyTable';
import { endpoint, type Deps } from '../http/endpoint';
import { isProblem, json, problem } from '../http/problem';
import { formOfYear } from '../http/knownForm';
import { invalidQuery } from '../http/invalidInput';
import { isDomainError } from '../domain/domainError';
import { exportRecords, exportTally, type ExportTable } from '../services/exportData';

const exportQuery = z.object({
  form: formIdParam,
  fy: fiscalYearParam,
  period: periodParam.default('FY'),
  by: groupByParam.default('hq'),
  format: z.enum(['json', 'csv']).default('json'),
});

/** CSV (UTF-8 with BOM, formula-safe): the ids as the heading row, then the rows. */
function csvOf(t: ExportTable): string {
  return toCsv([t.columns.map((c) => c.id), ...t.rows]);
}

/**
 * GET /api/exports/{kind}?form=&fy=&period=[&by=][&format=json|csv] — for upstream systems and
 * analysts. `records`: every current return's records, one row per record (unit code and Thai
 * name, period, version, on-time status, the form's fields and columns). `tally`: the tally
 * as one long table (a row per unit and measure). JSON gives the columns with Thai and
 * English labels; CSV is UTF-8 with BOM, and text that could start a formula is neutralized. The
 * tally's CSV has the bilingual headings over a row of ids, as the CLI writes it.
 */
export const exportData = (deps: Deps) =>
  endpoint(deps, async (req, principal, store) => {
    const kind = req.params.kind;
    if (kind !== 'records' && kind !== 'tally')
      return problem('export.not_found', { en: 'Exports are /api/exports/records and /api/exports/tally.', th: 'ส่งออกได้ที่ /api/exports/records และ /api/exports/tally เท่านั้น' });
    const parsed = exportQuery.safeParse(Object.fromEntries(req.query.entries()));
    if (!parsed.success) return invalidQuery(parsed.error);
    const q = parsed.data;
    const known = formOfYear(await deps.definitions(), q.form, q.fy);
    if (isProblem(known)) return known;
    const { form, definitions } = known;
    const name = `${form.id}-${q.fy}-${q.period}-${kind}`;
    if (kind === 'records') {
      const t = await exportRecords(store, principal, form, definitions.units, q.fy, q.period);
      if (isDomainError(t)) return t;
      if (q.format === 'json') return json(200, { formId: form.id, fiscalYear: q.fy, period: q.period, columns: t.columns, rows: t.rows });
      return { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` }, body: csvOf(t) };
    }
    const out = await exportTally(store, principal, form, definitions.units, q.fy, q.period, q.by);
    if (isDomainError(out)) return out;
    if (q.format === 'json') return json(200, { tally: out.tally, columns: out.table.columns, rows: out.table.rows });
    // The tally's one CSV shape (tallyCsvRows): bilingual headings, then the ids, then the rows.
    return { status: 200, headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}-${q.by}.csv"` }, body: toCsv(tallyCsvRows(out.tally)) };
  });
