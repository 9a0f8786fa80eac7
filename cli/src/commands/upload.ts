import { explainFailure } from '../explainFailure';
import { ApiError } from '@returns-hub/shared/api/client';
import type { SubmitRequest, SubmitResponse } from '@returns-hub/shared/api/schemas';
import { lockedReturnSchema, type LockedReturn } from '@returns-hub/shared/review/reviewSchemas';
import { fileHasErrors } from '../checkFiles';
import { checkInParallel } from '../checkInParallel';
import type { FileToSend } from '../fileTask';
import { sendInOrder } from '../sendInOrder';
import { bundleFiles } from '@returns-hub/shared/api/bundleFiles';
import { apiClient, type ApiConnection } from '../connection';

/** Bundles in flight at once: most uploads make one bundle; a few more keep the API busy while the next is sent. */
const IN_FLIGHT = 2;

type Outcome = { ok: SubmitResponse } | { error: unknown } | { notSent: true };

type Returns = SubmitRequest['returns'];

/** A clean file's returns as a request carries them, each naming its file (a bundle holds several). */
interface Ready {
  file: FileToSend;
  returns: Returns;
  /** JSON characters of its returns: what it adds to a request's body. */
  bytes: number;
}

/**
 * A file's returns as keys, without the period: two files holding the same return are never
 * sent at once, nor a quarter's return with the previous quarter's (it is checked against the
 * stored one), so they go in the order given.
 */
function seriesKeys(f: FileToSend): string[] {
  return f.sheets.flatMap((s) => s.returns.map((r) => [r.form, r.orgUnit, r.fiscalYear, r.subject].join('|')));
}

const isReady = (it: Ready | FileToSend): it is Ready => 'returns' in it;

/**
 * A refusal tied to what the bundle holds, not storage or a race: a file's content, or a lock
 * on one of its returns (accepted, closed period). A request is stored whole or not at all, so
 * nothing of it was stored: each file is then sent alone, for its own answer.
 */
const refusedForContent = (e: unknown) => e instanceof ApiError && e.status >= 400 && e.status < 500 && (e.status !== 409 || String(e.problem.code ?? '').startsWith('lock.'));

/** A refusal naming its locked returns as data (`locked`, a 409), or null. */
function lockedIn(o: Outcome): { error: ApiError; locked: LockedReturn[] } | null {
  const e = 'error' in o ? o.error : null;
  if (!(e instanceof ApiError) || e.status !== 409 || !Array.isArray(e.problem.locked)) return null;
  const parsed = lockedReturnSchema.array().safeParse(e.problem.locked);
  return parsed.success && parsed.data.length ? { error: e, locked: parsed.data } : null;
}

/** The locks of a file's own returns, as the refusal it would have had alone (its own words, never another district's). */
function ownLocks(f: FileToSend, locked: LockedReturn[], e: ApiError): ApiError | null {
  const own = locked.filter((l) =>
    f.sheets.some((s) => s.returns.some((r) => r.form === l.formId && r.orgUnit === l.orgUnit && r.fiscalYear === l.fiscalYear && r.period === l.period && (r.subject ?? null) === l.subject)),
  );
  if (!own.length) return null;
  const join = (k: 'detail' | 'detail_th') => own.map((l) => l[k]).join(' ');
  return new ApiError(409, { ...e.problem, code: own[0].code, detail: join('detail'), detail_th: join('detail_th'), locked: own });
}

/**
 * `returns upload <file.xlsx>... --api URL --key KEY`: checks each file, sends the clean ones
 * bundled into few requests (each within the API's limits), and reports per file in the
 * order given.
 */
export async function uploadCommand(files: string[], c: ApiConnection, out: (s: string) => void): Promise<number> {
  const api = c.api;
  const client = apiClient(c, { onRetry: (n, why) => out(`  retrying (${n}): ${why}`) });
  let failed = 0;
  const clean = (f: FileToSend) => !fileHasErrors(f) && f.sheets.some((s) => s.located.length > 0);
  // Checked as the API checks: with what headquarters published (the built-in set alone if the API cannot say).
  const published =
    (
      await apiClient(c, { attempts: 1 })
        .publishedDefinitions()
        .catch(() => null)
    )?.published ?? [];
  const checked = await checkInParallel(files, 'full', undefined, published);
  const items = checked.map((file): Ready | FileToSend => {
    if (!clean(file)) return file;
    const returns = file.sheets.flatMap((s) => s.located.map((r) => ({ ...r, fileName: file.file })));
    return { file, returns, bytes: JSON.stringify(returns).length + returns.length };
  });
  // Files not sent keep their place in the order (a bundle reports them where they stand).
  const bundles = bundleFiles(items, (it) => (isReady(it) ? { returns: it.returns.length, bytes: it.bytes, keys: seriesKeys(it.file) } : { returns: 0, bytes: 0, keys: [`not sent ${it.file}`] }));
  const submit = async (ready: Ready[]): Promise<Outcome> => {
    try {
      return { ok: await client.submit({ fileName: ready[0].file.file, returns: ready.flatMap((r) => r.returns) }) };
    } catch (error) {
      return { error };
    }
  };

  const report = (f: FileToSend, outcome: Outcome) => {
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
    out(`${f.file}: ${explainFailure(e, api)}`);
    if (e instanceof ApiError) for (const i of (e.problem.issues ?? []) as { cell: string; message_th: string; message_en: string }[]) out(`    ${i.cell}  ${i.message_th} / ${i.message_en}`);
  };

  await sendInOrder(bundles, {
    limit: IN_FLIGHT,
    keys: (b) => b.flatMap((it) => (isReady(it) ? seriesKeys(it.file) : [])),
    send: async (b): Promise<[FileToSend, Outcome][]> => {
      const ready = b.filter(isReady);
      const outcomes = new Map<FileToSend, Outcome>();
      let rest = ready;
      let outcome: Outcome = ready.length ? await submit(ready) : { notSent: true };
      // A refusal naming its locked returns: their files take their own locks, the others are sent
      // again together (bounded: each round takes at least one file out).
      for (let refusal = lockedIn(outcome); refusal && rest.length > 1; refusal = lockedIn(outcome)) {
        const { error, locked } = refusal;
        const own = rest.map((r) => ownLocks(r.file, locked, error));
        if (own.every((o) => o === null)) break;
        rest.forEach((r, i) => {
          if (own[i]) outcomes.set(r.file, { error: own[i] });
        });
        rest = rest.filter((_, i) => own[i] === null);
        if (rest.length) outcome = await submit(rest);
      }
      if ('ok' in outcome) {
        // Receipts come in the order of the returns sent: each file takes as many as it sent.
        let at = 0;
        for (const r of rest) outcomes.set(r.file, { ok: { receipts: outcome.ok.receipts.slice(at, (at += r.returns.length)) } });
      } else if (rest.length > 1 && 'error' in outcome && refusedForContent(outcome.error)) {
        for (const r of rest) outcomes.set(r.file, await submit([r]));
      } else for (const r of rest) outcomes.set(r.file, outcome);
      return b.map((it) => (isReady(it) ? [it.file, outcomes.get(it.file)!] : [it, { notSent: true }]));
    },
    done: (_b, results) => results.forEach(([f, outcome]) => report(f, outcome)),
  });
  return failed ? 1 : 0;
}
