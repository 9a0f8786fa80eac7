import { trace } from '@opentelemetry/api';
import type { DefinitionSource } from '@returns-hub/shared/definitions/definitions';
import type { Principal } from '../domain/principal';
import { isDomainError } from '../domain/domainError';
import type { ReturnStore, SweepReport } from '../store/returnStore';
import type { ReviewStore } from '../store/reviewStore';
import type { ReturnKey } from '../store/keys';
import type { ReturnIntent, TallyIntent, TallyScope } from '../store/tallyStore';
import { keepTalliesAll } from './applyTallyShare';
import { rebuildTallies } from './rebuildTallies';
import { tallyAccepted } from './reviewTallies';
import { tallyReview } from './tallyReview';

/** Grace of the repair: a write or intent older than this whose change never happened is dead (it must exceed the longest submission). */
export const REPAIR_GRACE_MS = 10 * 60_000;
/** How often the repair runs by itself (the Functions timer; the local host's interval). */
export const REPAIR_EVERY_MS = 5 * 60_000;
/** An intent whose change happened is completed once it is this old (its writer has had time to do it itself). */
const SETTLE_AFTER_MS = 30_000;
/** Intents looked at in one run (the rest wait for the next run). */
const INTENTS_PER_RUN = 2_000;

const REPAIRER: Principal = { role: 'hq', name: 'repair', id: 'system:repair' };

export interface RepairReport {
  /** Writes commits left behind: checked, and removed where nothing holds them. */
  writes: SweepReport;
  /** Tally intents looked at; completed (their change applied); forgotten (their change never happened); scopes rebuilt. */
  intents: { checked: number; completed: number; forgotten: number; rebuilt: number; failed: { scope: string; reason: string }[] };
}

const scopeText = (s: TallyScope) => `${s.formId} ${s.fiscalYear} ${s.basis}`;
const keyOf = (s: TallyScope, i: ReturnIntent): ReturnKey => ({ formId: s.formId, fiscalYear: s.fiscalYear, period: i.period, orgUnit: i.orgUnit, subject: i.subject });
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * What runs by itself (a timer) so that tallies never stay behind and nothing is left half
 * written: 1. the store sweeps writes that never committed (their rows removed); 2. every tally
 * intent whose change happened (the return's pointer or review reached its revision) is
 * completed by bringing that return's share up to date, which settles it; one whose change never
 * happened is forgotten after the grace; a whole-scope intent is completed by a rebuild. One
 * failure is reported and skipped, never blocking the rest; each run is a span in telemetry.
 * Each scope is repaired with the definitions of its fiscal year.
 */
export async function repair(
  store: ReturnStore,
  reviews: ReviewStore,
  definitions: DefinitionSource,
  opts: { graceMs: number; settleAfterMs?: number },
  now = () => new Date(),
): Promise<RepairReport> {
  return trace.getTracer('returns-hub').startActiveSpan('repair', async (span) => {
    try {
      const at = now().getTime();
      const cutoff = new Date(at - opts.graceMs).toISOString();
      const writes = await store.sweep(cutoff);
      const report: RepairReport = { writes, intents: { checked: 0, completed: 0, forgotten: 0, rebuilt: 0, failed: [] } };
      const pending = await store.tallies.pending(new Date(at - Math.min(opts.graceMs, opts.settleAfterMs ?? SETTLE_AFTER_MS)).toISOString(), INTENTS_PER_RUN);
      const byScope = new Map<string, { scope: TallyScope; intents: TallyIntent[] }>();
      for (const { scope, intent } of pending) {
        const id = scopeText(scope);
        if (!byScope.has(id)) byScope.set(id, { scope, intents: [] });
        byScope.get(id)!.intents.push(intent);
      }
      for (const { scope, intents } of byScope.values()) {
        report.intents.checked += intents.length;
        try {
          await repairScope(store, reviews, definitions, scope, intents, cutoff, report.intents);
        } catch (e) {
          report.intents.failed.push({ scope: scopeText(scope), reason: reason(e) });
        }
      }
      span.setAttributes({
        'repair.writes.checked': writes.checked,
        'repair.writes.removed': writes.removed,
        'repair.writes.failed': writes.failed.length,
        'repair.intents.checked': report.intents.checked,
        'repair.intents.completed': report.intents.completed,
        'repair.intents.forgotten': report.intents.forgotten,
        'repair.scopes.rebuilt': report.intents.rebuilt,
        'repair.intents.failed': report.intents.failed.length,
      });
      return report;
    } finally {
      span.end();
    }
  });
}

async function repairScope(
  store: ReturnStore,
  reviews: ReviewStore,
  definitions: DefinitionSource,
  scope: TallyScope,
  intents: TallyIntent[],
  cutoff: string,
  out: RepairReport['intents'],
): Promise<void> {
  const year = definitions.forYear(scope.fiscalYear);
  const form = year.formById(scope.formId);
  if (!form) {
    await store.tallies.forget(
      scope,
      intents.map((i) => i.id),
    ); // a form no longer offered has no tallies to keep
    out.forgotten += intents.length;
    return;
  }
  if (intents.some((i) => i.kind === 'scope')) {
    const review = scope.basis === 'accepted' ? tallyReview(reviews, form.id, scope.fiscalYear, 'accepted') : undefined;
    const period = form.period.kind === 'quarter' ? 'Q4' : 'FY';
    const rebuilt = await rebuildTallies(store, REPAIRER, form, year.units, scope.fiscalYear, period, { write: true, review });
    if (isDomainError(rebuilt)) throw new Error(rebuilt.en);
    out.rebuilt++;
    out.completed += intents.length;
    return;
  }
  const returns = intents.filter((i): i is ReturnIntent => i.kind === 'return');
  const keys = returns.map((i) => keyOf(scope, i));
  const revisions = await tallyReview(reviews, form.id, scope.fiscalYear, scope.basis).revisions(keys);
  const dead: string[] = [];
  const live: { key: ReturnKey; intent: ReturnIntent }[] = [];
  for (const [j, i] of returns.entries()) {
    const reached = revisions[j]?.[scope.basis] ?? 0;
    if (reached >= i.revision) live.push({ key: keys[j], intent: i });
    else if (i.at < cutoff) dead.push(i.id); // its change never happened (a lost race, a stopped writer)
  }
  if (dead.length) {
    await store.tallies.forget(scope, dead);
    out.forgotten += dead.length;
  }
  if (scope.basis === 'all') {
    // The returns' current versions, read whole: their contributions.
    const seen = new Map(live.map((l) => [JSON.stringify(l.key), l.key]));
    const currents = (await store.current([...seen.values()])).filter((c) => c !== null);
    const outcomes = await keepTalliesAll(
      store.tallies,
      definitions,
      form.id,
      'all',
      currents.map((c) => ({ key: c.record, revision: c.record.version, contribution: c.record.contribution })),
    );
    const done = outcomes.filter((o) => o === 'applied' || o === 'already').length;
    out.completed += live.length && done === outcomes.length ? live.length : 0;
    if (done < outcomes.length) throw new Error(`${outcomes.length - done} of ${outcomes.length} return(s) could not be brought up to date now`);
    return;
  }
  for (const { key } of live) {
    const outcome = await tallyAccepted(store, reviews, definitions, key);
    if (outcome !== 'applied' && outcome !== 'already') throw new Error(`${key.orgUnit} ${key.period}: ${outcome}`);
    out.completed++;
  }
}
