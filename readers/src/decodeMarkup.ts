/**
 * The text of a markup file (HTML or XML) whose encoding may be anything a web system wrote:
 * a byte-order mark first; else the charset its markup declares (`<meta charset>`,
 * `content="…; charset=…"`, `<?xml encoding="…"?>`); else UTF-8 if the bytes are valid
 * UTF-8, else Windows-874 (TIS-620 and the Thai Windows code page, which is a superset).
 */
export function decodeMarkup(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? /<meta[^>]*\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  const label = declared?.toLowerCase();
  if (label && label !== 'utf-8' && label !== 'utf8') {
    try {
      return new TextDecoder(/^(tis-?620|iso-8859-11|x-windows-874|cp874)$/.test(label) ? 'windows-874' : label).decode(bytes);
    } catch {
      // A label TextDecoder does not know: guessed below as undeclared text is.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-874').decode(bytes);
  }
}
