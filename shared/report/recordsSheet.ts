import type { FormDef } from '../forms/formDef';
import type { FlatColumn, FlatValue } from './flatRecords';
import type { CellContent, PlannedColumn, PlannedTable } from './plannedTable';
import type { ReportSheet } from './reportSheet';
import { FORMAT_CODES, formatCode } from './numberFormats';
import { periodSheetName, reportPeriodTitle } from './periodTitle';
import { bangkokSerial, isoDateSerial } from './thaiCalendar';
import { NOTE_COLOR, SheetBuilder } from './sheetBuilder';

const PLAIN = new Set(['fiscal_year', 'version', 'row']);

/** A flat value as a cell: dates as dates (BE), yes/no in Thai, years and versions without separators, text as text. */
function cellOf(form: FormDef, column: string, v: FlatValue): CellContent {
  if (v === null) return { value: '' };
  if (typeof v === 'boolean') return { value: v ? 'ใช่' : 'ไม่ใช่' };
  const field = [...form.fields, ...(form.table?.columns ?? [])].find((f) => f.id === column);
  if (typeof v === 'number') return { value: v, numFmt: PLAIN.has(column) || field?.type === 'year' || field?.type === 'code' ? FORMAT_CODES.plainInteger : formatCode('amount', v, { expected: 0 }) };
  if (column === 'submitted_at' && !Number.isNaN(Date.parse(v))) return { value: bangkokSerial(new Date(v)), numFmt: FORMAT_CODES.dateTimeBE };
  if (field?.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return { value: isoDateSerial(v), numFmt: FORMAT_CODES.dateBE };
  return { value: v };
}

/**
 * The flat export as a sheet: the form's title and period, then one table of every record
 * (Thai and English headings from the form's labels). Text stays text whatever it starts
 * with (the writers see to that); dates are Buddhist Era dates.
 */
export function computeRecordsSheet(form: FormDef, table: { columns: FlatColumn[]; rows: FlatValue[][] }, q: { fiscalYear: number; period: string; generatedAt: Date }): ReportSheet {
  const numeric = table.columns.map((_, k) => table.rows.some((r) => typeof r[k] === 'number') && table.rows.every((r) => r[k] === null || typeof r[k] === 'number'));
  const columns: PlannedColumn[] = table.columns.map((c, k) => ({ heading: { th: c.label_th, en: c.label_en }, align: numeric[k] ? 'right' : 'left', maxWidth: 40 }));
  const planned: PlannedTable = { columns, rows: table.rows.map((r, i) => ({ key: String(i), cells: r.map((v, k) => cellOf(form, table.columns[k].id, v)) })) };
  const sheet = new SheetBuilder(Math.max(2, columns.length));
  sheet.line(form.title_th, { bold: true, size: 18, align: 'left' });
  sheet.line(`ข้อมูลรายการที่ส่ง ${reportPeriodTitle(q.fiscalYear, q.period, 'th')} (${table.rows.length} รายการ)`, { bold: true, size: 16, align: 'left' });
  sheet.line(`${form.title_en} — records, ${reportPeriodTitle(q.fiscalYear, q.period, 'en')}`, { italic: true, size: 12, color: NOTE_COLOR, align: 'left' });
  sheet.line(bangkokSerial(q.generatedAt), { align: 'left' }, FORMAT_CODES.reportDateBE);
  sheet.skip();
  sheet.table(planned);
  return sheet.finish(periodSheetName('รายการ', q.fiscalYear, q.period));
}
