import { parseArgs } from 'node:util';
import { editDistance } from '@returns-hub/shared/text/editDistance';
import { parseFiscalYear } from '@returns-hub/shared/period/fiscalYearNumbers';
import { parsePeriodCode } from '@returns-hub/shared/period/parsePeriod';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import type { PeriodCode } from '@returns-hub/shared/period/periodCodeList';
import { usageText, type UsageText } from './usageMessages';

/**
 * What an option holds, read once for every command: a fiscal year as `shared/period` reads
 * it (๒๕๖๓, 63, 2020 CE), a period code (ไตรมาส 2, Q2), org units by code or Thai or English
 * name (resolved to codes), a choice, a count, minutes, text, or a switch.
 */
export type OptionKind =
  | { kind: 'flag' }
  | { kind: 'text'; multiple?: true }
  | { kind: 'fy' }
  | { kind: 'period' }
  | { kind: 'unit' }
  | { kind: 'units' }
  | { kind: 'choice'; choices: readonly string[] }
  | { kind: 'count' }
  | { kind: 'minutes' };

export type OptionSpec = OptionKind & { required?: true };
export type OptionSpecs = Record<string, OptionSpec>;

type ValueOf<S> = S extends { kind: 'flag' }
  ? boolean
  : S extends { kind: 'fy' | 'count' | 'minutes' }
    ? number
    : S extends { kind: 'period' }
      ? PeriodCode
      : S extends { kind: 'choice'; choices: readonly (infer C)[] }
        ? C
        : S extends { kind: 'units' } | { kind: 'text'; multiple: true }
          ? string[]
          : string;

/** The values of a command's options as the command receives them: required ones always there. */
export type OptionValues<S extends OptionSpecs> = { [N in keyof S as S[N] extends { required: true } ? N : never]: ValueOf<S[N]> } & {
  [N in keyof S as S[N] extends { required: true } ? never : N]?: ValueOf<S[N]>;
};

/** The options every command that talks to the API takes. */
export const CONNECTION_OPTIONS = { api: { kind: 'text' }, key: { kind: 'text' } } as const satisfies OptionSpecs;
export type ConnectionValues = OptionValues<typeof CONNECTION_OPTIONS>;

/** One command of the CLI: its name, usage lines, options and positional arguments. */
export interface CommandSpec<S extends OptionSpecs = OptionSpecs> {
  /** As typed after `returns`: `pull`, `admin rebuild-tallies`, `forms check`. */
  name: string;
  /** Its usage, one or more lines, as `returns --help` and `returns NAME --help` print it. */
  usage: string;
  options: S;
  /** Files (or other words) after the command; none when absent. */
  positionals?: { min: number; what_en: string; what_th: string };
  /** Talks to the API: `--api` and `--key` are its options too. */
  connects?: boolean;
}

export type ParsedCommand<S extends OptionSpecs> =
  { ok: true; help: false; values: OptionValues<S> & ConnectionValues; positionals: string[] } | { ok: true; help: true } | { ok: false; refusal: UsageText };

/** Types a command's spec without widening its option kinds. */
export function command<const S extends OptionSpecs>(spec: CommandSpec<S>): CommandSpec<S> {
  return spec;
}

/** The candidate nearest to `text`: one it begins, else the least edit distance (the first of equals). */
export function closest(text: string, candidates: readonly string[]): string {
  let best = candidates[0] ?? '';
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.startsWith(text) ? 0 : editDistance(text, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

const optionName = (message: string): string => /'(--?[^'\s=]+)/.exec(message)?.[1] ?? '';

function parseError(e: unknown, spec: CommandSpec, known: string[]): UsageText {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = optionName(message);
  const c = spec.name;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usageText('option.unknown', { option, command: c, closest: closest(option, known) });
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return usageText('positional.unexpected', { value: /'([^']*)'/.exec(message)?.[1] ?? '', command: c });
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take an argument/.test(message)) return usageText('option.takes_no_value', { option, command: c });
  return usageText('option.needs_value', { option, command: c });
}

type Read = { ok: true; value: unknown } | { ok: false; refusal: UsageText };

/** The built-in org units (forms/), loaded when a unit option is first read: the parser loads nothing else. */
function builtInUnits(): OrgUnitTree {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- synchronous, and only when a unit option is read
  const { builtInDefinitions } = require('../builtInDefinitions') as typeof import('../builtInDefinitions');
  return builtInDefinitions().forYear(null).units;
}

