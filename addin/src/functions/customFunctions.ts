import type { Measure } from '@returns-hub/shared/consolidate/tally';
import { FigureSource } from './figureSource';
import { parseFigureArgs, type FigureQuery } from './parseFunctionArgs';
import { parseFiscalYear } from '@returns-hub/shared/period/fiscalYear';
import { FunctionError, noData, toExcelError, unknownIndicator } from './functionError';
import { inLang, type Bilingual, type Lang } from '../text/bilingual';
import { formTitle, periodText, unitName } from '../pane/returnText';
import { STATUS_WORDS } from '../pane/tallySummary';

let source: FigureSource | null = null;
/** The shared runtime gives the functions the pane's API client. */
export function useFigureSource(s: FigureSource): void {
  source = s;
}

/** The language of the cells' words and error messages: Office's display language (the pane's). */
let lang: Lang = 'th';
export function useFunctionLanguage(l: Lang): void {
  lang = l;
}

const NOT_CONNECTED: Bilingual = {
  th: 'ยังไม่ได้เชื่อมต่อศูนย์รับรายงาน เปิดแท็บศูนย์รับรายงานหนึ่งครั้ง แล้วกด F9',
  en: 'Not connected to Returns Hub yet: open its task pane once, then press F9.',
};
/** How many indicators an unknown-indicator message names (Excel shows the message in a tooltip). */
const INDICATORS_NAMED = 12;

/** The indicators a form's figures have: the code the formula takes, with its name. */
function indicatorList(measures: readonly Measure[], l: Lang): string {
  const named = measures.slice(0, INDICATORS_NAMED).map((m) => `${m.id} (${l === 'th' ? m.label_th : m.label_en})`);
  return `${named.join(', ')}${measures.length > INDICATORS_NAMED ? ', …' : ''}`;
}

const label = (m: Measure): Bilingual => ({ th: m.label_th || m.id, en: m.label_en || m.id });

/**
 * The arguments every function shares, read with the forms and units of the year asked for
 * (loaded from the API first, once per year; the built-in ones when it is out of reach).
 */
async function figureQuery(form: unknown, fiscalYear: unknown, period?: unknown, orgUnit?: unknown): Promise<FigureQuery> {
  const fy = parseFiscalYear(typeof fiscalYear === 'number' ? fiscalYear : String(fiscalYear ?? '').trim());
  if (fy.ok && source) await source.definitions.load(fy.value);
  return parseFigureArgs(form, fiscalYear, period, orgUnit, source?.definitions);
}

async function measureOf(q: FigureQuery, indicator: unknown): Promise<Measure> {
  if (!source) throw noData(NOT_CONNECTED);
  const tally = await source.tally(q.form.id, q.fy, q.period, q.by);
  const group = tally.groups.find((g) => g.orgUnit === q.unit);
  const form = formTitle(q.form.id, q.fy);
  if (!group) {
    const unit = unitName(q.unit, q.fy) ?? { th: q.unit, en: q.unit };
    const period = periodText(q.fy, q.period) ?? { th: String(q.fy), en: String(q.fy) };
    throw noData({ th: `ยังไม่มีตัวเลขของ${unit.th} ใน${form.th} ${period.th}`, en: `No figures yet for ${unit.en} in ${form.en}, ${period.en}.` });
  }
  const id = String(indicator ?? '').trim();
  const m = group.measures.find((x) => x.id === id);
  if (!m)
    throw unknownIndicator({
      th: `${form.th} ไม่มีตัวชี้วัด “${id}” ตัวชี้วัดที่ใช้ได้: ${indicatorList(group.measures, 'th')}`,
      en: `${form.en} has no indicator “${id}”. Indicators: ${indicatorList(group.measures, 'en')}.`,
    });
  return m;
}

/** CustomFunctionsRuntime 1.2: errors with their own code and message; before it, plain errors (#VALUE!). */
let functionErrors = false;
export function useFunctionErrors(supported: boolean): void {
  functionErrors = supported;
}

async function excelSafe<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw e instanceof FunctionError && functionErrors ? toExcelError(e, lang) : e;
  }
}

