import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { cutBlocks, SegmentStore, type CsvBlock, type CsvRow } from '../../scripts/lib/segment-store.ts';

/** A row as the build passes it: its source file's hash stands for its bytes (a changed line comes from a changed file). */
const csvRow = (id: string, line: string): CsvRow => {
  const csv = Buffer.from(line, 'utf8');
  return { id, file: `reports/${id}.txt`, sha256: createHash('sha256').update(csv).digest('hex'), csv };
};

/** CSV rows of varied content, ids in order (as the build passes them). */
function rows(count: number, salt = ''): CsvRow[] {
  return Array.from({ length: count }, (_, i) => {
    const id = `r-${String(i).padStart(5, '0')}`;
    return csvRow(id, `${id},某某县人民政府${salt}${i % 7},${(i * 7919) % 1000},${'公开'.repeat(i % 13)}\r\n`);
  });
}

/** The deflate stream the zip holds: every block's segment, then an empty final block. */
async function stream(store: SegmentStore, blocks: readonly CsvBlock[]): Promise<Buffer> {
  const segments = await Promise.all(blocks.map((b) => store.segment(b)));
  return Buffer.concat([...segments, deflateRawSync(Buffer.alloc(0))]);
}

const SALT = 'salt-1';
const joined = (list: readonly { csv: Buffer }[]) => Buffer.concat(list.map((r) => r.csv));

describe('CSV blocks and their kept segments', () => {
  let dir = '';
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('cuts a run of numbered ids into blocks of about 64 rows, none huge (a changed row re-deflates its block and the next)', () => {
    for (const name of ['syn-', 'report-', '2023年某县人民政府-']) {
      const sizes = cutBlocks(Array.from({ length: 20_000 }, (_, i) => csvRow(`${name}${String(i).padStart(6, '0')}`, `${i}\r\n`))).map((b) => b.rows.length);
      expect(sizes.length).toBeGreaterThan(20_000 / 64 / 1.25);
      expect(sizes.length).toBeLessThan(20_000 / 64 * 1.25);
      // One row in 64 starting a block: a block of 900 rows or more has odds of e^-14 (~1 in 1.2 million).
      expect(Math.max(...sizes)).toBeLessThan(900);
      // What a changed row re-deflates on average: its block, weighted by size (about 2 × 64 rows when cut at random).
      expect(sizes.reduce((n, s) => n + s * s, 0) / 20_000).toBeLessThan(64 * 3);
    }
  });

  it('cuts rows into blocks by their ids, so a changed row changes its own block and the one after, no other', () => {
    const before = rows(3000);
    const after = before.map((r, i) => (i === 1500 ? csvRow(r.id, `${r.id},changed\r\n`) : r));
    const a = cutBlocks(before);
    const b = cutBlocks(after);
    expect(a.length).toBeGreaterThan(20);
    expect(b.map((x) => x.rows.length)).toEqual(a.map((x) => x.rows.length));
    const changed = a.flatMap((x, i) => (x.key === b[i]?.key ? [] : [i]));
    expect(changed).toHaveLength(2);
    expect(changed[1]).toBe((changed[0] as number) + 1);
    // A row taken out changes the blocks around it only.
    const fewer = cutBlocks(before.filter((_, i) => i !== 100));
    const keys = new Set(a.map((x) => x.key));
    expect(fewer.filter((x) => !keys.has(x.key)).length).toBeLessThanOrEqual(2);
  });

  it('makes a deflate stream of the whole part, with segments kept by the last build or made now', async () => {
    dir = mkdtempSync(join(tmpdir(), 'segments-'));
    const first = rows(3000);
    const fresh = SegmentStore.empty(SALT);
    const blocks = cutBlocks(first);
    expect(inflateRawSync(await stream(fresh, blocks)).equals(joined(first))).toBe(true);
    await fresh.save(dir);

    const second = first.map((r, i) => (i % 1000 === 7 ? csvRow(r.id, `${r.id},new figures ${i}\r\n`) : r));
    const kept = SegmentStore.load(dir, SALT);
    const fromKept = await stream(kept, cutBlocks(second));
    expect(inflateRawSync(fromKept).equals(joined(second))).toBe(true);
    // The same bytes as a build with nothing kept.
    expect(fromKept.equals(await stream(SegmentStore.empty(SALT), cutBlocks(second)))).toBe(true);
  });

  it("gives each block's CRC-32, kept with its segment, and keeps nothing made under another salt", async () => {
    dir = mkdtempSync(join(tmpdir(), 'segments-'));
    const part = rows(2000);
    const blocks = cutBlocks(part);
    const store = SegmentStore.empty(SALT);
    await stream(store, blocks);
    for (const b of blocks) expect(store.crc(b)).toBe(crc32(Buffer.concat(b.rows)));
    await store.save(dir);
    const kept = SegmentStore.load(dir, SALT);
    expect(blocks.map((b) => kept.crc(b))).toEqual(blocks.map((b) => crc32(Buffer.concat(b.rows))));
    // Under another salt a row's bytes may differ for the same file: the segments are not used.
    const other = SegmentStore.load(dir, 'salt-2');
    const changedBytes = part.map((r) => ({ ...r, csv: Buffer.from(`${r.id},another layout\r\n`) }));
    const otherBlocks = cutBlocks(changedBytes);
    expect(otherBlocks.map((b) => b.key)).toEqual(blocks.map((b) => b.key));
    expect(inflateRawSync(await stream(other, otherBlocks)).equals(joined(changedBytes))).toBe(true);
    expect(other.crc(otherBlocks[0]!)).toBe(crc32(Buffer.concat(otherBlocks[0]!.rows)));
  });

  it('reads a damaged or foreign segments file as holding nothing', async () => {
    dir = mkdtempSync(join(tmpdir(), 'segments-'));
    const part = rows(500);
    const store = SegmentStore.empty(SALT);
    await stream(store, cutBlocks(part));
    await store.save(dir);
    const file = join(dir, 'zip-segments.bin');
    const whole = readFileSync(file);
    for (const damaged of [whole.subarray(0, whole.length - 5), Buffer.concat([Buffer.from('other format\n'), whole.subarray(30)])]) {
      writeFileSync(file, damaged);
      const loaded = SegmentStore.load(dir, SALT);
      expect(inflateRawSync(await stream(loaded, cutBlocks(part))).equals(joined(part))).toBe(true);
    }
  });
});
