import { createApiClient } from '@returns-hub/shared/api/client';
import type { Tally } from '@returns-hub/shared/consolidate/tally';
import { pct, status, total, useFigureSource, useFunctionErrors, useFunctionLanguage } from './customFunctions';
import { FigureSource } from './figureSource';
import { FunctionError } from './functionError';

const TALLY: Tally = {
  formId: 'codi-quarterly-kpi',
  fiscalYear: 2563,
  period: 'Q2',
  by: 'hq',
  groups: [
    {
      orgUnit: 'CODI',
      name_th: 'พอช.',
      name_en: 'CODI',
      received: 5,
      expected: 5,
      measures: [
        { id: '5.1', label_th: 'จำนวนชุมชนที่ได้รับการพัฒนา', label_en: 'Communities developed', value: 420, status: 'green', pctOfTargetToDate: 185.41 },
        { id: '5.2', label_th: 'จำนวนครัวเรือน', label_en: 'Households', value: 10, status: 'yellow' },
        { id: '5.3', label_th: 'ร้อยละของแผน', label_en: 'Share of the plan', value: null },
      ],
    },
  ],
};

/** The functions' source over an API that answers with a status and a body, as the real client reads it. */
function answering(status: number, body: unknown): FigureSource {
  const fetch = async () => ({ ok: status < 400, status, statusText: '', text: async () => JSON.stringify(body) });
  return new FigureSource(() => createApiClient({ baseUrl: 'http://127.0.0.1:9', key: 'k', fetch, attempts: 1 }));
}

async function failure(p: Promise<unknown>): Promise<FunctionError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof FunctionError)) throw new Error(`expected a FunctionError, got ${String(e)}`);
  return e;
}

/** Thai prose: Thai script, and no English word of three letters or more outside the quoted argument and codes. */
const thaiProse = (s: string) => /[\u0E00-\u0E7F]/.test(s) && !/(^|[\s(])[A-Za-z]{3,}(?![\w.-]*[)_-])/.test(s.replace(/“[^”]*”/g, ''));

afterEach(() => {
  useFunctionLanguage('th');
  useFunctionErrors(false);
});

describe('STATUS speaks the clerk’s language', () => {
  test('เขียว / เหลือง in Thai, Green / Yellow in English, empty where there is no light', async () => {
    useFigureSource(answering(200, TALLY));
    expect(await status('codi-quarterly-kpi', '5.1', 2563, 'Q2')).toBe('เขียว');
    expect(await status('codi-quarterly-kpi', 5.2, 2563, 'Q2')).toBe('เหลือง');
    expect(await status('codi-quarterly-kpi', '5.3', 2563, 'Q2')).toBe('');
    useFunctionLanguage('en');
    expect(await status('codi-quarterly-kpi', '5.1', 2563, 'Q2')).toBe('Green');
    expect(await status('codi-quarterly-kpi', 5.2, 2563, 'Q2')).toBe('Yellow');
  });
});

describe('cell errors are sentences, never ids or validator text', () => {
  test('an unknown indicator names the ones there are, by their names', async () => {
    useFigureSource(answering(200, TALLY));
    const e = await failure(total('codi-quarterly-kpi', '9.9', 2563, 'Q2'));
    expect(e.code).toBe('#N/A');
    expect(e.text.th).toContain('ไม่มีตัวชี้วัด “9.9”');
    expect(e.text.th).toContain('5.1 (จำนวนชุมชนที่ได้รับการพัฒนา)');
    expect(e.text.en).toContain('5.1 (Communities developed)');
    expect(e.text.th).not.toContain('codi-quarterly-kpi');
  });

  test('no value yet, and no target to date, name the indicator', async () => {
    useFigureSource(answering(200, TALLY));
    expect((await failure(total('codi-quarterly-kpi', '5.3', 2563, 'Q2'))).text).toEqual({ th: 'ยังไม่มีค่าของร้อยละของแผน ในงวดนี้', en: 'No value yet for Share of the plan in this period.' });
    expect((await failure(pct('codi-quarterly-kpi', '5.2', 2563, 'Q2'))).text.th).toBe('จำนวนครัวเรือน ไม่มีเป้าหมายถึงงวดนี้ จึงไม่มีร้อยละ');
  });

  test('a unit with no figures: its name, the form’s title, the period in words', async () => {
    useFigureSource(answering(200, { ...TALLY, by: 'region', groups: [] }));
    const e = await failure(total('codi-quarterly-kpi', '5.1', 2563, 'Q2', 'NE'));
    expect(e.text.th).toMatch(/^ยังไม่มีตัวเลขของ.+ ใน.+ ไตรมาส 2\/2563$/);
    expect(e.text.th).not.toMatch(/\bNE\b|codi-quarterly-kpi/);
    expect(thaiProse(e.text.th)).toBe(true);
  });

  test('a refusal gives the server’s Thai detail in Thai, never its English', async () => {
    useFigureSource(
      answering(403, {
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        detail: 'This key may read only org unit 1045.',
        code: 'auth.forbidden',
        title_th: 'ไม่มีสิทธิ์',
        detail_th: 'รหัสนี้อ่านได้เฉพาะข้อมูลของเขตวังทองหลาง',
      }),
    );
    const e = await failure(total('codi-quarterly-kpi', '5.1', 2563, 'Q2'));
    expect([e.code, e.text.th, e.text.en]).toEqual(['#VALUE!', 'รหัสนี้อ่านได้เฉพาะข้อมูลของเขตวังทองหลาง', 'This key may read only org unit 1045.']);
  });

  test('in Excel (CustomFunctionsRuntime 1.2) the cell gets the sentence in the display language', async () => {
    class HostError {
      constructor(
        readonly code: unknown,
        readonly message?: string,
      ) {}
    }
    Object.assign(globalThis, { CustomFunctions: { Error: HostError, ErrorCode: { invalidValue: 'invalidValue', notAvailable: 'notAvailable' } } });
    try {
      useFigureSource(answering(200, TALLY));
      useFunctionErrors(true);
      expect(await total('codi-quarterly-kpi', '5.1', 2563, 'Q9').catch((x: unknown) => x)).toMatchObject({ code: 'invalidValue', message: expect.stringMatching(/^งวด "Q9" ไม่ถูกต้อง/) });
      useFunctionLanguage('en');
      expect(await total('codi-quarterly-kpi', '5.3', 2563, 'Q2').catch((x: unknown) => x)).toEqual(new HostError('notAvailable', 'No value yet for Share of the plan in this period.'));
    } finally {
      Reflect.deleteProperty(globalThis, 'CustomFunctions');
    }
  });
});
