import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SAMPLES } from './samples';

/** FORMS.md, beside the samples (copied from `../shared/FORMS.md`); FORMS_MD overrides. */
export const FORMS_MD = process.env.FORMS_MD ?? resolve(SAMPLES, '..', 'FORMS.md');

function section(md: string, heading: string): string {
  const start = md.indexOf(heading);
  if (start < 0) throw new Error(`FORMS.md has no section "${heading}"`);
  const next = md.indexOf('\n## ', start + heading.length);
  return md.slice(start, next < 0 ? undefined : next);
}

/** The rows of the first markdown table in a text (header and separator dropped), cells trimmed. */
function tableRows(text: string): string[][] {
  const all = text.split('\n');
  const start = all.findIndex((l) => l.trim().startsWith('|'));
  const lines: string[] = [];
  for (let i = start; i >= 0 && i < all.length && all[i].trim().startsWith('|'); i++) lines.push(all[i]);
  return lines.slice(2).map((l) =>
    l
      .trim()
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim()),
  );
}

/** Form 3's national table: KPI → its cells as FORMS.md shows them (annual … % of target to date, other). */
export function formsCodiNational(): Map<string, string[]> {
  const rows = tableRows(section(readFileSync(FORMS_MD, 'utf8'), '## Form 3'));
  return new Map(rows.map(([kpi, ...cells]) => [kpi, cells]));
}

/** The KPI 5.1 by-region table CODI printed: region label → annual | Q1 | Q2 | cumulative. */
export function formsCodiKpi51(): Map<string, string[]> {
  const text = section(readFileSync(FORMS_MD, 'utf8'), '## Form 3').replace(/\s+/g, ' ');
  const printed = /the table CODI printed: (.*?)\.(?:\s|$)/.exec(text)?.[1];
  if (!printed) throw new Error('FORMS.md: no KPI 5.1 by-region table');
  return new Map(
    printed.split(';').map((part) => {
      const [first, ...rest] = part.trim().split(' | ');
      const cut = first.lastIndexOf(' ');
      return [first.slice(0, cut), [first.slice(cut + 1), ...rest].map((c) => c.trim())];
    }),
  );
}

/** Form 2's indicator table: indicator id → value and percentage as shown (`1,182`, `57.16`; `50 / 50`). */
export function formsCommunityPlan(): Map<string, { value: string; pct: string | null }> {
  const rows = tableRows(section(readFileSync(FORMS_MD, 'utf8'), '## Form 2'));
  const out = new Map<string, { value: string; pct: string | null }>();
  for (const [ids, values] of rows) {
    const idList = [...ids.matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]);
    const valueList = values.split(' · ');
    if (idList.length !== valueList.length) throw new Error(`FORMS.md Form 2: ${ids} vs ${values}`);
    idList.forEach((id, i) => {
      const m = /^(.*?)(?: \(([\d.,]+) %\))?$/.exec(valueList[i].trim())!;
      out.set(id, { value: m[1], pct: m[2] ?? null });
    });
  }
  return out;
}

/** Form 5's table by risk level: level (Thai, and `รวม`) → assessed | with internal control | residual risk, as FORMS.md shows them. */
export function formsInternalControl(): Map<string, string[]> {
  const text = section(readFileSync(FORMS_MD, 'utf8'), '## Form 5');
  const start = text.indexOf('| ระดับความเสี่ยง |');
  if (start < 0) throw new Error('FORMS.md: no Form 5 table by risk level');
  return new Map(tableRows(text.slice(start)).map(([level, ...cells]) => [level, cells]));
}
