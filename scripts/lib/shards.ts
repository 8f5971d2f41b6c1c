/**
 * reports/<shard>.jsonl: every used report's record, one a line, in id order. The stages give each
 * shard's lines as an entry of the `lines` store named by their SHA-256 (stages.ts). Which reports
 * are duplicates is known only once every shard is in: then each shard file is made from its
 * lines, without the duplicates', on the worker threads. A file that holds its shard's lines
 * already (its SHA-256 is their key) is left as it is, and the lines are not read.
 */
import { shardFile } from '../../src/lib/dataset/layout.ts';
import { reportShard } from '../../src/lib/dataset/shards.ts';
import type { Cache } from './cache.ts';
import type { OutputWriter } from './effects.ts';
import type { FileTask, ShardResult } from './stages.ts';

/** One shard file to make. */
export interface ShardJob {
  shard: string;
  /** The SHA-256 of the shard's lines: their key in the lines store. */
  lines: string;
  /** The lines, when they could not be stored. */
  bytes: Uint8Array | null;
  /** Each line's length in bytes, newline included, in order. */
  lengths: number[];
  /** The positions of the lines to leave out (duplicates), ascending. */
  drop: number[];
}

/** `missing`: the lines are not in the store (or damaged there): they must be made again. */
export type ShardWritten = 'same' | 'written' | 'missing';

/** Makes the job's shard file hold its lines but the dropped ones. */
export function writeShard(job: ShardJob, store: Cache, writer: OutputWriter): ShardWritten {
  const path = shardFile(job.shard);
  const size = job.lengths.reduce((n, l) => n + l, 0);
  if (job.drop.length === 0 && writer.holds(path, size, job.lines)) return 'same';
  const lines = job.bytes ?? store.getWithBytes<null>('lines', job.lines)?.bytes;
  if (lines === undefined || lines.length !== size) return 'missing';
  if (job.drop.length === 0) {
    writer.write(path, lines);
    return 'written';
  }
  const kept: Uint8Array[] = [];
  for (let i = 0, at = 0, d = 0; i < job.lengths.length; i++) {
    const end = at + (job.lengths[i] as number);
    if (job.drop[d] === i) d++;
    else kept.push(lines.subarray(at, end));
    at = end;
  }
  writer.write(path, kept);
  return 'written';
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

  /** Every shard's lines' key. */
  keys(): string[] {
    return [...this.shards.values()].map((s) => s.result.lines);
  }

  /** A job for each shard with a line left once these reports are taken out, in shard order. */
  jobs(dropped: ReadonlySet<string>): ShardJob[] {
    return [...this.shards].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([shard, { ids, result }]) => {
      const drop = ids.flatMap((id, i) => (dropped.has(id) ? [i] : []));
      if (drop.length === ids.length) return [];
      const lengths = result.results.flatMap((r) => (r.line === null ? [] : [r.line]));
      return [{ shard, lines: result.lines, bytes: result.bytes, lengths, drop }];
    });
  }
}

/** Removes every shard file but these shards'. */
export function removeOtherShards(writer: OutputWriter, shards: readonly string[]): void {
  const kept = new Set(shards.map((shard) => shardFile(shard).slice('reports/'.length)));
  for (const name of writer.list('reports')) if (!kept.has(name)) writer.remove(`reports/${name}`);
}
