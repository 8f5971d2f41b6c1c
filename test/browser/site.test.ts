/**
 * The built site, driven as a reader drives it, in Debian's Chromium: every page loads without
 * a console error (CSP violations included), a filter changes the chart and the URL (and Back
 * restores them), the CSV downloaded equals the table shown, the embed works inside an iframe on
 * a plain page, and screenshots at desktop and phone widths go to test-results/screenshots/.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactsFile } from '../../src/lib/dataset/layout.ts';
import { readFactFiles } from '../../src/lib/dataset/fact-columns.ts';
import { isSiteInlineScript } from '../support/inline-scripts.ts';
import { launchBrowser, replaceFactFiles, SITE_DIST, startSite, type Site, openPage, panelSettled } from './site.ts';

const SHOTS = 'test-results/screenshots';
let site: Site;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser(); // first: a missing Chromium fails fast, with a clear message
  site = await startSite();
  mkdirSync(SHOTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  site?.stop();
});

const open = (path: string, width = 1280) => openPage(browser, site.root, path, { width, requests: true });

const settled = panelSettled;

const PAGES = ['', 'en/', 'compare/', 'en/compare/', 'embed/', 'en/embed/?theme=dark&plain=1', 'regions/', 'en/regions/', 'quality/', 'en/quality/', 'about/', 'en/about/'];

/** Pages reached by following links: an agency page and a province page in each language. */
async function linkedPages(): Promise<string[]> {
  const { page } = await open('regions/');
  const province = await page.getAttribute('.province-list a', 'href');
  // An agency page linked from the province page (the home page ranks agencies only when there are enough of them).
  const agency = province ? await page.goto(new URL(province, site.root).href).then(() => page.getAttribute('a[href*="/agency/"]', 'href')) : null;
  const hrefs = [province, agency].filter((h): h is string => !!h);
  await page.close();
  const paths = hrefs.map((h) => new URL(h, site.root).pathname.replace(new URL(site.root).pathname, ''));
  return [...paths, ...paths.map((p) => `en/${p}`)];
}

