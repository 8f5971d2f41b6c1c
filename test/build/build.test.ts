import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/lib/dataset/build-report.ts';
import { buildData, type BuildRun } from '../../scripts/lib/build.ts';
import { fsWriter, listLogger, silentLogger } from '../../scripts/lib/effects.ts';
import { listWithStats } from '../../scripts/lib/list-files.ts';
import { shardFile } from '../../src/lib/dataset/layout.ts';
import { reportShard } from '../../src/lib/dataset/shards.ts';
import { readRecords } from '../support/records.ts';
import { snapshot } from '../support/snapshot.ts';

const SEEDS = readdirSync('data/reports').filter((f) => f.endsWith('.txt')).sort();
let root: string;
let reports: string;
let agencies: string;

/** Changes a file in place without changing its size: its last 。 becomes ， (both three bytes in UTF-8). */
function editInPlace(path: string): void {
  const text = readFileSync(path, 'utf8');
  const at = text.lastIndexOf('。');
  expect(at).toBeGreaterThanOrEqual(0);
  writeFileSync(path, `${text.slice(0, at)}，${text.slice(at + 1)}`);
  expect(readFileSync(path).length).toBe(Buffer.byteLength(text));
}

function build(out: string, options: { cache?: string | null; workers?: number } = {}): Promise<BuildRun> {
  return buildData(
    { reportsDir: reports, outDir: out, agenciesFile: agencies, cacheRoot: options.cache ?? null, workers: options.workers ?? 2, minTasksForWorkers: 0 },
    { logger: silentLogger, writer: fsWriter(out) },
  );
}


