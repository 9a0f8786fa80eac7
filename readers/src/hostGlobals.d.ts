/**
 * The host globals the readers use, which every JavaScript host they run in has (Node 20 and
 * current browsers) but ES2022 does not declare: the WHATWG encoding API, and the console
 * (silenced while SheetJS writes notes to it).
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const console: { error(...args: unknown[]): void; warn(...args: unknown[]): void };
