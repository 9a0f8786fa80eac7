import type { Cell } from '../sheet/grid';
import { parseNumber } from '../parse/parseNumber';
import { parseYesNo } from '../parse/parseYesNo';
import { finding, type DefinitionFinding, type DefinitionPath } from './definitionMessages';
import type { CellKind } from './definitionSheets';

/** What a definition cell holds once read. */
export type DefinitionValue = string | number | boolean | string[] | Record<string, string> | { indicator: string };

/** A value written into a definition workbook's cell. */
export type WrittenCell = string | number | boolean | null;

const split = (text: string, by: RegExp) =>
  text
    .split(by)
    .map((s) => s.trim())
    .filter(Boolean);

/** A cell read: its value, or the finding that it cannot be read. */
export type CellRead = { ok: true; value: DefinitionValue } | { ok: false; finding: DefinitionFinding };

/**
 * A cell's value as its column's kind reads it; a finding (with the cell's path) when it
 * cannot be; undefined for a blank cell (the property is left out).
 */
export function readCell(cell: Cell | undefined, kind: CellKind, name: string, path: DefinitionPath): CellRead | undefined {
  const v = cell?.value;
  if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
  const text = String(v).trim();
  const ok = (value: DefinitionValue): CellRead => ({ ok: true, value });
  const fail = (f: DefinitionFinding): CellRead => ({ ok: false, finding: f });
  switch (kind) {
    case 'text':
      return ok(text);
    case 'number':
    case 'whole': {
      const parsed = parseNumber(v);
      if (!parsed.ok || (typeof v === 'string' && /^[-–—−]$/.test(text))) return fail(finding('definition.not_number', path, { name, text }));
      if (kind === 'whole' && !Number.isInteger(parsed.value)) return fail(finding('definition.not_whole', path, { name, text }));
      return ok(parsed.value);
    }
    case 'yesno': {
      const b = parseYesNo(v);
      return b === null ? fail(finding('definition.not_yesno', path, { name, text })) : ok(b);
    }
    case 'texts':
      return ok(split(text, /\|/));
    case 'ids':
      return ok(split(text, /[,|]/));
    case 'pairs': {
      const out: Record<string, string> = {};
      for (const pair of split(text, /\|/)) {
        const at = pair.indexOf('=');
        if (at <= 0) return fail(finding('definition.not_pairs', path, { name, text }));
        out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
      }
      return ok(out);
    }
    case 'pctOf':
      return ok(text === 'expected' ? text : { indicator: text });
  }
}

/** A definition value as its column's kind writes it into a cell. */
export function writeCell(value: unknown, kind: CellKind): WrittenCell {
  if (value === undefined || value === null) return null;
  switch (kind) {
    case 'texts':
      return Array.isArray(value) ? value.map(String).join(' | ') : String(value);
    case 'ids':
      return Array.isArray(value) ? value.map(String).join(', ') : String(value);
    case 'pairs':
      return Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' | ');
    case 'pctOf':
      return typeof value === 'object' && 'indicator' in value ? String(value.indicator) : String(value);
    case 'number':
    case 'whole':
      return typeof value === 'number' ? value : String(value);
    case 'yesno':
      return typeof value === 'boolean' ? value : String(value);
    case 'text':
      return String(value);
  }
}

/** Path segments of a column id inside its row's object: `title.th` → title, th; `tiers.0` → tiers, 0. */
export function columnPath(id: string): (string | number)[] {
  return id.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

/** Sets `value` at `path` inside `target`, making objects and arrays on the way. */
export function setAt(target: Record<string, unknown>, path: readonly (string | number)[], value: unknown): void {
  let node: Record<string | number, unknown> = target;
  path.forEach((k, i) => {
    if (i === path.length - 1) node[k] = value;
    else {
      const next = path[i + 1];
      node[k] ??= typeof next === 'number' ? [] : {};
      node = node[k] as Record<string | number, unknown>;
    }
  });
}

/** The value at `path` inside `source`, or undefined. */
export function getAt(source: unknown, path: readonly (string | number)[]): unknown {
  let node = source;
  for (const k of path) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[k] : undefined;
  return node;
}
