import type { Tally, TallyGroup } from '@returns-hub/shared/consolidate/tally';
import type { Completeness } from '@returns-hub/shared/api/client';
import { BE_DATE, TALLY_COLUMNS, THAI_PERCENT, tallyRows } from '@returns-hub/shared/consolidate/tallyTable';
import { columnLetters } from '@returns-hub/shared/sheet/address';
import type { ExcelContext } from './excelApi';

/** Excel on the web refuses requests over 5 MB: each batch of written values stays under this. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
const HEADER_ROW = 2; // 0-based: title, date, then the header
const STATUS_COL = TALLY_COLUMNS.findIndex((c) => c.key === 'status');
const SUMMARY_COL = TALLY_COLUMNS.length + 1; // a blank column, then the chart's data
const STATUS_FILLS: [string, string][] = [
  ['green', '#C6EFCE'],
  ['yellow', '#FFEB9C'],
  ['red', '#FFC7CE'],
];

export function tallySheetName(t: Tally): string {
  return `ยอดรวม ${t.fiscalYear} ${t.period} ${t.formId}`.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);
}
export function tallyTableName(t: Tally): string {
  return `Tally_${t.formId.replace(/[^A-Za-z0-9]/g, '_')}_${t.fiscalYear}_${t.period}`;
}

const encoder = new TextEncoder();

/** Splits rows into batches whose JSON stays under the request limit. */
export function chunkRowsByBytes<T>(rows: T[], maxBytes = MAX_REQUEST_BYTES): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let size = 0;
  for (const r of rows) {
    const bytes = encoder.encode(JSON.stringify(r)).length * 2; // values and number formats travel together
    if (cur.length && size + bytes > maxBytes) {
      out.push(cur);
      cur = [];
      size = 0;
    }
    cur.push(r);
    size += bytes;
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Each group's headline figure for the chart: % of target to date, else the first percentage. */
export function headline(g: TallyGroup): number | null {
  const kpi = g.measures.find((m) => m.pctOfTargetToDate !== undefined && m.pctOfTargetToDate !== null);
  if (kpi) return kpi.pctOfTargetToDate!;
  const target = g.measures.find((m) => m.target !== undefined && m.pct !== undefined);
  return (target ?? g.measures.find((m) => m.pct !== undefined && m.pct !== null))?.pct ?? null;
}

/**
 * Writes (or refreshes in place) a sheet of the tally: an Excel table, Thai number and
 * Buddhist Era date formats, traffic-light conditional formats, a chart of % of target by
 * unit, and the completeness list. Refresh rewrites the same cells and resizes the same
 * table, so formulas pointing at them keep working. Small tallies take two syncs; large
 * ones one more per batch of values.
 */
export async function writeTallySheet(context: ExcelContext, t: Tally, c: Completeness | null, maxBytes = MAX_REQUEST_BYTES): Promise<{ sheet: string; syncs: number }> {
  let syncs = 0;
  const sync = async () => (syncs++, await context.sync());
  const name = tallySheetName(t);
  const existing = context.workbook.worksheets.getItemOrNullObject(name);
  const table = context.workbook.tables.getItemOrNullObject(tallyTableName(t));
  const oldRows = table.rows;
  oldRows.load(['count']);
  await sync();

  const fresh = existing.isNullObject;
  const ws = fresh ? context.workbook.worksheets.add(name) : existing;
  const rows = tallyRows(t);
  const cols = TALLY_COLUMNS.length;
  ws.getRange('A1').values = [[`ยอดรวม ${t.formId} ปีงบประมาณ พ.ศ. ${t.fiscalYear} งวด ${t.period} (ตาม ${t.by})`]];
  ws.getRange('A2').values = [[(Date.now() + 7 * 3_600_000) / 86_400_000 + 25569]]; // now in Bangkok (UTC+7), as an Excel serial
  ws.getRange('A2').numberFormat = [[BE_DATE]];
  ws.getRangeByIndexes(HEADER_ROW, 0, 1, cols).values = [TALLY_COLUMNS.map((col) => col.th)];

  // Values, in batches under the request limit; values before formats.
  const chunks = chunkRowsByBytes(rows, maxBytes);
  let at = HEADER_ROW + 1;
  for (const [i, chunk] of chunks.entries()) {
    ws.getRangeByIndexes(at, 0, chunk.length, cols).values = chunk.map((r) => r.map((v) => v ?? '')); // null would leave an old figure
    at += chunk.length;
    if (i < chunks.length - 1) await sync();
  }
  const previous = fresh || table.isNullObject ? 0 : oldRows.count;
  if (previous > rows.length) ws.getRangeByIndexes(HEADER_ROW + 1 + rows.length, 0, previous - rows.length, cols).clear('Contents');

  const n = Math.max(rows.length, 1);
  TALLY_COLUMNS.forEach((col, k) => {
    if (col.fmt) ws.getRangeByIndexes(HEADER_ROW + 1, k, n, 1).numberFormat = Array.from({ length: n }, () => [col.fmt!]);
  });
  const tableRange = ws.getRangeByIndexes(HEADER_ROW, 0, n + 1, cols);
  if (table.isNullObject) {
    const created = ws.tables.add(tableRange, true);
    created.name = tallyTableName(t);
  } else table.resize(tableRange);

  const status = ws.getRangeByIndexes(HEADER_ROW + 1, STATUS_COL, n, 1);
  status.conditionalFormats.clearAll();
  for (const [word, color] of STATUS_FILLS) {
    const cf = status.conditionalFormats.add(Excel.ConditionalFormatType.containsText);
    cf.textComparison.format.fill.color = color;
    cf.textComparison.rule = { operator: Excel.ConditionalTextOperator.contains, text: word };
  }

  // Chart data: unit and headline % per group, beside the table; the chart reads that block.
  const summary = [['หน่วยงาน', 'ร้อยละของเป้าหมาย'], ...t.groups.map((g) => [g.name_th, headline(g) ?? 0])];
  const summaryRange = ws.getRangeByIndexes(HEADER_ROW, SUMMARY_COL, summary.length, 2);
  summaryRange.values = summary;
  ws.getRangeByIndexes(HEADER_ROW + 1, SUMMARY_COL + 1, summary.length - 1, 1).numberFormat = summary.slice(1).map(() => [THAI_PERCENT]);
  if (fresh) {
    const chart = ws.charts.add(Excel.ChartType.columnClustered, summaryRange, Excel.ChartSeriesBy.columns);
    chart.title.text = 'ร้อยละของเป้าหมาย รายหน่วยงาน';
    chart.setPosition(`${columnLetters(SUMMARY_COL + 3)}${HEADER_ROW + 1}`);
  }

  if (c) {
    const list = [['ความครบถ้วน', ''], ['ส่งแล้ว / ทั้งหมด', `${c.received} / ${c.expected}`], ['ตรงเวลา', c.onTime], ['ยังไม่ส่ง', c.missing.length], ...c.missing.map((m) => [m.name_th, m.code])];
    const startRow = HEADER_ROW + summary.length + 2;
    ws.getRangeByIndexes(startRow, SUMMARY_COL, Math.max(60, list.length), 2).clear('Contents'); // an earlier, longer list
    ws.getRangeByIndexes(startRow, SUMMARY_COL, list.length, 2).values = list;
  }
  ws.activate();
  await sync();
  return { sheet: name, syncs };
}
