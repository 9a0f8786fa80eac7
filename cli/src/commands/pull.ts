import { explainFailure } from '../explainFailure';
import { writeFile } from 'node:fs/promises';
import type { ApiClient, Completeness } from '@returns-hub/shared/api/client';
import type { GroupBy, Tally, TallyInclude } from '@returns-hub/shared/consolidate/tally';
import { definitionsOfYear } from '@returns-hub/shared/definitions/versionsByYear';
import type { Definitions } from '@returns-hub/shared/definitions/definitions';
import type { FormDef } from '@returns-hub/shared/forms/formDef';
import { tallyCsvRows } from '@returns-hub/shared/consolidate/tallyTable';
import { badGrouping, layoutGroupings, layoutsAt, reportByName } from '@returns-hub/shared/report/formReports';
import { basisOfReviews, type ReportBasis } from '@returns-hub/shared/report/reportBasis';
import { computeReport, groupingsNeeded, type ReportInput } from '@returns-hub/shared/report/computeReport';
import { isReportProblem } from '@returns-hub/shared/report/reportProblem';
import type { ReportLayout } from '@returns-hub/shared/report/reportLayout';
import type { ReportSheet } from '@returns-hub/shared/report/reportSheet';
import { reportCsvRows } from '@returns-hub/shared/report/reportCsv';
import { toCsv, type CsvValue } from '@returns-hub/shared/report/csv';
import { STATUS_LOOK } from '@returns-hub/shared/report/statusWords';
import { computeRecordsSheet } from '@returns-hub/shared/report/recordsSheet';
import { apiClient, type ApiConnection } from '../connection';
import type { ArgsOf, PULL } from '../commandSpecs';

export type PullFormat = 'xlsx' | 'csv' | 'json' | 'text';

/** `--layout records`: every form's flat export (one row per record), beside its report layouts. */
export const RECORDS = 'records';

export interface PullOptions {
  form: string;
  fy: number;
  period?: string;
  by?: GroupBy;
  /** Which returns the figures count: every current one (default) or accepted ones only. */
  include: TallyInclude;
  /** Defaults from the output file's extension, else text on the terminal. */
  format?: PullFormat;
  /** One report layout of the form; the xlsx holds all of them when none is named. */
  layout?: string;
  outFile?: string;
}

const fmt = (x: number | null | undefined, d = 2) => (x === null || x === undefined ? '—' : x.toLocaleString('en-US', { maximumFractionDigits: d }));

/** Which returns the figures count, in words: every pulled output says it. */
export function includedWords(include: TallyInclude, t?: Tally): string {
  const counts = t?.returns ? ` (${t.returns.included} return(s), ${t.returns.accepted} accepted)` : '';
  return include === 'accepted' ? `accepted returns only${counts}` : `every current return, accepted or not${counts}`;
}

function printTally(t: Tally, include: TallyInclude, out: (s: string) => void) {
  out(`${t.formId} · FY ${t.fiscalYear} · ${t.period} · by ${t.by} · ${includedWords(include, t)}`);
  for (const g of t.groups) {
    out(`\n${g.orgUnit} ${g.name_th} — received ${g.received}/${g.expected}`);
    for (const m of g.measures) {
      const parts = [`${m.label_th.padEnd(40)} ${fmt(m.value, 4).padStart(14)}`];
      if (m.pct !== undefined) parts.push(`${fmt(m.pct)} %`);
      if (m.annualTarget !== undefined)
        parts.push(
          `annual ${fmt(m.annualTarget)}`,
          `to date ${fmt(m.targetToDate)}`,
          `Q ${(m.byQuarter ?? []).map((x) => fmt(x)).join(' | ')}`,
          `% annual ${fmt(m.pctOfAnnual)}`,
          `% to date ${fmt(m.pctOfTargetToDate)}`,
        );
      if (m.status) parts.push(STATUS_LOOK[m.status].th);
      if (m.score !== undefined && m.score !== null) parts.push(`score ${fmt(m.score)}`);
      out(`  ${parts.join('  ')}`);
    }
  }
}

