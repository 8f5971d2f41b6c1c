/**
 * Zips of CSV files whose deflated data is made of segments: each part of a CSV (its header, the
 * rows of one year) is deflated once, on the thread pool, ending on a byte boundary (zlib's sync
 * flush), and a zip's data is its parts' segments one after another, closed by an empty final
 * block (the way pigz joins blocks). The all-years CSV is the header and every year's rows, so
 * its zip reuses the year files' segments: each row is compressed once, not twice. fflate writes
 * the container; entries carry a fixed time so the bytes do not depend on when the build ran.
 */
import { Zip, type ZipInputFile } from 'fflate';
import { promisify } from 'node:util';
import { constants, deflateRaw, deflateRawSync } from 'node:zlib';

const deflateRawAsync = promisify(deflateRaw);

/** zlib level 4: half the time of level 6 on the CSVs for zips about 10% larger (measured on 35 MB of CSV). */
export const DEFLATE_LEVEL = 4;

/** Output chunks of 4 MiB: zlib's default 16 KiB makes thousands of callbacks for a 100 MB CSV. */
const CHUNK = 4 * 1024 * 1024;

/** Entry time written into every zip (local time, as zip stores it). */
const ZIP_MTIME = new Date(2000, 0, 1);

/** The empty last block that closes a deflate stream made of segments. */
const FINAL_BLOCK = deflateRawSync(Buffer.alloc(0), { level: DEFLATE_LEVEL });

/**
 * One part of a file, deflated so that further parts can follow it (not final, byte-aligned).
 * `dictionary`, when given, must be the (up to 32 KiB of) bytes the part follows in every file it
 * is used in: the part may then point back into them, as a decoder of the joined stream allows.
 */
export function deflateSegment(data: Uint8Array, dictionary?: Uint8Array): Promise<Buffer> {
  // Output chunks no larger than a quarter of the input (a block of CSV rows is ~80 KB; zlib allocates each chunk whole).
  const chunkSize = Math.max(16 * 1024, Math.min(CHUNK, data.length >>> 2));
  return deflateRawAsync(data, { level: DEFLATE_LEVEL, chunkSize, finishFlush: constants.Z_SYNC_FLUSH, ...(dictionary ? { dictionary } : {}) });
}

export interface ZipEntry {
  name: string;
  /** The whole file's size and CRC-32. */
  size: number;
  crc: number;
  /** Its deflated segments, in order (see deflateSegment); the final block is added here. */
  segments: readonly Uint8Array[];
}

/** A zip of these entries, from their deflated segments: its bytes in parts (the segments among them, not copied), to be written in turn. */
export function zipSegments(entries: readonly ZipEntry[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const e of entries) {
    const entry: ZipInputFile = { filename: e.name, size: e.size, crc: e.crc, compression: 8, mtime: ZIP_MTIME };
    zip.add(entry);
    for (const segment of e.segments) entry.ondata?.(null, segment as Uint8Array<ArrayBuffer>, false);
    entry.ondata?.(null, FINAL_BLOCK as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failure) throw failure;
  return chunks;
}

/**
 * The CRC-32 and uncompressed size the zip's central directory gives for an entry, or null. `zip`
 * may be the whole file or only its end, from anywhere before the central directory (which, as
 * in every zip made here, lies right before the end record).
 */
export function zipEntryInfo(zip: Uint8Array, name: string): { crc: number; size: number } | null {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  // End of central directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  // Where the central directory starts, counted back from the end record by its size.
  let at = end - bytes.readUInt32LE(end + 12);
  if (at < 0) return null;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const entryName = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) return { crc: bytes.readUInt32LE(at + 16), size: bytes.readUInt32LE(at + 24) };
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return null;
}
