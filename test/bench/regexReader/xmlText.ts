const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character data → text: entities (`&amp;`, `&#3652;`, `&#x0E01;`). */
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? m;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/**
 * Spreadsheet text → the text Excel shows: entities, then OOXML's `_xHHHH_` escapes for
 * characters XML cannot carry (`_x000D_` is a carriage return; `_x005F_` escapes an underscore).
 */
export function ooxmlText(s: string): string {
  const t = unescapeXml(s);
  return t.includes('_x') ? t.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : t;
}

/** The value of attribute `name` in an element's attribute text (either quote), or undefined. */
const ATTR_RES = new Map<string, RegExp>();
export function attr(attrs: string, name: string): string | undefined {
  let re = ATTR_RES.get(name);
  if (!re) ATTR_RES.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

/**
 * The text of a string item (`<si>` or `<is>`): its `<t>` runs joined, rich-text runs
 * included, phonetic runs (`<rPh>`) left out as Excel shows them only as ruby.
 */
export function stringItemText(xml: string, prefix = ''): string {
  const body = xml.includes('rPh') ? xml.replace(new RegExp(`<${prefix}rPh\\b[\\s\\S]*?</${prefix}rPh>`, 'g'), '') : xml;
  const re = new RegExp(`<${prefix}t(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${prefix}t>)`, 'g');
  let out = '';
  for (let m = re.exec(body); m; m = re.exec(body)) out += m[1] ?? '';
  return ooxmlText(out);
}
