/**
 * Performance figures of the built site, measured in Debian's Chromium (`npm run measure-pages`):
 *   js_gzip_kb_max_page     the most JavaScript any page loads (gzip KB = 1000 bytes, every script
 *                           response until the network is idle; on-demand chunks such as the CSV
 *                           writer, the SVG renderer and tooltips are loaded only on use)
 *   first_chart_ms_4x_cpu   navigation → the chart's first frame ('rendered'), CPU slowed 4×
 *                           (CDP Emulation.setCPUThrottlingRate), worst of overview/compare/embed;
 *                           first_chart_finished_ms_4x_cpu: the same to 'finished' (animation done)
 *   filter_redraw_ms_100k   compare page with 100,000 synthetic reports: a filter change → the next
 *                           frame drawn, median of 9 changes (no slow-down)
 * First-chart times are medians of 3 runs, each in a fresh browser context (cold HTTP cache).
 * The machine's load average is printed too: other work on the machine slows every figure.
 * Builds into test/tmp/measure-dist (npm run build-data first, unless --no-build-data).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import type { FactsFile } from '../src/lib/dataset/layout.ts';
import { launchBrowser, startSite, type Site } from '../test/browser/site.ts';
import { synthesiseFacts } from '../test/browser/synthetic-facts.ts';

const OUT = 'test/tmp/measure-dist';
const PAGES = ['', 'compare/', 'embed/', 'regions/', 'quality/', 'about/', 'en/', 'en/compare/'];

async function jsPerPage(browser: Browser, site: Site, path: string): Promise<number> {
  const page = await browser.newPage();
  const sizes: Promise<number>[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') sizes.push(r.body().then((b) => gzipSync(b).length));
  });
  await page.goto(site.root + path, { waitUntil: 'networkidle' });
  const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  await page.close();
  return bytes / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** The performance marks a page sets when its first view is drawn: a chart's ('chart-rendered', then 'chart-finished' when its animation is done), or the agency page's record view ('record-view-drawn'). */
export interface ReadyMarks {
  rendered: string;
  finished: string;
}
const CHART_MARKS: ReadyMarks = { rendered: 'chart-rendered', finished: 'chart-finished' };

/** Navigation → first chart frame, in a fresh browser context (cold HTTP cache), median of 3; with the gzip bytes of the data it fetched (under data/) by then. */
async function firstChart(browser: Browser, site: Site, path: string, marks: ReadyMarks = CHART_MARKS): Promise<{ rendered: number; finished: number; dataGzipBytes: number }> {
  const runs: { rendered: number; finished: number; dataGzipBytes: number }[] = [];
  for (let i = 0; i < 3; i++) runs.push(await firstChartOnce(browser, site, path, marks));
  return { rendered: median(runs.map((r) => r.rendered)), finished: median(runs.map((r) => r.finished)), dataGzipBytes: median(runs.map((r) => r.dataGzipBytes)) };
}

async function firstChartOnce(browser: Browser, site: Site, path: string, marks: ReadyMarks): Promise<{ rendered: number; finished: number; dataGzipBytes: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const data: Promise<number>[] = [];
  page.on('response', (r) => {
    // A .gz file is counted as sent (the server may have marked it Content-Encoding: gzip, and the body is then decoded); anything else as a host would gzip it.
    if (!new URL(r.url()).pathname.includes('/data/')) return;
    data.push(r.url().endsWith('.gz') ? r.request().sizes().then((s) => s.responseBodySize, () => 0) : r.body().then((b) => gzipSync(b).length, () => 0));
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(site.root + path);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, marks.finished, { timeout: 60_000 });
  const times = await page.evaluate((m) => ({
    rendered: performance.getEntriesByName(m.rendered)[0]!.startTime,
    finished: performance.getEntriesByName(m.finished)[0]!.startTime,
  }), marks);
  const dataGzipBytes = (await Promise.all(data)).reduce((a, b) => a + b, 0);
  await context.close();
  return { ...times, dataGzipBytes };
}

/**
 * Per page (name → path under the site root): `<name>_data_gzip_bytes` (data fetched before its
 * first view is drawn) and `<name>_first_chart_ms_4x_cpu` (navigation → first view drawn, CPU 4× slower).
 */
export async function measurePages(browser: Browser, site: Site, pages: { name: string; path: string; marks?: ReadyMarks }[]): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const { name, path, marks } of pages) {
    const t = await firstChart(browser, site, path, marks);
    figures[`${name}_data_gzip_bytes`] = t.dataGzipBytes;
    figures[`${name}_first_chart_ms_4x_cpu`] = Math.round(t.rendered);
  }
  return figures;
}

