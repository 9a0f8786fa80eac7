import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { parseFigureArgs } from '@returns-hub/addin/functions/parseFunctionArgs';
import { FigureSource } from '@returns-hub/addin/functions/figureSource';
import { pct, received, status, total, useFigureSource, useFunctionErrors } from '@returns-hub/addin/functions/customFunctions';
import { FunctionError } from '@returns-hub/addin/functions/functionError';
import { ApiError, createApiClient, type ApiClient } from '@returns-hub/shared/api/client';
import type { Tally } from '@returns-hub/shared/consolidate/tally';
import { startApi, uploadFiles, type Api } from '../support/apiHarness';
import { sampleFiles } from '../support/samples';

const fails = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as FunctionError;
  }
  throw new Error('expected a failure');
};

describe('argument parsing', () => {
  test('form, fiscal year (BE or CE), period, org unit by code or name, HQ by default', () => {
    const q = parseFigureArgs('bma-community-plan-return', 2563);
    expect([q.form.id, q.fy, q.period, q.by, q.unit]).toEqual(['bma-community-plan-return', 2563, 'FY', 'hq', 'BMA']);
    expect(parseFigureArgs('bma-community-plan-return', '2020', '', 'วังทองหลาง')).toMatchObject({ fy: 2563, by: 'district', unit: '1045' });
    expect(parseFigureArgs('bma-community-plan-return', 2563, 'fy', 'Z-C')).toMatchObject({ period: 'FY', by: 'zone', unit: 'Z-C' });
    expect(parseFigureArgs('codi-quarterly-kpi', 2563, 'q2', 'อีสาน')).toMatchObject({ period: 'Q2', by: 'region', unit: 'NE' });
    expect(parseFigureArgs('codi-quarterly-kpi', 2563, 'Q2')).toMatchObject({ by: 'hq', unit: 'CODI' });
  });

  test.each([
    ['unknown form', ['no-such-form', 2563]],
    ['a year that is no year', ['bma-community-plan-return', 'last year']],
    ['a bad period', ['bma-community-plan-return', 2563, 'Q9']],
    ['a quarterly form without its quarter', ['codi-quarterly-kpi', 2563]],
    ['an unknown org unit', ['bma-community-plan-return', 2563, 'FY', 'ปทุมธานี']],
  ])('%s is #VALUE!', (_n, args) => {
    expect(() => (parseFigureArgs as (...a: unknown[]) => unknown)(...args)).toThrow(FunctionError);
    try {
      (parseFigureArgs as (...a: unknown[]) => unknown)(...args);
    } catch (e) {
      expect((e as FunctionError).code).toBe('#VALUE!');
    }
  });
});

describe('batching and caching', () => {
  const tally: Tally = {
    formId: 'bma-community-plan-return',
    fiscalYear: 2563,
    period: 'FY',
    by: 'hq',
    groups: [{ orgUnit: 'BMA', name_th: 'กรุงเทพมหานคร', name_en: 'BMA', received: 50, expected: 50, measures: [{ id: 'budget_disbursed', label_th: '', label_en: '', value: 583203, pct: 17.85 }] }],
  };
  function fakeApi() {
    const calls: string[] = [];
    const api = { tallies: async (q: { form: string }) => (calls.push(q.form), tally) } as unknown as ApiClient;
    return { api, calls };
  }

  test('100 cells in one recalculation → 1 request', async () => {
    const { api, calls } = fakeApi();
    useFigureSource(new FigureSource(() => api));
    const values = await Promise.all(Array.from({ length: 100 }, () => total('bma-community-plan-return', 'budget_disbursed', 2563)));
    expect(values.every((v) => v === 583203)).toBe(true);
    expect(calls).toHaveLength(1);
  });

  test('results are cached until the interval passes or the pane refreshes', async () => {
    const { api, calls } = fakeApi();
    let now = 0;
    const source = new FigureSource(
      () => api,
      60_000,
      () => now,
    );
    useFigureSource(source);
    await total('bma-community-plan-return', 'budget_disbursed', 2563);
    await total('bma-community-plan-return', 'budget_disbursed', 2563);
    expect(calls).toHaveLength(1);
    now = 61_000;
    await total('bma-community-plan-return', 'budget_disbursed', 2563);
    expect(calls).toHaveLength(2);
    source.refresh();
    await total('bma-community-plan-return', 'budget_disbursed', 2563);
    expect(calls).toHaveLength(3);
  });

  test('errors: unknown indicator #N/A, network #N/A (its own message), API refusal #VALUE!; failures are not cached', async () => {
    const { api } = fakeApi();
    useFigureSource(new FigureSource(() => api));
    expect(await fails(total('bma-community-plan-return', 'no_such', 2563))).toMatchObject({ code: '#N/A', kind: 'unknown_indicator' });
    let down = true;
    const flaky = {
      tallies: async () => {
        if (down) throw new TypeError('fetch failed');
        return tally;
      },
    } as unknown as ApiClient;
    useFigureSource(new FigureSource(() => flaky));
    const e = await fails(total('bma-community-plan-return', 'budget_disbursed', 2563));
    expect([e.code, e.kind]).toEqual(['#N/A', 'network']);
    expect(e.text.th).toMatch(/ติดต่อส่วนกลางไม่ได้/);
    down = false;
    expect(await total('bma-community-plan-return', 'budget_disbursed', 2563)).toBe(583203);
    const refusing = {
      tallies: async () => {
        throw new ApiError(403, { type: '', title: 'Forbidden', status: 403, detail: 'This key may read only org unit 1045.' });
      },
    } as unknown as ApiClient;
    useFigureSource(new FigureSource(() => refusing));
    expect(await fails(total('bma-community-plan-return', 'budget_disbursed', 2563))).toMatchObject({ code: '#VALUE!' });
  });
});

