/**
 * One file through the cached stages, on a worker thread or the main one:
 *   1. extract: file bytes → text (cache key: the bytes' SHA-256, the file's path, which the
 *      extractor writes into its messages, and the extractor's fingerprint);
 *   2. parse: text → record with its agency resolved (key: the SHA-256 of stage 1's entry and
 *      the parser's fingerprint);
 *   3. the record placed (file, id, hash) and joined (resolve.ts), every build.
 * A file whose size and mtime are as the last build listed them comes with a `hint` (its bytes'
 * and its text's hashes then): its record is taken from stage 2 without reading the file.
 */
import { readFileSync } from 'node:fs';
import { Cache, keyOf, sha256, type CacheCounts } from './cache.ts';
import { parseStage, type ParseResult } from './parse-stage.ts';
import { placeRecord } from './read-record.ts';
import { readReportFile, type ReadResult } from './read-report-file.ts';
import { resolveRecord, type Joins, type Outcome } from './resolve.ts';

export interface Fingerprints {
  extract: string;
  parse: string;
}

export interface FileTask {
  /** Listing position. */
  index: number;
  /** Path to read: bytes when the file's name is not UTF-8 (list-files.ts listedPath; a Uint8Array once sent to a worker). */
  abs: string | Uint8Array;
  /** Path as recorded in source.file, relative to the reports folder (e.g. 广东/x.txt). */
  file: string;
  id: string;
  /** From the last build's listing, when size and mtime are unchanged. */
  hint: { bytes: string; text: string } | null;
}

export interface FileResult {
  index: number;
  outcome: Outcome;
  /** The record's line in its shard file, when it gave one. */
  json: Uint8Array | null;
  /** For the next build's hint ('' when the file could not be read). */
  bytes: string;
  text: string;
  /** Whether stage 1 ran the extractor on this file now. */
  extracted: boolean;
}

export interface StageContext {
  cache: Cache;
  fingerprints: Fingerprints;
  joins: Joins;
}

/** A value as the cache gives it back (JSON), so that a result made now and one read from the cache are the same. */
const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export async function runFile(task: FileTask, { cache, fingerprints, joins }: StageContext): Promise<FileResult> {
  let bytesHash = task.hint?.bytes ?? '';
  let textHash = task.hint?.text ?? '';
  let extracted = false;
  const parseKey = (text: string) => keyOf(text, fingerprints.parse);
  let parsed = task.hint ? cache.get<ParseResult>('parse', parseKey(textHash)) : undefined;
  try {
    if (parsed === undefined) {
      // Read now, hint or not: the key is made from these bytes, never from what was listed.
      const bytes = readFileSync(typeof task.abs === 'string' ? task.abs : Buffer.from(task.abs.buffer, task.abs.byteOffset, task.abs.byteLength));
      bytesHash = sha256(bytes);
      const text = await cache.through<ReadResult>('extract', keyOf(bytesHash, task.file, fingerprints.extract), async () => {
        extracted = true;
        return asStored(await readReportFile(bytes, task.file));
      });
      const tried = task.hint ? textHash : null;
      textHash = sha256(JSON.stringify(text));
      // The entry the hint named was tried above (and missed): made now without reading it again.
      if (textHash !== tried) parsed = cache.get<ParseResult>('parse', parseKey(textHash));
      if (parsed === undefined) cache.put('parse', parseKey(textHash), (parsed = asStored(parseStage(text))));
    }
  } catch (cause) {
    const detail = `could not read: ${cause instanceof Error ? cause.message : String(cause)}`;
    return { index: task.index, outcome: { status: 'unusable', file: task.file, reason: 'unreadable', detail }, json: null, bytes: '', text: '', extracted };
  }
  const { outcome, json }: { outcome: Outcome; json: Uint8Array | null } = parsed.ok
    ? resolveRecord(placeRecord(parsed.record, task.file, task.id, bytesHash), joins)
    : { outcome: { status: 'unusable', file: task.file, reason: parsed.reason, detail: parsed.detail }, json: null };
  return { index: task.index, outcome, json, bytes: bytesHash, text: textHash, extracted };
}

/** The context a worker rebuilds from what it is sent. */
export interface WorkerSetup {
  cacheRoot: string | null;
  fingerprints: Fingerprints;
  joins: Joins;
}

export const contextOf = (setup: WorkerSetup): StageContext => ({ cache: new Cache(setup.cacheRoot), fingerprints: setup.fingerprints, joins: setup.joins });

/** Takes the counts made since the last take. */
export function takeCounts(context: StageContext): CacheCounts {
  const counts = structuredClone(context.cache.counts);
  for (const stage of Object.keys(context.cache.counts)) delete context.cache.counts[stage];
  return counts;
}
