/**
 * Performance figures of a built site, measured in Debian's Chromium. `measurePages(siteRoot)`
 * (also called by the bench on a site it built) gives, one figure a name:
 *   <page>_data_gzip_bytes       home, compare, agency, embed; compare_linked and embed_linked (a view
 *                                a shared link names by measure, grouping and basis: its images drawn at
 *                                build time, src/components/view-images.ts); compare_filtered and
 *                                embed_filtered (a view with a filter, which has no images: drawn live
 *                                from the fact files): gzip bytes of the page's HTML and of
 *                                every data file that had come when its first chart was drawn
 *                                (what a page inlines counts, as what it fetches does); a page without
 *                                a chart (the agency page): its HTML only, which is what its first paint shows
 *   <page>_first_chart_ms_4x_cpu navigation → the first chart on screen: the image of a chart drawn at
 *                                build time painted (Element Timing), else the live chart's first
 *                                frame ('rendered' mark), CPU slowed
 *                                4× (CDP Emulation.setCPUThrottlingRate), median of 3 runs each in a
 *                                fresh browser context (cold HTTP cache); a page without a chart
 *                                (the agency page's tables) → its first contentful paint
 *   filter_redraw_ms_100k        compare page: a filter change → the next frame drawn, median of 9
 *                                changes, no slow-down, on the site's own data (facts_rows says how
 *                                many reports that is: 100,000 for the figure's name to hold)
 *   facts_rows                   reports in the site's split fact files
 * `npm run measure-pages` builds the site from data/reports into test/tmp/measure-dist, swaps its
 * fact files for 100,000 synthetic reports (test/browser/synthetic-facts.ts, split as the build
 * splits them), and prints these figures, the JavaScript each page loads, and the load average
 * (other work on the machine slows every time figure; byte counts do not move).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { FACTS_DIR } from '../src/lib/dataset/fact-files.ts';
import { readFactFiles } from '../src/lib/dataset/fact-columns.ts';
import { DATA_FILES, type FactIndex } from '../src/lib/dataset/layout.ts';
import { launchBrowser, replaceFactFiles, startSite, type Site } from '../test/browser/site.ts';
import { synthesiseFacts } from '../test/browser/synthetic-facts.ts';

export const MEASURED_PAGES = ['home', 'compare', 'compare_linked', 'compare_filtered', 'agency', 'embed', 'embed_linked', 'embed_filtered'] as const;
export type MeasuredPage = (typeof MEASURED_PAGES)[number];

export interface MeasureOptions {
  /** A browser to use (else one is launched and closed). */
  browser?: Browser;
  /** The agency page to measure, relative to the root (default: the first agency of the site's search index). */
  agencyPath?: string;
  /** The home page's path with its query (default ''). */
  homePath?: string;
  /** Runs per first-chart figure (median; default 3). */
  runs?: number;
}

