/**
 * Hostile files in the reports folder (issue 5): the build completes, accounts for every file
 * (used, or listed in build-report.json with a reason and a detail), never loses a good report
 * (the same text under a strange name, in GBK or UTF-16, or followed by 49 MB of spam is still used with
 * the same tables), never mixes two reports, and `--strict` fails the build. Everything is
 * generated in a temp folder; nothing here is committed. Two builds of the folder are
 * byte-identical.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildReport } from '../../src/lib/dataset/build-report.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import type { ReportRecord } from '../../src/lib/schema.ts';
import { buildData, type BuildRun } from '../../scripts/lib/build.ts';
import { fsWriter, silentLogger } from '../../scripts/lib/effects.ts';
import { MAX_REPORT_BYTES } from '../../scripts/lib/read-report-file.ts';
import { readRecords } from '../support/records.ts';
import { readRecord } from '../../scripts/lib/read-record.ts';
import { snapshot } from '../support/snapshot.ts';

const SEEDS = readdirSync('data/reports').filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join('data/reports', f), 'utf8'));
const CJK_NAME = '东莞 市 报告 2023.txt';
const SPAM_LINE = '雷速体育直播 2024欧洲杯 免费观看 第123期 | 4 | 5 |\n';

/** Pseudo-random bytes (fixed seed): junk that is not text. */
function junk(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Text as Notepad saves "Unicode": UTF-16LE with a BOM, CRLF line ends. */
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')]);

const NEWS = [
  '本网讯 3月15日，我市召开全市政务公开工作推进会。',
  '会议指出，要持续深化政务公开，推进政府信息公开标准化规范化建设，全年发布信息1200余条。',
  '会议要求各单位于4月底前完成年度报告编制工作。（记者 王某）',
].join('\n');

/** The files: name → bytes, and what each should become. */
function hostileFiles(): Record<string, Buffer> {
  const spamBytes = MAX_REPORT_BYTES - 2 * 1024 * 1024;
  const big = SEEDS[2]! + SPAM_LINE.repeat(Math.floor(spamBytes / Buffer.byteLength(SPAM_LINE)));
  return {
    'empty.txt': Buffer.alloc(0),
    'junk.txt': junk(64 * 1024),
    'junk.pdf': Buffer.concat([Buffer.from('%PDF-1.7\n'), junk(4096)]),
    'too-large.txt': Buffer.alloc(MAX_REPORT_BYTES + 1, 0x31),
    'big-with-spam.txt': Buffer.from(big, 'utf8'),
    'gbk-encoded.txt': iconv.encode(SEEDS[1]!, 'gbk'),
    'utf16-bom-crlf.txt': utf16(SEEDS[3]!),
    'news-article.txt': Buffer.from(NEWS, 'utf8'),
    'two-reports-pasted.txt': Buffer.from(`${SEEDS[2]}\n${SEEDS[3]}`, 'utf8'),
    'report-a.txt': Buffer.from(SEEDS[4]!, 'utf8'),
    'report-b (same as a).txt': Buffer.from(SEEDS[4]!, 'utf8'),
    [CJK_NAME]: Buffer.from(SEEDS[0]!, 'utf8'),
  };
}

const EXPECTED_NOT_USED: Record<string, BuildReport['not_used'][number]['reason']> = {
  'empty.txt': 'empty',
  'junk.txt': 'binary',
  'junk.pdf': 'unreadable',
  'too-large.txt': 'too_large',
  'news-article.txt': 'not_a_report',
  'two-reports-pasted.txt': 'parse_error',
  'report-b (same as a).txt': 'duplicate',
};
const EXPECTED_USED: Record<string, string> = {
  'big-with-spam': SEEDS[2]!,
  'gbk-encoded': SEEDS[1]!,
  'utf16-bom-crlf': SEEDS[3]!,
  'report-a': SEEDS[4]!,
  '东莞 市 报告 2023': SEEDS[0]!,
};

let root: string;
let reports: string;
let run: BuildRun;
const tables = (r: ReportRecord) => [r.applications, r.review, r.litigation_direct, r.litigation_after_review, r.proactive];
const build = (out: string, workers: number) =>
  buildData(
    { reportsDir: reports, outDir: out, agenciesFile: null, cacheRoot: null, workers, minTasksForWorkers: 0 },
    { logger: silentLogger, writer: fsWriter(out) },
  );

function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['scripts/run-bundled.mjs', 'scripts/build-data.ts', ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      done({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}


beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trust-hostile-'));
  reports = join(root, 'reports');
  mkdirSync(reports);
  for (const [name, bytes] of Object.entries(hostileFiles())) writeFileSync(join(reports, name), bytes);
  run = await build(join(root, 'out-a'), 2);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('build-data on a folder of hostile files', () => {
  it('completes and accounts for every file: used, or not used with a reason and a detail', () => {
    const report: BuildReport = JSON.parse(readFileSync(join(root, 'out-a', 'build-report.json'), 'utf8'));
    expect(report).toEqual(run.report);
    const names = Object.keys(hostileFiles());
    expect(report.totals.files).toBe(names.length);
    expect(report.totals.used + report.totals.not_used).toBe(names.length);
    const notUsed = Object.fromEntries(report.not_used.map((n) => [n.file.split('/').pop(), n.reason]));
    expect(notUsed).toEqual(EXPECTED_NOT_USED);
    for (const n of report.not_used) expect(n.detail.length, n.file).toBeGreaterThan(10);
    const detail = (file: string) => report.not_used.find((n) => n.file === file || n.file.endsWith(`/${file}`))?.detail ?? '';
    expect(detail('too-large.txt')).toMatch(/too large: 52428801 bytes/);
    expect(detail('news-article.txt')).toMatch(/^not a report/);
    expect(detail('two-reports-pasted.txt')).toMatch(/^2 different reports in one file \(lines 1–\d+: 中山市住房公积金管理中心 2020; lines \d+–\d+: 衡阳市住房保障服务中心 2023\)/);
    expect(detail('report-b (same as a).txt')).toMatch(/also in .*report-a\.txt/);
    const used = [...readRecords(join(root, 'out-a')).keys()].sort();
    expect(used).toEqual(Object.keys(EXPECTED_USED).sort());
  });

  it('loses nothing from a good report under a strange name, in GBK or UTF-16, or buried in spam', () => {
    for (const [id, text] of Object.entries(EXPECTED_USED)) {
      const record = readRecords(join(root, 'out-a')).get(id) as ReportRecord;
      const alone = parseReport(text, { file: `${id}.txt`, sha256: '', format: 'txt' });
      expect(record.id).toBe(id);
      expect(tables(record), id).toEqual(tables(alone));
      expect(record.year, id).toBe(alone.year);
    }
  });

  it('writes the strange file name into the CSV as text', () => {
    const csv = readFileSync(join(root, 'out-a', 'csv', 'reports-all.csv'), 'utf8');
    expect(csv).toContain('东莞 市 报告 2023');
  });

  it('is byte-identical when built again (main thread instead of workers)', async () => {
    await build(join(root, 'out-b'), 0);
    const a = snapshot(join(root, 'out-a'));
    expect(a.size).toBeGreaterThan(8);
    expect(snapshot(join(root, 'out-b'))).toEqual(a);
  });

  it('reads a UTF-16 text file with a BOM (and CRLF), not refuses it as binary', async () => {
    const bytes = utf16(SEEDS[3]!);
    const read = await readRecord(bytes, 'utf16.txt', 'utf16');
    expect(read.ok, JSON.stringify(read.ok ? '' : read.detail)).toBe(true);
    const alone = parseReport(SEEDS[3]!, { file: 'utf16.txt', sha256: '', format: 'txt' });
    expect(tables(read.record as ReportRecord)).toEqual(tables(alone));
  });

  it('the command line: exits 0 by default and non-zero with --strict, naming the unusable files', async () => {
    const base = ['--reports', reports, '--no-cache', '--workers', '0'];
    const [normal, strict] = await Promise.all([cli([...base, '--out', join(root, 'out-cli')]), cli([...base, '--out', join(root, 'out-strict'), '--strict'])]);
    expect(normal.status, normal.stderr).toBe(0);
    expect(normal.stdout).toMatch(/not used 7 \(/);
    expect(normal.stdout).toContain('two-reports-pasted.txt: 2 different reports in one file');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/--strict: 6 unusable files/);
  }, 120_000);
});
