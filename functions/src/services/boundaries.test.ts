import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The services speak the domain: they import neither the HTTP layer nor a concrete store. */
describe('service boundaries', () => {
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  test.each(files)('%s imports no http/ module and no concrete store', (file) => {
    const imports = [...readFileSync(join(__dirname, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.filter((i) => i.includes('/http/') || i.startsWith('../http') || /tableReturnStore|@azure\//.test(i))).toEqual([]);
  });
});
