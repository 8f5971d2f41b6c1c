/**
 * The site at scale (only with --site): generate N synthetic reports, build the dataset and the
 * site from them (astro build, timed as its own process), and measure the built site: its size
 * for static hosts, and per page (home, compare, one agency, one embed) the data it loads before
 * its first view and how long that view takes at 4× CPU slow-down, plus the compare page's redraw
 * after a filter change at 100,000 reports (scripts/measure-pages.ts).
 * `npm run bench -- --reports 100000 --site`; `--keep` keeps the temp folder.
 *
 * The original files are not served by this build (REPORTS_DIR names no folder): at 100,000
 * reports they are ~0.9 GB of synthetic text, tens of GB of real PDFs, for storage of their own.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measurePages } from '../../scripts/measure-pages.ts';
import type { AgencyIndexFile } from '../../src/lib/dataset/agency-index.ts';
import { BASE_PATH, launchBrowser, startSite } from '../../test/browser/site.ts';
import { generateReports, loadSeeds } from '../generate.ts';
import { build, checkDataset } from './30-build.ts';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Every file's bytes under dir (not the folders'), the largest file, and the HTML pages. */
export function distFigures(dir: string): { dist_bytes: number; largest_file_bytes: number; largest_file: string; pages: number } {
  let total = 0;
  let largest = 0;
  let largestFile = '';
  let pages = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const size = statSync(path).size;
        total += size;
        if (size > largest) [largest, largestFile] = [size, path.slice(dir.length + 1)];
        if (entry.name.endsWith('.html')) pages++;
      }
    }
  };
  walk(dir);
  return { dist_bytes: total, largest_file_bytes: largest, largest_file: largestFile, pages };
}

/** `astro build` of the dataset under publicDir into outDir, as its own process: seconds and peak RSS (GNU time's maximum resident set). */
function buildSite(publicDir: string, outDir: string): { seconds: number; peakRssMb: number } {
  const env = { ...process.env, PUBLIC_DIR: publicDir, REPORTS_DIR: join(publicDir, 'no-originals'), BASE_PATH, SITE_URL: 'http://127.0.0.1' };
  const astro = ['node_modules/astro/astro.js', 'build', '--outDir', outDir];
  const timed = existsSync('/usr/bin/time');
  const started = performance.now();
  const run = timed
    ? spawnSync('/usr/bin/time', ['-f', 'peak_rss_kb %M', process.execPath, ...astro], { env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
    : spawnSync(process.execPath, astro, { env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`astro build failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const kb = run.stderr.match(/peak_rss_kb (\d+)/);
  return { seconds, peakRssMb: kb ? Math.round(Number(kb[1]) / 1024) : NaN };
}

export async function run(args: string[]): Promise<Record<string, number | string>> {
  if (!args.includes('--site')) return {};
  const count = Number(option(args, '--reports') ?? 2000);
  const root = mkdtempSync(join(tmpdir(), 'bench-site-'));
  const reports = join(root, 'reports');
  const publicDir = join(root, 'public');
  const dist = join(root, 'dist');
  try {
    generateReports(loadSeeds('data/reports'), reports, count, 1);
    build(reports, join(publicDir, 'data'), join(root, 'cache'));
    checkDataset(join(publicDir, 'data'));
    mkdirSync(publicDir, { recursive: true });
    for (const f of readdirSync('public', { withFileTypes: true })) if (f.isFile()) copyFileSync(join('public', f.name), join(publicDir, f.name));
    const site = buildSite(publicDir, dist);
    const figures = distFigures(dist);
    const agencies = (JSON.parse(readFileSync(join(dist, 'data', 'agencies.json'), 'utf8')) as AgencyIndexFile).agencies;
    const agency = agencies[Math.floor(agencies.length / 2)];
    const browser = await launchBrowser();
    const server = await startSite({ outDir: dist, prebuilt: true });
    try {
      // Per page its data and first view, and the compare page's redraw after a filter change (over these N reports: `facts_rows`).
      const pages = await measurePages(server.root, { browser, ...(agency ? { agencyPath: `agency/${agency.id}/` } : {}) });
      return {
        site_reports: count,
        site_build_s: Number(site.seconds.toFixed(1)),
        site_peak_rss_mb: site.peakRssMb,
        dist_bytes: figures.dist_bytes,
        largest_file_bytes: figures.largest_file_bytes,
        largest_file: figures.largest_file,
        pages: figures.pages,
        ...pages,
      };
    } finally {
      await browser.close();
      server.stop();
    }
  } finally {
    if (!args.includes('--keep')) rmSync(root, { recursive: true, force: true });
  }
}
