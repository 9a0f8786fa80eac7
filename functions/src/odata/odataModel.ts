import type { FormDef, FieldDef } from '@returns-hub/shared/forms/formDef';
import type { DefinitionSource } from '@returns-hub/shared/definitions/definitions';
import type { GroupBy, Tally, TallyInclude } from '@returns-hub/shared/consolidate/tally';
import { tallyPeriodKinds, validGroupings } from '@returns-hub/shared/consolidate/consolidateReturns';
import { bangkokDate, currentFiscalYear } from '@returns-hub/shared/period/fiscalCalendar';
import { isFiscalYear } from '@returns-hub/shared/period/fiscalYearNumbers';
import { periodsOfKind, type PeriodCode } from '@returns-hub/shared/period/periodCodeList';
import { periodStart } from '@returns-hub/shared/period/periodDates';
import { STATUS_LOOK } from '@returns-hub/shared/report/statusWords';
import { STATUS_LABELS } from '@returns-hub/shared/review/statusLabels';
import { isDomainError, type DomainError } from '../domain/domainError';
import type { Principal } from '../domain/principal';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import type { ReturnStore } from '../store/returnStore';
import type { ReviewStore } from '../store/reviewStore';
import { tallies } from '../services/readReturns';
import { tallyReview } from '../services/tallyReview';
import { completenessOf } from '../services/reviewCompleteness';
import { exportRecords } from '../services/exportData';
import { allowedValues, propertiesOf, type FilterExpr, type Literal } from './odataFilter';

export type EdmType = 'Edm.String' | 'Edm.Int32' | 'Edm.Decimal' | 'Edm.Boolean' | 'Edm.DateTimeOffset' | 'Edm.Date';

/** A property of an entity: its name and EDM type, and its name in Thai and English (annotations in $metadata). */
export interface PropertyDef {
  name: string;
  type: EdmType;
  th: string;
  en: string;
}

export type Row = Record<string, Literal>;

/** What the feed reads with: the caller (scoping as the exports do), storage, the forms and units of each year, and the time. */
export interface FeedContext {
  principal: Principal;
  definitions: DefinitionSource;
  store: ReturnStore;
  reviews: () => Promise<ReviewStore>;
  now: Date;
}

/** Why a read cannot be answered as asked: the caller must filter otherwise (400). */
export interface NarrowFilter {
  narrow: { en: string; th: string };
}

export interface EntitySetDef {
  name: string;
  typeName: string;
  th: string;
  en: string;
  /** How to use it, in English (Core.Description). */
  description: string;
  /** The key is `Id`, first. */
  properties: PropertyDef[];
  read(ctx: FeedContext, filter: FilterExpr | null): Promise<Row[] | DomainError | NarrowFilter>;
}

/** Tally computations one request may make: the default (every form, level and period of a year) stays far below. */
export const MAX_READS = 300;

const P = (name: string, type: EdmType, th: string, en: string): PropertyDef => ({ name, type, th, en });
const ID = P('Id', 'Edm.String', 'รหัสแถว', 'Row id');
const FORM_ID = P('FormId', 'Edm.String', 'แบบรายงาน', 'Form');
const FISCAL_YEAR = P('FiscalYear', 'Edm.Int32', 'ปีงบประมาณ (พ.ศ.)', 'Fiscal year (BE)');
const PERIOD = P('Period', 'Edm.String', 'งวด', 'Period');
const ORG_UNIT = [
  P('OrgUnit', 'Edm.String', 'รหัสหน่วยงาน', 'Unit code'),
  P('OrgUnitName', 'Edm.String', 'หน่วยงาน', 'Unit (Thai name)'),
  P('OrgUnitNameEn', 'Edm.String', 'หน่วยงาน (อังกฤษ)', 'Unit (English name)'),
];

const narrow = (en: string, th: string): NarrowFilter => ({ narrow: { en, th } });

