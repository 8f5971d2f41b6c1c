import { describe, expect, it } from 'vitest';
import { shardFile } from '../../src/lib/dataset/layout.ts';
import { reportShard } from '../../src/lib/dataset/shards.ts';
import type { OutputWriter } from '../../scripts/lib/effects.ts';
import { ShardAssembler } from '../../scripts/lib/shard-assembler.ts';

/** An in-memory output folder that logs every write and removal. */
function memoryWriter() {
  const files = new Map<string, Buffer>();
  const log: string[] = [];
  const writer: OutputWriter = {
    write: (path, data) => (log.push(`write ${path}`), files.set(path, Buffer.from(data))),
    remove: (path) => (log.push(`remove ${path}`), files.delete(path)),
    read: (path) => files.get(path) ?? null,
    size: (path) => files.get(path)?.length ?? null,
    list: () => [],
  };
  return { files, log, writer };
}

const record = (id: string) => Buffer.from(JSON.stringify({ schema_version: 1, id, agency: { name: `agency of ${id}` } }));
const ids = ['r-a', 'r-b', 'r-c', 'r-d', 'r-e', 'r-f'];
const lines = (files: Map<string, Buffer>, id: string) => files.get(shardFile(reportShard(id)))?.toString().trim().split('\n') ?? [];

describe('ShardAssembler', () => {
  it('writes a shard when its last file is in, and holds one whose record may be a duplicate until settled', async () => {
    expect(new Set(ids.map(reportShard)).size).toBe(ids.length);
    const { files, log, writer } = memoryWriter();
    const shards = new ShardAssembler(writer, new Map(), new Set());
    for (const id of ids) shards.expect(reportShard(id));
    shards.receive(reportShard('r-a'), 'r-a', record('r-a'), '某局\u00002023');
    expect(log).toEqual([`write ${shardFile(reportShard('r-a'))}`]);
    shards.receive(reportShard('r-b'), 'r-b', record('r-b'), '某局\u00002023'); // same agency and year: held
    shards.receive(reportShard('r-c'), 'r-c', null, null); // not a report: an empty shard writes nothing
    for (const id of ['r-d', 'r-e', 'r-f']) shards.receive(reportShard(id), id, record(id), `${id}\u00002023`);
    expect(log).not.toContain(`write ${shardFile(reportShard('r-b'))}`);
    expect(log).not.toContain(`write ${shardFile(reportShard('r-c'))}`);

    // r-a is the duplicate dropped: its shard goes, r-b's is written once; nothing is parsed again.
    let reparsed = 0;
    await shards.settle(['r-b', 'r-d', 'r-e', 'r-f'], async () => (reparsed++, new Map()));
    expect(reparsed).toBe(0);
    expect(log.filter((l) => l === `write ${shardFile(reportShard('r-b'))}`)).toHaveLength(1);
    expect(files.has(shardFile(reportShard('r-a')))).toBe(false);
    expect(lines(files, 'r-b').map((l) => JSON.parse(l).id)).toEqual(['r-b']);
    expect(shards.holds(reportShard('r-a'), 'r-a')).toBe(false);
    expect(shards.holds(reportShard('r-f'), 'r-f')).toBe(true);
  });

  it('keeps the unchanged reports of a shard from its old file, and parses again a used report found nowhere', async () => {
    const { files, writer } = memoryWriter();
    const shard = reportShard('r-a');
    files.set(shardFile(shard), Buffer.concat([record('r-a'), Buffer.from('\n')]));
    const shards = new ShardAssembler(writer, new Map([[shard, new Set(['r-a'])]]), new Set(['r-a']));
    // A new report in r-b's shard; r-a's shard is untouched by the parse.
    shards.expect(reportShard('r-b'));
    shards.receive(reportShard('r-b'), 'r-b', record('r-b'), null);
    // r-c was a dropped duplicate last time (never written); now it is used.
    await shards.settle(['r-a', 'r-b', 'r-c'], async (missing) => new Map(missing.map((id) => [id, record(id)])));
    expect(lines(files, 'r-a').map((l) => JSON.parse(l).id)).toEqual(['r-a']);
    expect(lines(files, 'r-c').map((l) => JSON.parse(l).id)).toEqual(['r-c']);
  });
});
