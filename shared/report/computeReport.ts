import type { GroupBy, Tally, TallyGroup } from '../consolidate/tally';
import type { Completeness } from '../api/client';
import type { ReportLayout } from './reportLayout';
import type { CellStyle, ReportSheet } from './reportSheet';
import type { PlannedChart, PlannedTable } from './plannedTable';
import { measureRowsTables } from './measureRowsTable';
import { groupRowsTables } from './groupRowsTable';
import { itemRowsTables } from './itemRowsTable';
import { planChart } from './chartPlan';
import { FORMAT_CODES } from './numberFormats';
import { periodSheetName, reportPeriodTitle } from './periodTitle';
import { bangkokSerial } from './thaiCalendar';
import { CHART_TEXT_SIZE, lineHeight, NOTE_COLOR, REPORT_FONT, SheetBuilder } from './sheetBuilder';
import { reportProblem, type ReportProblem } from './reportProblem';
import { reportUnitLine } from './reportUnit';
import type { OrgUnitTree } from '../orgUnits/orgUnitTree';
import { badGrouping, layoutGroupings, layoutTitle } from './layoutGrouping';
import { basisLines, basisOfCompleteness, SENT_BACK_MARK, type ReportBasis, type UnitStatuses } from './reportBasis';

/** What a report is made of: the form, its tallies by grouping (HQ's closes org-unit tables), completeness, review basis, the moment. */
export interface ReportInput {
  form: { id: string; title_th: string; title_en: string };
  /** The org units of the tally's year (the unit line names their headquarters). */
  units: OrgUnitTree;
  tallies: Partial<Record<GroupBy, Tally>>;
  /** Completeness as the API answers it (with each unit's review status, where it gives them). */
  completeness: (Completeness & UnitStatuses) | null;
  /** Which returns the figures count and where their review stands; from completeness where not given. */
  basis?: ReportBasis | null;
  generatedAt: Date;
}

/** The grouping a layout's rows are by: the one asked for, else its own. */
export function layoutGrouping(layout: ReportLayout, by?: GroupBy): GroupBy {
  return by ?? layout.by;
}

/** The groupings a layout reads: its rows' and, for org-unit rows with a total row, HQ's. */
export function groupingsNeeded(layout: ReportLayout, by?: GroupBy): GroupBy[] {
  const rows = layoutGrouping(layout, by);
  return layout.shape === 'groupRows' && layout.total && rows !== 'hq' ? [rows, 'hq'] : [rows];
}

/** The sheet a layout is written to for a period: the same name on every refresh. */
export function reportSheetName(layout: ReportLayout, fiscalYear: number, period: string): string {
  return periodSheetName(layout.sheet, fiscalYear, period);
}

/** The basis a report states: the one given, else from completeness, else from the tally's counts (sent back not known). */
function basisOf(input: ReportInput, tally: Tally): ReportBasis | null {
  if (input.basis) return input.basis;
  const include = tally.include ?? 'all';
  const fromCompleteness = input.completeness ? basisOfCompleteness(include, input.completeness) : null;
  if (fromCompleteness) return fromCompleteness;
  if (!tally.returns) return null;
  const { included, accepted } = tally.returns;
  return { include, returns: { total: included, accepted, waiting: included - accepted, sentBack: 0 }, sentBack: [] };
}

function tablesOf(layout: ReportLayout, tally: Tally, input: ReportInput, sentBack: ReadonlySet<string>): PlannedTable[] {
  // A table per group names its group (and marks one whose return was sent back); a unit with no return prints nothing
  // (completeness names it). HQ's one table stays, so the sheet keeps its shape before the first return comes in.
  const shown: Tally = { ...tally, groups: tally.by === 'hq' ? tally.groups : tally.groups.filter((g) => g.received > 0) };
  const groupTitle = (g: TallyGroup) => (tally.by === 'hq' ? undefined : `${g.name_th}${sentBack.has(g.orgUnit) ? SENT_BACK_MARK : ''}`);
  switch (layout.shape) {
    case 'measureRows':
      return measureRowsTables(layout, shown, groupTitle);
    case 'groupRows':
      return groupRowsTables(layout, tally, input.tallies.hq?.groups[0] ?? null, sentBack);
    case 'itemRows':
      return itemRowsTables(layout, shown, groupTitle);
  }
}