/** Time from a filter change to the next frame drawn, on the compare page. */
async function redraw(page: Page, name: string, value: string): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __t0: number; __t1: Promise<number> };
    const canvas = document.querySelector('[data-canvas]')!;
    w.__t1 = new Promise((resolve) => {
      // Capture phase on window: runs before the page's own change handler does any work.
      window.addEventListener(
        'change',
        () => {
          w.__t0 = performance.now();
          canvas.addEventListener('chartrendered', () => resolve(performance.now()), { once: true });
        },
        { once: true, capture: true },
      );
    });
  });
  await page.selectOption(`select[name="${name}"]`, value);
  return page.evaluate(async () => {
    const w = window as unknown as { __t0: number; __t1: Promise<number> };
    return (await w.__t1) - w.__t0;
  });
}

/**
 * The compare page with 100,000 synthetic reports (the served facts.json swapped for the time,
 * restored after): each of nine filter changes → the next frame drawn, and the page's load time.
 */
export async function filterRedraws(browser: Browser, site: Site, outDir: string): Promise<{ times: number[]; load100k: number; synthetic: FactsFile }> {
  // 100,000 synthetic reports: swap the served facts.json (the compare page reads only that).
  const factsPath = join(outDir, 'data', 'facts.json');
  const real = readFileSync(factsPath, 'utf8');
  const synthetic: FactsFile = synthesiseFacts(JSON.parse(real) as FactsFile, 100_000, 1);
  writeFileSync(factsPath, JSON.stringify(synthetic));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const loadStart = Date.now();
  await page.goto(`${site.root}compare/?g=province`);
  await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-panel]')?.dataset.state === 'ok', null, { timeout: 120_000 });
  const load100k = Date.now() - loadStart;
  const provinces = await page.$$eval('select[name="province"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  const times: number[] = [];
  const changes: [string, string][] = [
    ['province', provinces[0]!], ['level', 'county'], ['province', provinces[1]!], ['level', ''], ['province', ''],
    ['sector', 'housing'], ['g', 'level'], ['sector', ''], ['g', 'province'],
  ];
  for (const [name, value] of changes) times.push(await redraw(page, name, value));
  await page.close();
  writeFileSync(factsPath, real);
  return { times, load100k, synthetic };
}

async function main() {
  const browser = await launchBrowser();
  const site = await startSite({ outDir: OUT, buildData: !process.argv.includes('--no-build-data') });
  try {
    const js: [string, number][] = [];
    for (const path of PAGES) js.push([path || '/', await jsPerPage(browser, site, path)]);
    const worst = js.reduce((a, b) => (b[1] > a[1] ? b : a));
    const charts: [string, { rendered: number; finished: number }][] = [];
    for (const path of ['', 'compare/', 'embed/']) charts.push([path || '/', await firstChart(browser, site, path)]);

    const { times, load100k, synthetic } = await filterRedraws(browser, site, OUT);
    for (const [path, kb] of js) console.log(`js_gzip_kb ${path}: ${kb.toFixed(1)}`);
    for (const [path, t] of charts) console.log(`first_chart ${path}: rendered ${t.rendered.toFixed(0)} ms, finished ${t.finished.toFixed(0)} ms`);
    console.log(`filter_redraw_ms_100k each: ${times.map((t) => t.toFixed(1)).join(', ')}`);
    console.log(`compare_load_ms_100k: ${load100k} (facts.json ${(JSON.stringify(synthetic).length / 1e6).toFixed(1)} MB raw)`);
    console.log(`js_gzip_kb_max_page: ${worst[1].toFixed(1)} (${worst[0]})`);
    console.log(`first_chart_ms_4x_cpu: ${Math.max(...charts.map(([, t]) => t.rendered)).toFixed(0)}`);
    console.log(`first_chart_finished_ms_4x_cpu: ${Math.max(...charts.map(([, t]) => t.finished)).toFixed(0)}`);
    console.log(`filter_redraw_ms_100k: ${median(times).toFixed(1)}`);
    console.log(`load_average_during_run: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (${cpus().length} cores)`);
  } finally {
    await browser.close();
    site.stop();
  }
}

// Run as a script (npm run measure-pages); imported (bench/sections/50-site.ts), it only exports.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
