/** Calendar month names as Thai offices and English speakers write them; months are 1–12 (January = 1). */

export const THAI_MONTH_NAMES = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'] as const;
export const THAI_MONTH_ABBREVIATIONS = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'] as const;
export const ENGLISH_MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/**
 * The month a name means: Thai full names and abbreviations (with or without the dots),
 * English names or their first three letters (any case, an optional trailing dot).
 */
export function monthFromName(name: string): number | null {
  const compact = name.replace(/\s+/g, '');
  for (let i = 0; i < 12; i++) {
    const abbr = THAI_MONTH_ABBREVIATIONS[i];
    if (compact === THAI_MONTH_NAMES[i] || compact === abbr || compact === abbr.replace(/\./g, '')) return i + 1;
  }
  if (!/^[a-z]+\.?$/i.test(compact)) return null;
  const en = compact.toLowerCase().slice(0, 3);
  const idx = ENGLISH_MONTH_NAMES.findIndex((m) => m.toLowerCase().slice(0, 3) === en);
  return idx >= 0 ? idx + 1 : null;
}
