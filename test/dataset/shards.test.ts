import { describe, expect, it } from 'vitest';
import { idOfRecordLine, reportShard, shardLines, shardOfFileName } from '../../src/lib/dataset/shards.ts';
import { emptyRecord } from '../../src/lib/schema.ts';

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
