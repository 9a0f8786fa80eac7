import { inLang, type Bilingual, type Lang } from '../text/bilingual';

/**
 * Errors the functions show in the cell: #VALUE! for a bad argument, #N/A for an unknown
 * indicator, no data yet, or the backend unreachable — each with a sentence in Thai and
 * English; the cell shows the one in Office's display language. Outside Excel (tests) the
 * error itself carries the code and both texts.
 */
export type FunctionErrorCode = '#VALUE!' | '#N/A';
export type FunctionErrorKind = 'bad_argument' | 'unknown_indicator' | 'no_data' | 'network';

export class FunctionError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    readonly kind: FunctionErrorKind,
    readonly text: Bilingual,
  ) {
    super(text.en);
  }
}

export const badArgument = (text: Bilingual) => new FunctionError('#VALUE!', 'bad_argument', text);
export const unknownIndicator = (text: Bilingual) => new FunctionError('#N/A', 'unknown_indicator', text);
export const noData = (text: Bilingual) => new FunctionError('#N/A', 'no_data', text);
export const networkError = () =>
  new FunctionError('#N/A', 'network', {
    th: 'ติดต่อส่วนกลางไม่ได้ ตรวจการเชื่อมต่ออินเทอร์เน็ต แล้วกด F9 เพื่อคำนวณใหม่',
    en: 'Headquarters could not be reached: check the internet connection, then press F9 to recalculate.',
  });

/** In Excel: the CustomFunctions.Error with the same code and the sentence in the clerk's language. */
export function toExcelError(e: FunctionError, lang: Lang): unknown {
  const cf = (globalThis as { CustomFunctions?: { Error: new (code: unknown, msg?: string) => unknown; ErrorCode: Record<string, unknown> } }).CustomFunctions;
  if (!cf) return e;
  return new cf.Error(e.code === '#VALUE!' ? cf.ErrorCode.invalidValue : cf.ErrorCode.notAvailable, inLang(e.text, lang));
}
