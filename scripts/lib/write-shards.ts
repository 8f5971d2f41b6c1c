/**
 * Writes the shard files the plan marks dirty (see plan-shards.ts): each holds its used reports'
 * records in id order, taken from this run's spool or, for reports not parsed now, from the
 * shard file the last build wrote. A record found in neither (its shard file was deleted, or a
 * duplicate dropped last time is used now) is parsed again through `reparse`.
 */
import { idOfRecordLine } from '../../src/lib/dataset/shards.ts';
import { shardFile } from '../../src/lib/dataset/layout.ts';
import type { OutputWriter } from './effects.ts';
import type { ShardPlan } from './plan-shards.ts';
import type { RecordSpool } from './record-spool.ts';

/** The lines of a shard file, by id. */
function linesById(bytes: Uint8Array): Map<string, Buffer> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, Buffer>();
  for (let start = 0; start < buffer.length; ) {
    let end = buffer.indexOf(10, start);
    if (end < 0) end = buffer.length;
    const id = end > start ? idOfRecordLine(buffer.toString('utf8', start, end)) : null;
    if (id !== null) out.set(id, buffer.subarray(start, end + 1));
    start = end + 1;
  }
  return out;
}

export async function writeShards(
  writer: OutputWriter,
  plan: ShardPlan,
  spool: RecordSpool,
  reparse: (ids: string[]) => Promise<void>,
): Promise<void> {
  const previous = new Map<string, Buffer>();
  for (const shard of plan.dirty) {
    const ids = plan.members.get(shard) as string[];
    if (ids.every((id) => spool.has(id))) continue;
    const old = writer.read(shardFile(shard));
    if (old) for (const [id, line] of linesById(old)) previous.set(id, line);
  }
  const missing = plan.dirty.flatMap((shard) => (plan.members.get(shard) as string[]).filter((id) => !spool.has(id) && !previous.has(id)));
  if (missing.length > 0) await reparse(missing);
  for (const shard of plan.dirty) {
    const lines = (plan.members.get(shard) as string[]).map((id) => {
      const line = spool.line(id) ?? previous.get(id);
      if (!line) throw new Error(`build-data bug: no record for report ${id} (shard ${shard})`);
      return line;
    });
    writer.write(shardFile(shard), Buffer.concat(lines));
  }
  for (const shard of plan.stale) writer.remove(shardFile(shard));
}
