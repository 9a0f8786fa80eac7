import { MemoryStorage } from '@returns-hub/functions/store/memoryStore';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { startApi, requestFor, type Api } from '../support/apiHarness';
import { sample } from '../support/samples';

const exporter = new InMemorySpanExporter();
let api: Api;

beforeAll(async () => {
  // As the Azure Monitor distro does in production: the active span follows the request.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  api = await startApi({ memory: new MemoryStorage() });
}, 60_000);
afterAll(async () => {
  trace.disable();
  context.disable();
  await api?.close();
});

describe('request telemetry (OpenTelemetry → Application Insights when configured)', () => {
  test('a submission is traced with route, status, form, org unit and role, and nothing it carried', async () => {
    exporter.reset();
    const request = await requestFor(sample('community-plan/districts/1046.xlsx'));
    await api.client('dev-unit-1046').submit(request);
    const spans = exporter.getFinishedSpans();
    expect(spans).toHaveLength(1);
    const attrs = spans[0].attributes;
    expect(attrs).toEqual(
      expect.objectContaining({
        'http.request.method': 'POST',
        'http.route': '/api/returns',
        'http.response.status_code': 201,
        'returns.form': 'bma-community-plan-return',
        'returns.count': 1,
        'returns.org_unit': '1046',
        'enduser.role': 'unit',
      }),
    );
    // Neither the key nor any record value reaches the telemetry.
    const recorded = JSON.stringify(spans.map((s) => [s.name, s.attributes, s.events]));
    expect(recorded).not.toContain('dev-unit-1046');
    const values = request.returns.flatMap((r) => Object.values(r.fields).map((f) => String(f.v ?? '')));
    expect(values.length).toBeGreaterThan(5);
    for (const v of values.filter((x) => x.length >= 4 && x !== '1046')) expect([v, recorded.includes(v)]).toEqual([v, false]);
  });

  test('a read names its form, fiscal year and period from the query', async () => {
    exporter.reset();
    await api.client('dev-hq').tallies({ form: 'bma-community-plan-return', fy: 2563, period: 'FY' });
    expect(exporter.getFinishedSpans()[0].attributes).toEqual(
      expect.objectContaining({
        'http.route': '/api/tallies',
        'returns.form': 'bma-community-plan-return',
        'returns.fiscal_year': '2563',
        'returns.period': 'FY',
        'enduser.role': 'hq',
        'http.response.status_code': 200,
      }),
    );
  });
});
