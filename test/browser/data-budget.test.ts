/**
 * Every page loads at most 1 MB gzip of data before its first chart, at 100,000 reports. The site
 * is built twice, from two counts of the bench's synthetic reports (bench/generate.ts); each page's
 * data bytes (its HTML and every data file it fetches before the chart is drawn, gzip) are measured
 * in Chromium at both, and the line through them (bytes per report × 100,000 + fixed) must stay
 * within the budget. The compare page and the embed fetch only the fact columns their chart reads.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReports, loadSeeds } from '../../bench/generate.ts';
import { loadPage } from '../../scripts/measure-pages.ts';
import { DRAWN_WIDTHS } from '../../src/components/drawn-chart.ts';
import { DARK_BACKGROUND } from '../../src/lib/charts/palette.ts';
import { dictionary, measureLabel } from '../../src/i18n/index.ts';
import { launchBrowser, startSite, type Site } from './site.ts';

const TMP = 'test/tmp/data-budget';
const SIZES = [150, 600] as const;
const BUDGET = 1_000_000;
const AT = 100_000;
// The compare page and the embed with their default view named in the URL and its images held back
// (VIEW_IMAGES): drawn live from the fact files, as a link's view without images is, so all the data
// they can load is counted. A link's view with images (linked): what it loads before they are painted.
const PAGES = {
  home: '',
  compare: 'compare/?basis=matched',
  embed: 'embed/?basis=matched',
  embedGrouped: 'embed/?m=granted_share&g=province&province=%E5%B9%BF%E4%B8%9C%E7%9C%81',
  regions: 'regions/',
  linked: 'compare/?m=granted_share&g=level&basis=all',
} as const;
const VIEW_IMAGES = /\/views\/[^/]+\.svg$/;

let browser: Browser;
const measured = new Map<number, Record<string, { bytes: number; files: string[] }>>();
/** The data files each page's head preloads (paths under the site root), at the larger size. */
const preloads = new Map<string, string[]>();

/** The pages with a chart drawn at build time: the view each shows without parameters. */
const DRAWN_PAGES = { home: '', compare: 'compare/', embed: 'embed/' } as const;

interface DrawnSeen {
  /** Without scripts, on a 390 px phone, in the dark: the image shown, its width, its alt text, the status line, the CSV button's label. */
  noScript: { src: string; naturalWidth: number; alt: string; status: string; csv: string } | null;
  /** Without scripts, light, in windows 601, 900 and 901 px wide: the image's own width, and the width it is shown at. */
  scaled: { viewport: number; naturalWidth: number; shownWidth: number }[];
  /** The notes under the chart, without scripts and once the page script has drawn the live chart. */
  notes: { noScript: string[]; live: string[] };
  /** With scripts: is the drawn image still there once the live chart is drawn, and is the live chart visible. */
  live: { drawnLeft: number; state: string; canvasVisibility: string };
  /** A view named in the URL, before the page script has run (its modules held back): are the drawn image and its notes seen, and what the status line says. */
  viewInUrl: { drawnHeight: number; notesShown: boolean; loading: string };
  /** The same view with the page script: the head's line ran (the page is marked) and nothing broke the CSP. */
  viewInUrlLive: { marked: boolean; state: string; errors: string[] };
  /**
   * A view named in the URL that has images (the compare page and the embed): before the page script has
   * run, the file shown, its height, whether the status line and the default view's notes are seen; the
   * file forced dark by an embed's theme; and with the page script, as for viewInUrlLive.
   */
  viewImage: { src: string; shownHeight: number; statusShown: boolean; notesShown: boolean; svg: string; forcedDark: string; live: { drawnLeft: number; state: string; errors: string[] } } | null;
}
const drawnSeen = new Map<string, DrawnSeen>();

const panelSettled = () => /^(ok|empty|error)$/.test(document.querySelector<HTMLElement>('[data-panel]')?.dataset.state ?? '');

