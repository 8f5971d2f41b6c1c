/**
 * A zip of one CSV (and its README) whose deflated data is made of segments: the CSV's rows are
 * cut into blocks of about 64 rows (a block starts at a row whose id hashes to a multiple of 64,
 * so a block depends on its own rows only), each block deflated on the thread pool with the
 * 32 KiB before it as its dictionary, ending on a byte boundary (zlib's sync flush), and a zip's
 * data is its segments one after another, closed by an empty final block (as pigz joins blocks).
 * A year's segments are made once and serve both its own zip and the all-years zip, and are kept
 * in the cache for the next build (only the blocks whose rows changed are deflated again). fflate
 * writes the container; entries carry a fixed time, so the bytes do not depend on the clock.
 */
import { Zip, type ZipInputFile } from 'fflate';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';
import { idHash } from '../../src/lib/dataset/shards.ts';
import type { Cache } from './cache.ts';

const deflateRawAsync = promisify(deflateRaw);

/** zlib level 4: half the time of level 6 on the CSVs for zips about 10% larger. */
export const DEFLATE_LEVEL = 4;
const BLOCK_EVERY = 64;
const WINDOW = 32 * 1024;
const ZIP_MTIME = new Date(2000, 0, 1);
/** What a segment's bytes depend on besides its block and dictionary: the level and the zlib that deflates. */
const SEGMENT_SALT = `deflate level ${DEFLATE_LEVEL}, zlib ${process.versions.zlib}, window ${WINDOW}\u0000`;
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0), { level: DEFLATE_LEVEL });

/** Whether a row with this id starts a block: its FNV-1a hash mixed (MurmurHash3's finalizer), one in 64. */
export function startsBlock(id: string): boolean {
  let h = idHash(id);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % BLOCK_EVERY === 0;
}

/** One part of a file, deflated so that further parts can follow it; `dictionary`: the bytes it follows. */
export function deflateSegment(data: Uint8Array, dictionary?: Uint8Array): Promise<Buffer> {
  const chunkSize = Math.max(16 * 1024, Math.min(4 * 1024 * 1024, data.length >>> 2));
  return deflateRawAsync(data, { level: DEFLATE_LEVEL, chunkSize, finishFlush: constants.Z_SYNC_FLUSH, ...(dictionary ? { dictionary } : {}) });
}

/** Where deflated segments are kept between builds (stage `deflate` of the cache), and the keys this build used. */
export interface SegmentStore {
  cache: Cache;
  used: Set<string>;
}

/**
 * Rows (id order, each its CSV line) → the deflated segments of their blocks. With a store, a
 * block's segment is taken from it when there (keyed by the block, its dictionary, the level and
 * zlib's version), else made and kept: a build that changed a few rows deflates a few blocks.
 */
export function deflateRows(rows: readonly { id: string; csv: Uint8Array }[], store?: SegmentStore): Promise<Buffer[]> {
  const blocks: Buffer[] = [];
  let open: Uint8Array[] = [];
  for (const row of rows) {
    if (open.length > 0 && startsBlock(row.id)) blocks.push(Buffer.concat(open)), (open = []);
    open.push(row.csv);
  }
  if (open.length > 0) blocks.push(Buffer.concat(open));
  return Promise.all(
    blocks.map(async (block, i) => {
      const dictionary = i > 0 ? (blocks[i - 1] as Buffer).subarray(-WINDOW) : undefined;
      if (!store?.cache.root) return deflateSegment(block, dictionary);
      const key = createHash('sha256').update(`${SEGMENT_SALT}${dictionary?.length ?? 0}\u0000`).update(dictionary ?? '').update(block).digest('hex');
      store.used.add(key);
      const kept = store.cache.getWithBytes<null>('deflate', key)?.bytes;
      if (kept) return kept;
      const segment = await deflateSegment(block, dictionary);
      store.cache.putBytes('deflate', key, segment);
      return segment;
    }),
  );
}

export interface ZipEntry {
  name: string;
  /** The whole file's bytes, in parts. */
  parts: readonly Uint8Array[];
  /** Its deflated segments, in order (deflateSegment); the final block is added here. */
  segments: readonly Uint8Array[];
}

/** A zip of these entries: its bytes in parts (the segments among them). */
export function zipSegments(entries: readonly ZipEntry[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => (err ? (failure = err) : chunks.push(chunk)));
  for (const e of entries) {
    const size = e.parts.reduce((n, p) => n + p.length, 0);
    const crc = e.parts.reduce((c, p) => crc32(p, c), 0);
    const entry: ZipInputFile = { filename: e.name, size, crc, compression: 8, mtime: ZIP_MTIME };
    zip.add(entry);
    for (const segment of e.segments) entry.ondata?.(null, segment as Uint8Array<ArrayBuffer>, false);
    entry.ondata?.(null, FINAL_BLOCK as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failure) throw failure;
  return chunks;
}
