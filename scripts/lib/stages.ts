/**
 * Files through the cached stages, a shard at a time, on a worker thread or the main one:
 *   1. extract: file bytes → text, an entry per file (cache key: the bytes' SHA-256, the file's
 *      path, which the extractor writes into its messages, and the extractor's fingerprint);
 *      plain text has none, being cheaper to decode again than to store;
 *   2. parse: texts → records with their agencies resolved, an entry per shard (key: its files'
 *      texts' SHA-256s in order and the parser's fingerprint);
 *   3. each record placed (file, id, hash) and joined (resolve.ts): what the outputs need of it.
 * Shards are the groups records are written in (shards.ts). A file whose
 * size is as the last build listed it comes with a `hint` (its bytes' and its text's hashes then),
 * which holds as it is when its mtime is too, and otherwise (a fresh clone or checkout) only when
 * its bytes hash as they did; when every file of a shard has one that holds, the shard's stage-3 results are one entry
 * (stage `shard`, keyed by every file's name, id and hashes, the stages' fingerprints and the
 * joined CSV files' text), read without reading any file. Otherwise the shard's records are taken
 * from stage 2 (by the hints and the files read) or parsed, the shard's entry is made again, and
 * its record lines are written to its file under reports/ at once (shards.ts takes the
 * duplicates out later). The entry keeps only the lines' SHA-256: the records are written once.
 */
import { readFileSync } from 'node:fs';
import { Cache, keyOf, sha256, type CacheCounts } from './cache.ts';
import { shardFile } from '../../src/lib/dataset/layout.ts';
import { reportShard } from '../../src/lib/dataset/shards.ts';
import { fsWriter, type FileStat, type OutputWriter } from './effects.ts';
import { parseStage, type ParseResult } from './parse-stage.ts';
import { placeRecord } from './read-record.ts';
import { readReportFile, type ReadResult } from './read-report-file.ts';
import { resolveRecord, type Joins, type Outcome, type ReportSummary } from './resolve.ts';
import { writeShard, type ShardJob, type ShardWritten } from './shards.ts';

export interface Fingerprints {
  extract: string;
  parse: string;
  /** Of stage 3 (placing and joining a record, resolve.ts). */
  resolve: string;
}

export interface FileTask {
  /** Listing position. */
  index: number;
  /** Path to read: bytes when the file's name is not UTF-8 (list-files.ts listedPath; a Uint8Array once sent to a worker). */
  abs: string | Uint8Array;
  /** Path as recorded in source.file, relative to the reports folder (e.g. 广东/x.txt). */
  file: string;
  id: string;
  /** From the last build's listing, when the size is unchanged; `sure` when the mtime is too. */
  hint: { bytes: string; text: string; sure: boolean } | null;
  /** The hash of the text the last build read from this file, whatever it is now (null: not listed then). */
  lastText: string | null;
}

export interface FileResult {
  index: number;
  outcome: Outcome;
  /** The length in bytes of the record's line in its shard's lines (with its newline), when it gave one. */
  line: number | null;
  /** For the next build's hint ('' when the file could not be read). */
  bytes: string;
  text: string;
  /** Whether stage 1 ran the extractor on this file now (plain text, decoded whenever it is read, is not counted). */
  extracted: boolean;
  /** Whether stage 2 parsed this file's text now. */
  parsed: boolean;
}

/** One shard's results (in its files' order), and the SHA-256 of its record lines (each file's that gave one, in order, each ending in a newline). */
export interface ShardResult {
  results: FileResult[];
  /** The lines' SHA-256. */
  lines: string;
  /** The stat of the shard's file when the stage wrote the lines to it now, else null. */
  written: FileStat | null;
}

export interface StageContext {
  cache: Cache;
  /** The output folder, where the shard files are written. */
  writer: OutputWriter;
  fingerprints: Fingerprints;
  joins: Joins;
  /** A hash of the joined CSV files' text (agencies.csv, sources.csv): part of each shard entry's key. */
  joinsKey: string;
}

/** What the last build's parse entries, looked up to reuse unchanged files' results, are counted as (apart from the entries this build needs). */
export const LAST_PARSE = 'parse, last build';

