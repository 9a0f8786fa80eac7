import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main, COMMAND_SPECS } from './main';
import { CONNECTION_OPTIONS, type CommandSpec, type OptionSpec } from './args/commandLine';

/** No signed-in account: a folder of its own, never the developer's. */
const CONFIG = { RETURNS_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'returns-config-')) };
/** Nothing listens on port 9 (discard): a command that got past its arguments says it could not reach the API. */
const ENV = { RETURNS_API_URL: 'http://127.0.0.1:9', RETURNS_API_KEY: 'k', ...CONFIG };

async function run(argv: string[], env: NodeJS.ProcessEnv = ENV) {
  const lines: string[] = [];
  const code = await main(argv, (s) => lines.push(s), env);
  return { code, out: lines.join('\n') };
}

/** A district's file (the samples copied into the repository, as the tests have them). */
const DISTRICT_FILE = resolve(process.env.SAMPLES_DIR ?? resolve(__dirname, '../../test/fixtures/shared/samples'), 'community-plan/districts/1045.xlsx');

/** A value each kind of option accepts. */
function validValue(name: string, s: OptionSpec): string[] {
  switch (s.kind) {
    case 'flag':
      return [];
    case 'fy':
      return ['2563'];
    case 'period':
      return ['FY'];
    case 'unit':
    case 'units':
      return ['1045'];
    case 'choice':
      return [s.choices[0]];
    case 'count':
    case 'minutes':
      return ['1'];
    case 'text':
      return [name === 'form' ? 'bma-community-plan-return' : name === 'comment' ? 'C14=ตรวจ' : 'ตรวจแล้ว'];
  }
}

/** The command's words and every required option with a valid value (and a file where files are wanted). */
function validArgv(spec: CommandSpec): string[] {
  const required = Object.entries(spec.options).filter(([, s]) => s.required);
  const argv = [...spec.name.split(' '), ...required.flatMap(([n, s]) => [`--${n}`, ...validValue(n, s)])];
  if (spec.name === 'accept') argv.push('--unit', '1045');
  if (spec.positionals) argv.push(DISTRICT_FILE);
  return argv;
}

/** A typing slip: the middle letter doubled (`--period` → `--perriod`), one edit from the option and further from the others. */
const slip = (name: string) => `--${name.slice(0, Math.ceil(name.length / 2))}${name.slice(Math.ceil(name.length / 2) - 1)}`;

const optionsOf = (spec: CommandSpec) => Object.keys({ ...spec.options, ...(spec.connects ? CONNECTION_OPTIONS : {}) });
const cases = COMMAND_SPECS.flatMap((spec) => optionsOf(spec).map((option) => [spec.name, option, spec] as const));

