/** Every record a build wrote under `<out>/reports/*.jsonl` (the shard files), by id. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shardLines, shardOfFileName } from '../../src/lib/dataset/shards.ts';
import type { ReportRecord } from '../../src/lib/schema.ts';

export function readRecords(outDir: string): Map<string, ReportRecord> {
  const dir = join(outDir, 'reports');
  const out = new Map<string, ReportRecord>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (shardOfFileName(name) === null) throw new Error(`${join(dir, name)}: not a shard file`);
    for (const line of shardLines(readFileSync(join(dir, name), 'utf8'))) {
      const record = JSON.parse(line) as ReportRecord;
      out.set(record.id, record);
    }
  }
  return out;
}
