/**
 * Deflated blocks of CSV rows kept from one build to the next, so that a rebuild deflates only
 * the blocks its changed reports fall in (at 100,000 reports the CSVs are ~130 MB, ~1.5 s of
 * deflate; a rebuild that changes 100 reports deflates a few MB).
 *
 * A block is a run of rows in id order; a row whose id's shard number (shards.ts) is a multiple
 * of BLOCK_EVERY starts a new one, so a block's bounds depend only on its own rows' ids: a row
 * added or removed changes its own block and no other. A block after another in its part is
 * deflated with the last 32 KiB of that one as its dictionary (as pigz does), which keeps the zip
 * as small as one deflate of the whole (independent blocks of ~64 rows made it 14% larger); it
 * is then known by the SHA-256 of both blocks' bytes, so a kept segment is used only for exactly
 * the bytes it was made from and after. A changed row changes its own block's segment and the next.
 *
 * Stored in the build cache folder as one file: a header line (format and deflate level, see
 * zip.ts), then for each segment its 32-byte hash, its length (uint32, little-endian) and its
 * bytes. Written to a temporary file and renamed; a file that is short or not of this format is
 * read as holding nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { reportShard } from '../../src/lib/dataset/shards.ts';
import { writeFileParts } from './effects.ts';
import { deflateSegment, DEFLATE_LEVEL } from './zip.ts';

/** On average one row in BLOCK_EVERY starts a block (blocks of ~64 rows, ~80 KB of CSV). */
const BLOCK_EVERY = 64;
/** Not csv-….bin: the cache removes files of that name (its old CSV-lines files) when it writes a new base. */
const FILE = 'zip-segments.bin';
const HEADER = Buffer.from(`csv-segments-2 level ${DEFLATE_LEVEL}\n`, 'utf8');
const HASH_BYTES = 32;

/** Bytes of history deflate can point back into. */
const WINDOW = 32 * 1024;

/** A block of CSV rows: the rows' bytes as they are (joined only when deflated), their size, and the block it follows in its part. */
export interface CsvBlock {
  rows: Buffer[];
  size: number;
  /** The SHA-256 of the block's bytes and of those of the block before it in its part (its segment depends on both). */
  key: string;
  after: CsvBlock | null;
}

/** Up to WINDOW bytes the block ends with. */
function tail(block: CsvBlock): Buffer {
  const rows: Buffer[] = [];
  let size = 0;
  for (let i = block.rows.length - 1; i >= 0 && size < WINDOW; i--) {
    const row = block.rows[i] as Buffer;
    rows.unshift(row);
    size += row.length;
  }
  const bytes = Buffer.concat(rows, size);
  return bytes.subarray(Math.max(0, bytes.length - WINDOW));
}

/** Rows (id order) of one part cut into blocks. */
export function cutBlocks(rows: readonly { id: string; csv: Buffer }[]): CsvBlock[] {
  const blocks: CsvBlock[] = [];
  let open: Buffer[] = [];
  let previous: { block: CsvBlock; hash: string } | null = null;
  const close = () => {
    const hash = createHash('sha256');
    let size = 0;
    for (const row of open) {
      hash.update(row);
      size += row.length;
    }
    const own = hash.digest('hex');
    const key = previous ? createHash('sha256').update(`${previous.hash}:${own}`).digest('hex') : own;
    const block: CsvBlock = { rows: open, size, key, after: previous?.block ?? null };
    blocks.push(block);
    previous = { block, hash: own };
    open = [];
  };
  for (const row of rows) {
    if (open.length > 0 && Number.parseInt(reportShard(row.id), 16) % BLOCK_EVERY === 0) close();
    open.push(row.csv);
  }
  if (open.length > 0) close();
  return blocks;
}

export class SegmentStore {
  /** Segments made by this build, and kept ones it used or will need (its blocks' hashes). */
  private readonly made = new Map<string, Promise<Buffer>>();
  private readonly live = new Set<string>();
  private changed = false;

  private constructor(private readonly kept: ReadonlyMap<string, Buffer>) {}

  static empty(): SegmentStore {
    return new SegmentStore(new Map());
  }

  /** The segments saved in this cache folder (none when there are none, or the file is damaged or of another format). */
  static load(dir: string): SegmentStore {
    const path = join(dir, FILE);
    const kept = new Map<string, Buffer>();
    if (existsSync(path)) {
      const bytes = readFileSync(path);
      if (bytes.subarray(0, HEADER.length).equals(HEADER)) {
        let at = HEADER.length;
        while (at + HASH_BYTES + 4 <= bytes.length) {
          const length = bytes.readUInt32LE(at + HASH_BYTES);
          const start = at + HASH_BYTES + 4;
          if (start + length > bytes.length) break;
          kept.set(bytes.toString('hex', at, at + HASH_BYTES), bytes.subarray(start, start + length));
          at = start + length;
        }
      }
    }
    return new SegmentStore(kept);
  }

  /** Notes a block of this build (so that its kept segment is saved again, even if no zip needs it now). */
  keep(block: CsvBlock): void {
    this.live.add(block.key);
  }

  /** The block's segment (see zip.ts deflateSegment): the kept one, or deflated now on the thread pool. */
  segment(block: CsvBlock): Promise<Buffer> {
    const hash = block.key;
    this.live.add(hash);
    const kept = this.kept.get(hash);
    if (kept) return Promise.resolve(kept);
    let made = this.made.get(hash);
    if (!made) {
      made = deflateSegment(Buffer.concat(block.rows, block.size), block.after ? tail(block.after) : undefined);
      this.made.set(hash, made);
      this.changed = true;
    }
    return made;
  }

  /** Saves the segments of this build's blocks (kept and made), unless that is what the folder holds already. */
  async save(dir: string): Promise<void> {
    const dropped = [...this.kept.keys()].some((hash) => !this.live.has(hash));
    if (!this.changed && !dropped) return;
    const parts: Buffer[] = [HEADER];
    for (const hash of [...this.live].sort()) {
      const segment = this.kept.get(hash) ?? (await this.made.get(hash));
      if (!segment) continue;
      const head = Buffer.alloc(HASH_BYTES + 4);
      head.write(hash, 0, HASH_BYTES, 'hex');
      head.writeUInt32LE(segment.length, HASH_BYTES);
      parts.push(head, segment);
    }
    mkdirSync(dir, { recursive: true });
    const path = join(dir, FILE);
    await writeFileParts(`${path}.tmp`, 'w', parts);
    renameSync(`${path}.tmp`, path);
  }
}