/** One option's text read as its kind says. */
function readValue(name: string, spec: OptionSpec, raw: string | string[] | boolean): Read {
  const option = `--${name}`;
  const text = typeof raw === 'string' ? raw : '';
  const ok = (value: unknown): Read => ({ ok: true, value });
  switch (spec.kind) {
    case 'flag':
      return ok(raw === true);
    case 'text':
      if (spec.multiple) return ok(raw);
      return text.trim() ? ok(text) : { ok: false, refusal: usageText('option.empty', { option }) };
    case 'fy': {
      const fy = parseFiscalYear(text);
      return fy.ok ? ok(fy.value) : { ok: false, refusal: fy.error };
    }
    case 'period': {
      const p = parsePeriodCode(text);
      return p.ok ? ok(p.value) : { ok: false, refusal: p.error };
    }
    case 'unit':
    case 'units': {
      const codes: string[] = [];
      for (const part of spec.kind === 'units' ? text.split(',') : [text]) {
        if (!part.trim() && spec.kind === 'units') continue;
        const r = builtInUnits().resolve(part);
        if (!r.ok) {
          const near = r.suggestions;
          return {
            ok: false,
            refusal: usageText('unit.unknown', {
              text: part,
              closest_en: near.map((u) => `${u.name_en} (${u.code})`).join(', '),
              closest_th: near.map((u) => `${u.name_th} (${u.code})`).join(', '),
            }),
          };
        }
        codes.push(r.unit.code);
      }
      if (codes.length === 0) return { ok: false, refusal: usageText('option.empty', { option }) };
      return ok(spec.kind === 'units' ? codes : codes[0]);
    }
    case 'choice':
      return spec.choices.includes(text) ? ok(text) : { ok: false, refusal: usageText('option.bad_choice', { option, value: text, choices: spec.choices.join(', ') }) };
    case 'count': {
      const n = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
      return Number.isSafeInteger(n) && n > 0 ? ok(n) : { ok: false, refusal: usageText('option.not_count', { option, value: text }) };
    }
    case 'minutes': {
      const n = text.trim() === '' ? NaN : Number(text);
      return Number.isFinite(n) && n >= 0 ? ok(n) : { ok: false, refusal: usageText('option.not_minutes', { option, value: text }) };
    }
  }
}

/**
 * Reads a command's arguments with Node's `util.parseArgs`, strict: an option the command
 * does not have is refused, naming the closest one it has; a value is read as its kind says;
 * a required option or argument that is missing is refused. `--help` (`-h`) wins over all else.
 */
export function parseCommandLine<S extends OptionSpecs>(spec: CommandSpec<S>, argv: readonly string[]): ParsedCommand<S> {
  const specs: OptionSpecs = { ...spec.options, ...(spec.connects ? CONNECTION_OPTIONS : {}) };
  if (argv.includes('--help') || argv.includes('-h')) return { ok: true, help: true };
  const config = Object.fromEntries(
    Object.entries(specs).map(([name, s]) => [name, { type: s.kind === 'flag' ? ('boolean' as const) : ('string' as const), multiple: s.kind === 'text' && s.multiple === true }]),
  );
  const known = Object.keys(specs).map((n) => `--${n}`);
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: config, strict: true, allowPositionals: spec.positionals !== undefined });
  } catch (e) {
    return { ok: false, refusal: parseError(e, spec, known) };
  }
  const values: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(specs)) {
    const raw = parsed.values[name];
    if (raw === undefined) {
      if (s.required) return { ok: false, refusal: usageText('option.missing', { option: `--${name}`, command: spec.name }) };
      continue;
    }
    // parseArgs keeps the last of a repeated option: given twice, it is a mistake to say, not to guess.
    if (s.kind !== 'flag' && !(s.kind === 'text' && s.multiple) && argv.filter((a) => a === `--${name}` || a.startsWith(`--${name}=`)).length > 1)
      return { ok: false, refusal: usageText('option.twice', { option: `--${name}`, command: spec.name }) };
    const r = readValue(name, s, raw as string | string[] | boolean);
    if (!r.ok) return r;
    values[name] = r.value;
  }
  if (spec.positionals && parsed.positionals.length < spec.positionals.min)
    return { ok: false, refusal: usageText('positional.missing', { what_en: spec.positionals.what_en, what_th: spec.positionals.what_th, command: spec.name }) };
  return { ok: true, help: false, values: values as OptionValues<S> & ConnectionValues, positionals: parsed.positionals };
}
