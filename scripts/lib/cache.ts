/**
 * The build cache: plain, content-addressed entries, one file each, under
 * `<root>/<stage>/<key[0..2]>/<key>.json`. A file is the SHA-256 (hex) of the rest and a newline,
 * the entry as one line of JSON (`sed -n 2p FILE | jq` shows it), then for some entries bytes
 * stored as they are (stage `deflate`: a CSV block deflated: `tail -n +3 FILE`). The key is a SHA-256 of everything the
 * entry was made from (see stages.ts: file bytes and extractor fingerprint; a shard's extracted texts and
 * parser fingerprint), or of the bytes themselves (`putBytes`). An entry is used only when its checksum matches and it names its own key;
 * anything else (damaged, half-written, foreign) is a miss: rebuilt, and counted as `damaged`.
 * Writes go to a temporary file of a name no other process uses, then are renamed over the
 * entry, so a reader sees the old entry, the new one, or none: never a part. They are flushed to
 * disk once, at the end of the build (`flush`): an fsync per entry took 6 ms on this machine,
 * 20 minutes for a cold build of 100,000 reports. An entry a crash loses or leaves garbled is
 * found so by its checksum, and made again.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync, writevSync, type Dirent } from 'node:fs';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { killPoint } from './kill-point.ts';

const NEWLINE = 0x0a;

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** A key made of parts (none holds a NUL). */
export const keyOf = (...parts: string[]): string => sha256(parts.join('\u0000'));

/** How each stage fared in one build: entries used, made now, found damaged (then made again), and not saved (the write failed). */
export interface StageCounts {
  hit: number;
  made: number;
  damaged: number;
  unsaved: number;
}

const zero = (): StageCounts => ({ hit: 0, made: 0, damaged: 0, unsaved: 0 });

export type CacheCounts = Record<string, StageCounts>;

/** Files writeAtomic began in this thread: with the process and thread, names each temporary file apart. */
let written = 0;

/** Writes `data` (whole or in parts) to `path` atomically (a temporary file of a name no other process uses, renamed over the path); its folder is made if need be. */
export function writeAtomic(path: string, data: string | Uint8Array | readonly Uint8Array[]): void {
  const tmp = `${path}.${process.pid}.${(threadId * 2 ** 32 + ++written).toString(16).padStart(12, '0')}.tmp`;
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(tmp, 'w');
  }
  try {
    writeParts(fd, typeof data === 'string' ? [Buffer.from(data, 'utf8')] : data instanceof Uint8Array ? [data] : data);
  } catch (cause) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw cause;
  }
  closeSync(fd);
  killPoint('before-rename');
  renameSync(tmp, path);
}

/** The parts one after another, without joining them first (writev takes at most 1,024 at a time, and may write less than asked). */
function writeParts(fd: number, parts: readonly Uint8Array[]): void {
  for (let i = 0; i < parts.length; i += 1024) {
    const chunk = parts.slice(i, i + 1024);
    let done = chunk.some((part) => part.length > 0) ? writevSync(fd, chunk as Uint8Array[]) : 0;
    for (const part of chunk) {
      for (let at = Math.min(done, part.length); at < part.length; ) at += writeSync(fd, part, at, part.length - at);
      done = Math.max(0, done - part.length);
    }
  }
}

/** A temporary file writeAtomic left (its process was killed before the rename). */
const TEMPORARY = /\.\d+\.[0-9a-f]{12}\.tmp$/;

/** Removes the temporary files writeAtomic left in `dir` and its sub-folders `depth` levels down; only while no other build writes there (under the lock). */
export function sweepTemporary(dir: string, depth: number): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.isDirectory() && depth > 0) sweepTemporary(join(dir, e.name), depth - 1);
    else if (e.isFile() && TEMPORARY.test(e.name)) rmSync(join(dir, e.name), { force: true });
  }
}

export class Cache {
  readonly counts: CacheCounts = {};

  /** `root` null: a build without a cache (every get misses, nothing is written). */
  constructor(readonly root: string | null) {}

  private count(stage: string): StageCounts {
    return (this.counts[stage] ??= zero());
  }

  path(stage: string, key: string): string {
    return join(this.root ?? '', stage, key.slice(0, 2), `${key}.json`);
  }

  /** The entry under this key, verified; undefined when there is none or it is damaged (counted, under `countAs`). */
  get<T>(stage: string, key: string, countAs = stage): T | undefined {
    return this.getWithBytes<T>(stage, key, countAs)?.value;
  }