let first: BuildRun;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'build-data-test-'));
  reports = join(root, 'reports');
  mkdirSync(join(reports, 'more'), { recursive: true });
  for (const f of SEEDS) copyFileSync(join('data/reports', f), join(reports, f));
  copyFileSync(join('data/reports', SEEDS[0] as string), join(reports, 'more', 'zz-copy-of-000.txt'));
  // A web page (read through the extractor): seed 004 as HTML, for another town of 东莞.
  const page = readFileSync(join('data/reports', SEEDS[4] as string), 'utf8').replaceAll('厚街镇', '虎门镇');
  const html = page.split('\n').map((l) => `<p>${l.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</p>`).join('\n');
  writeFileSync(join(reports, 'more', 'humen.html'), `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`);
  writeFileSync(join(reports, 'broken.txt'), Buffer.from([0x25, 0x00, 0xff, 0x13, 0x00, 0x01, 0x02, 0x03]));
  writeFileSync(join(reports, 'empty.txt'), '');
  writeFileSync(join(reports, 'minutes.txt'), '会议纪要\n一、会议听取了关于道路维修的汇报。\n二、会议决定下周继续讨论。\n');
  writeFileSync(join(reports, 'scan.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  agencies = join(root, 'agencies.csv');
  writeFileSync(agencies, '# test corrections\nname,id,county,sector,note\n中山市住房公积金管理中心,,,finance,test override\n');
  first = await build(join(root, 'out-a'), { cache: join(root, 'cache') });
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('build-data on a folder with bad files', () => {
  it('reads every file on worker threads that load TypeScript, running the extractor on each that is not plain text', () => {
    expect(first.workersUsed).toBe(2);
    // The web page, and the three files refused (binary, empty, an image); plain text has no stage-1 entry to make.
    expect(first.extractedNow).toBe(4);
    // The copy of seed 000 gives its text: parsed once, unless both went to two workers at once.
    expect(first.parsedNow).toBeGreaterThanOrEqual(SEEDS.length + 5);
  });

  it('accounts for every file: the seeds used, each bad file listed with its reason', () => {
    const report = first.report;
    expect(report.totals.files).toBe(SEEDS.length + 6);
    expect(report.totals.used).toBe(SEEDS.length + 1);
    expect(report.totals.used + report.totals.not_used).toBe(report.totals.files);
    const reasons = Object.fromEntries(report.not_used.map((n) => [n.file.split('/').pop(), n.reason]));
    expect(reasons).toEqual({
      'broken.txt': 'binary',
      'empty.txt': 'empty',
      'minutes.txt': 'not_a_report',
      'scan.png': 'binary',
      'zz-copy-of-000.txt': 'duplicate',
    });
    const duplicate = report.not_used.find((n) => n.reason === 'duplicate');
    expect(duplicate?.detail).toMatch(new RegExp(`also in .*${SEEDS[0]}`));
    expect(report.totals.read).toBe(SEEDS.length + 3); // the seeds, the copy, the page and minutes.txt became text
  });

  it('reads a web page through the extractor and resolves its agency', () => {
    const record = readRecords(join(root, 'out-a')).get('humen');
    expect(record?.source.format).toBe('html');
    expect(record?.agency).toMatchObject({ name: '虎门镇人民政府', province: '广东省', city: '东莞市', township: '虎门镇', level: 'township' });
  });

  it('applies the override and says so, in the report and the record', () => {
    const report: BuildReport = JSON.parse(readFileSync(join(root, 'out-a', 'build-report.json'), 'utf8'));
    expect(report.overrides.errors).toEqual([]);
    expect(report.overrides.applied).toEqual([expect.objectContaining({ id: '002_55e9e64a1d176d60', line: 3, fields: ['sector'] })]);
    const record = readRecords(join(root, 'out-a')).get('002_55e9e64a1d176d60');
    expect(record?.agency).toMatchObject({ province: '广东省', city: '中山市', sector: 'finance' });
  });

  it('writes the dataset files, a CSV per year with a BOM, and zips with a README and the data dictionary', () => {
    const files = snapshot(join(root, 'out-a'));
    for (const f of ['manifest.json', 'overview.json', 'facts/index.json', 'agencies.json', 'dictionary.json', 'build-report.json', 'csv/reports-all.csv', 'csv/reports-all.zip']) {
      expect(files.has(f), f).toBe(true);
    }
    expect(files.keys()).not.toContain('reports/zz-copy-of-000.json');
    expect([...readRecords(join(root, 'out-a')).keys()].sort()).toEqual([...SEEDS.map((f) => f.replace(/\.txt$/, '')), 'humen'].sort());
    const manifest = JSON.parse(files.get('manifest.json')?.toString() ?? '{}');
    for (const year of manifest.years as number[]) expect(files.has(`csv/reports-${year}.csv`)).toBe(true);
    const csv = files.get('csv/reports-all.csv') as Buffer;
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').trim().split('\r\n')).toHaveLength(SEEDS.length + 2);
    const zip = unzipSync(files.get('csv/reports-all.zip') as Buffer);
    expect(Object.keys(zip).sort()).toEqual(['README.txt', 'dictionary.csv', 'reports-all.csv']);
    const dictionary = Buffer.from(zip['dictionary.csv'] as Uint8Array).toString('utf8');
    expect(dictionary.startsWith('\uFEFFcolumn,type,label_zh,label_en,description\r\n')).toBe(true);
    expect(dictionary).toContain('\r\nsource_url,text,发布网址,Published at,');
    expect(dictionary).toContain('\r\nlevel=township,code,');
    for (const year of JSON.parse(files.get('manifest.json')?.toString() ?? '{}').years as number[]) {
      expect(Object.keys(unzipSync(files.get(`csv/reports-${year}.zip`) as Buffer)).sort()).toEqual(['README.txt', 'dictionary.csv', `reports-${year}.csv`]);
    }
    expect(Buffer.from(zip['reports-all.csv'] as Uint8Array).equals(csv)).toBe(true);
    expect(Buffer.from(zip['README.txt'] as Uint8Array).toString()).toMatch(/self-reported[\s\S]*2019 template/);
  });

  it('is byte-identical run to run: with or without workers, with or without the cache', async () => {
    const a = snapshot(join(root, 'out-a'));
    await build(join(root, 'out-b'), { workers: 0 });
    expect(snapshot(join(root, 'out-b'))).toEqual(a);
    const warm = await build(join(root, 'out-a'), { cache: join(root, 'cache') });
    expect([warm.extractedNow, warm.parsedNow]).toEqual([0, 0]);
    expect(snapshot(join(root, 'out-a'))).toEqual(a);
  });

  it('writes the same bytes from the command line (one bundle, worker threads) as in process', () => {
    const out = join(root, 'out-cli');
    const run = spawnSync(
      process.execPath,
      ['scripts/run-bundled.mjs', 'scripts/build-data.ts', '--reports', reports, '--out', out, '--agencies', agencies, '--sources', '', '--no-cache', '--workers', '2', '--min-worker-tasks', '0'],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('(2 worker threads)');
    expect(snapshot(out)).toEqual(snapshot(join(root, 'out-b')));
  }, 60_000);

  it('extracts and parses only a changed file on a cached rebuild; only what it changes differs', async () => {
    const out = join(root, 'out-a');
    const before = snapshot(out);
    // A rebuild with nothing changed makes nothing and leaves the cache as it was.
    const cache = join(root, 'cache');
    const cacheBefore = snapshot(cache);
    const same = await build(out, { cache });
    expect([same.extractedNow, same.parsedNow]).toEqual([0, 0]);
    expect(snapshot(cache)).toEqual(cacheBefore);
    // Its shard files are known to hold their records (by their stat, or their bytes' hash): none is
    // staged again. (Here the duplicate's shard holds only it, and is not written.)
    expect(same.report.not_used.map((n) => n.reason)).toContain('duplicate');
    expect(same.cache.parse?.hit ?? 0).toBe(0);
    appendFileSync(join(reports, SEEDS[1] as string), '\n（本报告完）\n');
    const warm = await build(out, { cache });
    expect([warm.extractedNow, warm.parsedNow]).toEqual([0, 1]);
    const after = snapshot(out);
    const changed = [...after.keys()].filter((f) => !before.get(f)?.equals(after.get(f) as Buffer));
    const changedId = SEEDS[1]!.replace('.txt', '');
    expect(changed.filter((w) => w.startsWith('reports/'))).toEqual([shardFile(reportShard(changedId))]);
    const year = readRecords(out).get(changedId)?.year as number;
    expect(changed).toContain(`csv/reports-${year}.zip`);
    expect(changed).toContain('csv/reports-all.zip');
    expect(changed.filter((f) => /^csv\/reports-\d+\.zip$/.test(f))).toEqual([`csv/reports-${year}.zip`]);
    expect(warm.report.totals.used).toBe(SEEDS.length + 1);
  });

  it('puts a report into its shard when it becomes used, from the cache: the duplicate kept last time is gone', async () => {
    const out = join(root, 'out-a');
    rmSync(join(reports, SEEDS[0] as string));
    const run = await build(out, { cache: join(root, 'cache') });
    expect([run.extractedNow, run.parsedNow]).toEqual([0, 0]);
    expect(run.report.not_used.map((n) => n.reason)).not.toContain('duplicate');
    const records = readRecords(out);
    expect(records.get('zz-copy-of-000')?.agency.name).toBe(readRecords(join(root, 'out-b')).get(SEEDS[0]!.replace('.txt', ''))?.agency.name);
    expect(records.has(SEEDS[0]!.replace('.txt', ''))).toBe(false);
  });

  it('writes a deleted shard file again, and removes files of an older layout (reports/<id>.json, facts.json)', async () => {
    const out = join(root, 'out-a');
    const before = snapshot(out);
    rmSync(join(out, shardFile(reportShard('humen'))));
    writeFileSync(join(out, 'reports', 'humen.json'), '{}');
    writeFileSync(join(out, 'facts.json'), '{"schema_version":2,"count":0,"columns":{}}');
    const run = await build(out, { cache: join(root, 'cache') });
    expect([run.extractedNow, run.parsedNow]).toEqual([0, 0]);
    expect(snapshot(out)).toEqual(before);
  });

  it('gives a cached report its new id when a second file now shares its name, parsing nothing again', async () => {
    const out = join(root, 'out-a');
    writeFileSync(join(reports, 'humen.txt'), readFileSync(join('data/reports', SEEDS[2] as string)));
    const run = await build(out, { cache: join(root, 'cache') });
    // The new file is read; its text is seed 002's, parsed before (each shard here holds one file).
    expect([run.extractedNow, run.parsedNow]).toEqual([0, 0]);
    const records = readRecords(out);
    expect(records.get('humen-html')?.source.format).toBe('html');
    expect(records.has('humen')).toBe(false);
  });

  it('does not parse a file again when only its mtime moved (a fresh clone or checkout): its bytes decide', async () => {
    const out = join(root, 'out-a');
    const cache = join(root, 'cache');
    const before = snapshot(out);
    // Every file touched (as a checkout does, before the build: a minute ago); one also changed without changing its size.
    const later = new Date(Date.now() - 60_000);
    for (const rel of listWithStats(reports).rels) utimesSync(join(reports, rel), later, later);
    editInPlace(join(reports, SEEDS[3] as string));
    const messages: string[] = [];
    const run = () =>
      buildData(
        { reportsDir: reports, outDir: out, agenciesFile: agencies, cacheRoot: cache, workers: 2, minTasksForWorkers: 0 },
        { logger: listLogger(messages), writer: fsWriter(out) },
      );
    const touched = await run();
    expect([touched.extractedNow, touched.parsedNow]).toEqual([0, 1]);
    // The other files hash as they did: their shards' entries hold, and no extract or parse entry is read.
    // (Each shard here holds one file: the edited file's shard is made again from it alone.)
    const files = listWithStats(reports).rels.length;
    expect(messages.join('\n')).toMatch(new RegExp(`^build-data: ${files} files; extract 0 made now, 0 from the cache; parse 1 made now, 0 from the cache; shard 1 made now, ${files - 1} from the cache;`, 'm'));
    expect(snapshot(out).size).toBe(before.size);
    // Only the edited report's record changed.
    const changed = [...snapshot(out)].filter(([path, bytes]) => !before.get(path)?.equals(bytes)).map(([path]) => path);
    expect(changed).toContain(shardFile(reportShard(SEEDS[3]!.replace('.txt', ''))));
    expect(changed.filter((path) => path.startsWith('reports/'))).toEqual([shardFile(reportShard(SEEDS[3]!.replace('.txt', '')))]);
    // The new mtimes were saved: the next build hashes nothing and parses nothing.
    const again = await run();
    expect([again.extractedNow, again.parsedNow, again.cache.extract?.hit ?? 0]).toEqual([0, 0, 0]);
  });

  /** Builds with `seed`'s mtime at `time`, edits it in place keeping its size, puts that mtime back and builds again: the edit must be read. */
  async function editedWithMtimeKept(seed: string, time: Date, reference: string): Promise<void> {
    const out = join(root, 'out-a');
    const cache = join(root, 'cache');
    const edited = join(reports, seed);
    utimesSync(edited, time, time);
    await build(out, { cache, workers: 0 });
    editInPlace(edited);
    utimesSync(edited, time, time);
    const run = await build(out, { cache, workers: 0 });
    expect(run.parsedNow).toBe(1);
    await build(join(root, reference), { workers: 0 });
    expect(snapshot(out)).toEqual(snapshot(join(root, reference)));
  }

  it('does not trust an mtime that was not older than the last listing: a file changed in place under it is read', async () => {
    // A clock ahead of this one (a copy from another machine, a network disk): the mtime is in the future.
    await editedWithMtimeKept(SEEDS[3] as string, new Date(Date.now() + 3_600_000), 'out-racy-reference');
  });

  it('reads a file again when it was rewritten with the same size and its mtime set back (touch -r, a copy that keeps times)', async () => {
    // Size and mtime as the last build listed them, and that mtime well before its listing: only the ctime (or the bytes) tells.
    await editedWithMtimeKept(SEEDS[2] as string, new Date(Date.now() - 3_600_000), 'out-set-back-reference');
  });
});

describe('build-data with files named as Object.prototype names', () => {
  it('remembers a file named __proto__ or constructor as any other: a build that changes nothing rewrites nothing in the cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'build-data-proto-'));
    try {
      const folder = join(dir, 'reports');
      mkdirSync(folder);
      for (const name of ['__proto__', 'constructor', 'toString']) copyFileSync(join('data/reports', SEEDS[0] as string), join(folder, name));
      const run = () =>
        buildData(
          { reportsDir: folder, outDir: join(dir, 'out'), agenciesFile: null, cacheRoot: join(dir, 'cache'), workers: 0 },
          { logger: silentLogger, writer: fsWriter(join(dir, 'out')) },
        );
      const first = await run();
      expect(first.report.totals.parsed).toBe(3);
      const seenEntries = () => readdirSync(join(dir, 'cache', 'seen'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => `${e.name} ${statSync(join(e.parentPath, e.name)).ino}`).sort();
      // The mtimes of the first build's listing do not vouch for the files (they were written just before it): the second build hashes them and saves that they do now.
      await run();
      const before = seenEntries();
      expect(before.length).toBeGreaterThan(0);
      await run();
      expect(seenEntries()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
