/**
 * What the last build saw of the reports folder (one cache entry per folder), which tells the
 * build which files it need not read again.
 */
import { resolve } from 'node:path';
import { keyOf, type Cache } from './cache.ts';
import { listedPath, type Listing } from './list-files.ts';
import { timeVouches } from './shards.ts';
import { extractKey, parseKey, shardKey, type FileResult, type FileTask, type Fingerprints } from './stages.ts';

/**
 * What the last build saw of each file of a folder: size, mtime, ctime and inode, and its bytes'
 * and text's hashes under one extractor. A file of the same size comes with them as a hint
 * (stages.ts): with the same times and inode too, when those times vouch for the file (shards.ts
 * timeVouches), its record is read from the cache without reading the file; else (a fresh clone
 * or checkout, a file written or touched since, even with its mtime set back, or changed just
 * before that listing), once its bytes are found to hash as they did. It also keeps the
 * fingerprints that build ran with, so that entries no file can use any more are removed once.
 */
export class Seen {
  private readonly key: string;
  private readonly files: Record<string, [size: number, mtimeMs: number, bytes: string, text: string, ctimeMs: number, inode: number]>;
  /** When the last build listed the folder (ms since the epoch; -Infinity: not known). */
  private readonly listedAt: number;
  /** The fingerprints the last build of this folder ran with (null: none is known). */
  private readonly last: Pick<Fingerprints, 'extract' | 'parse'> | null;

  constructor(
    private readonly cache: Cache,
    private readonly dir: string,
    private readonly fingerprints: Fingerprints,
  ) {
    this.key = keyOf('seen', resolve(dir));
    const last = cache.get<{ extract: string; parse?: string; listed?: number; files: Seen['files'] }>('seen', this.key);
    // By file name, own names only (a file may be named `__proto__` or `constructor`).
    this.files = Object.setPrototypeOf(last?.extract === fingerprints.extract ? last.files : {}, null) as Seen['files'];
    this.listedAt = last?.listed ?? -Infinity;
    this.last = last ? { extract: last.extract, parse: last.parse ?? '' } : null;
  }

  /** A task per listed file: opened by its listed path (bytes when its name is not UTF-8), recorded by its path relative to the folder, whatever the cwd. */
  tasks(listing: Listing, ids: readonly string[]): FileTask[] {
    const { rels, sizes, mtimes, ctimes, inodes } = listing;
    return rels.map((rel, i) => {
      const last = this.files[rel];
      const [mtime, ctime] = [mtimes[i] as number, ctimes[i] as number];
      const sure = last?.[1] === mtime && last[4] === ctime && last[5] === inodes[i] && timeVouches(mtime, this.listedAt) && timeVouches(ctime, this.listedAt);
      const hint = last && last[0] === sizes[i] ? { bytes: last[2], text: last[3], sure } : null;
      return { index: i, abs: listedPath(this.dir, listing, i), file: rel, id: ids[i] as string, hint, lastText: last?.[3] ?? null };
    });
  }

  save({ rels, sizes, mtimes, ctimes, inodes }: Listing, listedAt: number, results: readonly FileResult[]): void {
    const files: Seen['files'] = Object.create(null);
    rels.forEach((rel, i) => {
      const r = results[i] as FileResult;
      if (r.bytes !== '') files[rel] = [sizes[i] as number, mtimes[i] as number, r.bytes, r.text, ctimes[i] as number, inodes[i] as number];
    });
    // Nothing new seen: the entry is left as it is, its listing time with it (an older time vouches for fewer files, never more).
    const same = this.listedAt !== -Infinity && this.last?.extract === this.fingerprints.extract && this.last.parse === this.fingerprints.parse && sameFiles(rels, files, this.files);
    if (!same) this.cache.store('seen', this.key, { extract: this.fingerprints.extract, parse: this.fingerprints.parse, listed: listedAt, files });
  }

  /**
   * Removes the entries this folder's files no longer use, of each stage whose entries went out of
   * use since the last build of it: extract when its code changed, parse when its code changed or a
   * shard was made again, shard when a shard was made again (and the record lines older builds kept
   * in the cache). Not on a folder's first build (the cache may hold another folder's entries).
   */
  pruneUnused(shards: readonly FileTask[][], results: readonly FileResult[], joinsKey: string, shardsMade: number): number {
    if (this.last === null) return 0;
    const fp = this.fingerprints;
    let removed = 0;
    if (this.last.extract !== fp.extract) {
      removed += this.cache.prune('extract', new Set(shards.flat().flatMap((t) => {
        const { bytes } = results[t.index] as FileResult;
        return bytes ? [extractKey(t.file, bytes, fp)] : [];
      })));
    }
    if (this.last.parse !== fp.parse || shardsMade > 0) removed += this.cache.prune('parse', new Set(shards.map((tasks) => parseKey(tasks.map((t) => (results[t.index] as FileResult).text), fp))));
    if (shardsMade > 0) {
      removed += this.cache.prune('shard', new Set(shards.map((tasks) => shardKey(tasks, tasks.map((t) => results[t.index] as FileResult), fp, joinsKey))));
      removed += this.cache.prune('lines', new Set());
    }
    return removed;
  }
}

/** Whether two records of what was seen hold the same files (`a`'s are among `names`), each the same. */
function sameFiles(names: readonly string[], a: Seen['files'], b: Seen['files']): boolean {
  const same = (x: Seen['files'][string] | undefined, y: Seen['files'][string] | undefined) => x === y || (x !== undefined && y !== undefined && x.every((v, i) => v === y[i]));
  return names.every((name) => same(a[name], b[name])) && Object.keys(a).length === Object.keys(b).length;
}
