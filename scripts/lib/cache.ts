/**
 * The build cache (default .cache/build-data/, one folder per reports/out pair): for every file
 * its size, mtime, content hash and what processing it gave, under a key made of the content
 * hash, the file's path and id, the parser and resolver versions, the CSV and fact layout and the
 * overrides file. A rebuild re-reads only files whose size or mtime changed and re-parses only
 * files whose key changed (or whose reports/<id>.json is missing from the output folder).
 * Stored as JSON lines, one file per line: a base file and a log a rebuild appends to.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RESOLVER_VERSION } from '../../src/lib/agency/index.ts';
import { CSV_COLUMNS } from '../../src/lib/dataset/columns.ts';
import { PARSER_VERSION } from '../../src/lib/parse/index.ts';
import { SCHEMA_VERSION } from '../../src/lib/schema.ts';
import { FACT_FIELDS, type FileOutcome } from './process-file.ts';

export interface CacheEntry {
  file: string;
  size: number;
  mtimeMs: number;
  key: string;
  outcome: FileOutcome;
}

/** Bump when process-file.ts changes what it outputs. */
const PROCESS_VERSION = '1';

export function cacheSalt(overridesText: string): string {
  const layout = [CSV_COLUMNS.map((c) => c.name).join(','), FACT_FIELDS.join(',')].join('|');
  return createHash('sha256')
    .update([PROCESS_VERSION, PARSER_VERSION, RESOLVER_VERSION, SCHEMA_VERSION, layout, overridesText].join('\u0000'))
    .digest('hex');
}

export function entryKey(salt: string, sha256: string, file: string, id: string): string {
  return createHash('sha256').update(`${salt}\u0000${sha256}\u0000${file}\u0000${id}`).digest('hex').slice(0, 32);
}

/** The cache folder for one (reports, out) pair under the cache root. */
export function cacheDirFor(root: string, reportsDir: string, outDir: string): string {
  const pair = createHash('sha256').update(`${resolve(reportsDir)}\u0000${resolve(outDir)}`).digest('hex').slice(0, 16);
  return join(root, pair);
}

const BASE = 'entries.jsonl';
/** Entries added since the base was last written (a rebuild appends only what it parsed). */
const LOG = 'entries.log.jsonl';

function readLines(path: string, into: Map<string, CacheEntry>): number {
  if (!existsSync(path)) return 0;
  const text = readFileSync(path, 'utf8');
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      const entry = JSON.parse(line) as CacheEntry;
      into.set(entry.file, entry);
    } catch {
      // A torn line (an interrupted write) is a cache miss, nothing more.
    }
  }
  return text.length;
}

export function loadCache(dir: string): Map<string, CacheEntry> {
  const entries = new Map<string, CacheEntry>();
  readLines(join(dir, BASE), entries);
  readLines(join(dir, LOG), entries);
  return entries;
}

const lines = (entries: readonly CacheEntry[]) => entries.map((e) => `${JSON.stringify(e)}\n`).join('');

/**
 * Saves the cache: appends `changed` to the log, or, when the log would grow past a quarter of
 * the base (or there is no base), rewrites the base with `all` and empties the log.
 */
export function saveCache(dir: string, all: readonly CacheEntry[], changed: readonly CacheEntry[]): void {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, BASE);
  const log = join(dir, LOG);
  const baseSize = existsSync(base) ? statSync(base).size : 0;
  const logSize = existsSync(log) ? statSync(log).size : 0;
  if (changed.length === 0) return;
  const appended = lines(changed);
  if (baseSize > 0 && logSize + appended.length < baseSize / 4) {
    appendFileSync(log, appended);
    return;
  }
  const tmp = `${base}.tmp`;
  writeFileSync(tmp, lines(all));
  renameSync(tmp, base);
  rmSync(log, { force: true });
}