/**
 * The fiscal years a read covers: those its filter names with `eq` or `in`, else the current
 * one (Bangkok). Years cannot be listed from storage, so a filter that names FiscalYear in
 * any other way (`ge`, `ne`) is refused rather than answered for one year only.
 */
function yearsOf(filter: FilterExpr | null, now: Date): number[] | NarrowFilter {
  const named = allowedValues(filter, 'FiscalYear');
  if (named) return named.filter((y): y is number => isFiscalYear(y));
  if (filter && propertiesOf(filter).includes('FiscalYear'))
    return narrow(
      'Filter FiscalYear with eq or in, such as FiscalYear eq 2563 or FiscalYear in (2562, 2563): the feed reads the years it is given.',
      'กรองปีงบประมาณด้วย eq หรือ in เช่น FiscalYear eq 2563 หรือ FiscalYear in (2562, 2563) ระบบอ่านเฉพาะปีที่ระบุ',
    );
  return [currentFiscalYear(now)];
}

/** Values of a property the filter allows, among `all` (all of them when it does not restrict it). */
function among<T extends Literal>(filter: FilterExpr | null, property: string, all: readonly T[]): T[] {
  const named = allowedValues(filter, property);
  return named ? all.filter((x) => named.includes(x)) : [...all];
}

/** Periods of these kinds in a fiscal year that have begun (Bangkok date): a year not yet over has no rows for later ones. */
function periodsBegun(kinds: readonly ('year' | 'quarter' | 'month')[], fiscalYear: number, now: Date): PeriodCode[] {
  const today = bangkokDate(now);
  return kinds.flatMap(periodsOfKind).filter((code) => periodStart({ fiscalYear, code }) <= today);
}

/** The forms a read covers (FormId named with eq / in, else all the newest definitions have). */
const formsOf = (filter: FilterExpr | null, ctx: FeedContext): FormDef[] => {
  const forms = ctx.definitions.forYear(null).forms;
  const ids = among(
    filter,
    'FormId',
    forms.map((f) => f.id),
  );
  return forms.filter((f) => ids.includes(f.id));
};

/** Each fiscal year a read covers with the form as defined for it (a year without the form has no rows of it). */
function formInYears(ctx: FeedContext, form: FormDef, years: number[]) {
  return years.flatMap((fy) => {
    const year = ctx.definitions.forYear(fy);
    const f = year.formById(form.id);
    return f ? [{ fy, form: f, units: year.units }] : [];
  });
}

const num = (x: number | null | undefined): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

const TALLY_PROPERTIES: PropertyDef[] = [
  ID,
  FORM_ID,
  FISCAL_YEAR,
  PERIOD,
  P('Level', 'Edm.String', 'ระดับการจัดกลุ่ม (district, zone, region, hq)', 'Grouping level (district, zone, region, hq)'),
  P('Include', 'Edm.String', 'นับรวม (all = ทุกฉบับ, accepted = เฉพาะที่ตรวจรับแล้ว)', 'Returns counted (all, or accepted only)'),
  ...ORG_UNIT,
  P('Received', 'Edm.Int32', 'ส่งแล้ว', 'Units received'),
  P('Expected', 'Edm.Int32', 'ทั้งหมด', 'Units expected'),
  P('Returns', 'Edm.Int32', 'จำนวนฉบับที่นับรวม', 'Returns counted'),
  P('Accepted', 'Edm.Int32', 'จำนวนฉบับที่ตรวจรับแล้ว', 'Returns accepted'),
  P('Measure', 'Edm.String', 'รหัสตัวชี้วัด', 'Measure id'),
  P('MeasureName', 'Edm.String', 'ตัวชี้วัด', 'Measure'),
  P('MeasureNameEn', 'Edm.String', 'ตัวชี้วัด (อังกฤษ)', 'Measure (English)'),
  P('MeasureUnit', 'Edm.String', 'หน่วยนับ', 'Unit of measure'),
  P('Value', 'Edm.Decimal', 'ผลการดำเนินงาน', 'Value'),
  P('Pct', 'Edm.Decimal', 'ร้อยละ', '%'),
  P('Target', 'Edm.Decimal', 'ค่าเป้าหมาย', 'Target'),
  P('AnnualTarget', 'Edm.Decimal', 'เป้าหมายปี', 'Annual target'),
  P('TargetToDate', 'Edm.Decimal', 'เป้าหมายถึงงวด', 'Target to date'),
  P('Q1', 'Edm.Decimal', 'ไตรมาส 1', 'Q1'),
  P('Q2', 'Edm.Decimal', 'ไตรมาส 2', 'Q2'),
  P('Q3', 'Edm.Decimal', 'ไตรมาส 3', 'Q3'),
  P('Q4', 'Edm.Decimal', 'ไตรมาส 4', 'Q4'),
  P('PctOfAnnual', 'Edm.Decimal', 'ร้อยละของเป้าหมายปี', '% of annual target'),
  P('PctOfTargetToDate', 'Edm.Decimal', 'ร้อยละของเป้าหมายถึงงวด', '% of target to date'),
  P('Status', 'Edm.String', 'สถานะ (green, yellow, red)', 'Traffic light (green, yellow, red)'),
  P('StatusName', 'Edm.String', 'สถานะ', 'Traffic light (Thai word)'),
  P('Score', 'Edm.Decimal', 'คะแนน', 'Score'),
];

