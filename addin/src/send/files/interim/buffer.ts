/** INTERIM (see zlib.ts): the readers still use Node's Buffer; the page's worker bundle gets it from the `buffer` package (esbuild `inject`). */
export { Buffer } from 'buffer';
