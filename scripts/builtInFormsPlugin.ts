import type { Plugin } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FORMS = resolve(__dirname, '..', 'forms');

/**
 * The built-in definitions in a browser bundle (the pane, the clerk's page and its worker):
 * `@returns-hub/forms` reads its folder's `*.json` at run time in Node; in the browser the same
 * list, in the same order, is fixed at build time. Adding a form is adding its files to forms/;
 * no code names them.
 */
export function builtInFormsPlugin(): Plugin {
  return {
    name: 'built-in-forms',
    setup(b) {
      b.onResolve({ filter: /^@returns-hub\/forms$/ }, () => ({ path: FORMS, namespace: 'built-in-forms' }));
      b.onLoad({ filter: /.*/, namespace: 'built-in-forms' }, () => {
        const files = readdirSync(FORMS)
          .filter((f) => f.endsWith('.json') && f !== 'package.json')
          .sort();
        const docs = files.map((f) => readFileSync(resolve(FORMS, f), 'utf8').trim());
        return { contents: `const documents = [${docs.join(',\n')}];\nexport function builtInDocuments() { return documents; }\n`, loader: 'js', watchFiles: files.map((f) => resolve(FORMS, f)) };
      });
    },
  };
}
