import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

/** LibreOffice's filters for the renditions a test asks for. */
const FILTERS = { xls: 'xls:MS Excel 97', ods: 'ods:calc8' } as const;

/** Calc skips its first-run setup and writes no thumbnail (a third of the .ods time). */
const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Save/Document"><prop oor:name="GenerateThumbnail" oor:op="fuse"><value>false</value></prop></item>
</oor:items>`;

/**
 * The .xlsx files as LibreOffice Calc writes them in other formats, each format converted by one
 * headless Calc of its own (in parallel, private profiles): `<outDir>/<name>.<ext>`. Fewer
 * formats than scripts/convertSamples.sh, for tests that need only these.
 */
export async function calcRenditions(soffice: string, files: string[], outDir: string, formats: (keyof typeof FILTERS)[]): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'calc-renditions-'));
  try {
    await Promise.all(
      formats.map(async (ext) => {
        const profile = join(work, `profile-${ext}`);
        mkdirSync(join(profile, 'user'), { recursive: true });
        writeFileSync(join(profile, 'user/registrymodifications.xcu'), PROFILE);
        // Staged under plain names: soffice takes them all in one run.
        const stage = join(work, `stage-${ext}`);
        mkdirSync(stage);
        files.forEach((f, i) => symlinkSync(f, join(stage, `f${i}.xlsx`)));
        const out = join(work, `out-${ext}`);
        await promisify(execFile)(
          soffice,
          [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', FILTERS[ext], '--outdir', out, ...files.map((_, i) => join(stage, `f${i}.xlsx`))],
          { maxBuffer: 1 << 24 },
        );
        mkdirSync(outDir, { recursive: true });
        const made = new Set(readdirSync(out));
        files.forEach((f, i) => {
          if (!made.has(`f${i}.${ext}`)) throw new Error(`LibreOffice did not write ${basename(f)} as .${ext}`);
          renameSync(join(out, `f${i}.${ext}`), join(outDir, basename(f).replace(/\.xlsx$/, `.${ext}`)));
        });
      }),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