/** The measured views named in a URL: one that has images (view-images.ts), one drawn live. */
const LINKED = 'm=granted_share&g=province&basis=all';
const FILTERED = `province=${encodeURIComponent('广东省')}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * In the page: resolves with whether it has a chart panel and the time of its first chart (a page
 * without one: its first contentful paint), -1 if the panel settles without a chart. A string
 * evaluated as it is, not a function: the bundler's helpers (esbuild's __name) do not exist in the
 * page. No Playwright selector (page.$) before the chart is drawn either: that injects Playwright's
 * selector engine into the page, a script whose evaluation took ~0.1 s of the main thread at 4×
 * CPU while the page was still loading its data, which no reader's browser does.
 */
const FIRST_CHART_SCRIPT = `new Promise((resolve) => {
  const hasChart = document.querySelector('[data-panel]') !== null;
  const name = hasChart ? 'chart-rendered' : 'first-contentful-paint';
  const done = (ms) => resolve({ hasChart, ms });
  const drawn = (entries) => {
    for (const e of entries) if (e.identifier === 'chart-drawn') done(e.renderTime || e.startTime);
  };
  const observer = new PerformanceObserver((list) => drawn(list.getEntries()));
  observer.observe({ type: 'element', buffered: true });
  // Entries painted before now are in the observer's buffer at once: taken before the live chart's mark is looked at.
  drawn(observer.takeRecords());
  const poll = () => {
    const mark = performance.getEntriesByName(name)[0];
    if (mark) return done(mark.startTime);
    // A panel that settles without drawing (no data, a load error, nothing to draw): said, not timed out.
    if (/^(empty|error)$/.test(document.querySelector('[data-panel]')?.dataset.state ?? '')) return done(-1);
    setTimeout(poll, 20);
  };
  poll();
})`;

/** Gzip bytes of a page's HTML and data files, up to its first chart (or first paint), and that time, in one fresh context. */
export async function loadPage(browser: Browser, url: string, cpuSlowdown: number, refuse?: RegExp): Promise<{ dataGzipBytes: number; firstChartMs: number; files: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // `refuse`: addresses not served (a test holds back a view's images, to measure its live chart).
  if (refuse) await page.route(refuse, (route) => route.abort());
  const cdp = await context.newCDPSession(page);
  if (cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  const bodies: Promise<{ url: string; bytes: number; document: boolean }>[] = [];
  // A page's data: its HTML and what its scripts request (fetch, xhr). Its scripts, styles, fonts
  // and images (a chart drawn at build time included) are its weight, not data, and are left out;
  // data it preloads from its head (`rel=preload as=fetch`: resource type "other") is data.
  page.on('response', (r) => {
    const type = r.request().resourceType();
    if (type === 'document' || type === 'fetch' || type === 'xhr' || (type === 'other' && new URL(r.url()).pathname.includes('/data/'))) {
      bodies.push(r.body().then((b) => ({ url: r.url(), bytes: gzipSync(b).length, document: type === 'document' }), () => ({ url: r.url(), bytes: 0, document: type === 'document' })));
    }
  });
  await page.goto(url);
  // A chart drawn at build time (src/components/drawn-chart.ts) is timed when its image is painted
  // (Element Timing); else, or if the page script replaced it before it was painted, when the
  // live chart draws its first frame. A page without a chart: its first contentful paint.
  const { hasChart, ms: firstChartMs } = (await page.evaluate(FIRST_CHART_SCRIPT)) as { hasChart: boolean; ms: number };
  if (firstChartMs < 0) {
    const status = await page.textContent('[data-panel] [data-status]');
    await context.close();
    throw new Error(`${url}: the page drew no chart (${status?.trim()})`);
  }
  // What had come by then (a page may fetch more after its first chart: the compare page's filter lists).
  // A page without a chart paints from its HTML alone: what its script fetches after is drawn later, and
  // counting what happened to arrive before the paint would make the figure follow the machine's load.
  const before = new Set(
    hasChart ? await page.evaluate((t) => performance.getEntriesByType('resource').filter((r) => (r as PerformanceResourceTiming).responseEnd <= t).map((r) => r.name), firstChartMs) : [],
  );
  const seen = (await Promise.all([...bodies])).filter((b) => b.document || before.has(b.url));
  await context.close();
  return { dataGzipBytes: seen.reduce((n, b) => n + b.bytes, 0), firstChartMs, files: seen.map((b) => b.url) };
}

/** The first agency page listed by the site's search index. */
async function firstAgencyPath(siteRoot: string): Promise<string> {
  const response = await fetch(`${siteRoot}search-index.json`);
  if (!response.ok) throw new Error(`${siteRoot}search-index.json: HTTP ${response.status} (give agencyPath)`);
  const entries = (await response.json()) as { path: string }[];
  if (!entries[0]) throw new Error('measurePages: the site lists no agency page (give agencyPath)');
  return entries[0].path;
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

async function filterRedrawMs(browser: Browser, siteRoot: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${siteRoot}compare/?g=province`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-panel]')?.dataset.state === 'ok', null, { timeout: 120_000 });
    const provinces = await page.$$eval('select[name="province"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const sector = await page.$$eval('select[name="sector"] option', (os) => os.map((o) => (o as HTMLOptionElement).value).find(Boolean) ?? '');
    const changes: [string, string][] = [
      ['province', provinces[0] ?? ''], ['level', 'county'], ['province', provinces[1] ?? provinces[0] ?? ''], ['level', ''], ['province', ''],
      ['sector', sector], ['g', 'level'], ['sector', ''], ['g', 'province'],
    ];
    const times: number[] = [];
    for (const [name, value] of changes) times.push(await redraw(page, name, value));
    return median(times);
  } finally {
    await page.close();
  }
}

