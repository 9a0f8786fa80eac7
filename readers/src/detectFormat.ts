import type { WorkbookFormat } from './workbookRead';
import { openZip } from './zipArchive';
import { contains, extensionOf, hexBytes, latin1, startsWith, u16, utf16le } from './bytes';
import type { Inflater } from './inflater';

/** What a file's bytes are: a format the reader takes, one it refuses by name, a password-protected workbook, or something else. */
export type Detected =
  | { kind: 'format'; format: WorkbookFormat }
  | { kind: 'password_protected' }
  | { kind: 'unsupported'; format: UnsupportedFormat }
  | { kind: 'damaged'; detail: string }
  | { kind: 'unknown'; ext: string };

/** Spreadsheets recognised but not read, each refused with what to do instead. */
export type UnsupportedFormat = 'numbers' | 'biff2_4';

const CFB = hexBytes('d0cf11e0a1b11ae1');
const utf16 = utf16le;

/** BIFF2–4 files (Excel 2.x–4.0) are bare record streams that open with a BOF record of their version. */
const OLD_BIFF_BOF = [0x0009, 0x0209, 0x0409];

/**
 * The start of a text file, for its markup: a byte-order mark and leading space skipped, the
 * bytes read as Latin-1 (the markup that tells the format apart is ASCII in any encoding but
 * UTF-16, which is decoded as such).
 */
function head(bytes: Uint8Array): string {
  const b = bytes.subarray(0, 2048);
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    return new TextDecoder(b[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(b.subarray(2)).trimStart();
  }
  const start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  return latin1(b.subarray(start)).trimStart();
}

/** An Excel 2003 XML workbook (SpreadsheetML) or an HTML table, as web systems "export to Excel". */
function markupFormat(text: string): WorkbookFormat | undefined {
  if (
    /^<\?xml[^>]*>\s*(?:<\?mso-application[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:\w+:)?Workbook\b/i.test(text) ||
    (/urn:schemas-microsoft-com:office:spreadsheet/i.test(text) && /^<\?xml/i.test(text))
  ) {
    return 'spreadsheetml';
  }
  if (/^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body|table|style)\b/i.test(text)) return 'html';
  return undefined;
}

/**
 * Looks at the content, not the name: an .xls that is really an .xlsx, an HTML table or an
 * Excel 2003 XML file (what many web systems export as ".xls") is read as what it is. Only
 * CSV, which has no signature, is taken by its name.
 */
export function detectFormat(bytes: Uint8Array, name: string, inflater: Inflater): Detected {
  const ext = extensionOf(name).toLowerCase();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      const zip = openZip(bytes, inflater);
      const mimetype = zip.find('mimetype');
      if (mimetype && zip.text(mimetype, 200).trim() === 'application/vnd.oasis.opendocument.spreadsheet') {
        const manifest = zip.find('META-INF/manifest.xml');
        if (manifest && zip.text(manifest, 4 << 20).includes('encryption-data')) return { kind: 'password_protected' };
        return { kind: 'format', format: 'ods' };
      }
      const types = zip.find('[Content_Types].xml');
      const typesText = types ? zip.text(types, 4 << 20) : '';
      if (zip.find('xl/workbook.bin') || /sheet\.binary\.macroEnabled\.main|ms-excel\.sheet\.binary/i.test(typesText)) return { kind: 'format', format: 'xlsb' };
      if (zip.find('xl/workbook.xml') || /spreadsheetml\.sheet\.main|sheet\.macroEnabled\.main/i.test(typesText)) {
        const macro = !!zip.find('xl/vbaProject.bin') || /macroEnabled/i.test(typesText);
        return { kind: 'format', format: macro ? 'xlsm' : 'xlsx' };
      }
      // Numbers '13 and later: protobuf parts under Index/; Numbers '09: index.xml.gz inside.
      if ([...zip.entries.keys()].some((k) => k.startsWith('index/') && k.endsWith('.iwa')) || zip.find('index.xml.gz') || zip.find('Index.zip')) return { kind: 'unsupported', format: 'numbers' };
      return { kind: 'damaged', detail: 'a zip archive with no workbook inside' };
    } catch (e) {
      return { kind: 'damaged', detail: e instanceof Error ? e.message : 'damaged zip archive' };
    }
  }
  if (startsWith(bytes, CFB)) {
    // An encrypted .xlsx is a compound file holding the encrypted package.
    if (contains(bytes, utf16('EncryptedPackage')) || contains(bytes, utf16('EncryptionInfo'))) return { kind: 'password_protected' };
    if (contains(bytes, utf16('Workbook')) || contains(bytes, utf16('Book'))) return { kind: 'format', format: 'xls' };
    return { kind: 'unknown', ext: ext || '-' };
  }
  if (bytes.length >= 4 && OLD_BIFF_BOF.includes(u16(bytes, 0)) && u16(bytes, 2) <= 16) return { kind: 'unsupported', format: 'biff2_4' };
  const markup = markupFormat(head(bytes));
  if (markup) return { kind: 'format', format: markup };
  if (['.csv', '.txt'].includes(ext) && !bytes.subarray(0, 4096).includes(0)) return { kind: 'format', format: 'csv' };
  // UTF-16 text has NULs; a CSV saved as "Unicode text" starts with its byte-order mark.
  if (ext === '.csv' && bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'format', format: 'csv' };
  return { kind: 'unknown', ext: ext || '-' };
}
