import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflateRows, deflateSegment, startsBlock, zipSegments } from '../../scripts/lib/zip.ts';

describe('zips made of segments', () => {
  it('unzip to the CSV and README they were made of, the rows deflated block by block', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `r-${i}`, csv: Buffer.from(`r-${i},某某县人民政府,${(i * 7919) % 1000}\r\n`, 'utf8') }));
    const header = Buffer.from('id,agency,n\r\n');
    const readme = Buffer.from('README: 说明\n', 'utf8');
    const segments = await deflateRows(rows);
    // A block starts at each row whose id starts one (after the first): about one in 64.
    expect(segments).toHaveLength(1 + rows.slice(1).filter((r) => startsBlock(r.id)).length);
    expect(segments.length).toBeGreaterThan(20);
    const csv = [header, ...rows.map((r) => r.csv)];
    const zip = Buffer.concat(zipSegments([
      { name: 'reports-2023.csv', parts: csv, segments: [await deflateSegment(header), ...segments] },
      { name: 'README.txt', parts: [readme], segments: [await deflateSegment(readme)] },
    ]));
    const files = unzipSync(zip);
    expect(Buffer.from(files['reports-2023.csv']!).equals(Buffer.concat(csv))).toBe(true);
    expect(Buffer.from(files['README.txt']!).equals(readme)).toBe(true);
  });
});