/**
 * A consolidated value from returns-hub.
 * @customfunction TOTAL
 * @param form Form id, e.g. bma-community-plan-return.
 * @param indicator Indicator id, e.g. budget_disbursed or 5.1.
 * @param fiscalYear Fiscal year (BE), e.g. 2563.
 * @param [period] FY, Q1–Q4 or M01–M12 (default FY).
 * @param [orgUnit] Org unit code or name (default headquarters).
 * @returns The consolidated value.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- custom-functions-metadata declares `any` as Excel's "any" argument (a KPI code may be a number such as 5.1)
export function total(form: string, indicator: any, fiscalYear: number, period?: string, orgUnit?: any): Promise<number> {
  return excelSafe(async () => {
    const m = await measureOf(await figureQuery(form, fiscalYear, period, orgUnit), indicator);
    if (m.value === null) throw noData({ th: `ยังไม่มีค่าของ${label(m).th} ในงวดนี้`, en: `No value yet for ${label(m).en} in this period.` });
    return m.value;
  });
}

/**
 * % of target to date (or the indicator's own percentage when it has no target to date).
 * @customfunction PCT
 * @param form Form id.
 * @param indicator Indicator id.
 * @param fiscalYear Fiscal year (BE).
 * @param [period] FY, Q1–Q4 or M01–M12.
 * @param [orgUnit] Org unit code or name (default headquarters).
 * @returns The percentage.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- custom-functions-metadata declares `any` as Excel's "any" argument (a KPI code may be a number such as 5.1)
export function pct(form: string, indicator: any, fiscalYear: number, period?: string, orgUnit?: any): Promise<number> {
  return excelSafe(async () => {
    const m = await measureOf(await figureQuery(form, fiscalYear, period, orgUnit), indicator);
    const v = m.pctOfTargetToDate !== undefined ? m.pctOfTargetToDate : m.pct;
    if (v === null || v === undefined) throw noData({ th: `${label(m).th} ไม่มีเป้าหมายถึงงวดนี้ จึงไม่มีร้อยละ`, en: `${label(m).en} has no target to date in this period, so no percentage.` });
    return Math.round(v * 100) / 100;
  });
}

/**
 * Traffic light by % of target to date, as a word in Office's language: เขียว, เหลือง, แดง
 * (Green, Yellow, Red in English), or empty when there is none.
 * @customfunction STATUS
 * @param form Form id.
 * @param indicator Indicator id.
 * @param fiscalYear Fiscal year (BE).
 * @param [period] FY, Q1–Q4 or M01–M12.
 * @param [orgUnit] Org unit code or name (default headquarters).
 * @returns เขียว, เหลือง, แดง (Green, Yellow, Red) or empty.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- custom-functions-metadata declares `any` as Excel's "any" argument (a KPI code may be a number such as 5.1)
export function status(form: string, indicator: any, fiscalYear: number, period?: string, orgUnit?: any): Promise<string> {
  return excelSafe(async () => {
    const light = (await measureOf(await figureQuery(form, fiscalYear, period, orgUnit), indicator)).status;
    return light ? inLang(STATUS_WORDS[light], lang) : '';
  });
}

/**
 * Returns received of those expected, e.g. 50/50.
 * @customfunction RECEIVED
 * @param form Form id.
 * @param fiscalYear Fiscal year (BE).
 * @param [period] FY or Q1–Q4.
 * @returns received/expected
 */
export function received(form: string, fiscalYear: number, period?: string): Promise<string> {
  return excelSafe(async () => {
    const q = await figureQuery(form, fiscalYear, period);
    if (!source) throw noData(NOT_CONNECTED);
    const c = await source.received(q.form.id, q.fy, q.period);
    return `${c.received}/${c.expected}`;
  });
}

/** Registers the functions with Excel (shared runtime). */
export function associateFunctions(): void {
  const cf = (globalThis as { CustomFunctions?: { associate(id: string, fn: unknown): void } }).CustomFunctions;
  if (!cf) return;
  cf.associate('TOTAL', total);
  cf.associate('PCT', pct);
  cf.associate('STATUS', status);
  cf.associate('RECEIVED', received);
}
