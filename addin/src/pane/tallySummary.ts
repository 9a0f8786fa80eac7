import type { Status, Tally, TallyInclude } from '@returns-hub/shared/consolidate/tally';
import type { Completeness } from '@returns-hub/shared/api/client';
import type { Bilingual } from '../text/bilingual';
import { formTitle, periodText } from './returnText';
import { groupingLabel, includeLabel } from './pullChoices';

/** Traffic lights in words, with the colours the tally sheet uses. */
export const STATUS_WORDS: Record<Status, Bilingual & { color: string }> = {
  green: { th: 'เขียว', en: 'Green', color: '#C6EFCE' },
  yellow: { th: 'เหลือง', en: 'Yellow', color: '#FFEB9C' },
  red: { th: 'แดง', en: 'Red', color: '#FFC7CE' },
};

/** What the pane says about a pulled tally: where it went, what it covers, how many sent, the lights. */
export interface TallySummary {
  sheet: string;
  form: Bilingual;
  period: Bilingual | null;
  grouping: Bilingual;
  /** Which returns the figures count (every current one, or accepted ones only). */
  include: Bilingual;
  received: number | null;
  expected: number | null;
  missing: Bilingual[];
  statuses: Record<Status, number>;
}

export function summarizeTally(sheet: string, t: Tally, c: Completeness | null, include: TallyInclude = 'all'): TallySummary {
  const statuses: Record<Status, number> = { green: 0, yellow: 0, red: 0 };
  for (const g of t.groups) for (const m of g.measures) if (m.status) statuses[m.status]++;
  return {
    sheet,
    form: formTitle(t.formId),
    period: periodText(t.fiscalYear, t.period),
    grouping: { th: groupingLabel(t.by, 'th'), en: groupingLabel(t.by, 'en') },
    include: { th: includeLabel(include, 'th'), en: includeLabel(include, 'en') },
    received: c?.received ?? null,
    expected: c?.expected ?? null,
    missing: (c?.missing ?? []).map((m) => ({ th: m.name_th, en: m.name_en })),
    statuses,
  };
}
