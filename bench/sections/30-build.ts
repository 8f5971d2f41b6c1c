/**
 * Scale bench of build-data: generate N synthetic reports (bench/generate.ts) in a temp folder,
 * build cold (no cache), change 100 files, build again (warm, cached), touch every file and build
 * again (`touched`: new mtimes, same bytes, as after a fresh clone), and measure each build
 * as the separate process `npm run build-data` runs (`node scripts/run-bundled.mjs scripts/build-data.ts`).
 * `npm run bench -- --reports 100000`; default 2000. `--keep` keeps the temp folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFactFiles } from '../../src/lib/dataset/fact-columns.ts';
import { generateReports, loadSeeds } from '../generate.ts';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function build(reports: string, out: string, cache: string): { seconds: number; peakRssMb: number; steps: string } {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['scripts/run-bundled.mjs', 'scripts/build-data.ts', '--reports', reports, '--out', out, '--cache', cache, '--agencies', '', '--print-peak-rss'],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`build-data failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const peak = run.stdout.match(/peak_rss_mb: (\d+)/);
  const steps = run.stdout.match(/^build-data: \d+ files; (.*)$/m)?.[1] ?? '';
  return { seconds, peakRssMb: peak ? Number(peak[1]) : NaN, steps };
}

function sizes(dir: string): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = sizes(path);
      raw += sub.raw;
      gzip += sub.gzip;
    } else {
      raw += statSync(path).size;
      gzip += gzipSync(readFileSync(path)).length;
    }
  }
  return { raw, gzip };
}

/**
 * The dataset's JSON files parse, and the fact files hold a row for every report the manifest counts
 * in every column: a fast build that wrote a broken file must not pass as a figure.
 */
function checkDataset(out: string): void {
  const json = (name: string) => {
    try {
      return JSON.parse(readFileSync(join(out, name), 'utf8')) as unknown;
    } catch (cause) {
      throw new Error(`bench: ${name} from the build does not parse (${cause instanceof Error ? cause.message : String(cause)})`);
    }
  };
  for (const name of ['overview.json', 'build-report.json', 'dictionary.json']) json(name);
  const manifest = json('manifest.json') as { reports: number };
  // Every column file decodes to as many rows as its index says (decodeColumn checks it).
  const facts = readFactFiles((file) => readFileSync(join(out, file)));
  if (facts?.count !== manifest.reports) throw new Error(`bench: the fact files hold ${facts?.count} rows for ${manifest.reports} reports`);
}

export { build, checkDataset };

export async function run(args: string[]): Promise<Record<string, number | string>> {
  const count = Number(option(args, '--reports') ?? 2000);
  const root = mkdtempSync(join(tmpdir(), 'bench-build-'));
  const reports = join(root, 'reports');
  const out = join(root, 'out');
  const cache = join(root, 'cache');
  try {
    const seeds = loadSeeds('data/reports');
    generateReports(seeds, reports, count, 1);
    const cold = build(reports, out, cache);
    // Change 100 files: new figures and agencies for 100 reports spread over the folder.
    const step = Math.max(1, Math.floor(count / 100));
    for (let i = 0, changed = 0; i < count && changed < 100; i += step, changed++) generateReports(seeds, reports, 1, 1000 + i, i);
    const warm = build(reports, out, cache);
    // Every file touched and none changed, as after a fresh clone or checkout: the cache hashes
    // the files whose mtime moved and parses none of them again.
    const later = new Date();
    for (const name of readdirSync(reports)) utimesSync(join(reports, name), later, later);
    const touched = build(reports, out, cache);
    checkDataset(out);
    const dataset = sizes(out);
    const overview = readFileSync(join(out, 'overview.json'));
    return {
      build_reports: count,
      cold_build_s: Number(cold.seconds.toFixed(2)),
      warm_build_s: Number(warm.seconds.toFixed(2)),
      touched_build_s: Number(touched.seconds.toFixed(2)),
      reports_per_s: Math.round(count / cold.seconds),
      dataset_bytes: dataset.raw,
      dataset_gzip_bytes: dataset.gzip,
      overview_bytes: overview.length,
      overview_gzip_bytes: gzipSync(overview).length,
      peak_rss_mb: Math.max(cold.peakRssMb, warm.peakRssMb),
      cold_steps: cold.steps,
      warm_steps: warm.steps,
      touched_steps: touched.steps,
    };
  } finally {
    if (!args.includes('--keep')) rmSync(root, { recursive: true, force: true });
  }
}
