/**
 * data/sources.csv joined in the resolve step: a row gives its report source.url (the record and
 * the CSV's source_url column), a bad row is listed and not used, and an edit of the file parses
 * and extracts nothing again (the join runs after the cached stages).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildData, type BuildRun } from '../../scripts/lib/build.ts';
import { fsWriter, silentLogger } from '../../scripts/lib/effects.ts';
import { readRecords } from '../support/records.ts';

const SEEDS = readdirSync('data/reports').filter((f) => f.endsWith('.txt')).sort().slice(0, 3);
const ids = SEEDS.map((f) => f.replace(/\.txt$/, ''));
let root: string;
let reports: string;
let sources: string;
let out: string;

function build(): Promise<BuildRun> {
  return buildData(
    { reportsDir: reports, outDir: out, agenciesFile: null, sourcesFile: sources, cacheRoot: join(root, 'cache'), workers: 0, minTasksForWorkers: 0 },
    { logger: silentLogger, writer: fsWriter(out) },
  );
}

/** source_url of each row of the all-years CSV, by id. */
function csvUrls(): Record<string, string> {
  const text = readFileSync(join(out, 'csv/reports-all.csv'), 'utf8').replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  return Object.fromEntries(rows.map((r) => [r.id as string, r.source_url as string]));
}

let first: BuildRun;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'build-sources-'));
  reports = join(root, 'reports');
  out = join(root, 'out');
  mkdirSync(join(reports, 'gd'), { recursive: true });
  copyFileSync(join('data/reports', SEEDS[0] as string), join(reports, SEEDS[0] as string));
  copyFileSync(join('data/reports', SEEDS[1] as string), join(reports, 'gd', SEEDS[1] as string));
  copyFileSync(join('data/reports', SEEDS[2] as string), join(reports, SEEDS[2] as string));
  sources = join(root, 'sources.csv');
  writeFileSync(
    sources,
    [
      'id,file,address,final_address',
      // By file (inside a sub-folder, as data/reports/ names it in sources.csv), redirected: the final address counts.
      `,data/reports/gd/${SEEDS[1]},http://example.gov.cn/a.html,https://example.gov.cn/b.html`,
      // By id.
      `${ids[0]},,https://example.gov.cn/first.html,`,
      // A bad row: not used, listed with its line.
      `${ids[2]},,ftp://example.gov.cn/x.txt,`,
    ].join('\n'),
  );
  first = await build();
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('build-data with data/sources.csv', () => {
  it('gives a report its source.url from its row, by file or by id, and the CSV its source_url column', () => {
    const records = readRecords(out);
    expect(records.get(ids[0] as string)?.source.url).toBe('https://example.gov.cn/first.html');
    expect(records.get(ids[1] as string)?.source).toMatchObject({ file: `gd/${SEEDS[1]}`, url: 'https://example.gov.cn/b.html' });
    expect(records.get(ids[2] as string)?.source.url).toBeNull();
    expect(csvUrls()).toEqual({ [ids[0] as string]: 'https://example.gov.cn/first.html', [ids[1] as string]: 'https://example.gov.cn/b.html', [ids[2] as string]: '' });
  });

  it('lists a bad row in the build report and counts the reports given an address', () => {
    expect(first.report.sources).toEqual({ with_url: 2, errors: ['sources.csv line 4: address "ftp://example.gov.cn/x.txt" is not an http(s) address'] });
    const report = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8'));
    expect(report.sources.errors).toHaveLength(1);
  });

  it('parses and extracts nothing again when only sources.csv changes, and the new address reaches the record and the CSV', async () => {
    writeFileSync(sources, `id,address\n${ids[2]},https://example.gov.cn/third.html\n`);
    const again = await build();
    expect([again.extractedNow, again.parsedNow]).toEqual([0, 0]);
    expect(again.report.sources).toEqual({ with_url: 1, errors: [] });
    const records = readRecords(out);
    expect(records.get(ids[2] as string)?.source.url).toBe('https://example.gov.cn/third.html');
    expect(records.get(ids[0] as string)?.source.url).toBeNull();
    expect(csvUrls()[ids[2] as string]).toBe('https://example.gov.cn/third.html');
  });

  it('refuses a sources file named on the command line that does not exist, as it does agencies.csv', () => {
    const missing = join(root, 'nope.csv');
    const run = spawnSync(process.execPath, ['scripts/run-bundled.mjs', 'scripts/build-data.ts', '--reports', reports, '--out', join(root, 'out-cli'), '--no-cache', '--sources', missing], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`build-data: the sources file ${missing} does not exist: give the path of sources.csv with --sources FILE, or --sources '' for none\n`);
  }, 60_000);
});