function tallyRowsOf(t: Tally, include: TallyInclude): Row[] {
  return t.groups.flatMap((g) =>
    g.measures.map((m) => {
      const q = m.byQuarter ?? [];
      return {
        Id: [t.formId, t.fiscalYear, t.period, t.by, include, g.orgUnit, m.id].join('|'),
        FormId: t.formId,
        FiscalYear: t.fiscalYear,
        Period: t.period,
        Level: t.by,
        Include: include,
        OrgUnit: g.orgUnit,
        OrgUnitName: g.name_th,
        OrgUnitNameEn: g.name_en,
        Received: g.received,
        Expected: g.expected,
        Returns: g.returns ?? null,
        Accepted: g.accepted ?? null,
        Measure: m.id,
        MeasureName: m.label_th,
        MeasureNameEn: m.label_en,
        MeasureUnit: m.unit ?? null,
        Value: num(m.value),
        Pct: num(m.pct),
        Target: num(m.target),
        AnnualTarget: num(m.annualTarget),
        TargetToDate: num(m.targetToDate),
        Q1: num(q[0]),
        Q2: num(q[1]),
        Q3: num(q[2]),
        Q4: num(q[3]),
        PctOfAnnual: num(m.pctOfAnnual),
        PctOfTargetToDate: num(m.pctOfTargetToDate),
        Status: m.status ?? null,
        StatusName: m.status ? STATUS_LOOK[m.status].th : null,
        Score: num(m.score),
      };
    }),
  );
}

