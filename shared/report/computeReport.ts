import type { GroupBy, Tally } from '../consolidate/tally';
import type { Completeness } from '../api/client';
import type { ReportLayout } from './reportLayout';
import type { CellStyle, ReportSheet } from './reportSheet';
import type { PlannedTable } from './plannedTable';
import { measureRowsTables } from './measureRowsTable';
import { groupRowsTables } from './groupRowsTable';
import { itemRowsTables } from './itemRowsTable';
import { planChart } from './chartPlan';
import { FORMAT_CODES } from './numberFormats';
import { periodSheetTag, reportPeriodTitle } from './periodTitle';
import { bangkokSerial } from './thaiCalendar';
import { NOTE_COLOR, SheetBuilder } from './sheetBuilder';
import { reportProblem, type ReportProblem } from './reportProblem';
import { reportUnitLine } from './reportUnit';
import type { OrgUnitTree } from '../orgUnits/orgUnitTree';

/** What a report is made of: the form, its tallies by grouping (HQ's closes org-unit tables), completeness, the moment it is made. */
export interface ReportInput {
  form: { id: string; title_th: string; title_en: string };
  /** The org units of the tally's year (the unit line names their headquarters). */
  units: OrgUnitTree;
  tallies: Partial<Record<GroupBy, Tally>>;
  completeness: Completeness | null;
  generatedAt: Date;
}

/** The grouping a layout's rows are by, unless the caller asks for another. */
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
  return `${layout.sheet} ${periodSheetTag(fiscalYear, period)}`;
}

function tablesOf(layout: ReportLayout, tally: Tally, input: ReportInput): PlannedTable[] {
  switch (layout.shape) {
    case 'measureRows':
      return measureRowsTables(layout, tally);
    case 'groupRows':
      return groupRowsTables(layout, tally, input.tallies.hq?.groups[0] ?? null);
    case 'itemRows':
      return itemRowsTables(layout, tally);
  }
}

/**
 * The report sheet of a layout: title rows (form, layout and period, unit, English, the
 * date in Bangkok time as a Buddhist Era date), the tables with two-row bilingual headings
 * and total rows, the traffic-light legend, the completeness block, the chart and its
 * data, column widths that fit Thai, row heights for wrapped text, frozen headings and the
 * print setup. The writers render exactly this.
 */
export function computeReport(layout: ReportLayout, input: ReportInput, by?: GroupBy): ReportSheet | ReportProblem {
  const level = layoutGrouping(layout, by);
  const tally = input.tallies[level];
  if (!tally) return reportProblem('report.no_tally', { layout: layout.name, by: level });
  const tables = tablesOf(layout, tally, input);
  const chart = planChart(layout, tally);
  const width = Math.max(2, ...tables.map((t) => t.columns.length));
  const sheet = new SheetBuilder(width);

  // Title rows.
  const titleStyle: CellStyle = { bold: true, size: 18, align: 'left', valign: 'middle', wrap: true };
  sheet.line(input.form.title_th, titleStyle);
  sheet.line(`${layout.title.th} ${reportPeriodTitle(tally.fiscalYear, tally.period, 'th')}`, { bold: true, size: 16, align: 'left', wrap: true });
  sheet.line(reportUnitLine(tally, input.units), { align: 'left', wrap: true });
  sheet.line(`${input.form.title_en} — ${layout.title.en}, ${reportPeriodTitle(tally.fiscalYear, tally.period, 'en')}`, { italic: true, size: 12, color: NOTE_COLOR, align: 'left', wrap: true });
  sheet.line(bangkokSerial(input.generatedAt), { align: 'left' }, FORMAT_CODES.reportDateBE);
  sheet.skip();

  // Tables.
  for (const t of tables) sheet.table(t);
  if (tables.length === 0) sheet.line('ยังไม่มีรายงานที่ส่งเข้ามาสำหรับงวดนี้', { italic: true, align: 'left' });

  if (input.completeness) sheet.completeness(input.completeness);
  if (chart) sheet.chart(chart);

  return sheet.finish(reportSheetName(layout, tally.fiscalYear, tally.period));
}
