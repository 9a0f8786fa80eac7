import type { GroupBy } from '@returns-hub/shared/consolidate/tally';
import { forTerminal } from './terminalText';

// Each command (and the readers, checker and API client behind it) loads only when it runs:
// `returns --help` starts as fast as Node does.

const USAGE = `returns — read, check, send and pull Thai agencies' returns

  returns check <file>... [--json]          (.xlsx .xlsm .xls .ods .csv)
  returns upload <file>... [--api URL] [--key KEY]
  returns pull --form ID --fy 2563 [--period Q2] [--by district|zone|region|hq] [--format xlsx|csv|json] [--layout NAME] [--out FILE] [--api URL] [--key KEY]
  returns forms check|convert|publish|export|list …   (definitions: returns forms --help)
  returns admin sweep [--grace-minutes 60]
  returns admin rebuild-tallies --form ID --fy 2568 [--period Q2] [--include all|accepted] [--check] [--json] [--api URL] [--key KEY]

  pull writes the report sheets (xlsx: every layout of the form, or --layout NAME), CSV (UTF-8
  with BOM: the long tally table, or the named layout's tables) or JSON; the format defaults
  from --out's extension. --layout records writes every record (the flat export).

  Review (HQ and zone reviewers; a unit key may read status and history of its own returns):
  returns status --form F --fy Y [--period P] [--json]
  returns accept --form F --fy Y --period P --unit U[,U…] [--subject S] [--version N] [--note TEXT]
  returns accept --form F --fy Y --period P --all-clean [--note TEXT]
  returns send-back --form F --fy Y --period P --unit U --reason "..." [--comment CELL=TEXT ...] [--subject S] [--version N]
  returns reopen --form F --fy Y --period P --unit U --reason "..." [--subject S]
  returns history --form F --fy Y --period P --unit U [--subject S] [--json]
  returns exception --form F --fy Y --period P --unit U --reason "..."   (HQ: submit after the period closed)
  CELL is 'แบบรายงาน 1'!C14 or C14 (the return's own sheet).

  --api and --key default to RETURNS_API_URL and RETURNS_API_KEY.
`;

const VALUE_FLAGS = new Set(['--api', '--key', '--form', '--fy', '--period', '--by', '--out', '--format', '--layout', '--include', '--grace-minutes']);
const PULL_FORMATS = ['xlsx', 'csv', 'json'] as const;
const isPullFormat = (f: string | undefined): f is (typeof PULL_FORMATS)[number] => PULL_FORMATS.some((x) => x === f);

function parseArgs(argv: string[]) {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (VALUE_FLAGS.has(a)) values[a.slice(2)] = argv[++i] ?? '';
    else if (a.startsWith('--')) flags.add(a.slice(2));
    else args.push(a);
  }
  return { values, flags, args };
}

/**
 * A fiscal year and an optional period read as the API, the pane and the formulas read them
 * (shared/period); a bilingual refusal and exit status 2 otherwise.
 */
async function yearAndPeriod(fyText: string, periodText: string | undefined, print: (s: string) => void): Promise<{ fy: number; period: string | undefined } | number> {
  const { parseFiscalYear } = await import('@returns-hub/shared/period/fiscalYearNumbers');
  const { parsePeriodCode } = await import('@returns-hub/shared/period/parsePeriod');
  const refuse = (e: { en: string; th: string }) => (print(`${e.en}\n  ${e.th}`), 2);
  const fy = parseFiscalYear(fyText);
  if (!fy.ok) return refuse(fy.error);
  if (periodText === undefined) return { fy: fy.value, period: undefined };
  const period = parsePeriodCode(periodText);
  return period.ok ? { fy: fy.value, period: period.value } : refuse(period.error);
}

/** Entry point: returns the process exit code; never lets a stack trace reach the user. */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n'), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, ...rest] = argv;
  const { values, flags, args } = parseArgs(rest);
  // Whatever a command prints passes here: cell text never reaches the terminal as control codes.
  const print = (s: string) => out(forTerminal(s));
  const api = values.api ?? env.RETURNS_API_URL;
  const key = values.key ?? env.RETURNS_API_KEY;
  try {
    switch (command) {
      case 'check':
        if (args.length === 0) break;
        return await (await import('./commands/check.js')).checkCommand(args, flags.has('json'), print);
      case 'upload':
        if (args.length === 0 || !api || !key) break;
        return await (await import('./commands/upload.js')).uploadCommand(args, api, key, print);
      case 'pull': {
        if (!values.form || !values.fy || !api || !key) break;
        if (values.format !== undefined && !isPullFormat(values.format)) break;
        const format = isPullFormat(values.format) ? values.format : flags.has('json') ? 'json' : undefined;
        const when = await yearAndPeriod(values.fy, values.period, print);
        if (typeof when === 'number') return when;
        const pull = await import('./commands/pull.js');
        return await pull.pullCommand(
          { api, key, form: values.form, fy: when.fy, period: when.period, by: values.by as GroupBy | undefined, format, layout: values.layout, outFile: values.out },
          print,
        );
      }
      case 'admin': {
        const when = values.fy === undefined ? { fy: undefined, period: values.period } : await yearAndPeriod(values.fy, values.period, print);
        if (typeof when === 'number') return when;
        return await (
          await import('./commands/admin.js')
        ).adminCommand(
          {
            sub: args[0],
            api,
            env,
            key,
            graceMinutes: values['grace-minutes'],
            form: values.form,
            fy: when.fy,
            period: when.period,
            include: values.include,
            check: flags.has('check'),
            json: flags.has('json'),
          },
          print,
        );
      }
      case 'forms':
        return await (await import('./commands/forms.js')).formsCommand(rest, env, print);
      case 'status':
        return await (await import('./commands/status.js')).statusCommand(rest, { api, key }, print);
      case 'accept':
        return await (await import('./commands/accept.js')).acceptCommand(rest, { api, key }, print);
      case 'send-back':
        return await (await import('./commands/sendBack.js')).sendBackCommand(rest, { api, key }, print);
      case 'reopen':
        return await (await import('./commands/reopen.js')).reopenCommand(rest, { api, key }, print);
      case 'history':
        return await (await import('./commands/history.js')).historyCommand(rest, { api, key }, print);
      case 'exception':
        return await (await import('./commands/exception.js')).exceptionCommand(rest, { api, key }, print);
      case undefined:
      case 'help':
      case '--help':
        print(USAGE);
        return 0;
    }
    print(USAGE);
    return 2;
  } catch (e) {
    print(`returns: unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
