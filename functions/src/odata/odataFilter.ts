/**
 * `$filter` of the OData feed: the part of OData's expression language that Power Query and
 * Power BI fold filters into (comparisons, and / or / not, `in`, parentheses, contains /
 * startswith / endswith, tolower / toupper; string, number, date, boolean and null literals).
 * Anything else is refused with its position, never ignored: a filter the feed does not
 * understand must not answer rows the analyst did not ask for.
 */

export type Literal = string | number | boolean | null;

export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; expr: FilterExpr }
  | { kind: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { kind: 'in'; operand: Operand; values: Literal[] }
  | { kind: 'call'; name: TestFunction; args: Operand[] }
  | { kind: 'value'; operand: Operand };

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
type TestFunction = 'contains' | 'startswith' | 'endswith';
type CaseFunction = 'tolower' | 'toupper';
export type Operand = { kind: 'property'; name: string } | { kind: 'literal'; value: Literal } | { kind: 'case'; name: CaseFunction; arg: Operand };

export class FilterError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

type Token = { type: 'name' | 'string' | 'number' | 'date' | 'punct'; text: string; at: number };

const COMPARE = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const TESTS = new Set(['contains', 'startswith', 'endswith']);
const CASES = new Set(['tolower', 'toupper']);
/** Longest filter read: a folded filter of a few hundred units stays far below it. */
export const MAX_FILTER_CHARS = 8000;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const at = i;
    if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FilterError('a text in quotes is not closed', at);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            s += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += text[i++];
      }
      tokens.push({ type: 'string', text: s, at });
      continue;
    }
    if ('(),'.includes(c)) {
      tokens.push({ type: 'punct', text: c, at });
      i++;
      continue;
    }
    // A date or date-time (2020-01-31, 2020-01-31T00:00:00Z) before a number: both start with digits.
    const date = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?/.exec(text.slice(i));
    if (date) {
      tokens.push({ type: 'date', text: date[0], at });
      i += date[0].length;
      continue;
    }
    const num = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[mMdDfFlL]?/.exec(text.slice(i));
    if (num) {
      tokens.push({ type: 'number', text: num[0].replace(/[mMdDfFlL]$/, ''), at });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (name) {
      tokens.push({ type: 'name', text: name[0], at });
      i += name[0].length;
      continue;
    }
    throw new FilterError(`"${c}" is not part of a filter the feed reads`, at);
  }
  return tokens;
}

/** Reads a `$filter`; throws FilterError (with the position) for anything outside the subset. */
export function parseFilter(text: string): FilterExpr {
  if (text.length > MAX_FILTER_CHARS) throw new FilterError(`the filter is longer than ${MAX_FILTER_CHARS} characters`, MAX_FILTER_CHARS);
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const end = () => tokens[tokens.length - 1]?.at ?? 0;
  const isWord = (w: string) => peek()?.type === 'name' && peek().text === w;
  const expect = (t: string) => {
    const tok = peek();
    if (!tok || tok.text !== t || tok.type !== 'punct') throw new FilterError(`"${t}" expected`, tok?.at ?? end());
    pos++;
  };

  const literal = (): Literal | undefined => {
    const t = peek();
    if (!t) return undefined;
    if (t.type === 'string' || t.type === 'date') return (pos++, t.text);
    if (t.type === 'number') return (pos++, Number(t.text));
    if (t.type === 'name' && ['true', 'false', 'null'].includes(t.text)) return (pos++, t.text === 'null' ? null : t.text === 'true');
    return undefined;
  };

  const operand = (): Operand => {
    const t = peek();
    if (!t) throw new FilterError('the filter ends too soon', end());
    const lit = literal();
    if (lit !== undefined) return { kind: 'literal', value: lit };
    if (t.type === 'name' && CASES.has(t.text) && tokens[pos + 1]?.text === '(') {
      pos++;
      expect('(');
      const arg = operand();
      expect(')');
      return { kind: 'case', name: t.text as CaseFunction, arg };
    }
    if (t.type === 'name' && !COMPARE.has(t.text) && !['and', 'or', 'not', 'in'].includes(t.text) && tokens[pos + 1]?.text !== '(') {
      pos++;
      return { kind: 'property', name: t.text };
    }
    throw new FilterError(`"${t.text}" is not a property or a value the feed reads`, t.at);
  };

  const primary = (): FilterExpr => {
    const t = peek();
    if (!t) throw new FilterError('the filter ends too soon', end());
    if (t.type === 'punct' && t.text === '(') {
      pos++;
      const e = or();
      expect(')');
      return e;
    }
    if (isWord('not')) {
      pos++;
      return { kind: 'not', expr: primary() };
    }
    if (t.type === 'name' && TESTS.has(t.text) && tokens[pos + 1]?.text === '(') {
      pos++;
      expect('(');
      const a = operand();
      expect(',');
      const b = operand();
      expect(')');
      return { kind: 'call', name: t.text as TestFunction, args: [a, b] };
    }
    if (t.type === 'name' && tokens[pos + 1]?.text === '(' && !CASES.has(t.text))
      throw new FilterError(`the function ${t.text} is not one the feed reads (contains, startswith, endswith, tolower, toupper)`, t.at);
    const left = operand();
    const op = peek();
    if (op?.type === 'name' && COMPARE.has(op.text)) {
      pos++;
      return { kind: 'compare', op: op.text as CompareOp, left, right: operand() };
    }
    if (op?.type === 'name' && op.text === 'in') {
      pos++;
      expect('(');
      const values: Literal[] = [];
      for (;;) {
        const v = literal();
        if (v === undefined) throw new FilterError('a list after "in" holds values only', peek()?.at ?? end());
        values.push(v);
        if (peek()?.text === ',') pos++;
        else break;
      }
      expect(')');
      return { kind: 'in', operand: left, values };
    }
    if (op && !(op.type === 'punct' && op.text === ')') && !['and', 'or'].includes(op.text))
      throw new FilterError(`"${op.text}" is not an operator the feed reads (eq, ne, gt, ge, lt, le, in)`, op.at);
    return { kind: 'value', operand: left };
  };

  const and = (): FilterExpr => {
    let e = primary();
    while (isWord('and')) {
      pos++;
      e = { kind: 'and', left: e, right: primary() };
    }
    return e;
  };

  function or(): FilterExpr {
    let e = and();
    while (isWord('or')) {
      pos++;
      e = { kind: 'or', left: e, right: and() };
    }
    return e;
  }

  if (tokens.length === 0) throw new FilterError('the filter is empty', 0);
  const e = or();
  if (pos < tokens.length) throw new FilterError(`"${tokens[pos].text}" was not expected here`, tokens[pos].at);
  return e;
}