describe('the built site', () => {
  it('loads every page without a console error', async () => {
    const all: string[] = [];
    const linked = await linkedPages();
    expect(linked.length, 'an agency page and a province page are linked').toBe(4);
    for (const path of [...PAGES, ...linked]) {
      const { page, errors } = await open(path);
      if (await page.$('[data-panel]')) await settled(page);
      await page.waitForLoadState('networkidle');
      all.push(...errors);
      await page.close();
    }
    expect(all).toEqual([]);
  }, 180_000);

  it('has no inline script or style in any page but the site\'s own lines its CSP allows by hash, so it needs no unsafe-inline', () => {
    const pages = (readdirSync(SITE_DIST, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const html = readFileSync(join(SITE_DIST, file), 'utf8');
      expect(html, file).toContain('http-equiv="Content-Security-Policy"');
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
      expect(inline.filter((text) => !isSiteInlineScript(text)), file).toEqual([]);
      expect(html, file).not.toMatch(/<style[\s>]|\sstyle="/);
    }
  }, 180_000);

  it('redraws the chart and updates the URL when a filter changes, and Back restores both', async () => {
    const { page, errors } = await open('compare/?basis=all');
    await settled(page);
    const before = await page.textContent('[data-description]');
    await page.selectOption('select[name="g"]', 'province');
    await page.waitForURL(/g=province/);
    await page.waitForFunction((b) => document.querySelector('[data-description]')?.textContent !== b, before);
    const head = await page.$$eval('[data-table] thead th', (ths) => ths.map((t) => t.textContent));
    expect(head[0]).toBe('分组');
    // Hovering loads the tooltip (on demand) and shows it, within the CSP.
    const box = (await page.$('[data-canvas]'))!;
    const { width, height } = (await box.boundingBox())!;
    for (const x of [0.3, 0.5, 0.7, 0.9]) await box.hover({ position: { x: width * x, y: height * 0.55 } });
    await page.waitForFunction(() => [...document.querySelectorAll('.chart-tooltip')].some((e) => (e.textContent ?? '').length > 0));
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('g=province'));
    expect(await page.inputValue('select[name="g"]')).toBe('none');
    await page.waitForFunction((b) => document.querySelector('[data-description]')?.textContent === b, before);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('downloads a CSV equal to the table shown, with the row count on the button', async () => {
    const { page, errors } = await open('compare/?g=agency&m=granted_share&basis=all');
    await settled(page);
    await page.click('[data-action="table"]');
    const table = await page.$$eval('[data-table] tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th,td')].map((c) => (c.textContent === '—' ? '' : c.textContent ?? ''))),
    );
    const button = await page.textContent('[data-action="csv"]');
    expect(button).toContain(`${table.length - 1}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="csv"]')]);
    expect(download.suggestedFilename()).toBe('gov-info-disclosure_granted_share_by-agency.csv');
    const text = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual(table);
    expect(table.length).toBeGreaterThan(1);
    // PNG and SVG carry the title and the source line (drawn into the chart).
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="png"]')]);
    expect(png.suggestedFilename()).toBe('gov-info-disclosure_granted_share_by-agency.png');
    expect(readFileSync((await png.path()) as string).subarray(1, 4).toString()).toBe('PNG');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="svg"]')]);
    const svgText = readFileSync((await svg.path()) as string, 'utf8');
    expect(svgText).toMatch(/^<svg/);
    expect(svgText).toContain('予以公开占比');
    expect(svgText).toContain('来源');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('renders the embed inside an iframe on a plain HTML page, which resizes it', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const src = `${site.root}embed/?m=applications_received&g=province&basis=all`;
    await page.setContent(
      `<!doctype html><html><body><h1>A blog post</h1><p>Text before.</p>
       <iframe src="${src}" title="chart" width="100%" height="200" data-gov-disclosure-embed></iframe>
       <script async src="${site.root}embed-resize.js"></script><p>Text after.</p></body></html>`,
    );
    const frame = await (await page.waitForSelector('iframe'))!.contentFrame();
    await frame!.waitForFunction(() => {
      const el = document.querySelector<HTMLElement>('[data-panel]');
      return el?.dataset.state === 'ok' && document.querySelector('canvas') !== null;
    });
    await page.waitForFunction(() => Number(document.querySelector('iframe')!.getAttribute('height')) > 300);
    await page.screenshot({ path: `${SHOTS}/embed-in-blog-800.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('shows agency names from files as text: in the table, the legend and the tooltip', async () => {
    // Swap the served fact files for ones whose agency names carry markup (restored afterwards).
    const dataDir = join(SITE_DIST, 'data');
    const real = readFactFiles((file) => readFileSync(join(dataDir, file))) as FactsFile;
    const evil = ['<script>window.__pwned=1</script>局', '"><img src=x onerror="window.__pwned=2">中心'];
    replaceFactFiles(dataDir, { ...real, columns: { ...real.columns, agency: real.columns.agency!.map((_, i) => evil[i % 2]!) } });
    try {
      const { page, errors } = await open('compare/?g=agency&m=applications_received&basis=all');
      let dialogs = 0;
      page.on('dialog', (d) => {
        dialogs++;
        void d.dismiss();
      });
      await settled(page);
      await page.click('[data-action="table"]');
      const cells = await page.$$eval('[data-table] tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));
      expect(cells.some((c) => c?.startsWith(evil[0]!))).toBe(true);
      expect(cells.some((c) => c?.startsWith(evil[1]!))).toBe(true);
      const box = (await page.$('[data-canvas]'))!;
      const { width, height } = (await box.boundingBox())!;
      for (const x of [0.2, 0.4, 0.6, 0.8]) await box.hover({ position: { x: width * x, y: height * 0.5 } });
      await page.waitForFunction(() => [...document.querySelectorAll('.chart-tooltip')].some((e) => (e.textContent ?? '').includes('局')));
      const tooltip = await page.$eval('.chart-tooltip', (e) => ({ text: e.textContent, imgs: e.querySelectorAll('img,script').length }));
      expect(tooltip.imgs).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.$$('img[src="x"]')).toHaveLength(0);
      expect(dialogs).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      replaceFactFiles(dataDir, real);
    }
  }, 180_000);

  it('saves screenshots of the overview, compare and embed pages at desktop and phone widths', async () => {
    for (const width of [1280, 390]) {
      for (const [name, path] of [['overview', '?basis=all'], ['compare', 'compare/?g=level&basis=all'], ['embed', 'embed/?m=outcome_mix&basis=all']] as const) {
        const { page, errors } = await open(path, width);
        if (await page.$('[data-panel]')) {
          await settled(page);
          await page.waitForFunction(() => document.documentElement.dataset.chartFinished === '1');
        }
        await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(1);
        expect(errors).toEqual([]);
        await page.close();
      }
    }
  }, 180_000);
});
