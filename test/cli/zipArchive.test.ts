import { openZip } from '@returns-hub/cli/xlsx/zipArchive';
import { zipOf } from '../support/xlsxFixture';

async function inflated(zip: Buffer, name: string): Promise<{ bytes: Buffer; pieces: number }> {
  const z = openZip(zip);
  const parts: Buffer[] = [];
  for await (const c of z.chunks(z.find(name)!)) parts.push(c);
  return { bytes: Buffer.concat(parts), pieces: parts.length };
}

describe('zip entries read a chunk at a time', () => {
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
    expect(openZip(zip).find('a.xml')!.size).toBe(100);
    const { bytes } = await inflated(zip, 'a.xml');
    expect(bytes.equals(big)).toBe(true);
  });
});
