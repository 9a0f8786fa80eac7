/** INTERIM (see zlib.ts): the page reads bytes it was given, never a path; `node:fs` is not there. */
const none = (): never => {
  throw new Error('no file system in the browser');
};
export const openSync = none;
export const closeSync = none;
export const fstatSync = none;
export const readSync = none;
