import { toArabicDigits } from './thaiDigits';

/** Distinct texts remembered; past this the memo starts afresh (a junk sheet's texts must not pile up). */
const MEMO_LIMIT = 20_000;
const memo = new Map<string, string>();

function normalize(label: string): string {
  return toArabicDigits(label)
    .toLowerCase()
    .replace(/\([^()]*\)\s*$/u, '') // trailing unit suffix "(บาท)"
    .replace(/[\s\u200b.,:;!?'"“”‘’`~@#$%^&*_+=|\\/<>[\]{}()\-–—…ฯ]+/gu, '');
}

/**
 * The comparable form of a label: lower case, Arabic digits, no unit suffix in
 * parentheses ("(บาท)"), no punctuation, spaces, trailing dots or the Thai
 * abbreviation sign ฯ. Used for every label comparison so that
 * "รหัสโครงการ..." and "รหัสโครงการ" are the same label. Memoised: locating a sheet
 * compares the same few texts against every form, and the regular expressions cost
 * far more than a lookup.
 */
export function normalizeLabel(label: string): string {
  let key = memo.get(label);
  if (key === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(label, (key = normalize(label)));
  }
  return key;
}
