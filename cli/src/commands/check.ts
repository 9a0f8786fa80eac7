import { checkInParallel } from '../checkInParallel';

/** `returns check <file>... [--json]`: exit 0 when no file has an error, 1 otherwise. Files are read and checked in parallel. */
export async function checkCommand(files: string[], json: boolean, out: (s: string) => void): Promise<number> {
  const reports = await checkInParallel(files, json ? 'json' : 'text');
  if (json)
    out(
      JSON.stringify(
        reports.map((r) => r.json),
        null,
        2,
      ),
    );
  else for (const r of reports) for (const line of r.text ?? []) out(line);
  return reports.some((r) => r.failed) ? 1 : 0;
}
