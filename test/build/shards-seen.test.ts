import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cache, sha256 } from '../../scripts/lib/cache.ts';
import { fsWriter, type OutputWriter } from '../../scripts/lib/effects.ts';
import { ShardsSeen, writeShard, type ShardJob, type ShardWritten } from '../../scripts/lib/shards.ts';
import { shardFile } from '../../src/lib/dataset/layout.ts';

const LINES = ['{"id":"a","n":1}\n', '{"id":"b","n":2}\n', '{"id":"c","n":3}\n'].map((l) => Buffer.from(l));
const ALL = Buffer.concat(LINES);
let root: string;
let out: string;
let cache: Cache;
let writer: OutputWriter;
/** Times the shard file was read. */
let reads = 0;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'shards-seen-'));
  out = join(root, 'out');
  cache = new Cache(join(root, 'cache'));
  const files = fsWriter(out);
  writer = { ...files, read: (path) => (reads++, files.read(path)) };
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const job = (drop: number[]): ShardJob => ({ shard: '0a3', lines: sha256(ALL), written: null, lengths: LINES.map((l) => l.length), drop, last: null });

/**
 * One build's writing of the shard, its stage having found it made (as a build whose shard entry
 * is there does; when the entry must be made, the stage writes every line first): its jobs given
 * what the last build left, written, and saved `wait` ms later.
 */
async function writeOnce(drop: number[], wait: number): Promise<{ job: ShardJob; written: ShardWritten }> {
  const seen = new ShardsSeen(cache, out);
  const [withLast] = seen.withLast([job(drop)]) as [ShardJob];
  const written = writeShard(withLast, writer);
  seen.note([withLast], [written]);
  await sleep(wait);
  seen.save();
  return { job: withLast, written };
}

const published = () => readFileSync(join(out, shardFile('0a3')), 'utf8');

describe('shard files the last build left are known by their stat', () => {
  it('does not read a file again while its stat is as the last build saved it, and rewrites one changed since, even to the same size', async () => {
    writer.write(shardFile('0a3'), ALL);
    const first = await writeOnce([1], 60);
    expect(first.written.state).toBe('written');
    expect(published()).toBe(`${LINES[0]}${LINES[2]}`);

    const readsBefore = reads;
    const second = await writeOnce([1], 0);
    expect(second.job.last).not.toBeNull();
    expect(second.written.state).toBe('same');
    expect(reads).toBe(readsBefore);

    // Changed in place, same size: its mtime and ctime move, so it is read, found not to hold the
    // lines, and its shard must be made again.
    writeFileSync(join(out, shardFile('0a3')), published().replace('"n":1', '"n":9'));
    const third = await writeOnce([1], 60);
    expect(third.written.state).toBe('missing');
    expect(reads).toBe(readsBefore + 1);
  });

  it('leaves a file its stage wrote in this build unread when no line is dropped, and reads it to drop one', () => {
    writer.write(shardFile('0a3'), ALL);
    const stat = writer.stat(shardFile('0a3'));
    const readsBefore = reads;
    expect(writeShard({ ...job([]), written: stat }, writer)).toEqual({ state: 'same', stat });
    expect(reads).toBe(readsBefore);
    expect(writeShard({ ...job([2]), written: stat }, writer).state).toBe('written');
    expect(reads).toBe(readsBefore + 1);
    expect(published()).toBe(`${LINES[0]}${LINES[1]}`);
  });

  it('reads a file saved too soon after it was written (its times may not have moved since), and one that must now hold other lines', async () => {
    writer.write(shardFile('0a3'), ALL);
    await writeOnce([], 0);
    expect(published()).toBe(ALL.toString());
    // Saved at once after the write: racy, so the next build does not go by its stat.
    const racy = await writeOnce([], 60);
    expect(racy.job.last).toBeNull();
    expect(racy.written.state).toBe('same');
    // Now known by its stat, but for holding every line: a job that drops one is written.
    const other = await writeOnce([0], 60);
    expect(other.job.last).toBeNull();
    expect(other.written.state).toBe('written');
    expect(published()).toBe(`${LINES[1]}${LINES[2]}`);
  });
});
