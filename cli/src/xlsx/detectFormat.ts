import { extname } from 'node:path';
import type { WorkbookFormat } from './workbookRead';
import { openZip } from './zipArchive';

/** What a file's bytes are: a format the reader takes, a password-protected workbook, or something else. */
export type Detected = { kind: 'format'; format: WorkbookFormat } | { kind: 'password_protected' } | { kind: 'damaged'; detail: string } | { kind: 'unknown'; what: string };

const CFB = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const utf16 = (s: string) => Buffer.from(s, 'utf16le');

/**
 * Looks at the content, not the name: an .xls that is really an .xlsx (or the reverse) is
 * read as what it is. Only CSV, which has no signature, is taken by its name.
 */
export function detectFormat(bytes: Buffer, name: string): Detected {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      const zip = openZip(bytes);
      const mimetype = zip.find('mimetype');
      if (mimetype && zip.text(mimetype, 200).trim() === 'application/vnd.oasis.opendocument.spreadsheet') {
        const manifest = zip.find('META-INF/manifest.xml');
        if (manifest && zip.text(manifest, 4 << 20).includes('encryption-data')) return { kind: 'password_protected' };
        return { kind: 'format', format: 'ods' };
      }
      const types = zip.find('[Content_Types].xml');
      const typesText = types ? zip.text(types, 4 << 20) : '';
      if (zip.find('xl/workbook.xml') || /spreadsheetml\.sheet\.main|sheet\.macroEnabled\.main/i.test(typesText)) {
        const macro = !!zip.find('xl/vbaProject.bin') || /macroEnabled/i.test(typesText);
        return { kind: 'format', format: macro ? 'xlsm' : 'xlsx' };
      }
      return { kind: 'damaged', detail: 'a zip archive with no workbook inside' };
    } catch (e) {
      return { kind: 'damaged', detail: e instanceof Error ? e.message : 'damaged zip archive' };
    }
  }
  if (bytes.subarray(0, 8).equals(CFB)) {
    // An encrypted .xlsx is a compound file holding the encrypted package.
    if (bytes.includes(utf16('EncryptedPackage')) || bytes.includes(utf16('EncryptionInfo'))) return { kind: 'password_protected' };
    if (bytes.includes(utf16('Workbook')) || bytes.includes(utf16('Book'))) return { kind: 'format', format: 'xls' };
    return { kind: 'unknown', what: 'an Office file that is no workbook' };
  }
  if (['.csv', '.txt'].includes(extname(name).toLowerCase()) && !bytes.subarray(0, 4096).includes(0)) return { kind: 'format', format: 'csv' };
  // UTF-16 text has NULs; a CSV saved as "Unicode text" starts with its byte-order mark.
  if (extname(name).toLowerCase() === '.csv' && bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'format', format: 'csv' };
  return { kind: 'unknown', what: extname(name) || 'no extension' };
}
