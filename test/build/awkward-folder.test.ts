/**
 * Issue 19's done-when: a reports folder holding everything a maintainer's folder can hold (names
 * saved on Windows in GBK, links to nothing, link cycles, a named pipe, a device, a sub-folder that
 * cannot be read, names that make no id, two files with one name) beside the seeds, and a
 * corrections file with every kind of mistake. The real build accounts for each with its reason,
 * never stops or hangs, and leaves the good files' records as a build of the seeds alone makes them;
 * `--strict` fails where it should.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData, type BuildRun } from '../../scripts/lib/build.ts';
import { fsWriter, silentLogger } from '../../scripts/lib/effects.ts';
import { InputError } from '../../scripts/lib/input-error.ts';
import { readRecords } from '../support/records.ts';
import { snapshot } from '../support/snapshot.ts';

const SEEDS = readdirSync('data/reports').filter((f) => f.endsWith('.txt')).sort();
/** Running as root, a folder without permissions can still be read: that case is left out then. */
const ROOT = process.getuid?.() === 0;
const REPO = resolve('.');
/** Seed 004 (厚街镇人民政府, 东莞) as the report of another town of 东莞: a report of its own, no duplicate. */
const town = (name: string) => readFileSync(join('data/reports', '004_d14223c41a91255a.txt'), 'utf8').replaceAll('厚街镇', name);
const bytesPath = (...parts: (string | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
const GBK = { 年报: Buffer.from([0xc4, 0xea, 0xb1, 0xa8]), 广东: Buffer.from([0xb9, 0xe3, 0xb6, 0xab]) };

const GOOD_AGENCIES = 'name,id,province,city,county,township,division_code,level,kind,sector,note\n中山市住房公积金管理中心,,,,,,,,,finance,good row\n';
const BAD_AGENCIES = [
  '# every mistake, beside the good row',
  'name,id,province,city,county,township,division_code,level,kind,sector,note',
  '中山市住房公积金管理中心,,,,,,,,,finance,good row',
  '长安镇人民政府,,广东省,,,,,,,farming,one bad field',
  '厚街镇人民政府,,甘肃省,,,,441900122,,,,a province contradicting the code',
  '虎门镇人民政府,,,,,,,,,education,twice',
  '虎门镇人民政府,,,,,,,,,health,twice',
  '清溪镇人民政府,,,=1+1,,,,,,,a formula',
  '"石龙镇人民政府,,,,,,,,,education,an unclosed quote',
  '常平镇人民政府,,,,,,,,,education,swallowed by the quote',
].join('\n');

let root: string;
let reports: string;
let seedsOnly: string;
let run: BuildRun;

function build(dir: string, out: string, agencies: string, options: { allowEmpty?: boolean } = {}): Promise<BuildRun> {
  return buildData(
    { reportsDir: dir, outDir: out, agenciesFile: agencies, cacheRoot: join(root, 'cache'), workers: 2, minTasksForWorkers: 0, ...options },
    { logger: silentLogger, writer: fsWriter(out) },
  );
}

function cli(args: string[], cwd = REPO) {
  return spawnSync(process.execPath, [join(REPO, 'scripts/run-bundled.mjs'), 'scripts/build-data.ts', '--no-cache', '--workers', '2', '--min-worker-tasks', '0', ...args], { encoding: 'utf8', cwd });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'awkward-folder-'));
  writeFileSync(join(root, 'good.csv'), GOOD_AGENCIES);
  writeFileSync(join(root, 'bad.csv'), BAD_AGENCIES);
  seedsOnly = join(root, 'seeds');
  mkdirSync(seedsOnly);
  for (const f of SEEDS) copyFileSync(join('data/reports', f), join(seedsOnly, f));

  reports = join(root, 'reports');
  mkdirSync(reports);
  for (const f of SEEDS) copyFileSync(join('data/reports', f), join(reports, f));
  // Names saved on Windows in GBK: 2023年报.txt, and 广东/塘厦.txt with the folder's name in GBK.
  writeFileSync(bytesPath(reports, '/2023', GBK.年报, '.txt'), town('长安镇'));
  mkdirSync(bytesPath(reports, '/', GBK.广东));
  writeFileSync(bytesPath(reports, '/', GBK.广东, '/塘厦.txt'), town('塘厦镇'));
  // Names that give no id, or . and ..
  writeFileSync(join(reports, '.txt'), town('常平镇'));
  writeFileSync(join(reports, '...txt'), town('石龙镇'));
  // Two files with one name.
  mkdirSync(join(reports, 'a'));
  mkdirSync(join(reports, 'b'));
  writeFileSync(join(reports, 'a', 'x.txt'), town('清溪镇'));
  writeFileSync(join(reports, 'b', 'x.txt'), town('虎门镇'));
  // What is not a file to read.
  symlinkSync(join(reports, 'deleted.txt'), join(reports, 'gone.txt'));
  symlinkSync(join(reports, 'loop2'), join(reports, 'loop1.txt'));
  symlinkSync(join(reports, 'loop1.txt'), join(reports, 'loop2'));
  execFileSync('mkfifo', [join(reports, 'pipe.txt')]);
  symlinkSync('/dev/null', join(reports, 'null.txt'));
  symlinkSync(join(reports, 'a'), join(reports, 'again'));
  if (!ROOT) {
    mkdirSync(join(reports, 'locked'));
    writeFileSync(join(reports, 'locked', 'hidden.txt'), town('凤岗镇'));
    chmodSync(join(reports, 'locked'), 0);
  }
  run = await build(reports, join(root, 'out'), join(root, 'bad.csv'));
}, 120_000);

