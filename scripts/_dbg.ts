import { reportsOf, layoutGroupings } from '@returns-hub/shared/report/formReports';
import { computeReport } from '@returns-hub/shared/report/computeReport';
import { isReportProblem } from '@returns-hub/shared/report/reportProblem';
import { sampleReportInputs } from '../test/support/sampleReports';
async function main() {
  const inputs = await sampleReportInputs();
  for (const [form, input] of Object.entries(inputs)) for (const l of reportsOf(form)) for (const by of layoutGroupings(l)) {
    const s = computeReport(l, input, by);
    if (isReportProblem(s)) { console.log(form, l.name, by, s.message_en); continue; }
    const hsum = Object.values(s.rowHeights).reduce((a, b) => a + b, 0);
    console.log(form, l.name, by, JSON.stringify({ scale: s.print.scale, pages: s.print.pages, breaks: s.print.breaksBefore, titles: s.print.titleRows, area: s.print.area.bottom, charts: s.charts.map(c => [c.at.row, c.size.rows]), widths: s.columnWidths.slice(0, s.print.area.right + 1).reduce((a, b) => a + b, 0), hsum }));
  }
}
main();
