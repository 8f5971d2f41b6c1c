import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Cache } from '../../scripts/lib/cache.ts';
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

  it('keeps segments in the cache: after one row changes, two blocks are deflated again (its own and the next, whose dictionary it is), and the bytes are those made without a cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-segments-'));
    try {
      const rows = Array.from({ length: 3000 }, (_, i) => ({ id: `r-${i}`, csv: Buffer.from(`r-${i},某某县人民政府,${(i * 7919) % 1000}\r\n`, 'utf8') }));
      const cache = new Cache(dir);
      const first = await deflateRows(rows, { cache, used: new Set() });
      expect(cache.counts.deflate).toMatchObject({ made: first.length, hit: 0 });
      const changed = rows.map((r, i) => (i === 1500 ? { ...r, csv: Buffer.from(`r-${i},某某县人民政府,changed\r\n`, 'utf8') } : r));
      const again = new Cache(dir);
      const used = new Set<string>();
      const second = await deflateRows(changed, { cache: again, used });
      expect(again.counts.deflate).toMatchObject({ made: 2, hit: first.length - 2, damaged: 0 });
      expect(used.size).toBe(first.length);
      expect(Buffer.concat(second).equals(Buffer.concat(await deflateRows(changed)))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
