// Stands in for zod's `locales/index.js` in the pane's bundles (see zodEnglishOnly in buildAddin.ts):
// only the English locale, which zod registers as its default.
export { default as en } from 'zod/v4/locales/en.js';