  /** The entry under this key and the bytes stored after its value, verified (as `get`). */
  getWithBytes<T>(stage: string, key: string, countAs = stage): { value: T; bytes: Buffer } | undefined {
    if (this.root === null) return undefined;
    let file: Buffer;
    try {
      file = readFileSync(this.path(stage, key));
    } catch {
      return undefined;
    }
    try {
      if (file[64] !== NEWLINE || file.toString('latin1', 0, 64) !== sha256(file.subarray(65))) throw new Error('checksum');
      const end = file.indexOf(NEWLINE, 65);
      const entry = JSON.parse(file.toString('utf8', 65, end < 0 ? file.length : end)) as { key: string; value: T };
      if (entry.key !== key) throw new Error('key');
      this.count(countAs).hit++;
      return { value: entry.value, bytes: end < 0 ? Buffer.alloc(0) : file.subarray(end + 1) };
    } catch {
      this.count(countAs).damaged++;
      return undefined;
    }
  }

  /**
   * Stores the entry (made now) under this key, with `bytes` after it when given, and gives it back
   * as a read would (through JSON), so that a value made now and one read from the cache give the
   * same output, cache or none.
   */
  put<T>(stage: string, key: string, value: T, bytes: readonly Uint8Array[] = []): T {
    const json = JSON.stringify({ key, value });
    this.save(stage, key, [Buffer.from(`${json}\n`, 'utf8')], bytes);
    return (JSON.parse(json) as { value: T }).value;
  }

  /** Stores the entry (made now) under this key, for a later build: this one goes on with the value it has. */
  store(stage: string, key: string, value: unknown): void {
    this.save(stage, key, entryLine(key, value), []);
  }

  /** Stores bytes under their own SHA-256 (an entry of value null, the bytes after it); returns whether they were saved. */
  putBytes(stage: string, key: string, bytes: Uint8Array): boolean {
    return this.save(stage, key, entryLine(key, null), [bytes]);
  }

  private save(stage: string, key: string, line: readonly Uint8Array[], bytes: readonly Uint8Array[]): boolean {
    this.count(stage).made++;
    if (this.root === null) return false;
    try {
      const body = [...line, ...bytes];
      const hash = createHash('sha256');
      for (const part of body) hash.update(part);
      writeAtomic(this.path(stage, key), [Buffer.from(`${hash.digest('hex')}\n`, 'latin1'), ...body]);
      return true;
    } catch {
      // A cache that cannot be written costs time, never the build.
      this.count(stage).unsaved++;
      return false;
    }
  }

  /** Removes the entries of a stage whose keys are not in `live` (and what a killed build left half-written there); returns how many. */
  prune(stage: string, live: ReadonlySet<string>): number {
    if (this.root === null) return 0;
    let removed = 0;
    const dir = join(this.root, stage);
    let subs: Dirent[];
    try {
      subs = readdirSync(dir, { withFileTypes: true });
    } catch {
      return 0;
    }
    for (const sub of subs) {
      if (!sub.isDirectory()) continue;
      for (const name of readdirSync(join(dir, sub.name))) {
        if (live.has(name.slice(0, -'.json'.length)) && name.endsWith('.json')) continue;
        rmSync(join(dir, sub.name, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Flushes the cache's file system to disk (syncfs, through coreutils' `sync -f`; nothing where there is none). */
  flush(): void {
    if (this.root !== null) spawnSync('sync', ['-f', this.root], { stdio: 'ignore' });
  }
}

/**
 * An entry's line, `{"key":…,"value":…}` and a newline, in UTF-8: the bytes of one JSON.stringify,
 * an array value made element by element (one long string from JSON.stringify is slow to encode).
 */
function entryLine(key: string, value: unknown): Buffer[] {
  if (!Array.isArray(value)) return [Buffer.from(`${JSON.stringify({ key, value })}\n`, 'utf8')];
  const parts = [Buffer.from(`{"key":${JSON.stringify(key)},"value":[`, 'utf8')];
  value.forEach((element: unknown, i) => parts.push(Buffer.from(`${i > 0 ? ',' : ''}${JSON.stringify(element) ?? 'null'}`, 'utf8')));
  parts.push(Buffer.from(']}\n', 'latin1'));
  return parts;
}

/** Adds another thread's counts into these. */
export function addCounts(into: CacheCounts, from: CacheCounts): void {
  for (const [stage, c] of Object.entries(from)) {
    const to = (into[stage] ??= zero());
    for (const k of ['hit', 'made', 'damaged', 'unsaved'] as const) to[k] += c[k];
  }
}