/** The format asked for, else the one the output file's extension names, else text. */
export function pullFormat(o: Pick<PullOptions, 'format' | 'outFile'>): PullFormat {
  if (o.format) return o.format;
  const ext = /\.(xlsx|csv|json)$/i.exec(o.outFile ?? '')?.[1]?.toLowerCase();
  return ext === 'xlsx' || ext === 'csv' || ext === 'json' ? ext : 'text';
}

/**
 * `returns pull --form ID --fy 2563 [--period Q2] [--include all|accepted] [--by district|zone|region|hq]
 * [--format xlsx|csv|json] [--layout NAME] [--out FILE]`: the tallies as report sheets
 * (xlsx: every layout of the form, or the one named), as CSV (the long table, or the named
 * layout's tables) or JSON; `--layout records` gives every record (the flat export). ExcelJS is
 * loaded only to write xlsx, so the CLI starts fast.
 */
export function pullCommand(a: ArgsOf<typeof PULL>, c: ApiConnection, out: (s: string) => void, now: () => Date = () => new Date()): Promise<number> {
  const v = a.values;
  const format = v.format ?? (v.json ? 'json' : undefined);
  return pull({ form: v.form, fy: v.fy, period: v.period, by: v.by, include: v.include ?? 'all', format, layout: v.layout, outFile: v.out }, c, out, now);
}

async function pull(o: PullOptions, c: ApiConnection, out: (s: string) => void, now: () => Date): Promise<number> {
  const format = pullFormat(o);
  if (format === 'xlsx' && !o.outFile) return (out('ต้องระบุไฟล์ด้วย --out (xlsx needs --out FILE)'), 2);
  if (o.layout === RECORDS && o.include === 'accepted')
    return (out("--layout records gives every current return's records; --include accepted is for tallies.\n  --layout records ให้ข้อมูลทุกแบบรายงานฉบับปัจจุบัน ส่วน --include accepted ใช้กับยอดรวมเท่านั้น"), 2);
  const client = apiClient(c);
  // The form as defined for the year pulled (its report layouts), and that year's org units.
  let year: Definitions;
  try {
    year = definitionsOfYear(await client.definitions({ fy: o.fy }));
  } catch (e) {
    out(explainFailure(e, c.api));
    return 1;
  }
  const form = year.formById(o.form);
  if (!form) return (out(`ไม่มีแบบรายงาน ${o.form} ในปีงบประมาณ ${o.fy} (no form ${o.form} in fiscal year ${o.fy})`), 2);
  if (o.layout === RECORDS) return pullRecords(o, form, format, c, out, now);
  // Each layout at its grouping: the one asked for (a layout that cannot show it is refused), else its own.
  let layouts: { layout: ReportLayout; by: GroupBy }[] = [];
  if (o.layout) {
    const l = reportByName(form, o.layout);
    if (isReportProblem(l)) return (out(`${l.message_th}\n${l.message_en}`), 2);
    if (o.by && !layoutGroupings(l).includes(o.by)) {
      const p = badGrouping(l, o.by);
      return (out(`${p.message_th}\n${p.message_en}`), 2);
    }
    layouts = [{ layout: l, by: o.by ?? l.by }];
  } else if (format === 'xlsx') {
    const at = layoutsAt(form, o.by);
    if (isReportProblem(at)) return (out(`${at.message_th}\n${at.message_en}`), 2);
    layouts = at;
  }
  if (format === 'xlsx' && layouts.length === 0) return (out(`แบบฟอร์ม ${o.form} ไม่มีรูปแบบรายงาน (form ${o.form} has no report layouts)`), 2);

  try {
    const wanted = layouts.length ? [...new Set(layouts.flatMap((l) => groupingsNeeded(l.layout, l.by)))] : [o.by];
    const tallies: Partial<Record<GroupBy, Tally>> = {};
    let period = o.period;
    let first: Tally | undefined;
    for (const by of wanted) {
      const t = await client.tallies({ form: o.form, fy: o.fy, period, by, include: o.include });
      tallies[t.by] = t;
      period ??= t.period;
      first ??= t;
    }
    if (!first) return 1;
    const completeness: Completeness = await client.completeness({ form: o.form, fy: o.fy, period: first.period });
    const input: ReportInput = {
      form,
      units: year.units,
      tallies,
      completeness,
      basis: layouts.length ? await reviewBasis(client, o, first) : null,
      generatedAt: now(),
    };
    const sheets: ReportSheet[] = [];
    for (const l of layouts) {
      const s = computeReport(l.layout, input, l.by);
      if (isReportProblem(s)) return (out(`${s.message_th}\n${s.message_en}`), 1);
      sheets.push(s);
    }

    switch (format) {
      case 'xlsx': {
        const { writeTallyWorkbook } = await import('../xlsx/writeTallyWorkbook.js');
        await writeTallyWorkbook(o.outFile!, sheets);
        out(`wrote ${o.outFile} (${sheets.map((s) => s.name).join(', ')}) · ${includedWords(o.include, first)}`);
        return 0;
      }
      case 'csv': {
        const rows: CsvValue[][] = sheets.length ? sheets.flatMap((s, i) => [...(i ? [[]] : []), ...reportCsvRows(s)]) : tallyCsvRows(first);
        return emit(toCsv(rows), o.outFile, out, includedWords(o.include, first));
      }
      case 'json':
        return emit(JSON.stringify({ include: o.include, tally: first, tallies, completeness }, null, 2), o.outFile, out, includedWords(o.include, first));
      case 'text':
        printTally(first, o.include, out);
        out(`\ncompleteness: ${completeness.received}/${completeness.expected} received, ${completeness.onTime} on time; missing: ${completeness.missing.map((m) => m.name_th).join(', ') || '—'}`);
        return 0;
    }
  } catch (e) {
    out(explainFailure(e, c.api));
    return 1;
  }
}

