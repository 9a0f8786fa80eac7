import { checkCommand } from './commands/check';

const USAGE = `returns — read, check, send and pull Thai agencies' returns

  returns check <file.xlsx>... [--json]
`;

/** Entry point: returns the process exit code; never lets a stack trace reach the user. */
export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n')): Promise<number> {
  const [command, ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const args = rest.filter((a) => !a.startsWith('--'));
  try {
    switch (command) {
      case 'check':
        if (args.length === 0) break;
        return await checkCommand(args, flags.has('--json'), out);
      case undefined:
      case 'help':
      case '--help':
        out(USAGE);
        return 0;
    }
    out(USAGE);
    return 2;
  } catch (e) {
    out(`returns: unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
