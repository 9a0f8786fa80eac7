import { ApiError } from '@returns-hub/shared/api/client';
import { apiProblemText } from './apiProblemText';

describe('API problem details in the clerk’s language', () => {
  test('the server’s Thai detail and English detail', () => {
    const e = new ApiError(403, {
      type: 't',
      title: 'Forbidden',
      status: 403,
      detail: 'This key may submit only for org unit 1045',
      code: 'auth.other_unit',
      detail_th: 'รหัสนี้ส่งได้เฉพาะของเขตวังทองหลาง',
    } as ConstructorParameters<typeof ApiError>[1]);
    expect(apiProblemText(e)).toEqual({ th: 'รหัสนี้ส่งได้เฉพาะของเขตวังทองหลาง', en: 'This key may submit only for org unit 1045' });
  });

  test('without Thai from the server, Thai by status: never the English detail inside Thai', () => {
    const e = new ApiError(403, { type: 't', title: 'Forbidden', status: 403, detail: 'This key may submit only for org unit 1045' });
    const text = apiProblemText(e);
    expect(text.th).toContain('ไม่มีสิทธิ์');
    expect(text.th).not.toMatch(/[A-Za-z]/);
    expect(apiProblemText(new ApiError(503, { type: 't', title: 'x', status: 503, detail: '' })).th).toContain('ขัดข้องชั่วคราว');
  });
});
