import { reportByName } from '@returns-hub/shared/report/formReports';
import { computeReport } from '@returns-hub/shared/report/computeReport';
import { isReportProblem } from '@returns-hub/shared/report/reportProblem';
import { sampleReportInputs } from '../test/support/sampleReports';
async function main() {
  const inputs = await sampleReportInputs();
  const [form, name, by] = process.argv.slice(2);
  const l = reportByName(form, name); if (isReportProblem(l)) return;
  const s = computeReport(l, inputs[form], by as never); if (isReportProblem(s)) return console.log(s);
  for (let r = 0; r <= s.print.area.bottom; r++) console.log(r, s.rowHeights[r], JSON.stringify(s.cells.find(c => c.row === r)?.value ?? '').slice(0, 80));
  console.log(s.print, s.tables.map(t => [t.header, t.body]));
}
main();
