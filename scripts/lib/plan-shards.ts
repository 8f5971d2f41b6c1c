/**
 * Which shard files (reports/<shard>.jsonl, see src/lib/dataset/shards.ts) a build must write:
 * a shard is rewritten when one of its reports was parsed by this run, when the set of reports it
 * should hold differs from what the last build wrote into it, or when its file is missing; a shard
 * file no report belongs to any more is removed. Pure: the caller reads and writes.
 */
import { reportShard } from '../../src/lib/dataset/shards.ts';

export interface ShardPlan {
  /** Every shard with at least one used report → its ids, in id order. */
  members: Map<string, string[]>;
  /** Shards to write, in order. */
  dirty: string[];
  /** Shard files on disk that no used report belongs to. */
  stale: string[];
}

function byShard(ids: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of ids) {
    const shard = reportShard(id);
    const list = out.get(shard);
    if (list) list.push(id);
    else out.set(shard, [id]);
  }
  return out;
}

/** Same ids, whatever the order. */
function sameIds(a: readonly string[], b: readonly string[] | undefined): boolean {
  if (b === undefined || a.length !== b.length) return false;
  const set = new Set(b);
  return a.every((id) => set.has(id));
}

/**
 * @param usedIds the reports the dataset uses, in id order
 * @param writtenBefore ids the last build wrote into the shard files (from the cache)
 * @param parsedNow ids parsed by this run
 * @param onDisk shard names whose files exist now
 */
export function planShards(
  usedIds: readonly string[],
  writtenBefore: Iterable<string>,
  parsedNow: (id: string) => boolean,
  onDisk: ReadonlySet<string>,
): ShardPlan {
  const members = byShard(usedIds);
  const before = byShard(writtenBefore);
  const dirty = [...members.keys()]
    .filter((shard) => {
      const ids = members.get(shard) as string[];
      return !onDisk.has(shard) || ids.some(parsedNow) || !sameIds(ids, before.get(shard));
    })
    .sort();
  const stale = [...onDisk].filter((shard) => !members.has(shard)).sort();
  return { members, dirty, stale };
}