describe('function errors by requirement set', () => {
  /** Stands for office.js's CustomFunctions.Error (CustomFunctionsRuntime 1.2). */
  class HostError {
    constructor(
      readonly code: unknown,
      readonly message?: string,
    ) {}
  }
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'CustomFunctions');
    useFunctionErrors(false);
  });

  test('CustomFunctions.Error only where the host has CustomFunctionsRuntime 1.2; before it the plain error', async () => {
    Object.assign(globalThis, { CustomFunctions: { Error: HostError, ErrorCode: { invalidValue: 'invalidValue', notAvailable: 'notAvailable' } } });
    const api = {
      tallies: async () => ({
        formId: 'bma-community-plan-return',
        fiscalYear: 2563,
        period: 'FY',
        by: 'hq',
        groups: [{ orgUnit: 'BMA', name_th: '', name_en: '', received: 1, expected: 1, measures: [] }],
      }),
    };
    useFigureSource(
      new FigureSource(() =>
        createApiClient({ baseUrl: 'http://127.0.0.1:9', key: 'k', fetch: async () => ({ ok: true, status: 200, statusText: 'OK', text: async () => JSON.stringify(await api.tallies()) }) }),
      ),
    );
    useFunctionErrors(false);
    const plain = await total('bma-community-plan-return', 'no_such', 2563).catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(FunctionError);
    useFunctionErrors(true);
    const hosted = await total('bma-community-plan-return', 'no_such', 2563).catch((e: unknown) => e);
    expect(hosted).toBeInstanceOf(HostError);
    expect(hosted).toMatchObject({ code: 'notAvailable' });
  });
});

describe('against the local backend on Azurite', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
    const hq = api.client();
    await uploadFiles(hq, [...sampleFiles('community-plan/districts'), ...sampleFiles('codi-kpi')]);
    useFigureSource(new FigureSource(() => createApiClient({ baseUrl: api.url, key: 'dev-hq', fetch, attempts: 1 })));
  }, 120_000);
  afterAll(async () => api?.close());

  test('formulas give the FORMS.md figures', async () => {
    expect(await total('bma-community-plan-return', 'budget_disbursed', 2563)).toBe(583203);
    expect(await pct('bma-community-plan-return', 'budget_disbursed', 2563)).toBe(17.85);
    expect(await received('bma-community-plan-return', 2563)).toBe('50/50');
    expect(await pct('codi-quarterly-kpi', 5.1, 2563, 'Q2')).toBe(185.41);
    expect(await status('codi-quarterly-kpi', '5.1', 2563, 'Q2')).toBe('เขียว');
    expect(await status('codi-quarterly-kpi', '5.3', 2563, 'Q2')).toBe('');
    expect(await total('codi-quarterly-kpi', '5.1', 2563, 'Q2', 'เหนือ')).toBe(420);
    expect(await total('codi-quarterly-kpi', '2', 2563, 'Q2')).toBe(11315);
    expect(await total('bma-community-plan-return', 'communities_total', 2563, 'FY', 'Z-C')).toBeGreaterThan(0);
  }, 60_000);
});

describe('metadata', () => {
  test('generated from the JSDoc, four functions, referenced by the manifest under RETURNS', async () => {
    const meta = await generateCustomFunctionsMetadata(resolve(__dirname, '../../addin/src/functions/customFunctions.ts'), false);
    expect(meta.errors).toEqual([]);
    const json = JSON.parse(meta.metadataJson);
    expect(json.functions.map((f: { id: string }) => f.id)).toEqual(['TOTAL', 'PCT', 'STATUS', 'RECEIVED']);
    expect(json.functions[0].parameters.filter((p: { optional?: boolean }) => p.optional).map((p: { name: string }) => p.name)).toEqual(['period', 'orgUnit']);
    const manifest = readFileSync(resolve(__dirname, '../../manifest.xml'), 'utf8');
    expect(manifest).toContain('<ExtensionPoint xsi:type="CustomFunctions">');
    expect(manifest).toMatch(/id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions.json"/);
    expect(manifest).toMatch(/id="Functions.Namespace" DefaultValue="RETURNS"/);
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
  }, 60_000);
});