/** A page's chart drawn at build time, seen without scripts, replaced by the live chart, and hidden for a view named in the URL. */
async function seeDrawnChart(root: string, path: string): Promise<DrawnSeen> {
  const still = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, colorScheme: 'dark' });
  const page = await still.newPage();
  await page.goto(root + path);
  const noScript = await page.$eval('[data-drawn] img', (img) => ({ src: (img as HTMLImageElement).currentSrc, naturalWidth: (img as HTMLImageElement).naturalWidth, alt: (img as HTMLImageElement).alt, status: document.querySelector('[data-status]')?.textContent ?? '', csv: document.querySelector('[data-action="csv"]')?.textContent ?? '' })).catch(() => null);
  const notesOf = () => [...document.querySelectorAll('[data-notes] li')].map((li) => li.textContent ?? '');
  const notes = { noScript: await page.evaluate(notesOf), live: [] as string[] };
  await still.close();
  const scaled: DrawnSeen['scaled'] = [];
  for (const viewport of [601, 900, 901]) {
    const context = await browser.newContext({ viewport: { width: viewport, height: 900 }, javaScriptEnabled: false, colorScheme: 'light' });
    const at = await context.newPage();
    await at.goto(root + path);
    scaled.push({ viewport, ...(await at.$eval('[data-drawn] img', (img) => ({ naturalWidth: (img as HTMLImageElement).naturalWidth, shownWidth: img.getBoundingClientRect().width }))) });
    await context.close();
  }
  const live = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await live.goto(root + path);
  await live.waitForFunction(panelSettled);
  notes.live = await live.evaluate(notesOf);
  const seen = await live.evaluate(() => ({ drawnLeft: document.querySelectorAll('[data-drawn]').length, state: document.querySelector<HTMLElement>('[data-panel]')!.dataset.state ?? '', canvasVisibility: getComputedStyle(document.querySelector('[data-canvas]')!).visibility }));
  await live.close();
  const held = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await held.route(/\/_astro\/.*\.js$/, (route) => route.abort());
  // Grouped by city: a view without images.
  await held.goto(`${root}${path}?m=granted_share&g=city`);
  const viewInUrl = await held.evaluate(() => ({
    drawnHeight: document.querySelector('[data-drawn] img')?.getBoundingClientRect().height ?? -1,
    notesShown: [...document.querySelectorAll('[data-notes] li')].some((li) => li.getBoundingClientRect().height > 0),
    loading: getComputedStyle(document.querySelector('[data-status]')!, '::before').content,
  }));
  await held.close();
  const linked = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  linked.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await linked.goto(`${root}${path}?m=granted_share&g=city`);
  await linked.waitForFunction(panelSettled);
  const viewInUrlLive = { marked: await linked.evaluate(() => document.documentElement.classList.contains('view-in-url')), state: (await linked.getAttribute('[data-panel]', 'data-state')) ?? '', errors };
  await linked.close();
  return { noScript, scaled, notes, live: seen, viewInUrl, viewInUrlLive, viewImage: path === '' ? null : await seeViewImage(root, path) };
}

/** Before the page script runs (its modules held back): the image shown for `query`, as an address under the root. */
async function imageShown(root: string, path: string, query: string, colorScheme: 'light' | 'dark' = 'light') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  await page.route(/\/_astro\/.*\.js$/, (route) => route.abort());
  await page.goto(`${root}${path}${query}`);
  await page.waitForFunction(() => document.querySelector<HTMLImageElement>('[data-drawn] img')?.complete);
  const seen = await page.evaluate((r) => {
    const img = document.querySelector<HTMLImageElement>('[data-drawn] img')!;
    const shown = (el: Element | null) => el !== null && getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0;
    return {
      src: img.currentSrc.startsWith(r) ? img.currentSrc.slice(r.length) : img.currentSrc,
      shownHeight: img.getBoundingClientRect().height,
      statusShown: shown(document.querySelector('[data-status]')),
      notesShown: [...document.querySelectorAll('[data-notes] li')].some(shown),
    };
  }, root);
  await context.close();
  return seen;
}

