/**
 * reports/<shard>.jsonl: every used report's record, one a line, in id order. A stage that makes a
 * shard's lines writes them to its file at once (stages.ts), and gives their SHA-256. Which
 * reports are duplicates is known only once every shard is in: then the duplicates' lines are
 * taken out of their shards' files, on the worker threads. A file that holds its shard's lines
 * (their SHA-256) is left as it is; one that does not is `missing`: its shard is staged again.
 */
import { shardFile } from '../../src/lib/dataset/layout.ts';
import { reportShard } from '../../src/lib/dataset/shards.ts';
import { resolve } from 'node:path';
import { keyOf, sha256, type Cache } from './cache.ts';
import type { FileStat, OutputWriter } from './effects.ts';
import type { FileTask, ShardResult } from './stages.ts';

/** One shard file to make. */
export interface ShardJob {
  shard: string;
  /** The SHA-256 of the shard's lines. */
  lines: string;
  /** The file's stat when its stage wrote the lines to it in this build, else null. */
  written: FileStat | null;
  /** Each line's length in bytes, newline included, in order. */
  lengths: number[];
  /** The positions of the lines to leave out (duplicates), ascending. */
  drop: number[];
  /** The file's stat when a build last left it holding these lines but these drops (ShardsSeen), if known. */
  last: FileStat | null;
}

/** The file as the job left it (`stat`: null if it could not be taken), or `missing`: the file does not hold the shard's lines, they must be made again. */
export type ShardWritten = { state: 'same' | 'written'; stat: FileStat | null } | { state: 'missing' };

const sameStat = (a: FileStat | null, b: FileStat) => a !== null && a.every((v, i) => v === b[i]);

/** Makes the job's shard file hold its lines but the dropped ones. */
export function writeShard(job: ShardJob, writer: OutputWriter): ShardWritten {
  const path = shardFile(job.shard);
  const stat = writer.stat(path);
  if (job.last && sameStat(stat, job.last)) return { state: 'same', stat: job.last };
  if (job.drop.length === 0 && job.written && sameStat(stat, job.written)) return { state: 'same', stat };
  const size = job.lengths.reduce((n, l) => n + l, 0);
  const lines = writer.read(path);
  if (lines === null || lines.length !== size || sha256(lines) !== job.lines) return { state: 'missing' };
  if (job.drop.length === 0) return { state: 'same', stat };
  const kept: Uint8Array[] = [];
  for (let i = 0, at = 0, d = 0; i < job.lengths.length; i++) {
    const end = at + (job.lengths[i] as number);
    if (job.drop[d] === i) d++;
    else kept.push(lines.subarray(at, end));
    at = end;
  }
  writer.write(path, kept);
  return { state: 'written', stat: writer.stat(path) };
}

/** What a job's file holds: its lines' key and the lines dropped. */
const holdsOf = (job: Pick<ShardJob, 'lines' | 'drop'>) => `${job.lines} ${job.drop.join(',')}`;

/**
 * Whether a file's mtime or ctime (ms) vouches that it is as it was when its stat was taken at `at`
 * (ms): only if older than that by more than 50 ms (the file system's clock is coarse: a few ms).
 * A file changed just before may have been changed again since without its times moving (git's
 * "racily clean" files); a time in the future (another machine's clock) vouches for nothing.
 */
export const timeVouches = (timeMs: number, at: number): boolean => timeMs < at - 50;

/**
 * The shard files a build left, each with what it holds and its stat then (a cache entry per
 * output folder): a file whose stat is still that holds it still, and is not read again. Any write
 * changes a file's mtime and ctime, a rename its inode; a file changed in the last moments before
 * the stats were taken is read (as git does with its index).
 */
export class ShardsSeen {
  private readonly key: string;
  /** As read, and as the build leaves them (saved only when they differ: a build that changes nothing leaves the cache as it was). */
  private last: Record<string, [holds: string, stat: FileStat]> = {};
  private now: ShardsSeen['last'] = {};

  constructor(
    private readonly cache: Cache,
    outDir: string,
  ) {
    this.key = keyOf('shards seen', resolve(outDir));
  }

  /** The jobs, each with the stat its file had when last left holding what the job makes, where it was not racy. */
  withLast(jobs: readonly ShardJob[]): ShardJob[] {
    const seen = this.cache.get<{ at: number; files: ShardsSeen['last'] }>('seen', this.key);
    this.last = seen?.files ?? {};
    return jobs.map((job) => {
      const [holds, stat] = seen?.files[job.shard] ?? [];
      const fresh = stat !== undefined && seen !== undefined && timeVouches(Number(BigInt(stat[2]) / 1_000_000n), seen.at);
      return { ...job, last: holds === holdsOf(job) && fresh ? stat : null };
    });
  }

  /** What the jobs left. */
  note(jobs: readonly ShardJob[], written: readonly ShardWritten[]): void {
    this.now = {};
    jobs.forEach((job, i) => {
      const w = written[i];
      if (w && w.state !== 'missing' && w.stat) this.now[job.shard] = [holdsOf(job), w.stat];
    });
  }

  /** Saves what the jobs left (once the build's other writes are done: files written just before are racy). */
  save(): void {
    if (JSON.stringify(this.now) !== JSON.stringify(this.last)) this.cache.store('seen', this.key, { at: Date.now(), files: this.now });
  }
}

/** What the build knows of each shard's lines while its files are worked on: the ids that gave one, their lengths, and the lines' key. */
export class ShardPlan {
  private readonly shards = new Map<string, { tasks: readonly FileTask[]; ids: string[]; result: ShardResult }>();

  add(tasks: readonly FileTask[], result: ShardResult): void {
    const ids = result.results.flatMap((r, i) => (r.line === null ? [] : [(tasks[i] as FileTask).id]));
    this.shards.set(reportShard((tasks[0] as FileTask).id), { tasks, ids, result });
  }

  /** A shard's files, by shard. */
  tasksOf(shard: string): readonly FileTask[] {
    return this.shards.get(shard)?.tasks ?? [];
  }

  /** A job for each shard with a line left once these reports are taken out, in shard order. */
  jobs(dropped: ReadonlySet<string>): ShardJob[] {
    return [...this.shards].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([shard, { ids, result }]) => {
      const drop = ids.flatMap((id, i) => (dropped.has(id) ? [i] : []));
      if (drop.length === ids.length) return [];
      const lengths = result.results.flatMap((r) => (r.line === null ? [] : [r.line]));
      return [{ shard, lines: result.lines, written: result.written, lengths, drop, last: null }];
    });
  }
}

/** Removes every shard file but these shards'. */
export function removeOtherShards(writer: OutputWriter, shards: readonly string[]): void {
  const kept = new Set(shards.map((shard) => shardFile(shard).slice('reports/'.length)));
  for (const name of writer.list('reports')) if (!kept.has(name)) writer.remove(`reports/${name}`);
}
