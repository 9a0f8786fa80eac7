import type { Receipt } from '@returns-hub/shared/api/schemas';
import type { StoredReturn } from '../store/storedReturn';

function changesBetween(prev: StoredReturn | undefined | null, next: StoredReturn): Receipt['changes'] {
  if (!prev) return [];
  const out: Receipt['changes'] = [];
  for (const id of new Set([...Object.keys(prev.fields), ...Object.keys(next.fields)])) {
    const a = prev.fields[id] ?? null;
    const b = next.fields[id] ?? null;
    if (a !== b) out.push({ field: id, from: a, to: b });
  }
  if (prev.rowCount !== next.rowCount) out.push({ field: 'rows', from: prev.rowCount, to: next.rowCount });
  return out;
}

/** What a submitter is told about one stored return: its version, and what changed from the previous one. */
export function receipt(r: StoredReturn, prev: StoredReturn | undefined | null, replayed = false): Receipt {
  return {
    formId: r.formId,
    orgUnit: r.orgUnit,
    fiscalYear: r.fiscalYear,
    period: r.period,
    subject: r.subject,
    version: r.version,
    submittedAt: r.submittedAt,
    previousVersion: prev?.version ?? (r.version > 1 ? r.version - 1 : null),
    rows: r.rowCount,
    warnings: r.warnings,
    changes: changesBetween(prev, r),
    ...(replayed ? { replayed: true } : {}),
  };
}
