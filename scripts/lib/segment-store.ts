/**
 * Deflated blocks of CSV rows kept from one build to the next, with each block's CRC-32, so that
 * a rebuild deflates only the blocks its changed reports fall in (at 100,000 reports the CSVs are
 * ~130 MB, ~1.5 s of deflate; a rebuild that changes 100 reports deflates a few MB), and makes
 * each CSV file's CRC from its blocks' (crc32-combine.ts) without reading the rows again.
 *
 * A block is a run of rows in id order; a row whose id's mixed hash (startsBlock) is a multiple
 * of BLOCK_EVERY starts a new one, so a block's bounds depend only on its own rows' ids: a row
 * added or removed changes its own block and no other. The hash is mixed because FNV-1a's bits
 * change little from one id to the next in a run of numbered names (syn-000001, syn-000002, …):
 * cut by the shard number, such a run made blocks of a median 4 rows and a largest of 2,226. A block after another in its part is
 * deflated with the last 32 KiB of that one as its dictionary (as pigz does), which keeps the zip
 * as small as one deflate of the whole (independent blocks of ~64 rows made it 14% larger).
 *
 * A block is known by what its rows were made from: each row's id, source file and the file's
 * SHA-256 (a row's CSV line is made from these alone, by the code and overrides the cache salt
 * stands for), and the same of the block before it, whose bytes its segment depends on. Hashing
 * these, not the 130 MB of rows, keeps a rebuild from reading every row. The store holds
 * segments made under one salt: under another it holds nothing.
 *
 * Stored in the build cache folder as one file: a header line (format, deflate level, see zip.ts,
 * and salt), then for each block its 32-byte key, its CRC-32, its length deflated (each uint32,
 * little-endian) and its deflated bytes. Written to a temporary file and renamed; a file that is
 * short or not of this format and salt is read as holding nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { idHash } from '../../src/lib/dataset/shards.ts';
import { writeFileParts } from './effects.ts';
import { deflateSegment, DEFLATE_LEVEL } from './zip.ts';

/** On average one row in BLOCK_EVERY starts a block (blocks of ~64 rows, ~80 KB of CSV). */
const BLOCK_EVERY = 64;
/** Not csv-….bin: the cache removes files of that name (its old CSV-lines files) when it writes a new base. */
const FILE = 'zip-segments.bin';
/** The header line of the store's file, for segments made under this salt. */
const header = (salt: string) => Buffer.from(`zip-segments-4 level ${DEFLATE_LEVEL} salt ${salt}\n`, 'utf8');
const KEY_BYTES = 32;
/** Bytes before a segment's own: its key, CRC-32 and length. */
const RECORD_HEAD = KEY_BYTES + 8;

/** Bytes of history deflate can point back into. */
const WINDOW = 32 * 1024;

/** A row as cut into blocks: its id, what it was made from (source file and its SHA-256), its CSV line. */
export interface CsvRow {
  id: string;
  file: string;
  sha256: string;
  csv: Buffer;
}

/** A block of CSV rows: the rows' bytes as they are (joined only when deflated), their size, and the block it follows in its part. */
export interface CsvBlock {
  rows: Buffer[];
  size: number;
  /** The SHA-256 of what the block's rows and the block before it in its part were made from (its segment depends on both). */
  key: string;
  after: CsvBlock | null;
}

