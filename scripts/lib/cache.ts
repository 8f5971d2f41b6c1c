/**
 * The build cache (default .cache/build-data/, one folder per reports/out pair): for every file
 * its size, mtime, content hash and what processing it gave, under a key made of the content
 * hash, the file's path and id, the parser and resolver versions, a fingerprint of the code that
 * makes a record (so a forgotten version bump cannot serve stale records), the CSV and fact layout
 * and the overrides file. A rebuild re-reads only files whose size or mtime changed and re-parses only
 * files whose key changed (or whose reports/<id>.json is missing from the output folder).
 * Stored as JSON lines, one file per line: a base file and a log a rebuild appends to.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  /** The record is in its shard file in the output folder (written by the build that saved this entry). */
  written?: boolean;
}

/** Bump when process-file.ts changes what it outputs. */
const PROCESS_VERSION = '2';

/** The code whose output is cached: a change to any of it invalidates the cache even if no version was bumped. */
const CACHED_CODE = ['src/lib/parse', 'src/lib/agency', 'src/lib/extract', 'src/lib/dataset/columns.ts', 'src/lib/facts.ts', 'src/lib/schema.ts', 'scripts/lib/read-record.ts', 'scripts/lib/read-report-file.ts', 'scripts/lib/process-file.ts'];
const REPO = fileURLToPath(new URL('../..', import.meta.url));

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
    .update([PROCESS_VERSION, PARSER_VERSION, RESOLVER_VERSION, SCHEMA_VERSION, codeFingerprint(), layout, overridesText].join('\u0000'))
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

/** Reads a JSON-lines file line by line from its bytes (no whole-file string: the cache reaches hundreds of MB). */
function readLines(path: string, into: Map<string, CacheEntry>): void {
  if (!existsSync(path)) return;
  const bytes = readFileSync(path);
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    if (end > start) {
      try {
        const entry = JSON.parse(bytes.toString('utf8', start, end)) as CacheEntry;
        into.set(entry.file, entry);
      } catch {
        // A torn line (an interrupted write) is a cache miss, nothing more.
      }
    }
    start = end + 1;
  }
}

/** Writes entries as JSON lines, a thousand at a time. */
function writeLines(fd: number, entries: readonly CacheEntry[]): void {
  for (let i = 0; i < entries.length; i += 1000) {
    writeSync(fd, entries.slice(i, i + 1000).map((e) => `${JSON.stringify(e)}\n`).join(''));
  }
}

export function loadCache(dir: string): Map<string, CacheEntry> {
  const entries = new Map<string, CacheEntry>();
  readLines(join(dir, BASE), entries);
  readLines(join(dir, LOG), entries);
  return entries;
}

/**
 * Saves the cache: appends `changed` to the log, or, when the log would grow past a quarter of
 * the base (or there is no base), rewrites the base with `all` and empties the log.
 */
export function saveCache(dir: string, all: readonly CacheEntry[], changed: readonly CacheEntry[]): void {
  if (changed.length === 0) return;
  mkdirSync(dir, { recursive: true });
  const base = join(dir, BASE);
  const log = join(dir, LOG);
  const baseSize = existsSync(base) ? statSync(base).size : 0;
  const logSize = existsSync(log) ? statSync(log).size : 0;
  // An entry is ~2 KB: estimate the append without building it first.
  if (baseSize > 0 && logSize + changed.length * 2048 < baseSize / 4) {
    const fd = openSync(log, 'a');
    try {
      writeLines(fd, changed);
    } finally {
      closeSync(fd);
    }
    return;
  }
  const tmp = `${base}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeLines(fd, all);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, base);
  rmSync(log, { force: true });
}
