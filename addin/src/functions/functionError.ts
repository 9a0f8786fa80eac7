/**
 * Errors the functions show in the cell: #VALUE! for a bad argument, #N/A for an unknown
 * indicator, no data yet, or the backend unreachable — each with its own message.
 * Outside Excel (tests) a plain Error carries the same code and message.
 */
export type FunctionErrorCode = '#VALUE!' | '#N/A';
export type FunctionErrorKind = 'bad_argument' | 'unknown_indicator' | 'no_data' | 'network';

export class FunctionError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    readonly kind: FunctionErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export const badArgument = (msg: string) => new FunctionError('#VALUE!', 'bad_argument', msg);
export const unknownIndicator = (msg: string) => new FunctionError('#N/A', 'unknown_indicator', msg);
export const noData = (msg: string) => new FunctionError('#N/A', 'no_data', msg);
export const networkError = (msg: string) => new FunctionError('#N/A', 'network', `network: ${msg}`);

/** In Excel: the CustomFunctions.Error with the same code and message. */
export function toExcelError(e: FunctionError): unknown {
  const cf = (globalThis as { CustomFunctions?: { Error: new (code: unknown, msg?: string) => unknown; ErrorCode: Record<string, unknown> } }).CustomFunctions;
  if (!cf) return e;
  return new cf.Error(e.code === '#VALUE!' ? cf.ErrorCode.invalidValue : cf.ErrorCode.notAvailable, e.message);
}