/** Points a chart needs to read at A4: its title and legend, and a bar thick enough for its label per category and series. */
function chartPoints(plan: PlannedChart): number {
  const bars = plan.categories.length * Math.max(1, plan.series.length);
  return 110 + bars * CHART_TEXT_SIZE * 1.6;
}

/**
 * The report sheet of a layout: title rows (form, layout and period, unit, English, the
 * date in Bangkok time as a Buddhist Era date, the review basis), the tables with two-row bilingual
 * headings and total rows, the traffic-light legend, the completeness block, the chart and its
 * data, column widths that fit Thai, row heights for wrapped text, frozen headings and the
 * page plan. A table longer than a page goes last (its headings repeat on its further pages,
 * and only there). The writers render exactly this.
 */
export function computeReport(layout: ReportLayout, input: ReportInput, by?: GroupBy): ReportSheet | ReportProblem {
  const level = layoutGrouping(layout, by);
  if (!layoutGroupings(layout).includes(level)) return badGrouping(layout, level);
  const tally = input.tallies[level];
  if (!tally) return reportProblem('report.no_tally', { layout: layout.name, by: level });
  const basis = basisOf(input, tally);
  const sentBack = new Set(basis && basis.include === 'all' ? basis.sentBack.map((s) => s.orgUnit) : []);
  const tables = tablesOf(layout, tally, input, sentBack);
  const chart = planChart(layout, tally);
  const width = Math.max(2, ...tables.map((t) => t.columns.length));
  const title = layoutTitle(layout, level);
  const rowPt = lineHeight(REPORT_FONT.size);

  const compose = (tablesLast: boolean, chartRows: number): ReportSheet => {
    const sheet = new SheetBuilder(width);
    sheet.begin('title');
    const titleStyle: CellStyle = { bold: true, size: 18, align: 'left', valign: 'middle', wrap: true };
    sheet.line(input.form.title_th, titleStyle);
    sheet.line(`${title.th} ${reportPeriodTitle(tally.fiscalYear, tally.period, 'th')}`, { bold: true, size: 16, align: 'left', wrap: true });
    sheet.line(reportUnitLine(tally, input.units), { align: 'left', wrap: true });
    const lines = basis ? basisLines(basis) : null;
    const english = `${input.form.title_en} — ${title.en}, ${reportPeriodTitle(tally.fiscalYear, tally.period, 'en')}.${lines ? ` ${lines.en}` : ''}`;
    sheet.line(english, { italic: true, size: 12, color: NOTE_COLOR, align: 'left', wrap: true });
    sheet.line(bangkokSerial(input.generatedAt), { align: 'left' }, FORMAT_CODES.reportDateBE);
    // What the figures count, under the date: every sheet says it.
    if (lines) {
      sheet.line(lines.th, { bold: true, align: 'left', wrap: true });
      if (lines.sentBack) sheet.line(lines.sentBack, { align: 'left', wrap: true, color: '9C0006' });
    }
    sheet.skip();
    sheet.end();

    const rest = () => {
      if (input.completeness) sheet.completeness(input.completeness);
      if (chart) sheet.chart(chart, chartRows);
    };
    if (tablesLast) rest();
    for (const t of tables) sheet.table(t);
    if (tables.length === 0) sheet.line('ยังไม่มีรายงานที่ส่งเข้ามาสำหรับงวดนี้', { italic: true, align: 'left' });
    if (!tablesLast) rest();
    return sheet.finish(reportSheetName(layout, tally.fiscalYear, tally.period), { freeze: !tablesLast });
  };

  // The chart as tall as its bars need, but never taller than a printed page at the sheet's scale.
  const wanted = chart ? Math.ceil(chartPoints(chart) / rowPt) : 0;
  let sheet = compose(false, wanted);
  for (let pass = 0; pass < 3; pass++) {
    const fit = Math.min(wanted, Math.floor(SheetBuilder.pagePoints(sheet) / rowPt) - 1);
    // Headings repeat on every page after a long table's first: only tables go after it.
    const tablesLast = SheetBuilder.longBlocks(sheet).length > 0 && (chart !== null || input.completeness !== null);
    const again = compose(tablesLast, fit);
    const same = again.print.scale === sheet.print.scale && again.charts[0]?.size.rows === sheet.charts[0]?.size.rows;
    sheet = again;
    if (same) break;
  }
  return sheet;
}