/** The key of a file's stage-1 entry (its bytes' hash), and of a shard's stage-2 entry (its files' texts' hashes, in order). */
export const extractKey = (file: string, bytesHash: string, fingerprints: Fingerprints) => keyOf(bytesHash, file, fingerprints.extract);
export const parseKey = (textHashes: readonly string[], fingerprints: Fingerprints) => keyOf(fingerprints.parse, ...textHashes);

/** The key of a shard's entry: every file's name, id and hashes (in the shard's order), the fingerprints and the joined files' text. */
export const shardKey = (tasks: readonly Pick<FileTask, 'file' | 'id'>[], hashes: readonly { bytes: string; text: string }[], fingerprints: Fingerprints, joinsKey: string) =>
  keyOf(fingerprints.extract, fingerprints.parse, fingerprints.resolve, joinsKey, ...tasks.flatMap((t, i) => [t.file, t.id, hashes[i]?.bytes ?? '', hashes[i]?.text ?? '']));

/** A file read now: its bytes' and text's hashes and its text, or why it could not be read. */
type FileRead = { bytes: string; text: string; read: ReadResult; extracted: boolean } | { bytes: ''; text: ''; read: null; extracted: false; error: string };

/**
 * Stage 1 for one file: its text, from its entry or extracted now. Plain text has no entry: it is
 * decoded again each time it is needed, which costs less than writing and reading an entry.
 */
async function readFile(task: FileTask, { cache, fingerprints }: StageContext): Promise<FileRead> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(pathOf(task));
  } catch (cause) {
    return { bytes: '', text: '', read: null, extracted: false, error: `could not read: ${cause instanceof Error ? cause.message : String(cause)}` };
  }
  const bytesHash = sha256(bytes);
  const key = extractKey(task.file, bytesHash, fingerprints);
  let read = cache.get<ReadResult>('extract', key);
  let extracted = false;
  if (read === undefined) {
    read = await readReportFile(bytes, task.file);
    extracted = !(read.ok && read.format === 'txt');
    if (extracted) read = cache.put('extract', key, read);
  }
  return { bytes: bytesHash, text: sha256(JSON.stringify(read)), read, extracted };
}

/**
 * Stage 2 for a shard: each file's parse result (null: the file could not be read), from the
 * shard's entry, keyed by its files' texts' hashes in order (the hints' for files not read), or
 * made now. One entry per shard, not per file: a cold build writes a few thousand files, not
 * one per report. When the entry must be made, the files whose text is the one the last build
 * read (lastText) take their results from the last build's entry of the shard, when there is one
 * (the shard's files then, in order, but those added since); the others are read and parsed now.
 * `now[i]`: file i was parsed now.
 */
async function parseShard(tasks: readonly FileTask[], hints: readonly (FileTask['hint'] | null)[], reads: (FileRead | null)[], context: StageContext): Promise<{ parsed: (ParseResult | null)[]; now: boolean[] }> {
  const { cache, fingerprints } = context;
  const textHashes = () => tasks.map((_, i) => reads[i]?.text ?? hints[i]?.text ?? '');
  const tried = parseKey(textHashes(), fingerprints);
  const hit = cache.get<(ParseResult | null)[]>('parse', tried);
  if (hit?.length === tasks.length) return { parsed: hit, now: tasks.map(() => false) };
  // Every file has been read or has a hint that holds (runShard): its text's hash is known.
  const sameText = tasks.map((t, i) => t.lastText !== null && (reads[i]?.text ?? hints[i]?.text) === t.lastText);
  const listedBefore = tasks.filter((t) => t.lastText !== null);
  const lastKey = parseKey(listedBefore.map((t) => t.lastText as string), fingerprints);
  // (The same key as tried: the entry is gone or damaged, and every file is parsed.)
  const lastEntry = sameText.includes(true) && lastKey !== tried ? cache.get<(ParseResult | null)[]>('parse', lastKey, LAST_PARSE) : undefined;
  const last = new Map(lastEntry?.length === listedBefore.length ? listedBefore.map((t, j) => [t, lastEntry[j] ?? null]) : []);
  // A file whose text is the one last read takes the last result, and is not read again.
  const unchanged = (i: number) => sameText[i] === true && last.has(tasks[i] as FileTask);
  for (const [i, task] of tasks.entries()) if (!unchanged(i)) reads[i] ??= await readFile(task, context);
  const key = parseKey(textHashes(), fingerprints);
  // A file that changed without its size and mtime moving gives another key: its entry may be there.
  const again = key === tried ? undefined : cache.get<(ParseResult | null)[]>('parse', key);
  if (again?.length === tasks.length) return { parsed: again, now: tasks.map(() => false) };
  // Used as made: parse results are plain JSON, the same value read back (test/build/parse-stage.test.ts).
  const now = tasks.map((_, i) => !unchanged(i) && reads[i]?.read != null);
  const parsed = tasks.map((task, i) => (unchanged(i) ? (last.get(task) ?? null) : reads[i]?.read ? parseStage(reads[i].read) : null));
  cache.store('parse', key, parsed);
  return { parsed, now };
}

