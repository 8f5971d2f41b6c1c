import { describe, expect, it } from 'vitest';
import { idOfRecordLine, reportShard, shardLines, shardOfFileName } from '../../src/lib/dataset/shards.ts';
import { emptyRecord } from '../../src/lib/schema.ts';
import { planShards } from '../../scripts/lib/plan-shards.ts';

describe('report shards', () => {
  it('puts every id in one of 4,096 shards named by three hex digits, the same on every run', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `report-${i}`);
    const shards = new Set(ids.map(reportShard));
    expect(shards.size).toBeGreaterThan(3_500);
    for (const s of shards) expect(s).toMatch(/^[0-9a-f]{3}$/);
    // FNV-1a 32 of "a" is 0xe40c292c: its top 12 bits are e40.
    expect(reportShard('a')).toBe('e40');
    expect(reportShard('厚街镇-2023')).toBe(reportShard('厚街镇-2023'));
    expect(shardOfFileName(`${reportShard('x')}.jsonl`)).toBe(reportShard('x'));
    expect(shardOfFileName('x.json')).toBeNull();
  });

  it('reads the id from the start of a record line, escapes and all', () => {
    const record = emptyRecord('a "quoted" \\ 名', { file: 'a.txt', sha256: '', format: 'txt' });
    const line = JSON.stringify(record);
    expect(idOfRecordLine(line)).toBe('a "quoted" \\ 名');
    expect(idOfRecordLine('{"id":"x"}')).toBeNull();
    expect(shardLines(`${line}\n${line}\n`)).toHaveLength(2);
  });
});

describe('planShards', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const all = new Set(ids.map(reportShard));
  const none = () => false;

  it('writes nothing when every shard holds what it should and nothing was parsed', () => {
    expect(planShards(ids, ids, none, all)).toMatchObject({ dirty: [], stale: [] });
  });

  it('rewrites the shard of a report parsed now, of a report added or dropped, and a missing shard file', () => {
    expect(planShards(ids, ids, (id) => id === 'c', all).dirty).toEqual([reportShard('c')]);
    expect(planShards(ids, ids.filter((id) => id !== 'd'), none, all).dirty).toEqual([reportShard('d')]);
    const withoutE = ids.filter((id) => id !== 'e');
    const dropped = planShards(withoutE, ids, none, all);
    const eShardStillUsed = withoutE.some((id) => reportShard(id) === reportShard('e'));
    expect(eShardStillUsed ? dropped.dirty : dropped.stale).toEqual([reportShard('e')]);
    const missing = new Set([...all].filter((s) => s !== reportShard('f')));
    expect(planShards(ids, ids, none, missing).dirty).toEqual([reportShard('f')]);
  });

  it('lists shard files no used report belongs to as stale', () => {
    const plan = planShards(['a'], ['a'], none, new Set([reportShard('a'), 'fff', '000'].filter((s, i, l) => l.indexOf(s) === i)));
    expect(plan.stale).toEqual(['000', 'fff'].filter((s) => s !== reportShard('a')));
  });
});
