import { FORMAT_CODES } from './numberFormats';
import { serialParts, thaiDate } from './thaiCalendar';
import { THAI_MONTH_ABBREVIATIONS } from '../text/monthNames';

/** Splits a format code into its `;` sections, leaving quoted text whole. */
function sections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of code) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function digits(x: number, decimals: number, grouped: boolean): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouped });
}

/** One section: quoted literals kept, the number pattern (`#,##0`, `#,##0.00`, `0.00`) replaced by the number. */
function renderSection(section: string, x: number): string {
  let out = '';
  let i = 0;
  let numberDone = false;
  while (i < section.length) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end);
      i = end + 1;
    } else if ('#0,.'.includes(ch)) {
      let j = i;
      while (j < section.length && '#0,.'.includes(section[j])) j++;
      const pattern = section.slice(i, j);
      if (!numberDone) out += digits(x, pattern.split('.')[1]?.length ?? 0, pattern.includes(','));
      numberDone = true;
      i = j;
    } else {
      out += ch === '-' ? '-' : ch;
      i++;
    }
  }
  return out;
}

/**
 * The text a cell shows: the value under its format code, for the codes reports use
 * (`numberFormats.ts`). Column widths are estimated from it and tests compare against
 * printed tables with it; `null` for a code it does not know.
 */
export function displayText(value: string | number | null, code: string | undefined): string | null {
  if (value === null || value === '') return '';
  if (typeof value === 'string') return value;
  if (code === undefined || code === 'General') return String(value);
  if (code === FORMAT_CODES.text) return String(value);
  if (code === FORMAT_CODES.dateBE) return thaiDate(value);
  if (code === FORMAT_CODES.dateTimeBE) {
    const p = serialParts(value);
    return `${p.day} ${THAI_MONTH_ABBREVIATIONS[p.month - 1]} ${p.year + 543} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  }
  if (code === FORMAT_CODES.reportDateBE) {
    const p = serialParts(value);
    return `ข้อมูล ณ วันที่ ${thaiDate(value)} เวลา ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')} น.`;
  }
  if (/[dmyh]/.test(code.replace(/"[^"]*"/g, ''))) return null;
  const s = sections(code);
  if (value > 0 || s.length === 1) return (value < 0 ? '-' : '') + renderSection(s[0], Math.abs(value));
  if (value < 0) return renderSection(s[1], Math.abs(value));
  return renderSection(s[2] ?? s[0], 0);
}
