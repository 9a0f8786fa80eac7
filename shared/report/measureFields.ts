import type { Measure } from '../consolidate/tally';
import type { Heading, MeasureField } from './reportLayout';

/** What each figure is called, for legends and chart titles. */
export const FIELD_NAMES: Record<MeasureField, Heading> = {
  value: { th: 'ผลการดำเนินงาน', en: 'result' },
  pct: { th: 'ร้อยละ', en: 'percentage' },
  target: { th: 'ค่าเป้าหมาย', en: 'target' },
  annualTarget: { th: 'เป้าหมายปี', en: 'annual target' },
  targetToDate: { th: 'เป้าหมายถึงงวด', en: 'target to date' },
  pctOfAnnual: { th: 'ร้อยละของเป้าหมายปี', en: '% of annual target' },
  pctOfTargetToDate: { th: 'ร้อยละของเป้าหมายถึงงวด', en: '% of target to date' },
  remainingTarget: { th: 'เป้าหมายคงเหลือของงวด', en: "period's remaining target" },
  periodPct: { th: 'ร้อยละของเป้าหมายคงเหลือ', en: '% of remaining target' },
  score: { th: 'คะแนน', en: 'score' },
  numerator: { th: 'ตัวตั้ง', en: 'numerator' },
  denominator: { th: 'ตัวหาร', en: 'denominator' },
};

/** A figure of a measure: a number, `null` when computed as none, `undefined` when the measure has no such figure. */
export function fieldOf(m: Measure, field: MeasureField): number | null | undefined {
  return m[field];
}