const TALLIES: EntitySetDef = {
  name: 'Tallies',
  typeName: 'Tally',
  th: 'ยอดรวม',
  en: 'Tallies',
  description:
    'Consolidated figures: a row per form, fiscal year, period, grouping level, unit and measure, of every current return (Include all, the default) or of accepted returns only (Include accepted). Without a FiscalYear filter (eq or in): the current fiscal year.',
  properties: TALLY_PROPERTIES,
  async read(ctx, filter) {
    const years = yearsOf(filter, ctx.now);
    if (!Array.isArray(years)) return years;
    // Include is read as named; a filter that tests it otherwise reads both, so it decides.
    const includes = allowedValues(filter, 'Include') ?? (filter && propertiesOf(filter).includes('Include') ? ['all', 'accepted'] : ['all']);
    const reads: { form: FormDef; units: OrgUnitTree; fy: number; period: PeriodCode; by: GroupBy; include: TallyInclude }[] = [];
    for (const named of formsOf(filter, ctx))
      for (const { fy, form, units } of formInYears(ctx, named, years))
        for (const period of among(filter, 'Period', periodsBegun(tallyPeriodKinds(form), fy, ctx.now)))
          for (const by of among(filter, 'Level', validGroupings(form, units)))
            for (const include of (['all', 'accepted'] as const).filter((x) => includes.includes(x))) reads.push({ form, units, fy, period, by, include });
    if (reads.length > MAX_READS)
      return narrow(
        `This filter asks for ${reads.length} tallies (at most ${MAX_READS} a request): filter FormId, Period or Level too.`,
        `ตัวกรองนี้ต้องอ่านยอดรวม ${reads.length} ชุด (ได้ไม่เกิน ${MAX_READS} ชุดต่อครั้ง) กรุณากรอง FormId, Period หรือ Level เพิ่ม`,
      );
    const reviews = await ctx.reviews();
    const rows: Row[] = [];
    for (const r of reads) {
      const t = await tallies(ctx.store, ctx.principal, r.form, r.units, r.fy, r.period, r.by, tallyReview(reviews, r.form.id, r.fy, r.include));
      if (isDomainError(t)) return t;
      rows.push(...tallyRowsOf(t, r.include));
    }
    return rows;
  },
};

/** The periods a form's returns are sent for: FY for a yearly form, quarters for a quarterly one. */
const returnPeriods = (form: FormDef): ('year' | 'quarter')[] => [form.period.kind];

const COMPLETENESS: EntitySetDef = {
  name: 'Completeness',
  typeName: 'UnitCompleteness',
  th: 'ความครบถ้วนของการส่ง',
  en: 'Completeness',
  description: 'A row per form, fiscal year, period and expected unit: its review status, on time or late, its first submission. Without a FiscalYear filter (eq or in): the current fiscal year.',
  properties: [
    ID,
    FORM_ID,
    FISCAL_YEAR,
    PERIOD,
    P('DueDate', 'Edm.Date', 'วันครบกำหนดส่ง', 'Due date'),
    ...ORG_UNIT,
    P('Status', 'Edm.String', 'สถานะ (not_received, submitted, returned, zone_accepted, accepted, reopened)', 'Review status'),
    P('StatusName', 'Edm.String', 'สถานะ', 'Review status (Thai)'),
    P('Timeliness', 'Edm.String', 'การส่งตามกำหนด (on_time, late, pending, overdue)', 'On time, late, pending or overdue'),
    P('SubmittedAt', 'Edm.DateTimeOffset', 'ส่งครั้งแรกเมื่อ', 'First submitted at'),
    P('Returns', 'Edm.Int32', 'จำนวนฉบับ', 'Returns'),
    P('Accepted', 'Edm.Int32', 'ตรวจรับแล้ว', 'Accepted'),
  ],
  async read(ctx, filter) {
    const years = yearsOf(filter, ctx.now);
    if (!Array.isArray(years)) return years;
    const reviews = await ctx.reviews();
    const rows: Row[] = [];
    let reads = 0;
    for (const named of formsOf(filter, ctx))
      for (const { fy, form, units } of formInYears(ctx, named, years))
        for (const period of among(filter, 'Period', periodsBegun(returnPeriods(form), fy, ctx.now))) {
          if (++reads > MAX_READS) return narrow(`Filter FormId or Period too: at most ${MAX_READS} periods a request.`, `กรุณากรอง FormId หรือ Period เพิ่ม อ่านได้ไม่เกิน ${MAX_READS} งวดต่อครั้ง`);
          const c = await completenessOf(reviews, ctx.principal, form, units, fy, period, ctx.now);
          for (const u of c.units)
            rows.push({
              Id: [form.id, fy, period, u.code].join('|'),
              FormId: form.id,
              FiscalYear: fy,
              Period: period,
              DueDate: c.dueDate,
              OrgUnit: u.code,
              OrgUnitName: u.name_th,
              OrgUnitNameEn: u.name_en,
              Status: u.status,
              StatusName: STATUS_LABELS[u.status].th,
              Timeliness: u.timeliness,
              SubmittedAt: u.submittedAt,
              Returns: u.returns,
              Accepted: u.accepted,
            });
        }
    return rows;
  },
};

