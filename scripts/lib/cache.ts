/**
 * The build cache (default .cache/build-data/, one folder per reports/out pair): for every file
 * its size, mtime, content hash and what processing it gave, under a salt made of the parser and
 * resolver versions, a fingerprint of the code that makes a record (so a forgotten version bump
 * cannot serve stale records), the CSV and fact layout and the overrides file. A rebuild re-parses
 * a file whose size changed, whose mtime changed and whose bytes no longer hash as stored (the
 * build hashes them, hash-files.ts), whose report id changed, or whose record is missing from its
 * shard file in the output folder; a new salt re-parses everything.
 * Stored in two files of entries, a base and a log a rebuild appends to, each entry an array
 * (storedEntry), a thousand at a time in frames of V8's serialization (byte-frames.ts); the CSV
 * lines and the fact rows' numbers apart, in one file of bytes the entries point into, read back
 * without parsing into shared memory the build's FactTable is made over (fact-table.ts), on a
 * thread of its own while this one reads the entries.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { endianness } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { RESOLVER_VERSION } from '../../src/lib/agency/index.ts';
import { CSV_COLUMNS } from '../../src/lib/dataset/columns.ts';
import { PARSER_VERSION } from '../../src/lib/parse/index.ts';
import { SCHEMA_VERSION } from '../../src/lib/schema.ts';
import { forEachFrameOfFile, frameHead } from './byte-frames.ts';
import { writeFileParts } from './effects.ts';
import type { OverrideApplied } from '../../src/lib/dataset/overrides.ts';
import { FACT_TEXT_FIELDS } from '../../src/lib/facts.ts';
import { FACT_NUMBER_BYTES, FactTable, type FactValue } from './fact-table.ts';
import { readInto, readIntoAside } from './read-aside.ts';
import { FACT_FIELDS, type FileOutcome, type ReportSummary } from './process-file.ts';
import type { UnusableReason } from './read-report-file.ts';

/**
 * A parsed report's summary as the build keeps it: its CSV line as bytes, its fact row a row
 * number in the build's FactTable, and the file it was made from with that file's SHA-256 (the
 * outcome's), which name its CSV line (segment-store.ts).
 */
export type KeptSummary = Omit<ReportSummary<Buffer>, 'fact'> & { fact: number; file: string; sha256: string };
export type KeptOutcome = Extract<FileOutcome, { status: 'unusable' }> | { status: 'parsed'; file: string; sha256: string; summary: KeptSummary };

export interface CacheEntry {
  file: string;
  size: number;
  mtimeMs: number;
  outcome: KeptOutcome;
  /** The record is in its shard file in the output folder (written by the build that saved this entry). */
  written?: boolean;
}

/**
 * An entry as stored: an array, fields by position (half the bytes of an object with keys, and
 * quicker to read at 100,000 entries). A parsed report's CSV line is at csvOffset in the
 * data file the base names (its "csv" file), csvLength bytes, followed by zero bytes up to the
 * next multiple of 8 and its fact row's numbers (FACT_NUMBER_BYTES, see fact-table.ts); the entry
 * holds the fact row's text values:
 *   parsed:   [file, size, mtimeMs, written, sha256, "parsed", id, agency, year, checksFailed, diagnostics, cellsRead, overrides, csvOffset, csvLength, factTexts]
 *   unusable: [file, size, mtimeMs, written, sha256, "unusable", reason, detail]
 * factTexts leaves out its first two, the id and the agency, when they are the summary's.
 */
type StoredEntry = unknown[];

