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
  const contentsOf = (list: readonly string[]) => {
    const out = new Map<string, Set<string>>();
    for (const id of list) out.set(reportShard(id), (out.get(reportShard(id)) ?? new Set()).add(id));
    return out;
  };

  it('changes nothing when every shard file holds exactly its used reports', () => {
    expect(planShards(ids, contentsOf(ids))).toMatchObject({ dirty: [], stale: [] });
  });

  it('rewrites a shard that holds a report not used (a duplicate) or lacks a used one, and a missing shard file', () => {
    expect(planShards(ids.filter((id) => id !== 'c'), contentsOf(ids))).toMatchObject({ dirty: [], stale: [reportShard('c')] });
    const withCopy = contentsOf(ids);
    withCopy.get(reportShard('a'))?.add('a-copy');
    expect(planShards(ids, withCopy).dirty).toEqual([reportShard('a')]);
    expect(planShards(ids, contentsOf(ids.filter((id) => id !== 'd'))).dirty).toEqual([reportShard('d')]);
  });

  it('lists every used report of a shard, in id order', () => {
    const plan = planShards(['a', 'b', 'b2'], new Map());
    expect([...plan.members.values()].flat().sort()).toEqual(['a', 'b', 'b2']);
    expect(plan.dirty).toEqual([...new Set(['a', 'b', 'b2'].map(reportShard))].sort());
  });
});

describe('reportShard on ASCII and other ids', () => {
  it('hashes an ASCII id as its UTF-8 bytes, so both paths agree with the documented rule', () => {
    const fnv = (bytes: Uint8Array) => {
      let h = 0x811c9dc5;
      for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
      return (h >>> 20).toString(16).padStart(3, '0');
    };
    for (const id of ['syn-000001', '002_55e9e64a1d176d60', '东莞 市 报告 2023', 'a\u00e9b', '']) {
      expect(reportShard(id), id).toBe(fnv(new TextEncoder().encode(id)));
    }
  });
});