/**
 * The figures of the bench for the site served at `siteRoot` (absolute, trailing slash):
 * `<page>_data_gzip_bytes` and `<page>_first_chart_ms_4x_cpu` for home, compare, one agency page
 * and the embed (and compare and embed by a link), `filter_redraw_ms_100k` and `facts_rows`.
 */
export async function measurePages(siteRoot: string, options: MeasureOptions = {}): Promise<Record<string, number>> {
  const browser = options.browser ?? (await launchBrowser());
  try {
    // `_linked`: a view a shared link names, which has images; `_filtered`: one with a filter (a province), drawn live.
    const paths: Record<MeasuredPage, string> = {
      home: options.homePath ?? '',
      compare: 'compare/',
      compare_linked: `compare/?${LINKED}`,
      compare_filtered: `compare/?${FILTERED}`,
      agency: options.agencyPath ?? (await firstAgencyPath(siteRoot)),
      embed: 'embed/',
      embed_linked: `embed/?${LINKED}`,
      embed_filtered: `embed/?${FILTERED}`,
    };
    const figures: Record<string, number> = {};
    for (const name of MEASURED_PAGES) {
      const runs: { dataGzipBytes: number; firstChartMs: number }[] = [];
      for (let i = 0; i < (options.runs ?? 3); i++) runs.push(await loadPage(browser, siteRoot + paths[name], 4));
      figures[`${name}_data_gzip_bytes`] = median(runs.map((r) => r.dataGzipBytes));
      figures[`${name}_first_chart_ms_4x_cpu`] = Math.round(median(runs.map((r) => r.firstChartMs)));
    }
    figures.filter_redraw_ms_100k = Math.round((await filterRedrawMs(browser, siteRoot)) * 10) / 10;
    const index = (await (await fetch(`${siteRoot}data/${DATA_FILES.factIndex}`)).json()) as FactIndex;
    figures.facts_rows = index.count;
    return figures;
  } finally {
    if (!options.browser) await browser.close();
  }
}

const OUT = 'test/tmp/measure-dist';
const JS_PAGES = ['', 'compare/', 'embed/', 'regions/', 'quality/', 'about/', 'en/', 'en/compare/'];

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

async function main() {
  const browser = await launchBrowser();
  const site = await startSite({ outDir: OUT, buildData: !process.argv.includes('--no-build-data') });
  try {
    for (const path of JS_PAGES) console.log(`js_gzip_kb ${path || '/'}: ${(await jsPerPage(browser, site, path)).toFixed(1)}`);
    const dataDir = join(OUT, 'data');
    const small = readFactFiles((file) => (existsSync(join(dataDir, file)) ? readFileSync(join(dataDir, file)) : null));
    if (!small) throw new Error(`${dataDir}: no fact files`);
    replaceFactFiles(dataDir, synthesiseFacts(small, 100_000, 1));
    const split = readdirSync(join(dataDir, FACTS_DIR)).length;
    console.log(`(compare, embed and the filter redraw on 100,000 synthetic reports in ${split} fact files; home and agency pages as built from data/reports, the home page with ?basis=all: no agency of the seed reports reports in two years)`);
    const figures = await measurePages(site.root, { browser, homePath: '?basis=all' });
    for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
    console.log(`load_average_during_run: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (${cpus().length} cores)`);
  } finally {
    await browser.close();
    site.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