/** Every property a filter names (each must be one of the entity's). */
export function propertiesOf(e: FilterExpr): string[] {
  const out: string[] = [];
  const operand = (o: Operand): void => {
    if (o.kind === 'property') out.push(o.name);
    if (o.kind === 'case') operand(o.arg);
  };
  const walk = (x: FilterExpr): void => {
    switch (x.kind) {
      case 'and':
      case 'or':
        return (walk(x.left), walk(x.right));
      case 'not':
        return walk(x.expr);
      case 'compare':
        return (operand(x.left), operand(x.right));
      case 'in':
        return operand(x.operand);
      case 'call':
        return x.args.forEach(operand);
      case 'value':
        return operand(x.operand);
    }
  };
  walk(e);
  return out;
}

type Row = Record<string, Literal>;

function valueOf(o: Operand, row: Row): Literal {
  if (o.kind === 'literal') return o.value;
  if (o.kind === 'property') return row[o.name] ?? null;
  const v = valueOf(o.arg, row);
  return typeof v === 'string' ? (o.name === 'tolower' ? v.toLowerCase() : v.toUpperCase()) : v;
}

function compare(op: CompareOp, a: Literal, b: Literal): boolean {
  if (op === 'eq') return a === b;
  if (op === 'ne') return a !== b;
  // Ordering means nothing with null or across types: false, as OData has it for null.
  if (a === null || b === null || typeof a !== typeof b) return false;
  const [x, y] = [a as string | number, b as string | number];
  return op === 'gt' ? x > y : op === 'ge' ? x >= y : op === 'lt' ? x < y : x <= y;
}

/** Whether a row passes the filter. */
export function matches(e: FilterExpr, row: Row): boolean {
  switch (e.kind) {
    case 'and':
      return matches(e.left, row) && matches(e.right, row);
    case 'or':
      return matches(e.left, row) || matches(e.right, row);
    case 'not':
      return !matches(e.expr, row);
    case 'compare':
      return compare(e.op, valueOf(e.left, row), valueOf(e.right, row));
    case 'in': {
      const v = valueOf(e.operand, row);
      return e.values.some((x) => x === v);
    }
    case 'call': {
      const [a, b] = e.args.map((o) => valueOf(o, row));
      if (typeof a !== 'string' || typeof b !== 'string') return false;
      return e.name === 'contains' ? a.includes(b) : e.name === 'startswith' ? a.startsWith(b) : a.endsWith(b);
    }
    case 'value':
      return valueOf(e.operand, row) === true;
  }
}

/**
 * The values a filter allows a property to take, where it says so for every row that can
 * pass (`P eq x`, `P in (x, y)`, or an `or` of those, anywhere in a top-level `and`); null
 * when it does not restrict the property that way. The feed reads only what these allow; the
 * whole filter is still applied to every row.
 */
export function allowedValues(e: FilterExpr | null, property: string): Literal[] | null {
  if (!e) return null;
  if (e.kind === 'and') {
    const [l, r] = [allowedValues(e.left, property), allowedValues(e.right, property)];
    if (l && r) return l.filter((x) => r.includes(x));
    return l ?? r;
  }
  if (e.kind === 'or') {
    const [l, r] = [allowedValues(e.left, property), allowedValues(e.right, property)];
    return l && r ? [...new Set([...l, ...r])] : null;
  }
  const isProp = (o: Operand) => o.kind === 'property' && o.name === property;
  if (e.kind === 'compare' && e.op === 'eq') {
    if (isProp(e.left) && e.right.kind === 'literal') return [e.right.value];
    if (isProp(e.right) && e.left.kind === 'literal') return [e.left.value];
  }
  if (e.kind === 'in' && isProp(e.operand)) return e.values;
  return null;
}
