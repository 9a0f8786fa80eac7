/** The codes the fake throws, as office.js names them (`OfficeExtension.Error.code`). */
export type FakeErrorCode =
  | 'InvalidOperationInCellEditMode'
  | 'AccessDenied'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'RangeExceedsLimit'
  | 'GeneralException'
  | 'ApiNotFound'
  | 'InvalidArgument'
  | 'PropertyNotLoaded';

/** What office.js throws from `context.sync()`: an Error with a `code` and `debugInfo`. */
export class FakeRichApiError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: FakeErrorCode,
    message: string = code,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message };
  }
}

export function notLoaded(property: string): FakeRichApiError {
  return new FakeRichApiError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