afterAll(() => {
  if (!ROOT) chmodSync(join(reports, 'locked'), 0o755);
  rmSync(root, { recursive: true, force: true });
});

describe('a reports folder with everything a maintainer can have in it', () => {
  it('lists each thing that is not a file to read with its reason, and goes on', () => {
    const notUsed = run.report.not_used.map((n) => [n.file, n.reason]);
    expect(notUsed).toEqual([
      ['again', 'folder_linked_twice'],
      ['gone.txt', 'broken_link'],
      ...(ROOT ? [] : [['locked', 'unreadable_folder']]),
      ['loop1.txt', 'link_loop'],
      ['loop2', 'link_loop'],
      ['null.txt', 'not_a_file'],
      ['pipe.txt', 'not_a_file'],
    ]);
    for (const n of run.report.not_used) expect(n.detail).not.toBe('');
    const files = SEEDS.length + 6 + notUsed.length;
    expect(run.report.totals).toMatchObject({ files, used: SEEDS.length + 6, not_used: notUsed.length });
    expect(run.report.not_used_by_reason).toEqual({ folder_linked_twice: 1, broken_link: 1, link_loop: 2, not_a_file: 2, ...(ROOT ? {} : { unreadable_folder: 1 }) });
  });

  it('reads names saved in GBK, gives every file a safe id of its own, and lists each id that is not the plain name', () => {
    const records = readRecords(join(root, 'out'));
    const byId = (id: string) => records.get(id)?.agency.name;
    expect(byId('2023年报(gb18030)')).toBe('长安镇人民政府');
    expect(byId('塘厦')).toBe('塘厦镇人民政府');
    expect(byId('_txt')).toBe('常平镇人民政府');
    expect(byId('__')).toBe('石龙镇人民政府');
    expect(byId('x-txt')).toBe('清溪镇人民政府');
    expect(byId('x-txt-2')).toBe('虎门镇人民政府');
    expect(records.get('2023年报(gb18030)')?.source.file).toBe('2023年报(gb18030).txt');
    expect(run.report.names).toEqual([
      { file: '...txt', id: '__', note: 'unsafe_name' },
      { file: '.txt', id: '_txt', note: 'unsafe_name' },
      { file: '2023年报(gb18030).txt', id: '2023年报(gb18030)', note: 'name_gb18030' },
      { file: 'a/x.txt', id: 'x-txt', note: 'shared_name' },
      { file: 'b/x.txt', id: 'x-txt-2', note: 'shared_name' },
      { file: '广东(gb18030)/塘厦.txt', id: '塘厦', note: 'name_gb18030' },
    ]);
  });

  it('applies no row of agencies.csv with an error, and lists each with its line and field', () => {
    expect(run.report.overrides.errors).toEqual([
      expect.stringMatching(/^line 4, sector: "farming" is not one of /),
      'line 5, province: "甘肃省" contradicts division_code 441900122 (广东省): correct one of them',
      'line 6, name: a second row for the same agency (name 虎门镇人民政府; also line 7): keep one row per agency; neither is applied',
      'line 7, name: a second row for the same agency (name 虎门镇人民政府; also line 6): keep one row per agency; neither is applied',
      expect.stringMatching(/^line 8, city: "=1\+1" looks like a spreadsheet formula/),
      expect.stringMatching(/^line 9: a quote opened here is never closed/),
    ]);
    expect(run.report.overrides.applied).toEqual([expect.objectContaining({ id: '002_55e9e64a1d176d60', line: 3, fields: ['sector'] })]);
  });

  it('leaves the good files as a build of the seeds alone with only the good correction makes them', async () => {
    await build(seedsOnly, join(root, 'out-seeds'), join(root, 'good.csv'));
    const alone = readRecords(join(root, 'out-seeds'));
    const here = readRecords(join(root, 'out'));
    expect(alone.size).toBe(SEEDS.length);
    for (const [id, record] of alone) expect(here.get(id)).toEqual(record);
    // The towns no correction reached keep their inferred sector.
    expect(here.get('x-txt-2')?.agency.sector).toBe(alone.get('004_d14223c41a91255a')?.agency.sector);
    expect(here.get('004_d14223c41a91255a')?.agency.province).toBe('广东省');
  });

  it('writes the same files from the command line, started from another folder with a relative path, as in process', () => {
    const out = join(root, 'out-cli');
    const cliRun = cli(['--reports', 'reports', '--out', out, '--agencies', 'bad.csv'], root);
    expect(cliRun.status, cliRun.stderr).toBe(0);
    expect(cliRun.stdout).toContain('  not used: pipe.txt: a named pipe (FIFO), not a file: only regular files are read');
    expect(snapshot(out)).toEqual(snapshot(join(root, 'out')));
  }, 60_000);

  it('--strict fails on files not usable or errors in agencies.csv, and passes a clean folder', () => {
    const strict = cli(['--reports', reports, '--out', join(root, 'out-strict'), '--agencies', join(root, 'good.csv'), '--strict']);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain(`build-data --strict: ${ROOT ? 5 : 6} unusable files, 0 errors in`);
    const badCsv = cli(['--reports', seedsOnly, '--out', join(root, 'out-strict'), '--agencies', join(root, 'bad.csv'), '--strict']);
    expect(badCsv.status).toBe(1);
    expect(badCsv.stderr).toContain('build-data --strict: 0 unusable files, 6 errors in');
    const clean = cli(['--reports', seedsOnly, '--out', join(root, 'out-strict'), '--agencies', join(root, 'good.csv'), '--strict']);
    expect(clean.status, clean.stderr).toBe(0);
  }, 90_000);

  it('refuses an --agencies file that does not exist or is a folder, naming it once and saying what to do', () => {
    const missing = cli(['--reports', seedsOnly, '--out', join(root, 'out-x'), '--agencies', join(root, 'nope.csv')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`build-data: the corrections file ${join(root, 'nope.csv')} does not exist: give the path of agencies.csv with --agencies FILE, or --agencies '' for none\n`);
    const folder = cli(['--reports', seedsOnly, '--out', join(root, 'out-x'), '--agencies', root]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toMatch(/^build-data: the corrections file .* is not a file: give the path/);
  }, 60_000);

  it('refuses a folder with no files, unless told to build an empty dataset', async () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    execFileSync('mkfifo', [join(empty, 'pipe')]);
    await expect(build(empty, join(root, 'out'), join(root, 'good.csv'))).rejects.toThrow(InputError);
    // Nothing was written: the dataset built above is still there.
    expect(readRecords(join(root, 'out')).size).toBe(SEEDS.length + 6);
    const refused = cli(['--reports', empty, '--out', join(root, 'out-empty')]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^build-data: the reports folder .*empty holds no files to read \(1 entries that are not files: pipe\)\. Nothing was written\. Put the reports in it, or give --allow-empty/);
    const allowed = await build(empty, join(root, 'out-empty'), join(root, 'good.csv'), { allowEmpty: true });
    expect(allowed.report.totals).toMatchObject({ files: 1, used: 0, not_used: 1 });
  }, 60_000);
});
