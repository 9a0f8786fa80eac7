import { explainFailure } from '../explainFailure';
import { parseComment } from '@returns-hub/shared/review/parseComment';
import type { ReviewComment } from '@returns-hub/shared/review/reviewSchemas';
import { parseReviewArgs, returnOf, reviewClient, versionOf, type Connection } from './reviewArgs';

/** `returns send-back --form F --fy Y --period P --unit U --reason "..." [--comment CELL=TEXT ...] [--subject S] [--version N]`. */
export async function sendBackCommand(argv: string[], c: Connection, out: (s: string) => void): Promise<number> {
  const a = parseReviewArgs(argv);
  const target = returnOf(a);
  const version = versionOf(a);
  if (!c.api || !c.key || typeof target === 'string' || typeof version === 'string' || !a.values.reason?.trim()) {
    out('usage: returns send-back --form F --fy Y --period P --unit U --reason "..." [--comment CELL=TEXT ...] [--subject S] [--version N]');
    return 2;
  }
  const client = reviewClient({ api: c.api, key: c.key });
  try {
    // A comment without a sheet goes on the return's own sheet.
    const sheet = a.comments.length ? String((await client.getReturn({ ...target, version })).sheet ?? '') || null : null;
    const comments: ReviewComment[] = [];
    for (const text of a.comments) {
      const p = parseComment(text, sheet);
      if (!p.ok) {
        out(`${p.error.en}\n  ${p.error.th}`);
        return 2;
      }
      comments.push(p.comment);
    }
    const v = await client.sendBack(target, { version, reason: a.values.reason, comments });
    out(
      `${target.form} ${target.orgUnit} FY ${target.fy} ${target.period}${target.subject ? ` ${target.subject}` : ''}: version ${v.version} sent back${comments.length ? ` with ${comments.length} comment(s)` : ''}`,
    );
    for (const cm of v.comments) out(`  ${cm.cell}: ${cm.text}`);
    return 0;
  } catch (e) {
    out(explainFailure(e, c.api));
    return 1;
  }
}
