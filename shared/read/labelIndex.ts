import type { FieldDef } from '../forms/formDef';
import { normalizeLabel } from '../text/normalizeLabel';
import { editDistance } from '../text/editDistance';

/** Labels of length ≥ this may carry one wrong character (`หน่วยงานที่รับชอบ`). */
const TYPO_MIN_LENGTH = 8;

/**
 * Finds which field a label names. Exact (normalised) matches win; then a label
 * followed by a year (`เป้าหมายปี 2563`); then one typo, only when a single field is
 * that close. Results are memoised: sheets repeat the same texts.
 */
export class LabelIndex {
  private readonly exact = new Map<string, string>();
  private readonly entries: { key: string; id: string }[] = [];
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
    const key = normalizeLabel(text);
    if (!key) return null;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const found = this.lookup(key);
    this.memo.set(key, found);
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
    for (const e of this.entries) {
      if (e.key.length >= TYPO_MIN_LENGTH && editDistance(key, e.key, 1) <= 1) ids.add(e.id);
    }
    return ids.size === 1 ? [...ids][0] : null;
  }
}
