/** Thai digits ๐–๙ (U+0E50–U+0E59) to Arabic 0–9; everything else unchanged. */
export function toArabicDigits(text: string): string {
  let i0 = 0;
  while (i0 < text.length) {
    const c = text.charCodeAt(i0);
    if (c >= 0x0e50 && c <= 0x0e59) break;
    i0++;
  }
  if (i0 === text.length) return text; // the common case: nothing to convert, no copy
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code >= 0x0e50 && code <= 0x0e59 ? String.fromCharCode(code - 0x0e50 + 48) : text[i];
  }
  return out;
}
