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
import type { AppliedShare, ShareKey, TallyIntent, TallyScope, TallyWrite } from '../store/tallyStore';
import { acceptedKey, type TallyReview } from './tallyReview';
import { randomUUID } from 'node:crypto';
import { REFUSAL_TEXTS } from '../domain/refusalTexts';

/** Whole rebuilds tried before giving up (each starts again from what is stored now). */
const REBUILD_ATTEMPTS = 3;
/** Differences listed in a report (the count says how many there were). */
const LISTED = 50;

export type RebuildReport = TallyRebuild;

const shareKeyText = (k: ShareKey) => `${k.orgUnit}|${k.period}|${k.subject ?? ''}`;

/** Pending intents as the report says them (null: none). */
function pendingText(intents: TallyIntent[]): string | null {
  if (intents.length === 0) return null;
  const named = intents.slice(0, 5).map((i) => (i.kind === 'scope' ? `the whole scope (${i.reason})` : `${i.orgUnit} ${i.subject ?? ''} ${i.period} revision ${i.revision}`.replace(/\s+/g, ' ')));
  return `${intents.length} update(s) recorded and not yet applied since ${intents.map((i) => i.at).sort()[0]}: ${named.join('; ')}${intents.length > 5 ? '; …' : ''}`;
}

/** The periods a form's returns are stored under for a fiscal year's tallies. */
function returnPeriods(form: FormDef): string[] {
  return form.period.kind === 'quarter' ? periodsOfKind('quarter') : ['FY'];
}

/**
 * Recomputes a form's tallies of a fiscal year (of every current return, or of the accepted
 * ones: `review.include`) from the current returns' contributions and
 * compares them with the maintained aggregates (the check: rebuilt = maintained); with
 * `write`, replaces what differs, under ETag conditions (a submission landing meanwhile makes
 * it start again), and settles the intents it fulfils. While it writes, a whole-scope intent
 * makes readers recompute. The repair path: tallies never need it otherwise.
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
  if (p.role !== 'hq') return domainError('auth.hq_only', REFUSAL_TEXTS.rebuildHqOnly());
  if (!validTallyPeriod(form, period)) return domainError('query.bad_period', REFUSAL_TEXTS.badTallyPeriod({ form: form.id, period }));
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
      for (const r of await store.list(form.id, fiscalYear, per)) {
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
      stale: pendingText(kept.intents.map((i) => i.value)),
      rewritten: 0,
    };
    // Intents the rebuilt shares fulfil (a change recorded and made, not yet applied), and whole-scope ones: settled by the rebuild.
    const settles: TallyWrite[] = kept.intents
      .filter(({ value: i }) => i.kind === 'scope' || (wanted.get(shareKeyText(i))?.revision ?? 0) >= i.revision)
      .map(({ value: i }) => ({ kind: 'settle', id: i.id }));
    if (!opts.write || writes.length + settles.length === 0) return report;
    // Readers recompute while the rebuild writes: its commits leave the scope half rewritten until the last.
    const intent: TallyIntent = { kind: 'scope', id: `rebuild-${randomUUID()}`, at: new Date().toISOString(), reason: `rebuild by ${p.name}` };
    await store.tallies.intend(scope, [intent]);
    let conflict = false;
    const all = [...writes, ...settles];
    for (let i = 0; i < all.length && !conflict; i += store.tallies.commitLimit) {
      const chunk = all.slice(i, i + store.tallies.commitLimit);
      if ((await store.tallies.commit(scope, chunk)).ok) report.rewritten += chunk.filter((w) => w.kind !== 'settle').length;
      else conflict = true;
    }
    // A conflict leaves the scope half rewritten: its intent stays (readers recompute) for the next try, or the repair.
    if (!conflict) {
      await store.tallies.forget(scope, [intent.id]);
      return report;
    }
  }
  return domainError('tally.rebuild_conflict', REFUSAL_TEXTS.rebuildConflict({ form: form.id, fiscalYear, tries: REBUILD_ATTEMPTS, rewritten: report?.rewritten ?? null }));
}
