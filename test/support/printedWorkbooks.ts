import { layoutGroupings, layoutsAt, reportsOf } from '@returns-hub/shared/report/formReports';
import { computeReport, type ReportInput } from '@returns-hub/shared/report/computeReport';
import { isReportProblem } from '@returns-hub/shared/report/reportProblem';
import type { GroupBy } from '@returns-hub/shared/consolidate/tally';
import type { ReportSheet } from '@returns-hub/shared/report/reportSheet';
import { builtInForm } from './builtIn';

/** A workbook as `returns pull --form F --by B --out F-B.xlsx` writes it: every layout of the form that shows that grouping. */
export interface PrintedWorkbook {
  name: string;
  form: string;
  by: GroupBy;
  sheets: ReportSheet[];
}

/**
 * Every layout of every form in every grouping it allows, as the workbooks HQ pulls: one per
 * form and grouping (`--by hq` is the HQ workbook), each sheet computed from the sample tallies.
 */
export function printedWorkbooks(inputs: Record<string, ReportInput>): PrintedWorkbook[] {
  const books: PrintedWorkbook[] = [];
  for (const [form, input] of Object.entries(inputs)) {
    const def = builtInForm(form);
    const groupings = [...new Set(reportsOf(def).flatMap(layoutGroupings))];
    for (const by of groupings) {
      const at = layoutsAt(def, by);
      if (isReportProblem(at)) throw new Error(at.message_en);
      const sheets = at.map(({ layout }) => {
        const s = computeReport(layout, input, by);
        if (isReportProblem(s)) throw new Error(`${form} ${layout.name} by ${by}: ${s.message_en}`);
        return s;
      });
      books.push({ name: `${form}-${by}`, form, by, sheets });
    }
  }
  return books;
}
