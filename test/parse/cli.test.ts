/** `npm run parse -- FILE…`: one record per file as a JSON array; bad files get an error, not a crash. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportRecord } from '../../src/lib/schema.ts';

describe('npm run parse', () => {
  it('prints one record per file, in order, with the agency resolved and errors as values', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-cli-'));
    const news = join(dir, 'news.txt');
    writeFileSync(news, '东莞召开全市经济工作会议。会议指出，全市经济稳中向好。');
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/parse.ts', 'data/reports/004_d14223c41a91255a.txt', news, join(dir, 'missing.txt')],
      { encoding: 'utf8' },
    );
    const records = JSON.parse(out) as ReportRecord[];
    expect(records.map((r) => r.id)).toEqual(['004_d14223c41a91255a', 'news', 'missing']);
    expect(records[0]!.agency).toMatchObject({ name: '厚街镇人民政府', province: '广东省', city: '东莞市', township: '厚街镇', level: 'township' });
    expect(records[0]!.applications.new.total).toBe(14);
    expect(records[0]!.error).toBeNull();
    expect(records[1]!.error).toMatch(/not a report/);
    expect(records[2]!.error).toMatch(/cannot read/);
    for (const r of records) expect(Object.keys(r.applications)).toHaveLength(25);
  });
});
