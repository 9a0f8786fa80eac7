import { BUILT_IN_SOURCE, UNITS, builtInForm } from '../support/builtIn';
import { checkReturn } from '@returns-hub/shared/check/checkReturn';
import { consolidateReturns, validGroupings } from '@returns-hub/shared/consolidate/consolidateReturns';
import { differences } from '@returns-hub/shared/consolidate/aggregateDifferences';
import { periodsOfKind } from '@returns-hub/shared/period/periodCode';
import { submitReturns } from '@returns-hub/functions/services/submitReturns';
import { rebuildTallies } from '@returns-hub/functions/services/rebuildTallies';
import { currentEntries, tallies } from '@returns-hub/functions/services/readReturns';
import { isDomainError } from '@returns-hub/functions/domain/domainError';
import { repair } from '@returns-hub/functions/services/repair';
import { tallyReview } from '@returns-hub/functions/services/tallyReview';
import { reviewReturn } from '@returns-hub/functions/services/reviewReturns';
import { reviewTallies } from '@returns-hub/functions/services/reviewTallies';
import { submitGate } from '@returns-hub/functions/services/submitGate';
import type { ReviewCommand } from '@returns-hub/functions/domain/reviewRules';
import { isReviewError } from '@returns-hub/functions/domain/reviewError';
import type { ReturnKey } from '@returns-hub/functions/store/keys';
import type { Principal } from '@returns-hub/functions/domain/principal';
import type { ReturnStore } from '@returns-hub/functions/store/returnStore';
import { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
import { main } from '@returns-hub/cli/main';
import { startApi, type Api } from '../support/apiHarness';
import { RANDOM_FORMS, int, pick, randomPick, randomReturn, seededRandom, type RandomForm } from '../support/randomReturns';

/** Seeded: a failing sequence is replayed exactly by running the test again. */
const SEED = 1414;
const SEQUENCES = 200;

const hq: Principal = { role: 'hq', name: 'test', id: 'test-hq' };

let api: Api;
let store: ReturnStore;
// The services on the in-memory stores (the store contract holds them to the Table ones), served through the API for the CLI.
beforeAll(async () => {
  api = await startApi({ memory: new MemoryStorage() });
  store = await api.deps.store();
}, 60_000);
afterAll(() => api?.close());

/** Submits as the route does: through the review's gate (an accepted return is locked until reopened). */
async function submit(form: RandomForm, fy: number, returns: ReturnType<typeof randomReturn>[], tag: string) {
  const now = () => new Date();
  return submitReturns(store, BUILT_IN_SOURCE, hq, { fileName: `${tag}.xlsx`, returns }, tag, null, submitGate(await api.deps.reviews(), hq, 'test', now));
}

async function checkMatches(form: RandomForm, fy: number) {
  const def = builtInForm(form);
  const period = def.period.kind === 'quarter' ? 'Q4' : 'FY';
  const report = await rebuildTallies(store, hq, def, UNITS, fy, period, { write: false });
  if (isDomainError(report)) throw new Error(report.en);
  return report;
}

/** Headquarters' decisions through the review workflow, its tallies hook included (as the review routes call it). */
async function decide(key: ReturnKey, action: 'accept' | 'send_back' | 'reopen') {
  const command: ReviewCommand = action === 'accept' ? { action } : action === 'send_back' ? { action, reason: 'ตัวเลขไม่ตรง', comments: [] } : { action, reason: 'ขอแก้ไข' };
  const reviews = await api.deps.reviews();
  return reviewReturn(reviews, builtInForm(key.formId), key, command, { principal: hq, client: 'test', now: new Date(), units: UNITS }, reviewTallies(store, reviews, BUILT_IN_SOURCE));
}

describe('running tallies', () => {
  test(`after ${SEQUENCES} random submit / resubmit / accept / send-back / reopen sequences (some submitted concurrently), the aggregates of every return and of accepted ones equal a full recomputation from the contributions`, async () => {
    const r = seededRandom(SEED);
    let submitted = 0;
    let conflicts = 0;
    let decisions = 0;
    let refused = 0;
    const stored = new Map<string, ReturnKey>();
    for (let s = 0; s < SEQUENCES; s++) {
      const form = pick(r, RANDOM_FORMS);
      const def = builtInForm(form);
      // Five sequences share a fiscal year, so aggregates keep growing across sequences.
      const fy = 2550 + Math.floor(s / 5);
      for (let step = int(r, 2, 6); step > 0; step--) {
        // 1–3 requests at once: writers race for the same zone and HQ aggregates (412s, retried).
        const batch = Array.from({ length: int(r, 1, 3) }, () => randomReturn(r, form, fy, randomPick(r, form)));
        const outs = await Promise.all(batch.map((ret, i) => submit(form, fy, [ret], `seq-${s}-${step}-${i}`)));
        for (const o of outs) {
          if (isDomainError(o)) {
            // Two requests for one return at once: one is refused; an accepted return is locked.
            if (o.code === 'return.conflict') conflicts++;
            else if (o.code.startsWith('lock.')) refused++;
            else throw new Error(`${o.code}: ${o.en} ${JSON.stringify(o.issues?.slice(0, 2))}`);
            continue;
          }
          submitted++;
          for (const rc of o.body.receipts) {
            const key = { formId: rc.formId, fiscalYear: rc.fiscalYear, period: rc.period, orgUnit: rc.orgUnit, subject: rc.subject };
            stored.set(JSON.stringify(key), key);
          }
        }
        // Headquarters accepts, sends back or reopens one or two of the year's returns (the rules refuse what does not apply).
        const open = [...stored.values()].filter((k) => k.formId === form && k.fiscalYear === fy);
        for (let d = int(r, 0, 2); d > 0 && open.length; d--) {
          const x = r();
          const out = await decide(pick(r, open), x < 0.6 ? 'accept' : x < 0.85 ? 'send_back' : 'reopen');
          if (isReviewError(out)) refused++;
          else decisions++;
        }
      }
      const report = await checkMatches(form, fy);
      expect({ sequence: s, form, fy, differences: report.differences, stale: report.stale }).toEqual({ sequence: s, form, fy, differences: [], stale: null });
      expect(report.matched).toBe(true);
      const review = tallyReview(await api.deps.reviews(), form, fy, 'accepted');
      const ofAccepted = await rebuildTallies(store, hq, def, UNITS, fy, def.period.kind === 'quarter' ? 'Q4' : 'FY', { write: false, review });
      if (isDomainError(ofAccepted)) throw new Error(ofAccepted.en);
      expect({ sequence: s, form, fy, accepted: ofAccepted.differences, stale: ofAccepted.stale }).toEqual({ sequence: s, form, fy, accepted: [], stale: null });

      // And what HQ is served (maintained) is what recomputation gives, at a level and period drawn at random.
      const by = pick(r, validGroupings(def, UNITS));
      const period = def.period.kind === 'quarter' ? pick(r, periodsOfKind('quarter')) : form === 'bma-project-progress' ? pick(r, ['FY', 'Q2', 'M05']) : 'FY';
      const served = await tallies(store, hq, def, UNITS, fy, period, by);
      const recomputed = consolidateReturns(def, UNITS, await currentEntries(store, def, fy, period), { fiscalYear: fy, period, by });
      expect(differences(served, { ...recomputed, include: 'all' })).toEqual([]);
      const servedAccepted = await tallies(store, hq, def, UNITS, fy, period, by, review);
      const recomputedAccepted = consolidateReturns(def, UNITS, await currentEntries(store, def, fy, period, { accepted: review.acceptedIn, onlyAccepted: true }), { fiscalYear: fy, period, by });
      expect(differences(servedAccepted, { ...recomputedAccepted, include: 'accepted' })).toEqual([]);
      // Of every return, with the accepted ones counted (from the accepted aggregates).
      const servedAll = await tallies(store, hq, def, UNITS, fy, period, by, { ...review, include: 'all' });
      const recomputedAll = consolidateReturns(def, UNITS, await currentEntries(store, def, fy, period, { accepted: review.acceptedIn }), { fiscalYear: fy, period, by });
      expect(differences(servedAll, { ...recomputedAll, include: 'all' })).toEqual([]);
    }
    expect(submitted).toBeGreaterThan(SEQUENCES * 2);
    expect(decisions).toBeGreaterThan(SEQUENCES);
    process.stderr.write(
      `tallies: ${submitted} submissions and ${decisions} review decisions in ${SEQUENCES} sequences; ${conflicts} submissions refused as concurrent, ${refused} submissions or decisions refused by the review rules\n`,
    );
  }, 540_000);

  test('one request holding many returns of a form (every unit, subject and quarter) is applied in bulk: its aggregates equal a full recomputation, and so after a bulk resubmission', async () => {
    const r = seededRandom(SEED + 1);
    for (const [i, form] of RANDOM_FORMS.entries()) {
      const fy = 2470 + i; // a fresh year: no earlier quarter to be checked against
      const periods = form === 'codi-quarterly-kpi' ? ['Q1', 'Q2', 'Q3', 'Q4'] : ['FY'];
      const picks = [0, 1, 2, 3].flatMap((unit) => [0, 1, 2].flatMap((subject) => periods.map((period) => ({ unit, subject, period }))));
      // Forms without subjects make one return of several picks: each return once.
      const distinct = (rets: ReturnType<typeof randomReturn>[]) => [
        ...new Map(
          rets.map((x) => {
            const c = checkReturn(x, { definitions: BUILT_IN_SOURCE.forYear(null) });
            return [JSON.stringify([c.orgUnit, c.period, c.subject]), x];
          }),
        ).values(),
      ];
      const first = await submit(form, fy, distinct(picks.map((p) => randomReturn(r, form, fy, p))), `bulk-${form}`);
      if (isDomainError(first)) throw new Error(`${first.code}: ${first.en}`);
      expect(first.body.receipts.length).toBeGreaterThan(3);
      // Again with other figures (the first quarter only: later ones are checked against the stored earlier quarter).
      const again = await submit(form, fy, distinct(picks.filter((p) => p.period === periods[0]).map((p) => randomReturn(r, form, fy, p))), `bulk2-${form}`);
      if (isDomainError(again)) throw new Error(`${again.code}: ${again.en}`);
      expect(again.body.receipts.some((x) => x.version === 2)).toBe(true);
      const report = await checkMatches(form, fy);
      expect({ form, differences: report.differences, stale: report.stale }).toEqual({ form, differences: [], stale: null });
      expect(report.matched).toBe(true);
    }
  }, 120_000);

  /** A writer that moved a return's pointer to a new version (this contribution) and stopped: no tally update after it. */
  async function stopAfterSwitch(key: ReturnKey, total: number | null) {
    const [cur] = await store.current([key]);
    const c = cur!.record.contribution;
    if (c.kind !== 'indicators') throw new Error('an indicators contribution expected');
    const { writeId: _w, ...record } = cur!.record;
    const report = await store.commit([
      {
        record: { ...record, version: record.version + 1, contribution: total === null ? { kind: 'indicators', sums: {}, flags: {} } : { ...c, sums: { ...c.sums, communities_total: total } } },
        rows: [],
        replaces: cur,
      },
    ]);
    expect(report.outcomes[0].state).toBe('stored');
  }

  test('a pointer switched without its tally update (a writer that stopped) is found by the check, served recomputed meanwhile, repaired by the rebuild, and a later submission of it is exact', async () => {
    const r = seededRandom(7);
    const form = 'bma-community-plan-return';
    const fy = 2590;
    const pickA = { unit: 0, subject: 0, period: 'FY' };
    const first = await submit(form, fy, [randomReturn(r, form, fy, pickA)], 'crash-1');
    expect(isDomainError(first)).toBe(false);
    const key = { formId: form, fiscalYear: fy, period: 'FY', orgUnit: '1001', subject: null };
    await stopAfterSwitch(key, 999);

    const found = await checkMatches(form, fy);
    expect(found.matched).toBe(false);
    expect(found.stale).toMatch(/^1 update\(s\) recorded and not yet applied since .*: 1001 FY revision 2$/);
    expect(found.differences).toEqual([
      expect.stringMatching(/^aggregate FY\|district\|1001 sums\.communities_total: \d+ ≠ 999$/),
      expect.stringMatching(/^aggregate FY\|hq\|BMA sums\.communities_total: \d+ ≠ 999$/),
      expect.stringMatching(/^aggregate FY\|zone\|Z-C sums\.communities_total: \d+ ≠ 999$/),
      expect.stringMatching(/^share 1001\|FY\| contribution\.sums\.communities_total: \d+ ≠ 999$/),
      'share 1001|FY| revision: 1 ≠ 2',
    ]);
    // Meanwhile HQ is served the recomputed figures, marked stale.
    const served = await tallies(store, hq, builtInForm(form), UNITS, fy, 'FY', 'hq');
    expect(isDomainError(served) ? null : served.stale?.updatesBehind).toBe(1);

    // The CLI (HQ key, through the API route): check, then repair.
    const lines: string[] = [];
    const run = (...args: string[]) => main(['admin', 'rebuild-tallies', '--form', form, '--fy', String(fy), ...args, '--api', api.url, '--key', 'dev-hq'], (s) => lines.push(s));
    expect(await run('--check')).toBe(3);
    expect(lines.join('\n')).toContain('differ from the rebuilt ones');
    expect(await run()).toBe(0);
    expect(lines.join('\n')).toMatch(/rewrote [1-9]\d* entit/);
    lines.length = 0;
    expect(await run('--check')).toBe(0);
    expect(lines.join('\n')).toContain('maintained tallies = rebuilt from the returns');
    expect((await store.tallies.listScope({ formId: form, fiscalYear: fy, basis: 'all' })).intents).toEqual([]);

    // Broken again, this time healed by the next submission of that return alone (it takes out what was applied, not what was stored).
    await stopAfterSwitch(key, null);
    expect((await checkMatches(form, fy)).matched).toBe(false);
    expect(isDomainError(await submit(form, fy, [randomReturn(r, form, fy, pickA)], 'crash-2'))).toBe(false);
    expect(await checkMatches(form, fy)).toMatchObject({ matched: true, stale: null });
  }, 60_000);

  test('the repair makes good the tallies of a version that was stored by a writer that stopped before them', async () => {
    const r = seededRandom(9);
    const form = 'bma-community-plan-return';
    const fy = 2592;
    expect(isDomainError(await submit(form, fy, [randomReturn(r, form, fy, { unit: 2, subject: 0, period: 'FY' })], 'sweep-1'))).toBe(false);
    await stopAfterSwitch({ formId: form, fiscalYear: fy, period: 'FY', orgUnit: '1003', subject: null }, 777);
    expect((await checkMatches(form, fy)).matched).toBe(false);

    // A second on: on the in-memory store the commit and this run can fall in one millisecond, and an intent recorded
    // in the run's own millisecond is not yet before it (the next run takes it); the grace still keeps it from being forgotten.
    const repaired = await repair(store, await api.deps.reviews(), BUILT_IN_SOURCE, { graceMs: 60_000, settleAfterMs: 0 }, () => new Date(Date.now() + 1000));
    expect(repaired.writes.removed).toBe(0);
    expect(repaired.intents).toMatchObject({ completed: 1, forgotten: 0, failed: [] });
    expect(await checkMatches(form, fy)).toMatchObject({ matched: true, stale: null });
  }, 60_000);

  test('a whole-scope intent (a rebuild cut short) makes tallies recomputed until a rebuild completes; only HQ may rebuild', async () => {
    const r = seededRandom(8);
    const form = 'welfare-fund-tally';
    const fy = 2591;
    expect(isDomainError(await submit(form, fy, [randomReturn(r, form, fy, { unit: 1, subject: 0, period: 'FY' })], 'stale-1'))).toBe(false);
    const def = builtInForm(form);
    const scope = { formId: form, fiscalYear: fy, basis: 'all' as const };
    // Make the maintained aggregate wrong, as a rebuild stopped half-way leaves it, with its intent.
    const [hqAgg] = await store.tallies.getAggregates(scope, [{ period: 'FY', by: 'hq', group: 'BMA' }]);
    expect(hqAgg?.value).not.toBeNull();
    await store.tallies.intend(scope, [{ kind: 'scope', id: 'rebuild-cut-short', at: new Date().toISOString(), reason: 'test' }]);
    expect((await store.tallies.commit(scope, [{ kind: 'aggregate', key: { period: 'FY', by: 'hq', group: 'BMA' }, value: null, etag: hqAgg!.etag }])).ok).toBe(true);
    const expected = { ...consolidateReturns(def, UNITS, await currentEntries(store, def, fy, 'FY'), { fiscalYear: fy, period: 'FY', by: 'hq' }), include: 'all' };
    const served = await tallies(store, hq, def, UNITS, fy, 'FY', 'hq');
    expect(served).toEqual({ ...expected, stale: { updatesBehind: 1, since: expect.any(String) } });

    const unit: Principal = { role: 'unit', orgUnit: '1002', name: 'unit', id: 'unit' };
    const refused = await rebuildTallies(store, unit, def, UNITS, fy, 'FY', { write: true });
    expect(isDomainError(refused) && refused.code).toBe('auth.hq_only');
    const lines: string[] = [];
    expect(await main(['admin', 'rebuild-tallies', '--form', form, '--fy', String(fy), '--api', api.url, '--key', 'dev-unit-1002'], (s) => lines.push(s))).toBe(1);
    expect(lines.join('\n')).toContain('refused — 403');

    const repaired = await rebuildTallies(store, hq, def, UNITS, fy, 'FY', { write: true });
    expect(!isDomainError(repaired) && repaired.stale).toContain('the whole scope (test)');
    expect((await store.tallies.listScope(scope)).intents).toEqual([]);
    // Served from the aggregates again, and equal.
    expect(differences(await tallies(store, hq, def, UNITS, fy, 'FY', 'hq'), expected)).toEqual([]);
  }, 60_000);
});
