import { createApiClient, ApiError } from '@returns-hub/shared/api/client';
import type { SubmitRequest } from '@returns-hub/shared/api/schemas';
import { fileHasErrors } from '../checkFiles';
import { checkInParallel } from '../checkInParallel';

/** `returns upload <file.xlsx>... --api URL --key KEY`: checks each file, sends the clean ones. */
export async function uploadCommand(files: string[], api: string, key: string, out: (s: string) => void): Promise<number> {
  const client = createApiClient({ baseUrl: api, key, fetch, onRetry: (n, why) => out(`  retrying (${n}): ${why}`) });
  let failed = 0;
  // Files are read and checked in parallel; they are sent one by one, in the order given.
  for (const f of await checkInParallel(files, 'full')) {
    const located = f.sheets.flatMap((s) => s.located);
    if (fileHasErrors(f) || located.length === 0) {
      out(`${f.file}: not sent — it has errors (run \`returns check ${f.file}\`)`);
      failed++;
      continue;
    }
    const req: SubmitRequest = { fileName: f.file, returns: located };
    try {
      const res = await client.submit(req);
      for (const r of res.receipts) {
        const changed = r.changes.length ? `; changed: ${r.changes.map((c) => c.field).join(', ')}` : '';
        out(
          `${f.file}: ${r.formId} ${r.orgUnit} FY ${r.fiscalYear} ${r.period}${r.subject ? ` ${r.subject}` : ''} → version ${r.version} at ${r.submittedAt}${r.replayed ? ' (already stored)' : ''}${changed}`,
        );
      }
    } catch (e) {
      failed++;
      if (e instanceof ApiError) {
        out(`${f.file}: refused — ${e.status} ${e.problem.detail}`);
        for (const i of (e.problem.issues ?? []) as { cell: string; message_th: string; message_en: string }[]) out(`    ${i.cell}  ${i.message_th} / ${i.message_en}`);
      } else out(`${f.file}: could not reach ${api} — ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return failed ? 1 : 0;
}
