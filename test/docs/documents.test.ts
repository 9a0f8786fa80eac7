import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { GUIDE_IMAGES, GUIDE_PICTURES, buildFingerprint, readStamp, sha256OfImage } from '../../scripts/guidePictures';

/** The documents a newcomer reads, checked against the repository and the product. */
const ROOT = resolve(__dirname, '../..');
const GUIDES = join(ROOT, 'docs/guides');

function markdownUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) markdownUnder(path, out);
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}
const DOCS = [join(ROOT, 'README.md'), ...markdownUnder(join(ROOT, 'docs'))];
const shown = (p: string) => relative(ROOT, p).split(sep).join('/');
const text = (p: string) => readFileSync(p, 'utf8');
/** Markdown without its code: what is in fences and backticks is not a link or a label. */
const prose = (md: string) => md.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');

/** Every text the task pane and its pages can show: the string literals and JSX text of addin/src. */
function productTexts(): string {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|html)$/.test(name) && !name.endsWith('.test.ts')) files.push(path);
    }
  };
  walk(join(ROOT, 'addin/src'));
  return files.map(text).join('\n');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped (Thai letters and marks kept), spaces as hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
/** The anchors a markdown file's headings make (a repeated one gets -1, -2…, as GitHub does). */
function anchorsOf(md: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const m of md.replace(/^```[\s\S]*?^```$/gm, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const base = slug(m[1].replace(/`/g, ''));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n ? `${base}-${n}` : base);
  }
  return anchors;
}

describe('documents', () => {
  test('every relative link and image in the README and docs/ leads to a file that exists, and to a heading it has', () => {
    const broken: string[] = [];
    for (const doc of DOCS) {
      for (const m of prose(text(doc)).matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)) {
        const [target, anchor] = m[1].split('#');
        if (/^[a-z]+:/i.test(target)) continue;
        const file = target ? resolve(dirname(doc), decodeURI(target)) : doc;
        if (!existsSync(file)) broken.push(`${shown(doc)}: ${m[1]}`);
        else if (anchor && file.endsWith('.md') && !anchorsOf(text(file)).has(decodeURIComponent(anchor))) broken.push(`${shown(doc)}: ${m[1]} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('no document holds the markers of a merge left unresolved', () => {
    const marked = DOCS.filter((d) => /^(<{7}|>{7}) |^={7}$/m.test(text(d))).map(shown);
    expect(marked).toEqual([]);
  });

  test('the README links every guide, and the guides are in Thai first with English beside', () => {
    const readme = text(join(ROOT, 'README.md'));
    for (const guide of ['clerk', 'reviewer', 'analyst', 'it-officer']) {
      expect(readme).toContain(`(docs/guides/${guide}.md)`);
      const md = text(join(GUIDES, `${guide}.md`));
      expect(md.split('\n')[0]).toMatch(/^# [\u0E00-\u0E7F].* · [A-Z]/); // a Thai title, then the English one
      // Each step in Thai has its English beside it (an italic line after a Thai one).
      const thai = md.split('\n').filter((l) => /^\s*(\d+\.|-)?\s*[\u0E00-\u0E7F]/.test(l)).length;
      const english = md.split('\n').filter((l) => /^\s*(\d+\.|-)?\s*\*[A-Z]/.test(l)).length;
      expect(english).toBeGreaterThan(thai * 0.5);
    }
  });

  test('every button or tab a guide quotes (**“…”**) is one the product shows', () => {
    const product = productTexts();
    const missing: string[] = [];
    for (const guide of markdownUnder(GUIDES)) {
      for (const m of prose(text(guide)).matchAll(/\*\*“([^”]+)”\*\*/g)) {
        const label = m[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (!new RegExp(`['"\`>]${label}['"\`<]`).test(product)) missing.push(`${shown(guide)}: “${m[1]}”`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('the documents say the same about which Excel runs the pane', () => {
    const notSupported = /Excel 2016 and 2019 bought once are\s+not\s+supported|Excel 2016 และ 2019 ที่ซื้อแบบถาวรไม่รองรับ/;
    const contradicting = /Excel 2016 (and|or) later|Excel 2016 is supported|loads on Excel 2016/i;
    const saying: string[] = [];
    for (const doc of DOCS) {
      const md = text(doc);
      if (contradicting.test(md)) saying.push(`${shown(doc)} says Excel 2016 runs the pane`);
      if (/Excel 2016/.test(prose(md)) && !notSupported.test(md.replace(/\s+/g, ' '))) saying.push(`${shown(doc)} names Excel 2016 without the statement`);
    }
    expect(saying).toEqual([]);
    // Where the statement is made.
    for (const doc of ['docs/addin.md', 'docs/deploy.md', 'docs/guides/clerk.md', 'docs/guides/it-officer.md']) {
      expect(text(join(ROOT, doc)).replace(/\s+/g, ' ')).toMatch(notSupported);
    }
  });

  test('every picture a guide shows was taken by a browser test, from the build of the pane as it is now', async () => {
    const AGAIN = 'run `npm run guides:pictures` and commit docs/guides/img';
    const shownByGuides = new Set(markdownUnder(GUIDES).flatMap((g) => [...prose(text(g)).matchAll(/!\[[^\]]*\]\(([^)\s]+\.png)\)/g)].map((m) => relative(GUIDE_IMAGES, resolve(dirname(g), m[1])))));
    expect(shownByGuides.size).toBeGreaterThanOrEqual(GUIDE_PICTURES.length);
    // The guides show exactly the pictures the command makes: none by hand, none left over.
    expect([...shownByGuides].sort()).toEqual(GUIDE_PICTURES.map((p) => p.image).sort());
    const stamp = readStamp();
    if (!stamp) throw new Error(`docs/guides/img/pictures.json is missing: ${AGAIN}`);
    const notFromTests = GUIDE_PICTURES.filter((p) => stamp.pictures[p.image]?.sha256 !== sha256OfImage(p.image) || stamp.pictures[p.image]?.artifact !== p.artifact);
    if (notFromTests.length) throw new Error(`not the browser tests' pictures: ${notFromTests.map((p) => p.image).join(', ')}; ${AGAIN}`);
    const now = await buildFingerprint();
    if (stamp.build !== now) throw new Error(`the guides' pictures show an earlier build of the pane (${stamp.build.slice(0, 12)}, now ${now.slice(0, 12)}): ${AGAIN}`);
  }, 120_000);
});
