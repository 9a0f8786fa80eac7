import { createApiClient, ApiError } from '@returns-hub/shared/api/client';
import type { SubmitRequest, SubmitResponse } from '@returns-hub/shared/api/schemas';
import { fileHasErrors } from '../checkFiles';
import { checkInParallel } from '../checkInParallel';
import type { FileToSend } from '../fileTask';
import { sendInOrder } from '../sendInOrder';
import { httpFetch } from '../httpFetch';

/** Requests in flight at once: enough to keep the API and storage busy while the next is sent. */
const IN_FLIGHT = 4;

type Outcome = { ok: SubmitResponse } | { error: unknown } | { notSent: true };

/** The returns a file holds, as keys: two files holding the same return are never sent at once. */
function returnKeys(f: FileToSend): string[] {
  return f.sheets.flatMap((s) => s.returns.map((r) => [r.form, r.orgUnit, r.fiscalYear, r.period, r.subject].join('|')));
}

/** `returns upload <file.xlsx>... --api URL --key KEY`: checks each file, sends the clean ones. */
export async function uploadCommand(files: string[], api: string, key: string, out: (s: string) => void): Promise<number> {
  const client = createApiClient({ baseUrl: api, key, fetch: httpFetch, onRetry: (n, why) => out(`  retrying (${n}): ${why}`) });
  let failed = 0;
  const clean = (f: FileToSend) => !fileHasErrors(f) && f.sheets.some((s) => s.located.length > 0);
  // Files are read and checked first (in parallel where it pays); the clean ones are then sent a few at a time, reported in the order given.
  await sendInOrder(await checkInParallel(files, 'full'), {
    limit: IN_FLIGHT,
    keys: (f) => (clean(f) ? returnKeys(f) : []),
    send: async (f): Promise<Outcome> => {
      if (!clean(f)) return { notSent: true };
      const req: SubmitRequest = { fileName: f.file, returns: f.sheets.flatMap((s) => s.located) };
      try {
        return { ok: await client.submit(req) };
      } catch (error) {
        return { error };
      }
    },
    done: (f, outcome) => {
      if ('notSent' in outcome) {
        out(`${f.file}: not sent — it has errors (run \`returns check ${f.file}\`)`);
        failed++;
        return;
      }
      if ('ok' in outcome) {
        for (const r of outcome.ok.receipts) {
          const changed = r.changes.length ? `; changed: ${r.changes.map((c) => c.field).join(', ')}` : '';
          out(
            `${f.file}: ${r.formId} ${r.orgUnit} FY ${r.fiscalYear} ${r.period}${r.subject ? ` ${r.subject}` : ''} → version ${r.version} at ${r.submittedAt}${r.replayed ? ' (already stored)' : ''}${changed}`,
          );
        }
        return;
      }
      failed++;
      const e = outcome.error;
      if (e instanceof ApiError) {
        out(`${f.file}: refused — ${e.status} ${e.problem.detail}`);
        for (const i of (e.problem.issues ?? []) as { cell: string; message_th: string; message_en: string }[]) out(`    ${i.cell}  ${i.message_th} / ${i.message_en}`);
      } else out(`${f.file}: could not reach ${api} — ${e instanceof Error ? e.message : String(e)}`);
    },
  });
  return failed ? 1 : 0;
}
