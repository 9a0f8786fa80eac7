import { editDistance } from '@returns-hub/shared/text/editDistance';
import { FilterError, matches, parseFilter, propertiesOf, type FilterExpr } from './odataFilter';
import type { EntitySetDef, Row } from './odataModel';

/** A request's system query options, read and checked against the entity set. */
export interface FeedQuery {
  filter: FilterExpr | null;
  select: string[] | null;
  orderby: { name: string; desc: boolean }[];
  top: number | null;
  skip: number;
  /** Where this page starts within $skip/$top's window (the next link's `$skiptoken`). */
  token: number;
  count: boolean;
  pageSize: number;
}

/** Rows a page holds unless the client prefers fewer (`Prefer: odata.maxpagesize`). */
export const PAGE_SIZE = 1000;
const MAX_PAGE_SIZE = 5000;

const READ = new Set(['$filter', '$select', '$orderby', '$top', '$skip', '$count', '$format', '$skiptoken']);
const REFUSED = new Set(['$expand', '$search', '$apply', '$compute', '$levels', '$index', '$schemaversion', '$deltatoken', '$id']);

type Refusal = { en: string; th: string };

const nearest = (name: string, set: EntitySetDef) =>
  set.properties
    .map((p) => p.name)
    .sort((a, b) => editDistance(name, a) - editDistance(name, b))
    .slice(0, 3)
    .join(', ');

function unknownProperty(name: string, set: EntitySetDef): Refusal {
  return {
    en: `${set.name} has no property ${name}; the closest: ${nearest(name, set)}. $metadata lists them all.`,
    th: `${set.name} ไม่มีคุณสมบัติ ${name} ที่ใกล้เคียงที่สุด: ${nearest(name, set)} ดูทั้งหมดได้ที่ $metadata`,
  };
}

const count = (text: string | null, option: string): number | Refusal | null => {
  if (text === null) return null;
  return /^\d{1,9}$/.test(text.trim()) ? Number(text) : { en: `${option} must be a whole number from 0 up.`, th: `${option} ต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป` };
};

/**
 * Reads `$filter`, `$select`, `$orderby`, `$top`, `$skip`, `$count`, `$format` and the
 * feed's own `$skiptoken`; refuses options it does not carry out ($expand, $search, $apply, …)
 * and properties the set does not have, rather than answer as if they were not there.
 */
export function readQuery(params: URLSearchParams, set: EntitySetDef, prefer: string | null): FeedQuery | Refusal {
  const known = new Set(set.properties.map((p) => p.name));
  for (const name of params.keys()) {
    if (!name.startsWith('$')) continue; // custom options are allowed, and mean nothing here
    if (REFUSED.has(name)) return { en: `The feed does not support ${name}.`, th: `ระบบไม่รองรับ ${name}` };
    if (!READ.has(name)) return { en: `${name} is not an OData query option the feed reads.`, th: `${name} ไม่ใช่ตัวเลือกการค้นหา OData ที่ระบบอ่านได้` };
  }
  const format = params.get('$format');
  if (format !== null && !/^(json|application\/json)(;.*)?$/i.test(format)) return { en: 'The feed answers JSON only ($format=json).', th: 'ระบบตอบเป็น JSON เท่านั้น ($format=json)' };

  let filter: FilterExpr | null = null;
  const f = params.get('$filter');
  if (f !== null) {
    try {
      filter = parseFilter(f);
    } catch (e) {
      if (!(e instanceof FilterError)) throw e;
      return { en: `$filter: ${e.message} (at character ${e.at + 1}).`, th: `$filter อ่านไม่ได้ที่ตัวอักษรที่ ${e.at + 1}: ${e.message}` };
    }
    const bad = propertiesOf(filter).find((p) => !known.has(p));
    if (bad) return unknownProperty(bad, set);
  }

  let select: string[] | null = null;
  const s = params.get('$select');
  if (s !== null && s.trim() !== '*') {
    select = s.split(',').map((x) => x.trim());
    const bad = select.find((p) => !known.has(p));
    if (bad !== undefined) return unknownProperty(bad, set);
  }

  const orderby: FeedQuery['orderby'] = [];
  for (const part of (params.get('$orderby') ?? '').split(',').filter((x) => x.trim())) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\s+(asc|desc))?\s*$/.exec(part);
    if (!m) return { en: `$orderby: "${part}" is not a property with asc or desc.`, th: `$orderby: "${part}" ไม่ใช่ชื่อคุณสมบัติตามด้วย asc หรือ desc` };
    if (!known.has(m[1])) return unknownProperty(m[1], set);
    orderby.push({ name: m[1], desc: m[2] === 'desc' });
  }

  const top = count(params.get('$top'), '$top');
  const skip = count(params.get('$skip'), '$skip');
  const token = count(params.get('$skiptoken'), '$skiptoken');
  for (const x of [top, skip, token]) if (x !== null && typeof x === 'object') return x;
  const c = params.get('$count');
  if (c !== null && c !== 'true' && c !== 'false') return { en: '$count is true or false.', th: '$count ต้องเป็น true หรือ false' };
  const preferred = Number(/odata\.maxpagesize=(\d+)/i.exec(prefer ?? '')?.[1] ?? NaN);
  return {
    filter,
    select,
    orderby,
    top: top as number | null,
    skip: (skip as number | null) ?? 0,
    token: (token as number | null) ?? 0,
    count: c === 'true',
    pageSize: Number.isFinite(preferred) && preferred > 0 ? Math.min(preferred, MAX_PAGE_SIZE) : PAGE_SIZE,
  };
}

function compareValues(a: Row[string], b: Row[string]): number {
  if (a === b) return 0;
  if (a === null) return -1; // nulls first, as OData orders them ascending
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** One page of the rows the query asks for, the count of all of them, and where the next page starts (if any). */
export function pageOf(rows: Row[], q: FeedQuery): { value: Row[]; count: number; next: number | null } {
  let out = q.filter ? rows.filter((r) => matches(q.filter!, r)) : rows;
  const by = q.orderby.length ? q.orderby : [{ name: 'Id', desc: false }];
  out = [...out].sort((a, b) => {
    for (const o of by) {
      const c = compareValues(a[o.name], b[o.name]);
      if (c) return o.desc ? -c : c;
    }
    return 0;
  });
  const total = out.length;
  const window = out.slice(q.skip, q.top === null ? undefined : q.skip + q.top);
  const page = window.slice(q.token, q.token + q.pageSize);
  const value = q.select ? page.map((r) => Object.fromEntries(q.select!.map((k) => [k, r[k] ?? null]))) : page;
  return { value, count: total, next: q.token + q.pageSize < window.length ? q.token + q.pageSize : null };
}