/** Whether a row with this id starts a block: the id's FNV-1a hash through MurmurHash3's finalizer (every input bit flips each output bit half the time), one in BLOCK_EVERY. */
export function startsBlock(id: string): boolean {
  let h = idHash(id);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % BLOCK_EVERY === 0;
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
export function cutBlocks(rows: readonly CsvRow[]): CsvBlock[] {
  const blocks: CsvBlock[] = [];
  let open: Buffer[] = [];
  let sources: string[] = [];
  let previous: { block: CsvBlock; hash: string } | null = null;
  const close = () => {
    const own = createHash('sha256').update(sources.join('\n')).digest('hex');
    const key = previous ? createHash('sha256').update(`${previous.hash}:${own}`).digest('hex') : own;
    const block: CsvBlock = { rows: open, size: open.reduce((n, row) => n + row.length, 0), key, after: previous?.block ?? null };
    blocks.push(block);
    previous = { block, hash: own };
    open = [];
    sources = [];
  };
  for (const row of rows) {
    if (open.length > 0 && startsBlock(row.id)) close();
    open.push(row.csv);
    // No id or path holds a NUL.
    sources.push(`${row.id}\u0000${row.file}\u0000${row.sha256}`);
  }
  if (open.length > 0) close();
  return blocks;
}

/** A block kept from the last build: its CRC-32 and its segment. */
interface KeptBlock {
  crc: number;
  segment: Buffer;
}

export class SegmentStore {
  /** Blocks first seen by this build: their CRCs, and segments deflated now. */
  private readonly made = new Map<string, { crc: number; segment: Promise<Buffer> | null }>();
  /** Keys of this build's blocks (only these are saved). */
  private readonly live = new Set<string>();
  private deflated = false;

  private constructor(
    private readonly salt: string,
    private readonly kept: ReadonlyMap<string, KeptBlock>,
  ) {}

  static empty(salt: string): SegmentStore {
    return new SegmentStore(salt, new Map());
  }

  /** The segments saved in this cache folder under this salt (none when there are none, or the file is damaged, of another format or salt). */
  static load(dir: string, salt: string): SegmentStore {
    const path = join(dir, FILE);
    const kept = new Map<string, KeptBlock>();
    const head = header(salt);
    if (existsSync(path)) {
      const bytes = readFileSync(path);
      if (bytes.subarray(0, head.length).equals(head)) {
        let at = head.length;
        while (at + RECORD_HEAD <= bytes.length) {
          const crc = bytes.readUInt32LE(at + KEY_BYTES);
          const length = bytes.readUInt32LE(at + KEY_BYTES + 4);
          const start = at + RECORD_HEAD;
          if (start + length > bytes.length) break;
          kept.set(bytes.toString('hex', at, at + KEY_BYTES), { crc, segment: bytes.subarray(start, start + length) });
          at = start + length;
        }
      }
    }
    return new SegmentStore(salt, kept);
  }

  /** Notes a block of this build (so that its kept segment is saved again, even if no zip needs it now). */
  keep(block: CsvBlock): void {
    this.live.add(block.key);
  }

  /** The CRC-32 of the block's bytes: the kept one, or computed now from its rows. */
  crc(block: CsvBlock): number {
    this.live.add(block.key);
    const known = this.kept.get(block.key) ?? this.made.get(block.key);
    if (known) return known.crc;
    const crc = block.rows.reduce((c, row) => crc32(row, c), 0);
    this.made.set(block.key, { crc, segment: null });
    return crc;
  }

  /** The block's segment (see zip.ts deflateSegment): the kept one, or deflated now on the thread pool. */
  segment(block: CsvBlock): Promise<Buffer> {
    const kept = this.kept.get(block.key);
    if (kept) {
      this.live.add(block.key);
      return Promise.resolve(kept.segment);
    }
    // crc() notes the block as made by this build (and live).
    this.crc(block);
    const made = this.made.get(block.key) as { crc: number; segment: Promise<Buffer> | null };
    if (!made.segment) {
      made.segment = deflateSegment(Buffer.concat(block.rows, block.size), block.after ? tail(block.after) : undefined);
      this.deflated = true;
    }
    return made.segment;
  }

  /** Saves the segments of this build's blocks (kept and made), unless that is what the folder holds already. */
  async save(dir: string): Promise<void> {
    const dropped = [...this.kept.keys()].some((key) => !this.live.has(key));
    if (!this.deflated && !dropped) return;
    const parts: Buffer[] = [header(this.salt)];
    for (const key of [...this.live].sort()) {
      const known = this.kept.get(key) ?? this.made.get(key);
      const segment = known?.segment ? await known.segment : null;
      if (!known || !segment) continue;
      const head = Buffer.alloc(RECORD_HEAD);
      head.write(key, 0, KEY_BYTES, 'hex');
      head.writeUInt32LE(known.crc, KEY_BYTES);
      head.writeUInt32LE(segment.length, KEY_BYTES + 4);
      parts.push(head, segment);
    }
    mkdirSync(dir, { recursive: true });
    const path = join(dir, FILE);
    await writeFileParts(`${path}.tmp`, 'w', parts);
    renameSync(`${path}.tmp`, path);
  }
}
