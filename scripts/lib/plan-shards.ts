/**
 * Which shard files (reports/<shard>.jsonl, see src/lib/dataset/shards.ts) must change once the
 * used reports are known: a shard whose file does not hold exactly its used reports is rewritten;
 * a shard file no used report belongs to is removed. Pure: the caller reads and writes.
 */
import { reportShard } from '../../src/lib/dataset/shards.ts';

export interface ShardPlan {
  /** Every shard with at least one used report → its ids, in id order. */
  members: Map<string, string[]>;
  /** Shards to rewrite, in order. */
  dirty: string[];
  /** Shards whose file exists but that no used report belongs to, in order. */
  stale: string[];
}

/** Same ids, whatever the order (ids are unique). */
function sameIds(a: readonly string[], b: ReadonlySet<string> | undefined): boolean {
  return b !== undefined && a.length === b.size && a.every((id) => b.has(id));
}

/**
 * @param usedIds the reports the dataset uses, in id order
 * @param contents what each shard file holds now (shard → ids); a shard with no file is absent
 */
export function planShards(usedIds: readonly string[], contents: ReadonlyMap<string, ReadonlySet<string>>): ShardPlan {
  const members = new Map<string, string[]>();
  for (const id of usedIds) {
    const shard = reportShard(id);
    const list = members.get(shard);
    if (list) list.push(id);
    else members.set(shard, [id]);
  }
  const dirty = [...members].filter(([shard, ids]) => !sameIds(ids, contents.get(shard))).map(([shard]) => shard).sort();
  const stale = [...contents.keys()].filter((shard) => !members.has(shard)).sort();
  return { members, dirty, stale };
}
