import { openZip } from '@returns-hub/readers/zipArchive';
import type { Inflater } from '@returns-hub/readers/inflater';
import { fflateInflater } from '@returns-hub/readers/fflateInflater';
import { zlibInflater } from '@returns-hub/cli/xlsx/zlibInflater';
import { deflateRawSync } from 'node:zlib';
import { zipOf } from '../support/xlsxFixture';

/** The same zip reading with each host's inflater: fflate (the browser's worker, the default) and Node's zlib (the CLI). */
describe.each([
  ['fflate', fflateInflater],
  ['zlib', zlibInflater],
] as [string, Inflater][])('zip entries read a chunk at a time (%s)', (_name, inflater) => {
  async function inflated(zip: Buffer, name: string): Promise<{ bytes: Buffer; pieces: number }> {
    const z = openZip(zip, inflater);
    const parts: Buffer[] = [];
    for await (const c of z.chunks(z.find(name)!)) parts.push(Buffer.from(c));
    return { bytes: Buffer.concat(parts), pieces: parts.length };
  }

  test('a small part, inflated at once, comes whole in order', async () => {
    const text = 'ก'.repeat(300_000); // 900 KB of UTF-8
    const { bytes, pieces } = await inflated(zipOf({ 'a.xml': text }), 'a.xml');
    expect(bytes.toString('utf8')).toBe(text);
    expect(pieces).toBeGreaterThan(1);
  });

  test('a part whose directory understates its size is still read whole (streamed past the bound)', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024, 'x');
    const zip = zipOf({ 'a.xml': big });
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(100, central + 24); // declared size: 100 bytes
    expect(openZip(zip, inflater).find('a.xml')!.size).toBe(100);
    const { bytes } = await inflated(zip, 'a.xml');
    expect(bytes.equals(big)).toBe(true);
  });

  test('a whole part is unpacked up to its bound, and refused past it', () => {
    const raw = deflateRawSync(Buffer.alloc(1024 * 1024, 'x'));
    expect(inflater.whole(raw, 2 * 1024 * 1024)?.length).toBe(1024 * 1024);
    expect(inflater.whole(raw, 1000)).toBeNull();
  });
});
