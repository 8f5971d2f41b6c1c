/**
 * reports/<shard>.jsonl (every used report's record, one a line, in id order), written while the
 * files are worked on: they come in shard order, and a shard is written once its last file is
 * in, so only a few shards' records are held at a time. Which reports are duplicates is known
 * only at the end: `drop` then takes their lines out of the shards this build wrote.
 */
import { shardFile } from '../../src/lib/dataset/layout.ts';
import { reportShard } from '../../src/lib/dataset/shards.ts';
import type { OutputWriter } from './effects.ts';

const NEWLINE = Buffer.from('\n');
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class ShardWriter {
  private readonly pending = new Map<string, { left: number; lines: Map<string, Uint8Array> }>();
  /** Shards written by this build, and their reports' ids. */
  private readonly written = new Map<string, string[]>();

  /** `ids`: every report id the build will give a result for. */
  constructor(
    private readonly writer: OutputWriter,
    ids: readonly string[],
  ) {
    for (const id of ids) {
      const shard = reportShard(id);
      const open = this.pending.get(shard) ?? this.pending.set(shard, { left: 0, lines: new Map() }).get(shard);
      if (open) open.left++;
    }
  }

  /** A report's result: its record line (JSON), or null when it gave none. */
  add(id: string, json: Uint8Array | null): void {
    const shard = reportShard(id);
    const open = this.pending.get(shard);
    if (!open) throw new Error(`build-data bug: shard ${shard} got ${id} after it was written`);
    if (json !== null) open.lines.set(id, json);
    if (--open.left > 0) return;
    this.pending.delete(shard);
    const ids = [...open.lines.keys()].sort(byText);
    if (ids.length === 0) return;
    this.writer.write(shardFile(shard), ids.flatMap((i) => [open.lines.get(i) as Uint8Array, NEWLINE]));
    this.written.set(shard, ids);
  }

  /** Takes these reports' lines out of their shards, and removes every other shard file. */
  finish(dropped: ReadonlySet<string>): void {
    if (this.pending.size > 0) throw new Error(`build-data bug: ${this.pending.size} shards still waiting for files`);
    for (const [shard, ids] of this.written) {
      if (!ids.some((id) => dropped.has(id))) continue;
      // The file holds these ids' lines in this order (written above): the kept lines are cut out as bytes.
      const bytes = this.writer.read(shardFile(shard));
      const kept: Uint8Array[] = [];
      const left: string[] = [];
      for (let line = 0, start = 0; line < ids.length; line++) {
        const end = bytes.indexOf(0x0a, start) + 1;
        if (end === 0) throw new Error(`build-data bug: ${shardFile(shard)} has fewer lines than the ${ids.length} it was written with`);
        const id = ids[line] as string;
        if (!dropped.has(id)) kept.push(bytes.subarray(start, end)), left.push(id);
        start = end;
      }
      if (left.length > 0) this.writer.write(shardFile(shard), kept), this.written.set(shard, left);
      else this.written.delete(shard);
    }
    const kept = new Set([...this.written.keys()].map((shard) => shardFile(shard).slice('reports/'.length)));
    for (const name of this.writer.list('reports')) if (!kept.has(name)) this.writer.remove(`reports/${name}`);
  }
}