async function seeViewImage(root: string, path: string): Promise<DrawnSeen['viewImage']> {
  const query = '?m=granted_share&basis=all';
  const seen = await imageShown(root, path, query);
  const svg = await (await fetch(root + seen.src)).text();
  const forcedDark = (await imageShown(root, path, `${query}&theme=dark`)).src;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${root}${path}${query}`);
  await page.waitForFunction(panelSettled);
  const live = { drawnLeft: await page.evaluate(() => document.querySelectorAll('[data-drawn]').length), state: (await page.getAttribute('[data-panel]', 'data-state')) ?? '', errors };
  await page.close();
  return { ...seen, svg, forcedDark, live };
}

async function measureSite(count: number): Promise<void> {
  const dir = join(TMP, String(count));
  const reports = join(dir, 'reports');
  const publicDir = join(dir, 'public');
  rmSync(dir, { recursive: true, force: true });
  generateReports(loadSeeds('data/reports'), reports, count, 1);
  execFileSync('node', ['scripts/run-bundled.mjs', 'scripts/build-data.ts', '--reports', reports, '--out', `${publicDir}/data`, '--no-cache', '--agencies='], { stdio: 'pipe' });
  for (const f of ['embed-resize.js', 'favicon.svg']) copyFileSync(join('public', f), join(publicDir, f));
  const site: Site = await startSite({ buildData: false, env: { PUBLIC_DIR: publicDir, REPORTS_DIR: reports }, outDir: join(dir, 'dist') });
  try {
    const agency = ((await (await fetch(`${site.root}search-index.json`)).json()) as { path: string }[])[0]!.path;
    const pages: Record<string, { bytes: number; files: string[] }> = {};
    for (const [name, path] of Object.entries({ ...PAGES, agency })) {
      const { dataGzipBytes, files } = await loadPage(browser, site.root + path, 1, name === 'linked' ? undefined : VIEW_IMAGES);
      pages[name] = { bytes: dataGzipBytes, files: files.map((f) => f.slice(site.root.length)) };
    }
    measured.set(count, pages);
    if (count === SIZES[1]) {
      for (const [name, path] of Object.entries(PAGES)) {
        const html = await (await fetch(site.root + path)).text();
        const base = new URL(site.root).pathname;
        preloads.set(name, [...html.matchAll(/<link rel="preload" as="fetch"[^>]* href="([^"]+)"/g)].map((m) => m[1]!.slice(base.length)));
      }
    }
    if (count === SIZES[1]) for (const [name, path] of Object.entries(DRAWN_PAGES)) drawnSeen.set(name, await seeDrawnChart(site.root, path));
  } finally {
    site.stop();
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(TMP, { recursive: true });
  for (const n of SIZES) await measureSite(n);
}, 900_000);

afterAll(async () => {
  await browser?.close();
});

describe('data each page loads before its first chart', () => {
  it.each([...Object.keys(PAGES), 'agency'])('%s: bytes per report × 100,000 + fixed stays within 1 MB gzip', (name) => {
    const [small, large] = SIZES.map((n) => measured.get(n)![name]!.bytes) as [number, number];
    const perReport = Math.max(0, (large - small) / (SIZES[1] - SIZES[0]));
    const fixed = small - perReport * SIZES[0];
    const projected = perReport * AT + fixed;
    console.log(`${name}: ${small} B at ${SIZES[0]}, ${large} B at ${SIZES[1]} → ${perReport.toFixed(2)} B/report, ${Math.round(fixed)} B fixed → ${Math.round(projected)} B at ${AT}`);
    expect(projected).toBeLessThanOrEqual(BUDGET);
  });

  it('the compare page and the embed fetch the split fact columns their chart reads before drawing it, each once, never facts.json', () => {
    const pages = measured.get(SIZES[1])!;
    for (const name of ['compare', 'embed', 'embedGrouped']) {
      const files = pages[name]!.files.filter((f) => f.startsWith('data/'));
      expect(files.some((f) => f.endsWith('facts.json')), name).toBe(false);
      expect(files.filter((f) => f.startsWith('data/facts/')).length, name).toBeGreaterThan(0);
      // The files the head preloads are the ones the script then asks for, by the same address (the
      // same hash): each file comes once. The head preloads the index and the columns every chart reads.
      expect(files.length - new Set(files.map((f) => f.split('?')[0])).size, name).toBe(0);
      const preloaded = preloads.get(name)!;
      expect(preloaded.map((f) => f.replace(/^data\/facts\/|\?.*$/g, '')).sort(), name).toEqual(['agency_number.arrow', 'checks_failed.arrow', 'index.json', 'template.arrow', 'template.values.json', 'year.arrow']);
      for (const file of preloaded) expect(files, name).toContain(file);
    }
    const columns = (name: string) => pages[name]!.files.filter((f) => f.endsWith('.arrow') || f.includes('.arrow?')).map((f) => f.replace(/^data\/facts\/|\.arrow.*$/g, '')).sort();
    // The default embed: applications received over years, no filter, so no place or sector column.
    expect(columns('embed')).toEqual(['agency_number', 'checks_failed', 'new_total', 'template', 'year']);
    // Granted share by province within one province: its two columns and the province, nothing else.
    expect(columns('embedGrouped')).toEqual(['agency_number', 'checks_failed', 'granted_total', 'province', 'template', 'total_processed_total', 'year']);
    // The compare page's first chart reads what the embed's does: its filter lists' columns come after, the agency names when the picker is used.
    expect(columns('compare')).toEqual(columns('embed'));
  });
});

describe.each(Object.keys(DRAWN_PAGES))('the %s page\'s chart drawn at build time', (name) => {
  it('shows without scripts, as the image for the reader\'s width and theme, named by the chart\'s title', () => {
    const { noScript } = drawnSeen.get(name)!;
    expect(noScript).not.toBeNull();
    expect(noScript!.src).toMatch(/^data:image\/svg\+xml;base64,/);
    // The phone's dark image: the first <source>.
    expect(noScript!.naturalWidth).toBe(DRAWN_WIDTHS.narrow);
    expect(Buffer.from(noScript!.src.split(',')[1]!, 'base64').toString('utf8')).toContain(`fill="${DARK_BACKGROUND}"`);
    expect(noScript!.alt).toMatch(/^新收申请/);
    // No "loading" line over a chart that is there, and no row count the script has not made (never "0 行").
    expect(noScript!.status).toBe('');
    if (name !== 'embed') expect(noScript!.csv).toBe('下载 CSV');
  });

  it('is drawn for about the width it is shown at, so that its text is never shrunk below 3/4 of its size from 601 px up', () => {
    const { scaled } = drawnSeen.get(name)!;
    expect(scaled.map((s) => s.naturalWidth)).toEqual([DRAWN_WIDTHS.medium, DRAWN_WIDTHS.medium, DRAWN_WIDTHS.wide]);
    for (const { shownWidth, naturalWidth } of scaled) expect(shownWidth / naturalWidth).toBeGreaterThanOrEqual(0.75);
  });

  it('gives way to the live chart once the page script draws it', () => {
    expect(drawnSeen.get(name)!.live).toEqual({ drawnLeft: 0, state: 'ok', canvasVisibility: 'visible' });
  });

  it('comes with the notes the live chart has under it, before any script', () => {
    // The same list (the bench's reports, one year and all passing their checks, give this chart none:
    // what the notes say is pinned in test/components/drawn-chart.test.ts).
    const { notes } = drawnSeen.get(name)!;
    expect(notes.noScript).toEqual(notes.live);
  });

  it('gives way, for a view named in the URL that has images, to that view\'s images, until the live chart comes, within the CSP', () => {
    const image = drawnSeen.get(name)!.viewImage;
    // The home page's views have none (the compare page's are drawn).
    if (name === 'home') return expect(image).toBeNull();
    expect(image).not.toBeNull();
    const { svg, ...seen } = image!;
    // The wide light image of granted share over all reports, and with an embed's theme=dark its dark one.
    expect(seen).toEqual({
      src: `views/granted_share.none.all.${DRAWN_WIDTHS.wide}.svg`,
      shownHeight: expect.any(Number),
      statusShown: false,
      notesShown: false,
      // The compare page takes no theme from its URL.
      forcedDark: `views/granted_share.none.all.${DRAWN_WIDTHS.wide}${name === 'embed' ? '.dark' : ''}.svg`,
      live: { drawnLeft: 0, state: 'ok', errors: [] },
    });
    expect(seen.shownHeight).toBeGreaterThan(100);
    expect(svg).toMatch(/^<svg[^>]* width="1066"/);
    expect(svg).toContain(measureLabel('zh', 'granted_share'));
  });

  it('is never seen for a view named in the URL: "loading" until the live chart comes, within the CSP', () => {
    const seen = drawnSeen.get(name)!;
    expect(seen.viewInUrl).toEqual({ drawnHeight: 0, notesShown: false, loading: JSON.stringify(dictionary('zh').state.loading) });
    expect(seen.viewInUrlLive).toEqual({ marked: true, state: 'ok', errors: [] });
  });
});
