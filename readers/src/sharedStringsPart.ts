import { issueAt } from '@returns-hub/shared/issues/messages';
import { Refusal } from './readBudget';
import { ownString } from './ownString';
import { MAX_SHEET_CELLS, MAX_TEXT_CHARS } from './readLimits';
import { ooxmlText, prefixOf, xmlTokenizer } from './xmlStream';

/**
 * The shared strings, streamed item by item: each `<si>` is the text of its `<t>` runs
 * (rich-text runs joined), phonetic runs (`<rPh>`, shown by Excel only as ruby) left out.
 * Their total is bounded.
 */
export async function readSharedStrings(chunks: AsyncIterable<Uint8Array>, part: string): Promise<string[]> {
  const out: string[] = [];
  let SI = '';
  let T = '';
  let RPH = '';
  let item: string | undefined;
  let inT = false;
  let phonetic = 0;
  let chars = 0;
  const tooLarge = () => new Refusal(issueAt('error', 'file.too_large', part, { size: chars, limit: MAX_TEXT_CHARS }));
  const xml = xmlTokenizer(part, {
    open(tag) {
      const n = tag.name;
      if (!SI) {
        const p = prefixOf(n);
        [SI, T, RPH] = [`${p}si`, `${p}t`, `${p}rPh`];
      } else if (n === SI) item = '';
      else if (n === T) inT = item !== undefined && phonetic === 0;
      else if (n === RPH) phonetic++;
    },
    close(tag) {
      const n = tag.name;
      if (n === T) inT = false;
      else if (n === RPH) phonetic--;
      else if (n === SI && item !== undefined) {
        const s = ownString(ooxmlText(item));
        chars += s.length;
        if (chars > MAX_TEXT_CHARS || out.length >= MAX_SHEET_CELLS) throw tooLarge();
        out.push(s);
        item = undefined;
      }
    },
    text(s) {
      if (!inT) return;
      item += s;
      if (item!.length > MAX_TEXT_CHARS) throw tooLarge();
    },
  });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) xml.write(decoder.decode(chunk, { stream: true }));
  xml.write(decoder.decode());
  xml.close();
  return out;
}