/** The stored form of an entry whose CSV line is at `csvOffset` in the CSV file. */
function storedEntry(entry: CacheEntry, csvOffset: number, facts: FactTable): StoredEntry {
  const { file, size, mtimeMs, outcome } = entry;
  const head = [file, size, mtimeMs, entry.written ? 1 : 0, outcome.sha256, outcome.status];
  if (outcome.status === 'unusable') return [...head, outcome.reason, outcome.detail];
  const s = outcome.summary;
  const texts = facts.textsOf(s.fact);
  // The fact row's id and agency are the summary's (stored once) unless they differ.
  const factTexts = texts[0] === s.id && texts[1] === s.agency ? texts.slice(2) : texts;
  return [...head, s.id, s.agency, s.year, s.checksFailed, s.diagnostics, s.cellsRead, s.overrides, csvOffset, s.csv.length, factTexts];
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isText = (v: unknown): v is string => typeof v === 'string';
const isTextOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

/** Where a row's numbers start after its CSV line ends: the next multiple of 8. */
const numbersAt = (csvEnd: number) => Math.ceil(csvEnd / 8) * 8;

/**
 * A stored entry back to an entry, its CSV line a view into `data` (the data file's bytes) and
 * its fact row one of `facts` (made over the same memory); null when it is not one this code wrote.
 */
function entryOf(value: unknown, data: Buffer, facts: FactTable): CacheEntry | null {
  // Fields by index, objects made whole (no spreads): at 100,000 entries this runs in the build's critical path.
  if (!Array.isArray(value)) return null;
  const file: unknown = value[0];
  const size: unknown = value[1];
  const mtimeMs: unknown = value[2];
  const sha256: unknown = value[4];
  const status: unknown = value[5];
  if (!isText(file) || !isCount(size) || typeof mtimeMs !== 'number' || !isText(sha256)) return null;
  const written = value[3] === 1;
  if (status === 'unusable' && value.length === 8) {
    const reason: unknown = value[6];
    const detail: unknown = value[7];
    if (!isText(reason) || !isText(detail)) return null;
    const outcome: KeptOutcome = { status, file, sha256, reason: reason as UnusableReason, detail };
    return written ? { file, size, mtimeMs, written, outcome } : { file, size, mtimeMs, outcome };
  }
  if (status !== 'parsed' || value.length !== 16) return null;
  const id: unknown = value[6];
  const agency: unknown = value[7];
  const year: unknown = value[8];
  const checksFailed: unknown = value[9];
  const diagnostics: unknown = value[10];
  const cellsRead: unknown = value[11];
  const overrides: unknown = value[12];
  const offset: unknown = value[13];
  const length: unknown = value[14];
  const factTexts: unknown = value[15];
  if (!isText(id) || !isTextOrNull(agency) || !(year === null || Number.isInteger(year))) return null;
  if (!isCount(checksFailed) || !isCount(diagnostics) || !isCount(cellsRead) || !Array.isArray(overrides)) return null;
  if (!Array.isArray(factTexts)) return null;
  for (const text of factTexts) if (!isTextOrNull(text)) return null;
  if (factTexts.length === FACT_TEXT_FIELDS.length - 2) factTexts.unshift(id, agency);
  if (factTexts.length !== FACT_TEXT_FIELDS.length) return null;
  if (!(isCount(offset) && isCount(length) && length > 0 && numbersAt(offset + length) + FACT_NUMBER_BYTES <= data.length)) return null;
  const fact = facts.addCached(factTexts as FactValue[], numbersAt(offset + length));
  const summary: KeptSummary = { id, agency, year: year as number | null, checksFailed, diagnostics, cellsRead, overrides: overrides as OverrideApplied[], fact, csv: data.subarray(offset, offset + length), file, sha256 };
  const outcome: KeptOutcome = { status, file, sha256, summary };
  return written ? { file, size, mtimeMs, written, outcome } : { file, size, mtimeMs, outcome };
}

/** Bump when process-file.ts changes what it outputs. */
const PROCESS_VERSION = '4';
/**
 * Bump when the stored form of an entry changes (storedEntry, entryOf). It is part of the salt, so
 * code of another format, older or newer, finds no entry it could misread.
 */
const CACHE_FORMAT = 'positional-facts-v8-frames-1';

/** The code whose output is cached: a change to any of it invalidates the cache even if no version was bumped. */
const CACHED_CODE = ['src/lib/parse', 'src/lib/agency', 'src/lib/extract', 'src/lib/dataset/columns.ts', 'src/lib/facts.ts', 'src/lib/schema.ts', 'scripts/lib/read-record.ts', 'scripts/lib/read-report-file.ts', 'scripts/lib/process-file.ts', 'scripts/lib/hash-files.ts'];
/** The repository: the nearest folder up from this code holding src/lib/parse (this file may run from a bundle under .cache/). */
const REPO = (() => {
  let dir = fileURLToPath(new URL('.', import.meta.url));
  while (!existsSync(join(dir, 'src', 'lib', 'parse'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`build cache: cannot find the parser code (src/lib/parse) above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return `${dir}${sep}`;
})();

function codeFingerprint(): string {
  const hash = createHash('sha256');
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else if (path.endsWith('.ts')) {
      hash.update(path.slice(REPO.length)).update(readFileSync(path));
    }
  };
  for (const part of CACHED_CODE) visit(join(REPO, part));
  return hash.digest('hex');
}

export function cacheSalt(overridesText: string): string {
  const layout = [CSV_COLUMNS.map((c) => c.name).join(','), FACT_FIELDS.join(',')].join('|');
  return createHash('sha256')
    .update([CACHE_FORMAT, PROCESS_VERSION, PARSER_VERSION, RESOLVER_VERSION, SCHEMA_VERSION, codeFingerprint(), layout, overridesText].join('\u0000'))
    .digest('hex');
}

/** The cache folder for one (reports, out) pair under the cache root. */
export function cacheDirFor(root: string, reportsDir: string, outDir: string): string {
  const pair = createHash('sha256').update(`${resolve(reportsDir)}\u0000${resolve(outDir)}`).digest('hex').slice(0, 16);
  return join(root, pair);
}

/** The base: a header line (JSON, BaseHeader), then frames of entries. */
const BASE = 'entries.bin';
/** Entries added since the base was last written (a rebuild appends only what it parsed): frames of entries. */
const LOG = 'entries.log.bin';
/** Files of the cache's earlier formats, removed when a base is written. */
const OLD_FILES = ['entries.jsonl', 'entries.log.jsonl'];
/**
 * Entries a frame holds: V8 reads a thousand at a time ~4 times as fast as the same entries as
 * JSON lines (~0.13 s against ~0.5 s at 100,000 reports), and writes them ~3 times as fast.
 */
const FRAME_ENTRIES = 1000;

/**
 * The base's first line names the file of CSV lines its entries point into (and the log's, which
 * appends to it): a new base gets a new CSV file, so an entry never points into the wrong one.
 * It also holds the salt (cacheSalt) every entry was made under: another salt, no entry is used.
 */
interface BaseHeader {
  csv: string;
  salt: string;
}

/** The header as read: also where the base's frames start. */
interface ReadHeader extends BaseHeader {
  frames: number;
}

/** Names of the CSV-lines files (one per base). */
const CSV_FILE = /^csv-[0-9a-z]+\.bin$/;

/** Each stored entry in the frames of a file from byte `from`; a frame that does not read as entries is skipped. */
function eachStored(path: string, from: number, visit: (value: unknown) => void): void {
  forEachFrameOfFile(path, from, (bytes, start, end) => {
    let values: unknown;
    try {
      values = deserialize(bytes.subarray(start, end));
    } catch {
      return;
    }
    if (Array.isArray(values)) for (const value of values) visit(value);
  });
}

function readHeader(dir: string): ReadHeader | null {
  let header: ReadHeader | null = null;
  const path = join(dir, BASE);
  if (!existsSync(path)) return null;
  // The header is the first line: read the first 4 KiB only (the base runs to 100 MB and more).
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(4096);
  let read = 0;
  try {
    read = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const bytes = head.subarray(0, read);
  const end = bytes.indexOf(10);
  if (end < 0) return null;
  try {
    const value = JSON.parse(bytes.toString('utf8', 0, end)) as Partial<BaseHeader>;
    if (typeof value.csv === 'string' && CSV_FILE.test(value.csv) && typeof value.salt === 'string') header = { csv: value.csv, salt: value.salt, frames: end + 1 };
  } catch {
    header = null;
  }
  return header;
}

/**
 * The data file read into shared memory (on a thread of its own, see read-aside.ts) with room
 * after it for the numbers of rows parsed now (FactTable grows past that if it must): its bytes,
 * the table made over them, and a promise settled once the bytes are all there.
 */
function readData(path: string): { data: Buffer; facts: FactTable; ready: Promise<void> } {
  const size = statSync(path).size;
  const room = Math.max(1024 * FACT_NUMBER_BYTES, Math.ceil(size / 32 / 8) * 8);
  const memory = new SharedArrayBuffer(numbersAt(size) + room);
  // A big-endian machine swaps each cached row's numbers as it is added (FactTable.addCached): there they are read first.
  const reading = endianness() === 'LE' ? readIntoAside(path, memory, size) : new Promise<void>((done) => done(readInto(path, memory, size)));
  const ready = reading.catch((cause: unknown) => {
    throw new Error(`build cache: cannot read ${path} (${cause instanceof Error ? cause.message : String(cause)}); remove the cache folder ${dirname(path)} to build without it`);
  });
  return { data: Buffer.from(memory, 0, size), facts: new FactTable(memory, size), ready };
}

/** What loadCache gives: the entries, the table of their fact rows, and when their bytes can be read. */
export interface LoadedCache {
  entries: Map<string, CacheEntry>;
  facts: FactTable;
  /**
   * Settles once the bytes the entries' CSV lines and the table's cached rows lie in are read
   * (see read-aside.ts): until then none may be read, and no row may be added to the table (its
   * growing would copy them). Rejects, naming the file, if they cannot be read.
   */
  ready: Promise<void>;
}

/**
 * The entries saved under this salt (none when the cache was made by other code, versions or
 * overrides), and the table of their fact rows, which the build adds its own to once `ready`.
 */
export function loadCache(dir: string, salt: string): LoadedCache {
  const entries = new Map<string, CacheEntry>();
  const header = readHeader(dir);
  if (!header || header.salt !== salt || !existsSync(join(dir, header.csv))) return { entries, facts: new FactTable(), ready: Promise.resolve() };
  const { data, facts, ready } = readData(join(dir, header.csv));
  const take = (value: unknown) => {
    const entry = entryOf(value, data, facts);
    if (entry) entries.set(entry.file, entry);
  };
  eachStored(join(dir, BASE), header.frames, take);
  eachStored(join(dir, LOG), 0, take);
  return { entries, facts, ready };
}

const ZEROS = Buffer.alloc(8);

/** Entries as frames (each frame's length, then its bytes), and their CSV lines and fact numbers, which start at `csvOffset` in the data file. */
function encodeEntries(entries: readonly CacheEntry[], csvOffset: number, facts: FactTable): { frames: Buffer[]; csv: Buffer[] } {
  let offset = csvOffset;
  const frames: Buffer[] = [];
  const csv: Buffer[] = [];
  for (let i = 0; i < entries.length; i += FRAME_ENTRIES) {
    const chunk: StoredEntry[] = [];
    for (const entry of entries.slice(i, i + FRAME_ENTRIES)) {
      chunk.push(storedEntry(entry, offset, facts));
      if (entry.outcome.status === 'parsed') {
        const { csv: line, fact } = entry.outcome.summary;
        const padding = numbersAt(offset + line.length) - (offset + line.length);
        csv.push(line, ...(padding > 0 ? [ZEROS.subarray(0, padding)] : []), facts.numberBytes(fact));
        offset += line.length + padding + FACT_NUMBER_BYTES;
      }
    }
    const frame = serialize(chunk);
    frames.push(frameHead(frame.length), frame);
  }
  return { frames, csv };
}

/**
 * Saves the cache: appends `changed` to the log (and their CSV lines to the CSV file), or, when
 * the log would grow past a quarter of the base (or there is no base), writes a new base and CSV
 * file with `all` and empties the log. The writes run on the thread pool (a new base at 100,000
 * reports is ~175 MB), so the build can deflate and write its outputs meanwhile.
 */
export async function saveCache(dir: string, salt: string, all: readonly CacheEntry[], changed: readonly CacheEntry[], facts: FactTable): Promise<void> {
  if (changed.length === 0) return;
  mkdirSync(dir, { recursive: true });
  const base = join(dir, BASE);
  const log = join(dir, LOG);
  const header = readHeader(dir);
  const baseSize = header ? statSync(base).size : 0;
  const logSize = existsSync(log) ? statSync(log).size : 0;
  // An entry is under 1 KB: estimate the append without building it first.
  if (header && header.salt === salt && existsSync(join(dir, header.csv)) && logSize + changed.length * 1024 < baseSize / 4) {
    const csvPath = join(dir, header.csv);
    const { frames, csv } = encodeEntries(changed, statSync(csvPath).size, facts);
    // The CSV lines first: an entry whose CSV line is not (all) there is read as a miss.
    await writeFileParts(csvPath, 'a', csv);
    await writeFileParts(log, 'a', frames);
    return;
  }
  const csvName = `csv-${Date.now().toString(36)}${process.pid.toString(36)}.bin`;
  const tmp = `${base}.tmp`;
  const { frames, csv } = encodeEntries(all, 0, facts);
  const headerLine = Buffer.from(`${JSON.stringify({ csv: csvName, salt } satisfies BaseHeader)}\n`, 'utf8');
  await Promise.all([writeFileParts(tmp, 'w', [headerLine, ...frames]), writeFileParts(join(dir, csvName), 'w', csv)]);
  // The log points into the old CSV file: it goes first, so a crash leaves the old base whole.
  rmSync(log, { force: true });
  renameSync(tmp, base);
  for (const name of readdirSync(dir)) if ((CSV_FILE.test(name) && name !== csvName) || OLD_FILES.includes(name)) rmSync(join(dir, name), { force: true });
}
