import type { FieldDef } from '../forms/formDef';
import { normalizeLabel } from '../text/normalizeLabel';

/** Labels of length ≥ this may carry one typo (`หน่วยงานที่รับชอบ`). */
const TYPO_MIN_LENGTH = 8;
/**
 * A typo is one slip at one place: one wrong character, or a character or Thai syllable
 * (up to 3 code points: consonant, vowel and tone marks, as the real form's dropped `ผิด`)
 * missing or extra. A whole different syllable (`หน่วยนับ` vs `หน่วยงาน`) is no typo.
 */
const TYPO_MAX_SPAN = 3;
/** Texts remembered per index; past this the memo starts afresh. */
const MEMO_LIMIT = 20_000;

export function isOneTypoApart(a: string, b: string): boolean {
  if (a === b || Math.min(a.length, b.length) < TYPO_MIN_LENGTH) return false;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const ma = a.length - p - s;
  const mb = b.length - p - s;
  return Math.min(ma, mb) === 0 ? Math.max(ma, mb) <= TYPO_MAX_SPAN : ma <= 1 && mb <= 1;
}

/**
 * Finds which field a label names. Exact (normalised) matches win; then a label
 * followed by a year (`เป้าหมายปี 2563`); then one typo, only when a single field is
 * that close. Results are memoised: sheets repeat the same texts.
 */
export class LabelIndex {
  private readonly exact = new Map<string, string>();
  private readonly entries: { key: string; id: string }[] = [];
  /** Results by the text as written: sheets repeat the same texts, and every form is tried on each. */
  private readonly memo = new Map<string, string | null>();

  constructor(fields: readonly FieldDef[]) {
    for (const f of fields) {
      for (const label of [f.label_th, f.label_en, ...(f.aliases ?? [])]) {
        const key = normalizeLabel(label);
        if (!key) continue;
        if (!this.exact.has(key)) this.exact.set(key, f.id);
        this.entries.push({ key, id: f.id });
      }
    }
  }

  match(text: string): string | null {
    if (text.length > 200) return null; // a paragraph is no label
    const hit = this.memo.get(text);
    if (hit !== undefined) return hit;
    const key = normalizeLabel(text);
    const found = key ? this.lookup(key) : null;
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(text, found);
    return found;
  }

  private lookup(key: string): string | null {
    const exact = this.exact.get(key);
    if (exact) return exact;
    const withoutYear = /^(.*\D)(25|20)\d\d$/.exec(key);
    if (withoutYear) {
      const id = this.exact.get(withoutYear[1]);
      if (id) return id;
    }
    if (key.length < TYPO_MIN_LENGTH) return null;
    const ids = new Set<string>();
    for (const e of this.entries) if (isOneTypoApart(key, e.key)) ids.add(e.id);
    return ids.size === 1 ? [...ids][0] : null;
  }
}
