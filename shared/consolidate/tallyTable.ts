import type { Measure, Tally } from './tally';
import { STATUS_LOOK } from '../report/statusWords';

/**
 * The tally as one long table: a row per (unit, measure), the shape upstream systems,
 * filters and SUMIFS work with (the CSV and JSON exports). Units and measures carry their
 * codes for machines and their names for people; status is the Thai word.
 */
export const TALLY_COLUMNS: readonly { key: string; th: string; en: string }[] = [
  { key: 'orgUnit', th: 'รหัสหน่วยงาน', en: 'Unit code' },
  { key: 'unit_th', th: 'หน่วยงาน', en: 'Unit' },
  { key: 'unit_en', th: 'หน่วยงาน (อังกฤษ)', en: 'Unit (English)' },
  { key: 'received', th: 'ส่งแล้ว', en: 'Received' },
  { key: 'expected', th: 'ทั้งหมด', en: 'Expected' },
  { key: 'id', th: 'รหัสตัวชี้วัด', en: 'Measure id' },
  { key: 'label_th', th: 'ตัวชี้วัด', en: 'Measure' },
  { key: 'label_en', th: 'ตัวชี้วัด (อังกฤษ)', en: 'Measure (English)' },
  { key: 'unit', th: 'หน่วยนับ', en: 'Unit of measure' },
  { key: 'value', th: 'ผลการดำเนินงาน', en: 'Value' },
  { key: 'pct', th: 'ร้อยละ', en: '%' },
  { key: 'target', th: 'ค่าเป้าหมาย', en: 'Target' },
  { key: 'annualTarget', th: 'เป้าหมายปี', en: 'Annual target' },
  { key: 'targetToDate', th: 'เป้าหมายถึงงวด', en: 'Target to date' },
  { key: 'q1', th: 'ไตรมาส 1', en: 'Q1' },
  { key: 'q2', th: 'ไตรมาส 2', en: 'Q2' },
  { key: 'q3', th: 'ไตรมาส 3', en: 'Q3' },
  { key: 'q4', th: 'ไตรมาส 4', en: 'Q4' },
  { key: 'pctOfAnnual', th: 'ร้อยละของเป้าหมายปี', en: '% of annual target' },
  { key: 'pctOfTargetToDate', th: 'ร้อยละของเป้าหมายถึงงวด', en: '% of target to date' },
  { key: 'status', th: 'สถานะ', en: 'Status' },
  { key: 'score', th: 'คะแนน', en: 'Score' },
];

/** `ตัวชี้วัด (Measure)`: the headings of the long table. */
export function tallyHeadings(): string[] {
  return TALLY_COLUMNS.map((c) => `${c.th} (${c.en})`);
}

/**
 * The one CSV shape of a tally, from the API (`/api/exports/tally?format=csv`) and the CLI
 * (`returns pull --format csv`) alike: the bilingual headings, then the columns' ids (what a
 * script reads: skip one row), then a row per unit and measure.
 */
export function tallyCsvRows(t: Tally): (string | number | null)[][] {
  return [tallyHeadings(), TALLY_COLUMNS.map((c) => c.key), ...tallyRows(t)];
}

export function tallyRows(t: Tally): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  const num = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  for (const g of t.groups) {
    for (const m of g.measures) {
      const q = m.byQuarter ?? [];
      const rec: Record<string, string | number | null> = {
        orgUnit: g.orgUnit,
        unit_th: g.name_th,
        unit_en: g.name_en,
        received: g.received,
        expected: g.expected,
        id: m.id,
        label_th: m.label_th,
        label_en: m.label_en,
        unit: m.unit ?? null,
        value: num(m.value),
        pct: num(m.pct),
        target: num(m.target),
        annualTarget: num(m.annualTarget),
        targetToDate: num(m.targetToDate),
        q1: num(q[0]),
        q2: num(q[1]),
        q3: num(q[2]),
        q4: num(q[3]),
        pctOfAnnual: num(m.pctOfAnnual),
        pctOfTargetToDate: num(m.pctOfTargetToDate),
        status: statusWord(m),
        score: num(m.score),
      };
      rows.push(TALLY_COLUMNS.map((c) => rec[c.key]));
    }
  }
  return rows;
}

function statusWord(m: Measure): string | null {
  return m.status ? STATUS_LOOK[m.status].th : null;
}
