import { explainFailure } from '../explainFailure';
import { parseComment } from '@returns-hub/shared/review/parseComment';
import type { ReviewComment } from '@returns-hub/shared/review/reviewSchemas';
import type { ArgsOf, SEND_BACK } from '../commandSpecs';
import { apiClient, type ApiConnection } from '../connection';
import { returnLabel, returnOf } from './reviewArgs';

/** `returns send-back --form F --fy Y --period P --unit U --reason "..." [--comment CELL=TEXT ...] [--subject S] [--version N]`. */
export async function sendBackCommand(a: ArgsOf<typeof SEND_BACK>, c: ApiConnection, out: (s: string) => void): Promise<number> {
  const target = returnOf(a.values);
  const version = a.values.version;
  const texts = a.values.comment ?? [];
  const client = apiClient(c);
  try {
    // A comment without a sheet goes on the return's own sheet.
    const sheet = texts.length ? String((await client.getReturn({ ...target, version })).sheet ?? '') || null : null;
    const comments: ReviewComment[] = [];
    for (const text of texts) {
      const p = parseComment(text, sheet);
      if (!p.ok) {
        out(`${p.error.en}\n  ${p.error.th}`);
        return 2;
      }
      comments.push(p.comment);
    }
    const v = await client.sendBack(target, { version, reason: a.values.reason, comments });
    out(`${returnLabel(target)}: version ${v.version} sent back${comments.length ? ` with ${comments.length} comment(s)` : ''}`);
    for (const cm of v.comments) out(`  ${cm.cell}: ${cm.text}`);
    return 0;
  } catch (e) {
    out(explainFailure(e, c.api));
    return 1;
  }
}
