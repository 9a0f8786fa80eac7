import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { InvocationContext } from '@azure/functions';
import { builtInDefinitions } from '../definitions/builtInDefinitions';
import { MemoryStorage } from '../store/memoryStore';
import { StorageUnavailable } from '../store/storageUnavailable';
import type { NewVersion } from '../store/returnStore';
import type { ReturnKey } from '../store/keys';
import { makeDeps } from '../deps';
import { configFromEnv } from '../config';
import { repairTimer } from '../admin/repairTimer';
import { rebuildTallies } from './rebuildTallies';
import { isDomainError } from '../domain/domainError';
import { repair } from './repair';

const exporter = new InMemorySpanExporter();
beforeAll(() => {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
});
afterAll(() => {
  trace.disable();
  context.disable();
});

const DEFINITIONS = builtInDefinitions();
const UNITS = DEFINITIONS.forYear(null).units;
const FORM = DEFINITIONS.forYear(null).formById('bma-community-plan-return')!;
const HQ = { role: 'hq' as const, name: 'test', id: 'test' };
const key = (orgUnit: string, fiscalYear = 2563): ReturnKey => ({ formId: FORM.id, fiscalYear, period: 'FY', orgUnit, subject: null });
const version = (k: ReturnKey, total: number): NewVersion => ({
  record: {
    ...k,
    version: 1,
    submittedAt: new Date().toISOString(),
    submittedBy: 'test',
    fileName: 'f.xlsx',
    sheet: 'S',
    idempotencyKey: null,
    bodyHash: 'h',
    rowCount: 1,
    warnings: 0,
    fields: {},
    checkedWith: { form: 0, units: 0 },
    fieldCells: {},
    columns: {},
    firstColumn: 'A',
    contribution: { kind: 'indicators', sums: { communities_total: total }, flags: {} },
    issues: [],
  },
  rows: [{ row: 1, kind: 'item', values: { no: 1 } }],
  replaces: null,
});
const later = () => new Date(Date.now() + 60_000);
/** A fault for the first matching operation only. */
const once = (s: MemoryStorage, op: string) => {
  s.fault = (name) => {
    if (name !== op) return;
    s.fault = () => undefined;
    throw new StorageUnavailable(`${op}: injected`);
  };
};

describe('the repair', () => {
  test('one write that cannot be removed is reported and skipped; the others are removed', async () => {
    const s = new MemoryStorage();
    // Three writes whose switch never reached storage: their rows are nobody's.
    for (const unit of ['1001', '1002', '1003']) {
      once(s, 'pointers.switch');
      expect((await s.returns.commit([version(key(unit), 1)])).outcomes[0].state).toBe('unknown');
    }
    once(s, 'rows.delete');
    const first = await repair(s.returns, s.reviews, DEFINITIONS, { graceMs: 0, settleAfterMs: 0 }, later);
    expect([first.writes.checked, first.writes.removed, first.writes.failed.length]).toEqual([3, 2, 1]);
    expect(first.writes.failed[0].reason).toContain('injected');
    const second = await repair(s.returns, s.reviews, DEFINITIONS, { graceMs: 0, settleAfterMs: 0 }, later);
    expect([second.writes.checked, second.writes.removed, second.writes.failed]).toEqual([1, 1, []]);
    expect(s.returns.logged()).toEqual([]);
  });

  test('one scope that cannot be brought up to date is reported and skipped; the other scopes are completed', async () => {
    const s = new MemoryStorage();
    // Stored versions whose writer stopped before the tallies, in two fiscal years (two scopes).
    for (const fy of [2563, 2564]) expect((await s.returns.commit([version(key('1001', fy), 5), version(key('1002', fy), 7)])).outcomes.map((o) => o.state)).toEqual(['stored', 'stored']);
    once(s, 'tallies.commit');
    const first = await repair(s.returns, s.reviews, DEFINITIONS, { graceMs: 0, settleAfterMs: 0 }, later);
    expect([first.intents.checked, first.intents.completed, first.intents.failed.length]).toEqual([4, 2, 1]);
    const check = async (fy: number) => {
      const r = await rebuildTallies(s.returns, HQ, FORM, UNITS, fy, 'FY', { write: false });
      if (isDomainError(r)) throw new Error(r.en);
      return r.matched;
    };
    expect([await check(2563), await check(2564)].sort()).toEqual([false, true]);
    await repair(s.returns, s.reviews, DEFINITIONS, { graceMs: 0, settleAfterMs: 0 }, later);
    expect([await check(2563), await check(2564)]).toEqual([true, true]);
  });

  test('an intent whose change never happened is forgotten only after the grace', async () => {
    const s = new MemoryStorage();
    await s.returns.tallies.intend({ formId: FORM.id, fiscalYear: 2563, basis: 'all' }, [
      { kind: 'return', id: 'never', orgUnit: '1001', subject: null, period: 'FY', revision: 1, at: new Date().toISOString() },
    ]);
    expect((await repair(s.returns, s.reviews, DEFINITIONS, { graceMs: 10 * 60_000, settleAfterMs: 0 }, later)).intents.forgotten).toBe(0);
    expect((await repair(s.returns, s.reviews, DEFINITIONS, { graceMs: 0, settleAfterMs: 0 }, later)).intents.forgotten).toBe(1);
  });

  test('each run is a span in telemetry with what it did; the timer logs one line and the failures', async () => {
    const s = new MemoryStorage();
    once(s, 'pointers.switch');
    await s.returns.commit([version(key('1001'), 1)]);
    exporter.reset();
    const lines: string[] = [];
    const ctx = new InvocationContext({ logHandler: (_level, ...args) => lines.push(args.join(' ')) });
    // The timer with the repair's own grace: a write this fresh is left alone.
    await repairTimer(makeDeps(configFromEnv({ RETURNS_ENV: 'development' }), { memory: s }))(
      { isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: { last: '', next: '', lastUpdated: '' } },
      ctx,
    );
    expect(lines.join('\n')).toMatch(/^repair: 0 write\(s\) checked, 0 removed; 0 tally intent\(s\) checked/m);
    await repair(s.returns, s.reviews, DEFINITIONS, { graceMs: 0, settleAfterMs: 0 }, later);
    const spans = exporter.getFinishedSpans().filter((x) => x.name === 'repair');
    expect(spans).toHaveLength(2);
    expect(spans[1].attributes).toMatchObject({ 'repair.writes.checked': 1, 'repair.writes.removed': 1, 'repair.writes.failed': 0, 'repair.intents.failed': 0 });
  });
});