describe('every command refuses an option it does not have, naming the closest one it has (exit 2, nothing done)', () => {
  test('the table covers every command and every option', () => {
    expect(COMMAND_SPECS.map((c) => c.name)).toEqual(
      expect.arrayContaining(['check', 'upload', 'pull', 'status', 'accept', 'send-back', 'reopen', 'history', 'exception', 'admin sweep', 'admin rebuild-tallies', 'login', 'logout']),
    );
    expect(cases.length).toBeGreaterThan(60);
  });

  test.each(COMMAND_SPECS.map((s) => [s.name, s] as const))('returns %s with its required options is not refused (the control)', async (_name, spec) => {
    const { code, out } = await run(validArgv(spec));
    expect(out).not.toMatch(/has no option|needs --|usage:/);
    expect(code).not.toBe(2);
  });

  test.each(cases)('returns %s --%s mistyped', async (name, option, spec) => {
    const typo = slip(option);
    const { code, out } = await run([...validArgv(spec), typo, ...(spec.options[option]?.kind === 'flag' ? [] : ['x'])]);
    expect(code).toBe(2);
    expect(out).toContain(`returns ${name} has no option ${typo}; the closest is --${option}. Nothing was done.`);
    expect(out).toContain(`คำสั่ง returns ${name} ไม่มีตัวเลือก ${typo} ตัวเลือกที่ใกล้เคียงที่สุดคือ --${option}`);
    expect(out).not.toContain('could not reach');
  });

  test.each([
    [['pull', '--form', 'codi-quarterly-kpi', '--fy', '2563', '--perod', 'Q2'], '--perod', '--period'],
    [['pull', '--form', 'codi-quarterly-kpi', '--fy', '2563', '--layuot', 'kpi-table'], '--layuot', '--layout'],
    [['status', '--form', 'codi-quarterly-kpi', '--fy', '2563', '--jsn'], '--jsn', '--json'],
  ])('%j (as the analyst typed it)', async (argv, typo, meant) => {
    const { code, out } = await run(argv);
    expect([code, out]).toEqual([2, expect.stringContaining(`has no option ${typo}; the closest is ${meant}.`)]);
  });

  test('a command it does not have names the closest; --help of a command is its usage, exit 0', async () => {
    expect(await run(['statsu'])).toEqual({ code: 2, out: expect.stringContaining('returns has no command "statsu"; the closest is "status"') });
    expect(await run(['admin', 'rebuild'])).toEqual({ code: 2, out: expect.stringContaining('the closest is "admin rebuild-tallies"') });
    expect(await run(['pull', '--help'])).toEqual({ code: 0, out: expect.stringMatching(/^usage: returns pull --form ID --fy 2563 .*--include all\|accepted/) });
    expect((await run(['--help'])).code).toBe(0);
  });

  test('values are read as their kind says, before any request', async () => {
    const pull = ['pull', '--form', 'codi-quarterly-kpi', '--fy', '2563'];
    expect(await run([...pull, '--include', 'approved'])).toEqual({ code: 2, out: expect.stringContaining('--include "approved" is not one of: all, accepted.') });
    expect(await run([...pull, '--json=yes'])).toEqual({ code: 2, out: expect.stringContaining('--json is a switch and takes no value') });
    expect(await run([...pull, '--period', 'Q2', '--period', 'Q3'])).toEqual({ code: 2, out: expect.stringContaining('--period is given more than once') });
    expect(await run(['pull', '--fy', '2563'])).toEqual({ code: 2, out: expect.stringContaining('returns pull needs --form.') });
    const accept = ['accept', '--form', 'bma-community-plan-return', '--fy', '2563', '--period', 'FY'];
    expect(await run([...accept, '--unit', 'วังทองหลง'])).toEqual({ code: 2, out: expect.stringContaining('ที่ใกล้เคียงที่สุด: วังทองหลาง (1045)') });
    expect(await run([...accept, '--unit', '1045', '--version', '0'])).toEqual({ code: 2, out: expect.stringContaining('--version "0" is not a whole number from 1 up') });
    expect(await run(accept)).toEqual({ code: 2, out: expect.stringContaining('needs --unit U[,U…] or --all-clean') });
    expect(await run(['status', '--form', 'f', '--fy', '2563'], CONFIG)).toEqual({ code: 2, out: expect.stringContaining("needs the API's address: --api URL, or RETURNS_API_URL") });
  });
});

describe.each([
  ['pull', ['pull', '--form', 'codi-quarterly-kpi']],
  ['admin rebuild-tallies', ['admin', 'rebuild-tallies', '--form', 'codi-quarterly-kpi']],
  ['status', ['status', '--form', 'codi-quarterly-kpi']],
  ['history', ['history', '--form', 'codi-quarterly-kpi', '--unit', 'N']],
])('returns %s reads years and periods as the API and the pane do (shared/period)', (_name, command) => {
  test.each([
    [['--fy', '9999', '--period', 'Q2'], /Fiscal year "9999" is not valid[\s\S]*ปีงบประมาณ "9999" ไม่ถูกต้อง/],
    [['--fy', '2563', '--period', 'Q5'], /Period "Q5" is not valid[\s\S]*งวด "Q5" ไม่ถูกต้อง/],
  ])('%j is refused before any request, in English and Thai, exit 2', async (flags, message) => {
    const { code, out } = await run([...command, ...flags]);
    expect(code).toBe(2);
    expect(out).toMatch(message);
  });

  test('๒๕๖๓ and 2020 (CE) are FY 2563; ไตรมาส 2 is Q2 (the request goes out: the API is out of reach)', async () => {
    for (const fy of ['๒๕๖๓', '2020', '63']) {
      const { code, out } = await run([...command, '--fy', fy, '--period', 'ไตรมาส 2']);
      expect([code, out]).toEqual([1, expect.stringContaining('could not reach')]);
    }
  });
});
