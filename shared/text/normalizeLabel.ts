import { toArabicDigits } from './thaiDigits';

/**
 * The comparable form of a label: lower case, Arabic digits, no unit suffix in
 * parentheses ("(บาท)"), no punctuation, spaces, trailing dots or the Thai
 * abbreviation sign ฯ. Used for every label comparison so that
 * "รหัสโครงการ..." and "รหัสโครงการ" are the same label.
 */
export function normalizeLabel(label: string): string {
  return toArabicDigits(label)
    .toLowerCase()
    .replace(/\([^()]*\)\s*$/u, '') // trailing unit suffix "(บาท)"
    .replace(/[\s\u200b.,:;!?'"“”‘’`~@#$%^&*_+=|\\/<>[\]{}()\-–—…ฯ]+/gu, '');
}