/** What the figures count and where the period's returns stand in review (null where the key may not list reviews: completeness says it then). */
async function reviewBasis(client: ApiClient, o: PullOptions, t: Tally): Promise<ReportBasis | null> {
  try {
    const list = await client.reviews({ form: o.form, fy: o.fy, period: t.period });
    return basisOfReviews(t.include ?? o.include, list.returns);
  } catch {
    return null;
  }
}

/** Writes text to the file (saying so, and what it holds) or prints it. */
async function emit(text: string, file: string | undefined, out: (s: string) => void, what?: string): Promise<number> {
  if (file) {
    await writeFile(file, text, 'utf8');
    out(`wrote ${file}${what ? ` · ${what}` : ''}`);
  } else out(text);
  return 0;
}

/** The flat export: every current return's records of the period, as xlsx (a sheet of the records), CSV or JSON. */
async function pullRecords(o: PullOptions, form: FormDef, format: PullFormat, c: ApiConnection, out: (s: string) => void, now: () => Date): Promise<number> {
  const client = apiClient(c);
  try {
    const period = o.period ?? (form.period.kind === 'quarter' ? undefined : 'FY');
    const r = await client.exportRecords({ form: o.form, fy: o.fy, period });
    switch (format) {
      case 'xlsx': {
        const { writeTallyWorkbook } = await import('../xlsx/writeTallyWorkbook.js');
        const sheet = computeRecordsSheet(form, r, { fiscalYear: r.fiscalYear, period: r.period, generatedAt: now() });
        await writeTallyWorkbook(o.outFile!, [sheet]);
        out(`wrote ${o.outFile} (${r.rows.length} records)`);
        return 0;
      }
      case 'csv':
        return emit(toCsv([r.columns.map((c) => c.id), ...r.rows]), o.outFile, out);
      case 'json':
        return emit(JSON.stringify(r, null, 2), o.outFile, out);
      case 'text':
        out(`${r.rows.length} records of ${r.formId} FY ${r.fiscalYear} ${r.period}; write them with --format xlsx|csv|json`);
        return 0;
    }
  } catch (e) {
    out(explainFailure(e, c.api));
    return 1;
  }
}
