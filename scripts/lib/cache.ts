/**
 * The build cache: plain, content-addressed entries, one file each, under
 * `<root>/<stage>/<key[0..2]>/<key>.json`. A file is two lines: the SHA-256 (hex) of the second,
 * then the entry as JSON (`tail -n 1 FILE | jq` shows it). The key is a SHA-256 of everything the
 * entry was made from (see build.ts: file bytes and extractor fingerprint; extracted text and
 * parser fingerprint). An entry is used only when its checksum matches and it names its own key;
 * anything else (damaged, half-written, foreign) is a miss: rebuilt, and counted as `damaged`.
 * Writes go to a temporary file of a name no other process uses, then are renamed over the
 * entry, so a reader sees the old entry, the new one, or none: never a part. They are flushed to
 * disk once, at the end of the build (`flush`): an fsync per entry took 6 ms on this machine,
 * 20 minutes for a cold build of 100,000 reports. An entry a crash loses or leaves garbled is
 * found so by its checksum, and made again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync, type Dirent } from 'node:fs';
import { dirname, join } from 'node:path';
import { killPoint } from './kill-point.ts';

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

/** Writes `data` to `path` atomically (a temporary file of a name no other process uses, renamed over the path); its folder is made if need be. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(tmp, 'w');
  }
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  } catch (cause) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw cause;
  }
  closeSync(fd);
  killPoint('before-rename');
  renameSync(tmp, path);
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

  /** The entry under this key, verified; undefined when there is none or it is damaged (counted). */
  get<T>(stage: string, key: string): T | undefined {
    if (this.root === null) return undefined;
    let text: string;
    try {
      text = readFileSync(this.path(stage, key), 'utf8');
    } catch {
      return undefined;
    }
    const newline = text.indexOf('\n');
    const body = text.slice(newline + 1);
    try {
      if (newline !== 64 || text.slice(0, 64) !== sha256(body)) throw new Error('checksum');
      const entry = JSON.parse(body) as { key: string; value: T };
      if (entry.key !== key) throw new Error('key');
      this.count(stage).hit++;
      return entry.value;
    } catch {
      this.count(stage).damaged++;
      return undefined;
    }
  }

  /** Stores the entry (made now) under this key. */
  put(stage: string, key: string, value: unknown): void {
    this.count(stage).made++;
    if (this.root === null) return;
    const body = JSON.stringify({ key, value });
    try {
      writeAtomic(this.path(stage, key), `${sha256(body)}\n${body}`);
    } catch {
      // A cache that cannot be written costs time, never the build.
      this.count(stage).unsaved++;
    }
  }

  /** Flushes the cache's file system to disk (syncfs, through coreutils' `sync -f`; nothing where there is none). */
  flush(): void {
    if (this.root !== null) spawnSync('sync', ['-f', this.root], { stdio: 'ignore' });
  }

  /** The entry under this key, or `make()`'s, stored. */
  async through<T>(stage: string, key: string, make: () => T | Promise<T>): Promise<T> {
    const hit = this.get<T>(stage, key);
    if (hit !== undefined) return hit;
    const value = await make();
    this.put(stage, key, value);
    return value;
  }
}

/** Adds another thread's counts into these. */
export function addCounts(into: CacheCounts, from: CacheCounts): void {
  for (const [stage, c] of Object.entries(from)) {
    const to = (into[stage] ??= zero());
    for (const k of ['hit', 'made', 'damaged', 'unsaved'] as const) to[k] += c[k];
  }
}