/** Stage 3 for one file: its parse result placed and joined; its record line (JSON) when it gave one. */
function resolveFile(task: FileTask, hashes: { bytes: string; text: string }, parsed: ParseResult | null, read: FileRead | null, now: boolean, joins: Joins): { result: FileResult; json: Uint8Array | null } {
  const done = { index: task.index, bytes: hashes.bytes, text: hashes.text, extracted: read?.extracted ?? false, parsed: now && parsed !== null };
  if (parsed === null) {
    const detail = read && read.read === null ? read.error : 'could not read';
    return { result: { ...done, outcome: { status: 'unusable', file: task.file, reason: 'unreadable', detail }, line: null, bytes: '', text: '' }, json: null };
  }
  const { outcome, json }: { outcome: Outcome; json: Uint8Array | null } = parsed.ok
    ? resolveRecord(placeRecord(parsed.record, task.file, task.id, hashes.bytes), joins)
    : { outcome: { status: 'unusable', file: task.file, reason: parsed.reason, detail: parsed.detail }, json: null };
  return { result: { ...done, outcome, line: json === null ? null : json.length + 1 }, json };
}

/** Whether the task's file's bytes have this SHA-256 (false when it cannot be read). */
function hashesAs(task: FileTask, bytesHash: string): boolean {
  try {
    return sha256(readFileSync(pathOf(task))) === bytesHash;
  } catch {
    return false;
  }
}

const pathOf = (task: FileTask) => (typeof task.abs === 'string' ? task.abs : Buffer.from(task.abs.buffer, task.abs.byteOffset, task.abs.byteLength));

/** A FileResult as a shard entry stores it: the CSV line as text. */
type StoredResult = Omit<FileResult, 'index' | 'extracted' | 'parsed' | 'outcome'> & { outcome: Outcome | (Omit<Extract<Outcome, { status: 'parsed' }>, 'summary'> & { summary: Omit<ReportSummary, 'csv'> & { csv: string } }) };

/** A shard entry: its files' results and its lines' key. */
interface StoredShard {
  results: StoredResult[];
  lines: string;
}

const utf8 = new TextEncoder();
const decoder = new TextDecoder();
const NEWLINE = new Uint8Array([0x0a]);

const toStored = ({ outcome, line, bytes, text }: FileResult): StoredResult => ({
  outcome: outcome.status === 'parsed' ? { ...outcome, summary: { ...outcome.summary, csv: decoder.decode(outcome.summary.csv) } } : outcome,
  line,
  bytes,
  text,
});

/** The results a shard entry holds, or undefined when it does not hold one for each file. */
function fromStored(stored: readonly StoredResult[], tasks: readonly FileTask[]): FileResult[] | undefined {
  if (stored.length !== tasks.length) return undefined;
  return stored.map(({ outcome, line, bytes, text }, i): FileResult => ({
    index: (tasks[i] as FileTask).index,
    outcome: outcome.status === 'parsed' ? { ...outcome, summary: { ...outcome.summary, csv: utf8.encode(outcome.summary.csv as string) } } : (outcome as Outcome),
    line,
    bytes,
    text,
    extracted: false,
    parsed: false,
  }));
}