/** A field's values as OData types them: amounts and counts as decimals (exact in JSON), years as integers. */
function edmOf(f: FieldDef): EdmType {
  switch (f.type) {
    case 'number':
    case 'count':
    case 'money':
    case 'percent':
      return 'Edm.Decimal';
    case 'year':
      return 'Edm.Int32';
    case 'yesno':
      return 'Edm.Boolean';
    default:
      return 'Edm.String';
  }
}

/** A field id as an OData property name (a name cannot start with a digit). */
export const propertyName = (id: string) => (/^[0-9]/.test(id) ? `_${id}` : id);

/** The flat export's columns, as properties: its own columns by OData names, then the form's fields and table columns by id. */
const RECORD_META: Record<string, PropertyDef> = {
  form: FORM_ID,
  org_unit: ORG_UNIT[0],
  org_unit_name_th: ORG_UNIT[1],
  fiscal_year: FISCAL_YEAR,
  period: PERIOD,
  subject: P('Subject', 'Edm.String', 'เรื่อง', 'Subject'),
  version: P('Version', 'Edm.Int32', 'ฉบับที่', 'Version'),
  submitted_at: P('SubmittedAt', 'Edm.DateTimeOffset', 'วันเวลาที่ส่ง', 'Submitted at'),
  status: P('Status', 'Edm.String', 'สถานะการส่ง (on_time, late)', 'On time or late'),
  row: P('Row', 'Edm.Int32', 'แถวในแผ่นงาน', 'Sheet row'),
};

/** The entity set name of a form's records: `Records_` and its id, `-` as `_`. */
export const recordsSetName = (form: FormDef) => `Records_${form.id.replace(/-/g, '_')}`;

function recordsSet(form: FormDef): EntitySetDef {
  const fields = [...form.fields, ...(form.table?.row === 'item' ? form.table.columns.filter((c) => !form.fields.some((f) => f.id === c.id)) : [])];
  return {
    name: recordsSetName(form),
    typeName: `Record_${form.id.replace(/-/g, '_')}`,
    th: `ข้อมูลรายการ: ${form.title_th}`,
    en: `Records: ${form.title_en}`,
    description: `Every current return's records of ${form.title_en} (${form.id}), one row per record, as the flat export gives them. Without a FiscalYear filter (eq or in): the current fiscal year.`,
    properties: [ID, ...Object.values(RECORD_META), ORG_UNIT[2], ...fields.map((f) => P(propertyName(f.id), edmOf(f), f.label_th, f.label_en))],
    async read(ctx, filter) {
      const years = yearsOf(filter, ctx.now);
      if (!Array.isArray(years)) return years;
      const rows: Row[] = [];
      for (const { fy, form: ofYear, units } of formInYears(ctx, form, years))
        for (const period of among(filter, 'Period', periodsBegun(returnPeriods(ofYear), fy, ctx.now))) {
          const t = await exportRecords(ctx.store, ctx.principal, ofYear, units, fy, period);
          if (isDomainError(t)) return t;
          for (const values of t.rows) {
            const row: Row = {};
            t.columns.forEach((c, i) => (row[RECORD_META[c.id]?.name ?? propertyName(c.id)] = values[i]));
            row.OrgUnitNameEn = units.byCode(String(row.OrgUnit))?.name_en ?? null;
            row.Id = [row.OrgUnit, row.FiscalYear, row.Period, row.Subject ?? '', row.Row ?? ''].join('|');
            rows.push(row);
          }
        }
      return rows;
    },
  };
}

/** The feed's entity sets: tallies, completeness, and the records of each form (of the newest definitions). */
export function entitySets(forms: readonly FormDef[]): EntitySetDef[] {
  return [TALLIES, COMPLETENESS, ...forms.map(recordsSet)];
}
