import { unzipSync } from 'fflate';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateSegment, zipEntryInfo, zipSegments } from '../../scripts/lib/zip.ts';

/** A CSV of many rows and a README, zipped from segments as the build does. */
async function sampleZip(): Promise<{ zip: Uint8Array; csv: Buffer; readme: Buffer }> {
  const rows = Array.from({ length: 3000 }, (_, i) => `r-${i},某某县人民政府,${(i * 7919) % 1000}\r\n`);
  const first = Buffer.from(rows.slice(0, 1500).join(''), 'utf8');
  const second = Buffer.from(rows.slice(1500).join(''), 'utf8');
  const csv = Buffer.concat([first, second]);
  const readme = Buffer.from('README: 说明\n', 'utf8');
  const zip = Buffer.concat(zipSegments([
    { name: 'reports-2023.csv', size: csv.length, crc: crc32(csv), segments: [await deflateSegment(first), await deflateSegment(second, first)] },
    { name: 'README.txt', size: readme.length, crc: crc32(readme), segments: [await deflateSegment(readme)] },
  ]));
  return { zip, csv, readme };
}

describe('zips made of segments', () => {
  it('unzip to the parts joined', async () => {
    const { zip, csv, readme } = await sampleZip();
    const files = unzipSync(zip);
    expect(Buffer.from(files['reports-2023.csv']!).equals(csv)).toBe(true);
    expect(Buffer.from(files['README.txt']!).equals(readme)).toBe(true);
  });

  it("give each entry's CRC and size from the whole zip or from its last bytes only", async () => {
    const { zip, csv, readme } = await sampleZip();
    for (const bytes of [zip, zip.subarray(zip.length - 300), zip.subarray(zip.length - 150)]) {
      expect(zipEntryInfo(bytes, 'reports-2023.csv')).toEqual({ crc: crc32(csv), size: csv.length });
      expect(zipEntryInfo(bytes, 'README.txt')).toEqual({ crc: crc32(readme), size: readme.length });
      expect(zipEntryInfo(bytes, 'other.csv')).toBeNull();
    }
    // Too few bytes to hold the central directory, or not a zip: nothing.
    expect(zipEntryInfo(zip.subarray(zip.length - 40), 'README.txt')).toBeNull();
    expect(zipEntryInfo(Buffer.from('not a zip at all'), 'README.txt')).toBeNull();
  });
});
