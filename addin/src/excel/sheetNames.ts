/** Excel's rules for sheet names: at most 31 characters, none of `: \ / ? * [ ]`, no apostrophe at either end. */
export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;

/** Room kept for a ` (12)` suffix when a name is taken. */
const SUFFIX_ROOM = 5;

/** Words of a Thai or English text (Thai writes no spaces between words); characters where the host cannot segment. */
function words(text: string): string[] {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (!Segmenter) return [...text];
  return [...new Segmenter(['th', 'en'], { granularity: 'word' }).segment(text)].map((s) => s.segment);
}

/** A title shortened to whole words within `max` characters, made a legal sheet name. */
export function shortSheetName(title: string, max = MAX_SHEET_NAME - SUFFIX_ROOM): string {
  const clean =
    title
      .replace(FORBIDDEN, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  if (clean.length <= max) return clean;
  let out = '';
  for (const w of words(clean)) {
    if ((out + w).length > max) break;
    out += w;
  }
  return (out.trim() || clean.slice(0, max)).trim();
}

/** `name`, or `name (2)`, `name (3)`… : the first that no existing sheet has (Excel compares names without case). */
export function uniqueSheetName(title: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const base = shortSheetName(title);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