/** One shard's files (in order) through the stages: from its shard entry when every file's hint holds and the entry is whole, else file by file. */
export async function runShard(tasks: readonly FileTask[], context: StageContext): Promise<ShardResult> {
  const { cache, fingerprints } = context;
  const keyFor = (hashes: readonly { bytes: string; text: string }[]) => shardKey(tasks, hashes, fingerprints, context.joinsKey);
  const hints = tasks.map((t) => (t.hint && (t.hint.sure || hashesAs(t, t.hint.bytes)) ? t.hint : null));
  if (hints.every((h) => h !== null)) {
    const entry = cache.get<StoredShard>('shard', keyFor(hints));
    const results = entry && fromStored(entry.results, tasks);
    if (entry && results) return { results, lines: entry.lines, written: null };
  }
  // Files without a hint that holds are read now (their hashes make the keys); the others only if their shard's records must be parsed again.
  const reads: (FileRead | null)[] = [];
  for (const [i, task] of tasks.entries()) reads.push(hints[i] ? null : await readFile(task, context));
  const { parsed, now } = await parseShard(tasks, hints, reads, context);
  const made = tasks.map((task, i) => {
    const read = reads[i] ?? null;
    const hashes = read ?? (hints[i] as { bytes: string; text: string });
    return resolveFile(task, hashes, parsed[i] ?? null, read, now[i] ?? false, context.joins);
  });
  const bytes = Buffer.concat(made.flatMap((m) => (m.json ? [m.json, NEWLINE] : [])));
  const results = made.map((m) => m.result);
  const path = shardFile(reportShard((tasks[0] as FileTask).id));
  if (bytes.length > 0) context.writer.write(path, bytes);
  const lines = sha256(bytes);
  // A file that could not be read is tried again next build: no entry for the shard then.
  if (results.every((r) => r.bytes !== '')) cache.store('shard', keyFor(results), { results: results.map(toStored), lines });
  return { results, lines, written: bytes.length > 0 ? context.writer.stat(path) : null };
}

/** What a worker is given to do: shards to run through the stages, or shard files to write. */
export type Batch = { kind: 'stage'; shards: FileTask[][] } | { kind: 'write'; jobs: ShardJob[] };
export type BatchResult = { kind: 'stage'; shards: ShardResult[] } | { kind: 'write'; written: ShardWritten[] };

export async function runBatch(batch: Batch, context: StageContext): Promise<BatchResult> {
  if (batch.kind === 'write') return { kind: 'write', written: batch.jobs.map((job) => writeShard(job, context.writer)) };
  const shards: ShardResult[] = [];
  for (const tasks of batch.shards) shards.push(await runShard(tasks, context));
  return { kind: 'stage', shards };
}

/** The context a worker rebuilds from what it is sent. */
export interface WorkerSetup {
  cacheRoot: string | null;
  outDir: string;
  fingerprints: Fingerprints;
  joins: Joins;
  joinsKey: string;
}

export function contextOf(setup: WorkerSetup): StageContext {
  return { cache: new Cache(setup.cacheRoot), writer: fsWriter(setup.outDir), fingerprints: setup.fingerprints, joins: setup.joins, joinsKey: setup.joinsKey };
}

/** Takes the counts made since the last take. */
function takeCounts(context: StageContext): CacheCounts {
  const counts = structuredClone(context.cache.counts);
  for (const stage of Object.keys(context.cache.counts)) delete context.cache.counts[stage];
  return counts;
}

/** A batch's result and the cache counts it made. */
export interface BatchAnswer {
  result: BatchResult;
  counts: CacheCounts;
}

/**
 * Runs batches on the context `context()` gives, one at a time in the order given (a PDF's
 * extraction awaits: a second batch must not start meanwhile), each answered with its counts.
 */
export function batchRunner(context: () => StageContext): (batch: Batch) => Promise<BatchAnswer> {
  let queue: Promise<unknown> = Promise.resolve();
  return (batch) => {
    const done = queue.then(async () => {
      const here = context();
      return { result: await runBatch(batch, here), counts: takeCounts(here) };
    });
    queue = done.catch(() => undefined);
    return done;
  };
}
