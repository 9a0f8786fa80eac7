import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_COPY, SHARED_SOURCE, SUMS_FILE, checkShared, copyShared, sumsOf } from '../../scripts/sharedCopy';
import { SAMPLES } from '../support/samples';
import { FORMS_MD } from '../support/formsTables';
import { MANIFEST_SCHEMAS } from '../../scripts/validateManifest';

const none = { missing: [], changed: [], extra: [] };

describe("the repository's copy of ../shared (samples, FORMS.md, manifest schemas)", () => {
  test('is intact, and is exactly what ../shared holds when ../shared is beside the repository', () => {
    const check = checkShared();
    expect(check.copy).toEqual(none);
    expect(sumsOf(SHARED_COPY).size).toBeGreaterThan(90);
    // On a clone alone there is nothing to compare with; beside the team's folder, every byte must match.
    expect(check.source).toEqual(existsSync(SHARED_SOURCE) ? none : null);
  });

  test('the tests read the copy unless told otherwise', () => {
    if (!process.env.SAMPLES_DIR) expect(SAMPLES).toBe(join(SHARED_COPY, 'samples'));
    if (!process.env.FORMS_MD && !process.env.SAMPLES_DIR) expect(FORMS_MD).toBe(join(SHARED_COPY, 'FORMS.md'));
    if (!process.env.MANIFEST_SCHEMAS) expect(MANIFEST_SCHEMAS).toBe(join(SHARED_COPY, 'manifest-schemas'));
  });

  describe('copy and check, on folders of their own', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'shared-copy-'));
      mkdirSync(join(dir, 'source/samples/welfare'), { recursive: true });
      mkdirSync(join(dir, 'source/manifest-schemas'), { recursive: true });
      writeFileSync(join(dir, 'source/FORMS.md'), '# Forms\n');
      writeFileSync(join(dir, 'source/samples/welfare/a.xlsx'), 'a');
      writeFileSync(join(dir, 'source/manifest-schemas/m.xsd'), '<xs/>');
      writeFileSync(join(dir, 'source/TOOLING.md'), 'not copied');
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    test('copy takes the listed names only, lists them with their SHA-256, and removes what the source no longer has', () => {
      const copy = join(dir, 'copy');
      mkdirSync(join(copy, 'samples/old'), { recursive: true });
      writeFileSync(join(copy, 'samples/old/gone.xlsx'), 'x');
      copyShared(join(dir, 'source'), copy);
      expect([...sumsOf(copy).keys()]).toEqual(['FORMS.md', 'manifest-schemas/m.xsd', 'samples/welfare/a.xlsx']);
      expect(readFileSync(join(copy, SUMS_FILE), 'utf8')).toMatch(/^[0-9a-f]{64} {2}FORMS\.md\n[0-9a-f]{64} {2}manifest-schemas\/m\.xsd\n/);
      expect(checkShared(join(dir, 'source'), copy)).toEqual({ copy: none, source: none });
      expect(checkShared(join(dir, 'absent'), copy)).toEqual({ copy: none, source: null });
    });

    test('check names a changed, a missing and an unlisted file, in the copy and in the source', () => {
      const copy = join(dir, 'copy');
      copyShared(join(dir, 'source'), copy);
      writeFileSync(join(dir, 'source/samples/welfare/a.xlsx'), 'b');
      writeFileSync(join(dir, 'source/samples/welfare/new.xlsx'), 'n');
      rmSync(join(dir, 'source/manifest-schemas/m.xsd'));
      expect(checkShared(join(dir, 'source'), copy).source).toEqual({
        missing: ['manifest-schemas/m.xsd'],
        changed: ['samples/welfare/a.xlsx'],
        extra: ['samples/welfare/new.xlsx'],
      });
      writeFileSync(join(copy, 'FORMS.md'), '# Edited by hand\n');
      expect(checkShared(join(dir, 'source'), copy).copy).toEqual({ missing: [], changed: ['FORMS.md'], extra: [] });
    });
  });
});
