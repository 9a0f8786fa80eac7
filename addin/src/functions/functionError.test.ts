import { badArgument, networkError, noData, toExcelError } from './functionError';

/** Stands for office.js's CustomFunctions.Error (CustomFunctionsRuntime 1.2). */
class HostError {
  constructor(
    readonly code: unknown,
    readonly message?: string,
  ) {}
}

describe('the error a cell shows', () => {
  beforeEach(() => Object.assign(globalThis, { CustomFunctions: { Error: HostError, ErrorCode: { invalidValue: 'invalidValue', notAvailable: 'notAvailable' } } }));
  afterEach(() => Reflect.deleteProperty(globalThis, 'CustomFunctions'));

  test('its code, and the sentence in the display language', () => {
    const e = badArgument({ th: 'ปีงบประมาณไม่ถูกต้อง', en: 'The fiscal year is not valid.' });
    expect(toExcelError(e, 'th')).toEqual(new HostError('invalidValue', 'ปีงบประมาณไม่ถูกต้อง'));
    expect(toExcelError(e, 'en')).toEqual(new HostError('invalidValue', 'The fiscal year is not valid.'));
    expect(toExcelError(noData({ th: 'ยังไม่มีตัวเลข', en: 'No figures yet.' }), 'th')).toEqual(new HostError('notAvailable', 'ยังไม่มีตัวเลข'));
  });

  test('the network failure says what to do, not what the browser said', () => {
    const e = networkError();
    expect(e.text.th).toBe('ติดต่อส่วนกลางไม่ได้ ตรวจการเชื่อมต่ออินเทอร์เน็ต แล้วกด F9 เพื่อคำนวณใหม่');
    expect(e.text.en).toMatch(/^Headquarters could not be reached/);
    expect(e.message).toBe(e.text.en);
  });

  test('outside Excel the error itself is thrown', () => {
    Reflect.deleteProperty(globalThis, 'CustomFunctions');
    const e = networkError();
    expect(toExcelError(e, 'th')).toBe(e);
  });
});
