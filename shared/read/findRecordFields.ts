import type { Grid } from '../sheet/grid';
import { addressOf, cellAt, cellText, colCount, isBlank } from '../sheet/grid';
import type { LabelIndex } from './labelIndex';
import type { RawField } from './locatedReturn';
import { rawField } from './rawValue';
import { UNIT_WORDS } from '../parse/parseNumber';
import { normalizeLabel } from '../text/normalizeLabel';

export interface FoundField {
  id: string;
  labelCell: string;
  raw: RawField;
}

export interface FoundRecord {
  fields: FoundField[];
  /** Text cells that are neither labels nor values: titles and notes. */
  others: { row: number; col: number; text: string }[];
}

const UNIT_ONLY = new Set([...UNIT_WORDS, 'หน่วย', 'ร้อยละ', '%'].map(normalizeLabel));
const ITEM_HEADERS = new Set(['รายการ', 'item'].map(normalizeLabel));
const VALUE_HEADERS = new Set(['จำนวน', 'value', 'ค่า', 'ผล'].map(normalizeLabel));
const UNIT_HEADERS = new Set(['หน่วย', 'unit', 'หน่วยนับ'].map(normalizeLabel));
/** How far right of a label its value may stand. */
const VALUE_REACH = 8;

/** An items list (`ลำดับ | รายการ | จำนวน | หน่วย`): labels in one column, values in another. */
function findItemColumns(grid: Grid, rows: number[], cols: number) {
  for (const r of rows) {
    let label = -1;
    let value = -1;
    let unit = -1;
    for (let c = 0; c < cols; c++) {
      const k = normalizeLabel(cellText(cellAt(grid, r, c)));
      if (ITEM_HEADERS.has(k)) label = c;
      else if (VALUE_HEADERS.has(k) && value < 0) value = c;
      else if (UNIT_HEADERS.has(k)) unit = c;
    }
    if (label >= 0 && value > label) return { headerRow: r, label, value, unit };
  }
  return null;
}

/**
 * Reads label–value pairs in the given rows: the value after a colon in the label's own
 * cell (`งบประมาณที่ได้รับ : 3,304,180 บาท`), in an items list's value column, or in the
 * nearest non-empty cell to the right.
 */
export function findRecordFields(grid: Grid, index: LabelIndex, rows: number[]): FoundRecord {
  const cols = colCount(grid);
  const items = findItemColumns(grid, rows, cols);
  const used = new Set<string>();
  const fields: FoundField[] = [];
  const others: FoundRecord['others'] = [];
  const key = (r: number, c: number) => `${r},${c}`;

  for (const r of rows) {
    const row = grid.rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (isBlank(cell) || used.has(key(r, c)) || typeof cell!.value !== 'string') continue;
      const text = cellText(cell);
      const colon = text.search(/[:：]/);
      const labelPart = colon > 0 ? text.slice(0, colon) : text;
      const id = index.match(labelPart);
      if (!id) {
        if (!(items && r === items.headerRow)) others.push({ row: r, col: c, text });
        continue;
      }
      used.add(key(r, c));
      const labelCell = addressOf(grid, r, c);
      const after = colon > 0 ? text.slice(colon + 1).trim() : '';
      if (after) {
        fields.push({ id, labelCell, raw: { cell: labelCell, v: after } });
        continue;
      }
      if (items && r > items.headerRow && c === items.label) {
        const raw = rawField(grid, r, items.value);
        const unit = items.unit >= 0 ? cellText(cellAt(grid, r, items.unit)) : '';
        if (unit) raw.unit = unit;
        used.add(key(r, items.value));
        fields.push({ id, labelCell, raw });
        continue;
      }
      let valueCol = -1;
      for (let vc = c + 1; vc < Math.min(cols, c + 1 + VALUE_REACH); vc++) {
        const vcell = cellAt(grid, r, vc);
        if (isBlank(vcell)) continue;
        const vtext = cellText(vcell);
        if (typeof vcell!.value === 'string' && (UNIT_ONLY.has(normalizeLabel(vtext)) || index.match(vtext))) break;
        valueCol = vc;
        break;
      }
      if (valueCol >= 0) {
        used.add(key(r, valueCol));
        fields.push({ id, labelCell, raw: rawField(grid, r, valueCol) });
      } else {
        fields.push({ id, labelCell, raw: { cell: labelCell, v: null } });
      }
    }
  }
  return { fields, others };
}
