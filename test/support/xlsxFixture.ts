import { crc32, deflateRawSync } from 'node:zlib';

/** An entry given already deflated (and its unpacked size): a zip bomb need not be unpacked to be made. */
export interface Packed {
  packed: Buffer;
  size: number;
}

/** Writes a zip of the given files (deflated), so a test controls every byte of the XML inside. */
export function zipOf(files: Record<string, string | Buffer | Packed>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const pre = typeof content === 'object' && 'packed' in content ? content : undefined;
    const data = pre ? Buffer.alloc(0) : typeof content === 'string' ? Buffer.from(content, 'utf8') : (content as Buffer);
    const packed = pre ? pre.packed : deflateRawSync(data);
    const size = pre ? pre.size : data.length;
    const nameBytes = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface FixtureSheet {
  name: string;
  /** The inside of `<sheetData>`: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`… */
  rows: string;
  /** Anything after `</sheetData>`, e.g. `<mergeCells>…</mergeCells>`. */
  after?: string;
  /** Anything before `<sheetData>`, e.g. `<dimension ref="A1:C3"/>`. */
  before?: string;
}

/**
 * A minimal .xlsx written by hand: exactly the XML a given writer (Excel, Calc, openpyxl)
 * puts there, so each reading rule is tested against the bytes that caused it.
 */
export function xlsxOf(o: { sheets: FixtureSheet[]; sharedStrings?: string[]; workbookPr?: string; numFmts?: string; cellXfs?: string[]; extra?: Record<string, string | Buffer | Packed> }): Buffer {
  const files: Record<string, string | Buffer | Packed> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${o.workbookPr ?? ''}<sheets>${o.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${o.sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join('')}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${(o.sharedStrings ?? []).map((s) => (s.startsWith('<') ? `<si>${s}</si>` : `<si><t>${s}</t></si>`)).join('')}</sst>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${o.numFmts ? `<numFmts>${o.numFmts}</numFmts>` : ''}<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs>${(o.cellXfs ?? ['<xf numFmtId="0"/>']).join('')}</cellXfs></styleSheet>`,
  };
  o.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${s.before ?? ''}<sheetData>${s.rows}</sheetData>${s.after ?? ''}</worksheet>`;
  });
  return zipOf({ ...files, ...o.extra });
}
