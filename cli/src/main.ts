import { closest, parseCommandLine, type CommandSpec, type OptionSpecs } from './args/commandLine';
import { bothLanguages, usageText } from './args/usageMessages';
import * as specs from './commandSpecs';
import type { Args } from './commandSpecs';
import type { ApiConnection } from './connection';
import { forTerminal } from './terminalText';

// Each command (and the readers, checker and API client behind it) loads only when it runs:
// `returns --help` starts as fast as Node does.

/** What a command gets besides its arguments: where to print, the environment, and (when it connects) the API. */
export interface CommandContext {
  print: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

type Run<S extends OptionSpecs> = (a: Args<S>, ctx: CommandContext, api: ApiConnection) => Promise<number>;

interface Entry {
  spec: CommandSpec;
  run: (argv: string[], ctx: CommandContext) => Promise<number>;
}

/** A command: its spec, and what runs once its arguments are read (and its API connection found, when it has one). */
function entry<S extends OptionSpecs>(spec: CommandSpec<S>, run: Run<S>): Entry {
  return {
    spec,
    run: async (argv, ctx) => {
      const parsed = parseCommandLine(spec, argv);
      if (!parsed.ok) return (ctx.print(`${bothLanguages(parsed.refusal)}\nusage: returns ${spec.usage}`), 2);
      if (parsed.help) return (ctx.print(`usage: returns ${spec.usage}`), 0);
      const a = { values: parsed.values, positionals: parsed.positionals };
      if (!spec.connects) return run(a, ctx, { api: '', credential: '' });
      const { connectionFor } = await import('./connection.js');
      const c = await connectionFor(spec.name, parsed.values, ctx.env);
      if ('en' in c) return (ctx.print(bothLanguages(c)), 2);
      return run(a, ctx, c);
    },
  };
}

const COMMANDS: Entry[] = [
  entry(specs.CHECK, async (a, ctx) => (await import('./commands/check.js')).checkCommand(a.positionals, a.values.json === true, ctx.print)),
  entry(specs.UPLOAD, async (a, ctx, c) => (await import('./commands/upload.js')).uploadCommand(a.positionals, c, ctx.print)),
  entry(specs.PULL, async (a, ctx, c) => (await import('./commands/pull.js')).pullCommand(a, c, ctx.print)),
  entry(specs.STATUS, async (a, ctx, c) => (await import('./commands/status.js')).statusCommand(a, c, ctx.print)),
  entry(specs.ACCEPT, async (a, ctx, c) => (await import('./commands/accept.js')).acceptCommand(a, c, ctx.print)),
  entry(specs.SEND_BACK, async (a, ctx, c) => (await import('./commands/sendBack.js')).sendBackCommand(a, c, ctx.print)),
  entry(specs.REOPEN, async (a, ctx, c) => (await import('./commands/reopen.js')).reopenCommand(a, c, ctx.print)),
  entry(specs.HISTORY, async (a, ctx, c) => (await import('./commands/history.js')).historyCommand(a, c, ctx.print)),
  entry(specs.EXCEPTION, async (a, ctx, c) => (await import('./commands/exception.js')).exceptionCommand(a, c, ctx.print)),
  entry(specs.ADMIN_SWEEP, async (a, ctx) => (await import('./commands/admin.js')).sweepCommand(a, ctx.env, ctx.print)),
  entry(specs.LOGIN, async (a, ctx) => (await import('./commands/login.js')).loginCommand(a, ctx.env, ctx.print)),
  entry(specs.LOGOUT, async (a, ctx) => (await import('./commands/login.js')).logoutCommand(a, ctx.env, ctx.print)),
  entry(specs.ADMIN_REBUILD, async (a, ctx, c) => (await import('./commands/admin.js')).rebuildCommand(a, c, ctx.print)),
  entry(specs.FORMS_CHECK, async (a, ctx) => (await import('./commands/forms.js')).formsCheckCommand(a, ctx.print)),
  entry(specs.FORMS_CONVERT, async (a, ctx) => (await import('./commands/forms.js')).formsConvertCommand(a, ctx.print)),
  entry(specs.FORMS_PUBLISH, async (a, ctx, c) => (await import('./commands/forms.js')).formsPublishCommand(a, c, ctx.print)),
  entry(specs.FORMS_EXPORT, async (a, ctx, c) => (await import('./commands/forms.js')).formsExportCommand(a, c, ctx.print)),
  entry(specs.FORMS_LIST, async (a, ctx, c) => (await import('./commands/forms.js')).formsListCommand(a, c, ctx.print)),
];

/** Every command the CLI has, as the parser reads it (tests go over each). */
export const COMMAND_SPECS: readonly CommandSpec[] = COMMANDS.map((c) => c.spec);

const usageOf = (name: string) => `  returns ${COMMANDS.find((c) => c.spec.name === name)!.spec.usage}`;

const USAGE = `returns — read, check, send and pull Thai agencies' returns

${['check', 'upload', 'pull', 'admin sweep', 'admin rebuild-tallies'].map(usageOf).join('\n')}

  pull writes the report sheets (xlsx: every layout of the form, or --layout NAME), CSV (UTF-8
  with BOM: the long tally table, or the named layout's tables) or JSON; the format defaults
  from --out's extension. --layout records writes every record (the flat export). --include
  accepted counts accepted returns only (default: all, every current return).

  Review (HQ and zone reviewers; a unit key may read status and history of its own returns):
${['status', 'accept', 'send-back', 'reopen', 'history', 'exception'].map(usageOf).join('\n')}
  CELL is 'แบบรายงาน 1'!C14 or C14 (the return's own sheet). U is a code or a name (1045, วังทองหลาง, Wang Thonglang).

  Definitions (headquarters: forms, KPI catalogs, targets and org units, per fiscal year):
${['forms check', 'forms convert', 'forms publish', 'forms export', 'forms list'].map(usageOf).join('\n')}

  Signing in (an API in the agency's tenant):
${['login', 'logout'].map(usageOf).join('\n')}
  --api and --key default to RETURNS_API_URL and RETURNS_API_KEY; without a key, commands use the account signed in
  with returns login (and, without --api, the API signed in to last). The API's address may end in /api or not.
  returns COMMAND --help prints one command's usage.
`;

/** The command `argv` names: two words (`admin sweep`) before one; its arguments after them. */
function commandOf(argv: string[]): { entry: Entry; rest: string[] } | null {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const found = COMMANDS.find((c) => c.spec.name === name);
    if (found && argv.length >= words) return { entry: found, rest: argv.slice(words) };
  }
  return null;
}

/** Entry point: returns the process exit code; never lets a stack trace reach the user. */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n'), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Whatever a command prints passes here: cell text never reaches the terminal as control codes.
  const print = (s: string) => out(forTerminal(s));
  const [first] = argv;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') return (print(USAGE), 0);
  const found = commandOf(argv);
  if (!found) {
    // A group's word (`admin`) with a subcommand it lacks is compared with that group's commands only.
    const group = COMMAND_SPECS.map((c) => c.name).filter((n) => n.startsWith(`${first} `));
    const typed = group.length ? `${first} ${argv[1] ?? ''}`.trim() : first;
    print(bothLanguages(usageText('command.unknown', { command: typed, closest: closest(typed, group.length ? group : COMMAND_SPECS.map((c) => c.name)) })));
    return 2;
  }
  try {
    return await found.entry.run(found.rest, { print, env });
  } catch (e) {
    print(`returns: unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
