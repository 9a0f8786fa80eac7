import type { FormDef } from '@returns-hub/shared/forms/formDef';
import type { OrgUnitTree } from '@returns-hub/shared/orgUnits/orgUnitTree';
import type { Aggregate, AggregateKey } from '@returns-hub/shared/consolidate/aggregate';
import { aggregateDifferences, differences } from '@returns-hub/shared/consolidate/aggregateDifferences';
import { aggregateKeyText, foldAggregates } from '@returns-hub/shared/consolidate/foldAggregates';
import { validTallyPeriod } from '@returns-hub/shared/consolidate/consolidateReturns';
import type { TallyEntry } from '@returns-hub/shared/consolidate/tally';
import type { TallyRebuild } from '@returns-hub/shared/api/tallyRebuild';
import { periodsOfKind } from '@returns-hub/shared/period/periodCode';
import type { Principal } from '../domain/principal';
import { domainError, type DomainError } from '../domain/domainError';
import type { ReturnStore } from '../store/returnStore';
import type { AppliedShare, ShareKey, TallyScope, TallyWrite } from '../store/tallyStore';
import { acceptedKey, type TallyReview } from './tallyReview';

/** Whole rebuilds tried before giving up (each starts again from what is stored now). */
const REBUILD_ATTEMPTS = 3;
/** Differences listed in a report (the count says how many there were). */
const LISTED = 50;

export type RebuildReport = TallyRebuild;

const shareKeyText = (k: ShareKey) => `${k.orgUnit}|${k.period}|${k.subject ?? ''}`;

/** The periods a form's returns are stored under for a fiscal year's tallies. */
function returnPeriods(form: FormDef): string[] {
  return form.period.kind === 'quarter' ? periodsOfKind('quarter') : ['FY'];
}

/**
 * Recomputes a form's tallies of a fiscal year (of every current return, or of the accepted
 * ones: `review.include`) from the current returns' contributions and
 * compares them with the maintained aggregates (the check: rebuilt = maintained); with
 * `write`, replaces what differs, under ETag conditions (a submission landing meanwhile makes
 * it start again), and clears a stale mark. The repair path: tallies never need it otherwise.
 * For a quarterly form the year's four quarters are rebuilt together (each quarter's targets
 * come from the latest return up to it).
 */
export async function rebuildTallies(
  store: ReturnStore,
  p: Principal,
  form: FormDef,
  units: OrgUnitTree,
  fiscalYear: number,
  period: string,
  opts: { write: boolean; review?: TallyReview },
): Promise<RebuildReport | DomainError> {
  if (p.role !== 'hq') return domainError('auth.hq_only', { en: 'Only headquarters may rebuild tallies.', th: 'เฉพาะส่วนกลางเท่านั้นที่สร้างผลสรุปใหม่ได้' });
  if (!validTallyPeriod(form, period)) return domainError('query.bad_period', { en: `Period ${period} does not apply to ${form.id}.`, th: `แบบรายงาน ${form.id} ไม่มีงวด ${period}` });
  const basis = opts.review?.include ?? 'all';
  const scope: TallyScope = { formId: form.id, fiscalYear, basis };
  const periods = returnPeriods(form);
  let report: RebuildReport | null = null;
  for (let attempt = 0; attempt < REBUILD_ATTEMPTS; attempt++) {
    // What is maintained first, then the returns: an update landing in between changes an ETag read here, and the writes below fail.
    const kept = await store.tallies.listScope(scope);
    const entries: TallyEntry[] = [];
    const shares: AppliedShare[] = [];
    for (const per of periods) {
      const accepted = basis === 'accepted' ? await opts.review!.acceptedIn(per) : null;
      for (const r of await store.listCurrent(form.id, fiscalYear, per)) {
        // Every current return at its version; or an accepted one at its review revision.
        const revision = accepted ? accepted.get(acceptedKey(r)) : r.version;
        if (revision === undefined) continue;
        entries.push({ orgUnit: r.orgUnit, fiscalYear, period: r.period, subject: r.subject, submittedAt: r.submittedAt, contribution: r.contribution });
        shares.push({ orgUnit: r.orgUnit, subject: r.subject, period: r.period, revision, contribution: r.contribution });
      }
    }
    const rebuilt = new Map(foldAggregates(form, units, entries).map((a) => [aggregateKeyText(a.key), a]));
    const keptAggregates = new Map(kept.aggregates.map((a) => [aggregateKeyText(a.value.key), a]));
    const keptShares = new Map(kept.shares.map((s) => [shareKeyText(s.value), s]));
    const found: string[] = [];
    const writes: TallyWrite[] = [];

    for (const k of [...new Set([...rebuilt.keys(), ...keptAggregates.keys()])].sort()) {
      const want: Aggregate | null = rebuilt.get(k)?.aggregate ?? null;
      const have = keptAggregates.get(k);
      const diff = aggregateDifferences(have?.value.aggregate ?? null, want);
      if (diff.length === 0) continue;
      found.push(...diff.map((d) => `aggregate ${k}${d.startsWith(':') ? d : ` ${d}`}`));
      const key: AggregateKey = rebuilt.get(k)?.key ?? have!.value.key;
      writes.push({ kind: 'aggregate', key, value: want, etag: have?.etag ?? null });
    }
    const wanted = new Map(shares.map((s) => [shareKeyText(s), s]));
    for (const k of [...new Set([...wanted.keys(), ...keptShares.keys()])].sort()) {
      const have = keptShares.get(k);
      // A share with no current (accepted) return keeps its revision, withdrawn: none is ever removed.
      const want = wanted.get(k) ?? { ...have!.value, contribution: null };
      const diff = have ? differences(have.value, want) : [`missing (revision ${want.revision})`];
      if (diff.length === 0) continue;
      found.push(...diff.map((d) => `share ${k} ${d}`));
      writes.push({ kind: 'share', key: want, value: want, etag: have?.etag ?? null });
    }

    report = {
      formId: form.id,
      fiscalYear,
      basis: scope.basis,
      periods,
      returns: entries.length,
      aggregates: rebuilt.size,
      matched: found.length === 0,
      differenceCount: found.length,
      differences: found.slice(0, LISTED),
      stale: kept.stale?.value.reason ?? null,
      rewritten: 0,
    };
    if (!opts.write) return report;
    let conflict = false;
    for (let i = 0; i < writes.length && !conflict; i += store.tallies.commitLimit) {
      const chunk = writes.slice(i, i + store.tallies.commitLimit);
      if ((await store.tallies.commit(scope, chunk)).ok) report.rewritten += chunk.length;
      else conflict = true;
    }
    if (!conflict && kept.stale && !(await store.tallies.clearStale(scope, kept.stale.etag)).ok) conflict = true;
    if (!conflict) return report;
  }
  return domainError('tally.rebuild_conflict', {
    en: `Submissions kept changing ${form.id} ${fiscalYear} while its tallies were rebuilt (${REBUILD_ATTEMPTS} tries); run it again when they have stopped.${report ? ` ${report.rewritten} entities were rewritten.` : ''}`,
    th: `มีการส่งแบบรายงาน ${form.id} ปี ${fiscalYear} ระหว่างสร้างผลสรุปใหม่ (${REBUILD_ATTEMPTS} ครั้ง) กรุณาสั่งใหม่อีกครั้งเมื่อไม่มีการส่ง`,
  });
}
