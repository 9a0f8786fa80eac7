import * as XLSX from '@e965/xlsx';
import type { WorkBook } from '@e965/xlsx';

/**
 * Old Excel files made to order: SheetJS writes the records, and a test rewrites the ones that
 * matter (a record stream is a list of type, length, body), as Excel 95 in a Thai locale or an
 * Excel 97 feature would have them.
 */

/** Text in code page 874 (TIS-620 plus punctuation): Thai U+0E01–U+0E5B at 0xA1–0xFB, ASCII as is. */
export function cp874(s: string): Buffer {
  return Buffer.from(
    [...s].map((ch) => {
      const c = ch.charCodeAt(0);
      if (c >= 0x0e01 && c <= 0x0e5b) return c - 0x0e00 + 0xa0;
      if (c < 0x80) return c;
      throw new Error(`no code page 874 byte for ${ch}`);
    }),
  );
}

const BOF = 0x0809;
const CODEPAGE = 0x0042;
const BOUNDSHEET = 0x0085;
const LABEL = 0x0204;
const FORMULA = 0x0006;

/** A BIFF record's new body, or undefined to keep it; `sheet` is the index of the sheet it is in (-1 in the workbook globals). */
type Edit = (type: number, body: Buffer, sheet: number) => Buffer | undefined;

/** The workbook stream of a compound file rewritten record by record; each sheet's offset (in its BOUNDSHEET record) follows. */
export function rewriteBiff(file: Buffer, edit: Edit): Buffer {
  const cfb = XLSX.CFB.read(file, { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'Workbook') ?? XLSX.CFB.find(cfb, 'Book');
  const src = Buffer.from(entry.content);
  const out: Buffer[] = [];
  const boundsheets: number[] = [];
  const sheetStarts: number[] = [];
  let size = 0;
  let sheet = -1;
  for (let p = 0; p < src.length;) {
    const type = src.readUInt16LE(p);
    const body = Buffer.from(src.subarray(p + 4, p + 4 + src.readUInt16LE(p + 2)));
    p += 4 + body.length;
    if (type === BOF && body.readUInt16LE(2) === 0x0010) sheetStarts[++sheet] = size;
    if (type === BOUNDSHEET) boundsheets.push(size + 4);
    const next = edit(type, body, sheet) ?? body;
    const head = Buffer.alloc(4);
    head.writeUInt16LE(type, 0);
    head.writeUInt16LE(next.length, 2);
    out.push(head, next);
    size += 4 + next.length;
  }
  const stream = Buffer.concat(out);
  boundsheets.forEach((at, i) => stream.writeUInt32LE(sheetStarts[i], at));
  entry.content = stream;
  entry.size = stream.length;
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }));
}

/**
 * An Excel 5/95 workbook (BIFF5) whose text is in code page 874, as Thai Excel 95 saved it.
 * SheetJS writes BIFF5 only in code page 1252, which has no Thai: the CODEPAGE record is set
 * to 874 and every sheet name and text cell (LABEL) is written again in it.
 */
export function biff5Cp874(wb: WorkBook): Buffer {
  let names = 0;
  return rewriteBiff(XLSX.write(wb, { type: 'buffer', bookType: 'biff5' }), (type, body, sheet) => {
    if (type === CODEPAGE) return Buffer.from([874 & 0xff, 874 >> 8]);
    if (type === BOUNDSHEET) {
      const name = cp874(wb.SheetNames[names++]);
      return Buffer.concat([body.subarray(0, 6), Buffer.from([name.length]), name]);
    }
    if (type !== LABEL) return undefined;
    const [row, col] = [body.readUInt16LE(0), body.readUInt16LE(2)];
    const text = cp874(String(wb.Sheets[wb.SheetNames[sheet]]['!data']?.[row]?.[col]?.v ?? ''));
    const head = Buffer.from(body.subarray(0, 8));
    head.writeUInt16LE(text.length, 6);
    return Buffer.concat([head, text]);
  });
}

/**
 * A BIFF8 file whose first formula starting with a cell reference starts instead with a
 * natural-language reference (PtgElfRw, "the row labelled…", an Excel 97 feature SheetJS
 * parses but cannot write out as text: it throws "Unsupported ELFs"). The cached value stays.
 */
export function withNaturalLanguageFormula(xls: Buffer): Buffer {
  let done = false;
  return rewriteBiff(xls, (type, body) => {
    if (done || type !== FORMULA) return undefined;
    const cce = body.readUInt16LE(20);
    const ptg = body[22];
    if (ptg !== 0x24 && ptg !== 0x44 && ptg !== 0x64) return undefined;
    done = true;
    const elf = Buffer.from([0x18, 0x02, ...body.subarray(23, 27)]);
    const out = Buffer.concat([body.subarray(0, 22), elf, body.subarray(27)]);
    out.writeUInt16LE(cce + 1, 20);
    return out;
  });
}
