import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { fitForHosts } from '../../src/integrations/host-fit.ts';
import { MAX_SERVED_FILE_BYTES } from '../../src/lib/dataset/layout.ts';

let dist: string | undefined;
afterEach(() => dist && rmSync(dist, { recursive: true, force: true }));

describe('the built site’s dataset, fit for static hosts', () => {
  it('serves each record shard gzipped, the all-years CSV and a CSV over the file limit in their zips only, any other file over it gzipped, and its manifest says so', () => {
    dist = mkdtempSync(join(tmpdir(), 'host-fit-'));
    const data = join(dist, 'data');
    mkdirSync(join(data, 'reports'), { recursive: true });
    mkdirSync(join(data, 'csv'));
    const shard = '{"schema_version":2,"id":"a"}\n{"schema_version":2,"id":"b"}\n';
    writeFileSync(join(data, 'reports', '0a3.jsonl'), shard);
    writeFileSync(join(data, 'reports', 'notes.txt'), 'not a shard');
    for (const f of ['reports-all.csv', 'reports-all.zip', 'reports-2023.csv', 'reports-2023.zip', 'reports-2024.csv', 'reports-2024.zip']) writeFileSync(join(data, 'csv', f), f);
    const download = (year: number | 'all', bytes: number) => ({ year, reports: 2, csv: `csv/reports-${year}.csv`, zip: `csv/reports-${year}.zip`, csv_bytes: bytes, zip_bytes: 10 });
    const manifest = { reports: 2, downloads: [download('all', 100), download(2023, MAX_SERVED_FILE_BYTES), download(2024, MAX_SERVED_FILE_BYTES + 1)], files: { reports: 'reports/<shard>.jsonl', agencies: 'agencies.json', dictionary: 'dictionary.json' } };
    writeFileSync(join(data, 'manifest.json'), JSON.stringify(manifest));
    const agencies = Buffer.alloc(MAX_SERVED_FILE_BYTES + 1, '[0,1,2]');
    writeFileSync(join(data, 'agencies.json'), agencies);
    writeFileSync(join(data, 'dictionary.json'), '{}');

    expect(fitForHosts(dist)).toEqual({ shards: 1, csvLeftOut: ['csv/reports-all.csv', 'csv/reports-2024.csv'], gzipped: ['agencies.json'] });
    expect(gunzipSync(readFileSync(join(data, 'agencies.json.gz'))).equals(agencies)).toBe(true);
    expect(existsSync(join(data, 'agencies.json'))).toBe(false);
    expect(readFileSync(join(data, 'dictionary.json'), 'utf8')).toBe('{}');
    expect(gunzipSync(readFileSync(join(data, 'reports', '0a3.jsonl.gz'))).toString()).toBe(shard);
    expect(existsSync(join(data, 'reports', '0a3.jsonl'))).toBe(false);
    expect(existsSync(join(data, 'reports', 'notes.txt'))).toBe(true);
    expect(existsSync(join(data, 'csv', 'reports-all.csv'))).toBe(false);
    expect(existsSync(join(data, 'csv', 'reports-all.zip'))).toBe(true);
    expect(existsSync(join(data, 'csv', 'reports-2023.csv'))).toBe(true);
    expect(existsSync(join(data, 'csv', 'reports-2024.csv'))).toBe(false);
    const served = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as typeof manifest;
    expect(served.downloads.map((d) => d.csv)).toEqual([null, 'csv/reports-2023.csv', null]);
    expect(served.files).toEqual({ reports: 'reports/<shard>.jsonl.gz', agencies: 'agencies.json.gz', dictionary: 'dictionary.json' });
  });
});
