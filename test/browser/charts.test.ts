/**
 * Charts and tables a reader can quote, download and read on a phone, driven in Debian's Chromium
 * on the built site:
 * - every chart kind's SVG download parses as XML and renders as an <img>;
 * - at 390 and 1280 px, in the chart as drawn (its SVG, drawn with the same option at the same
 *   size), no legend item overlaps a series, the title or an axis label, and no text is cut
 *   (outside the chart, or ended with an ellipsis);
 * - the tile map's colour scale is inside the chart (so inside its PNG and SVG);
 * - the chart's role="img" is named by its title and described;
 * - no table box scrolls inside the page, and section 三's headers stay readable at 390 px;
 * - screenshots of every page at 390 and 1280 px in both languages go to test-results/screenshots.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startSite, type Site, openPage, panelSettled, recordViewsDrawn } from './site.ts';

const SHOTS = 'test-results/screenshots';
let site: Site;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  // Its own build directory: site.test.ts builds into the default one, perhaps at the same time.
  site = await startSite({ outDir: 'test/tmp/site-dist-charts' });
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  site?.stop();
});

const open = (path: string, width: number) => openPage(browser, site.root, path, { width });

async function drawn(page: Page) {
  await panelSettled(page);
  expect(await page.getAttribute('[data-panel]', 'data-state')).toBe('ok');
  await page.waitForFunction(() => document.documentElement.dataset.chartFinished === '1');
}

async function downloadSvg(page: Page): Promise<{ name: string; text: string }> {
  const [svg] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.click('[data-action="svg"]')]);
  return { name: svg.suggestedFilename(), text: readFileSync((await svg.path()) as string, 'utf8') };
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  text?: string;
}

interface SvgCheck {
  parseError: string | null;
  imgWidth: number;
  width: number;
  height: number;
  legend: Box[];
  series: Box[];
  texts: Box[];
}

/**
 * Parse the SVG as XML, render it as an <img>, and measure its legend, series and texts inline,
 * on a blank page (the site's CSP rightly refuses the SVG's style attributes inline).
 */
async function inspectSvg(svg: string): Promise<SvgCheck> {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html><body style="margin:0"></body></html>');
  const result = await page.evaluate(async (source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
    let imgWidth = 0;
    try {
      await img.decode();
      imgWidth = img.naturalWidth;
    } catch {
      imgWidth = 0;
    }
    const holder = document.createElement('div');
    holder.style.cssText = 'position:absolute;left:0;top:0';
    document.body.append(holder);
    const root = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
    holder.append(root);
    const origin = root.getBoundingClientRect();
    const box = (el: Element): { x: number; y: number; w: number; h: number; text?: string } => {
      const r = el.getBoundingClientRect();
      return { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height, text: el.textContent ?? '' };
    };
    const legend = [...root.querySelectorAll('[ecmeta_ssr_type="legend"]')].map(box).filter((b) => b.w > 0 && b.h > 0);
    const series = [...root.querySelectorAll('[ecmeta_ssr_type="chart"]')].map(box).filter((b) => b.w > 0 && b.h > 0);
    const texts = [...root.querySelectorAll('text')].filter((t) => !t.closest('[ecmeta_ssr_type="legend"]') && t.getAttribute('ecmeta_ssr_type') !== 'legend').map(box);
    const out = { parseError: error ? error.textContent : null, imgWidth, width: origin.width, height: origin.height, legend, series, texts };
    holder.remove();
    return out;
  }, svg);
  await page.close();
  return result;
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;

/**
 * One chart per kind the site draws. Changes over years are drawn as raw totals (basis=all): the
 * site's small dataset has no agency reporting in two years, so like with like draws nothing.
 */
const CHARTS = [
  ['line', 'compare/?m=applications_received&basis=all'],
  ['lines-by-group', 'compare/?g=level&basis=all'],
  ['lines-by-agency', 'compare/?g=agency&m=granted_share&basis=all'],
  ['bars-by-agency', 'compare/?g=agency&m=applications_received&from=2023&to=2023'],
  ['outcome-mix', 'compare/?m=outcome_mix&basis=all'],
  ['outcome-mix-by-agency', 'compare/?m=outcome_mix&g=agency&basis=all'],
  ['review-mix', 'compare/?m=review_mix&basis=all'],
  ['tile-map', 'regions/'],
] as const;

describe('charts', () => {
  for (const width of [390, 1280]) {
    it(`every chart kind's SVG parses and renders, and nothing overlaps or is cut, at ${width}px`, async () => {
      const problems: string[] = [];
      for (const [kind, path] of CHARTS) {
        for (const lang of ['', 'en/']) {
          const where = `${kind} ${lang}${path} @${width}`;
          const { page, errors } = await open(lang + path, width);
          await drawn(page);
          const { name, text } = await downloadSvg(page);
          expect(name, where).toMatch(/\.svg$/);
          expect(text, where).toMatch(/^<svg/);
          const check = await inspectSvg(text);
          if (check.parseError) problems.push(`${where}: not XML: ${check.parseError.slice(0, 200)}`);
          if (check.imgWidth === 0) problems.push(`${where}: does not render as <img>`);
          if (check.series.length === 0) problems.push(`${where}: no series drawn`);
          // A legend item's own label lies inside the item's box; any other text it touches is covered.
          const inside = (t: Box, l: Box) => t.x >= l.x - 1 && t.y >= l.y - 1 && t.x + t.w <= l.x + l.w + 1 && t.y + t.h <= l.y + l.h + 1;
          const others = check.texts.filter((t) => !check.legend.some((l) => inside(t, l)));
          for (const l of check.legend) {
            for (const s of check.series) if (overlap(l, s)) problems.push(`${where}: legend item ${JSON.stringify(l)} covers a series element ${JSON.stringify(s)}`);
            for (const t of others) if (overlap(l, t)) problems.push(`${where}: legend item ${JSON.stringify(l)} covers text ${JSON.stringify(t)}`);
          }
          for (const t of check.texts) {
            if (t.x < -1 || t.y < -1 || t.x + t.w > check.width + 1 || t.y + t.h > check.height + 1) problems.push(`${where}: text cut at the edge: ${JSON.stringify(t)}`);
            if (/(\.\.\.|…)$/.test(t.text ?? '')) problems.push(`${where}: text truncated: ${t.text}`);
          }
          // Titles never sit on the plot.
          const title = [...check.texts].sort((p, q) => p.y - q.y)[0];
          if (title) for (const s of check.series) if (overlap(title, s)) problems.push(`${where}: title ${title.text} covers the plot`);
          if (kind === 'tile-map') {
            // The colour scale is inside the chart, so inside its downloads.
            expect(text, where).toMatch(lang ? /No data/ : /无数据/);
          }
          expect(errors, where).toEqual([]);
          await page.close();
        }
      }
      expect(problems).toEqual([]);
    }, 300_000);
  }

  it('names the chart image by its title and describes it; mixed-language names carry lang', async () => {
    const { page, errors } = await open('en/compare/?g=agency&m=granted_share&basis=all', 1280);
    await drawn(page);
    const img = page.locator('[role="img"]');
    const name = await img.getAttribute('aria-label');
    const title = await page.textContent('[data-table] caption');
    expect(name).toBeTruthy();
    expect(name).toContain(title!);
    const describedBy = await img.getAttribute('aria-describedby');
    expect((await page.textContent(`#${describedBy}`))!.length).toBeGreaterThan(20);
    // The description names agencies: in Chinese, marked as such on the English page.
    expect(await page.$$eval(`#${describedBy} span[lang="zh-CN"]`, (spans) => spans.map((s) => s.textContent).filter((t) => /[\u4e00-\u9fff]/.test(t ?? '')).length)).toBeGreaterThan(0);
    await page.click('[data-action="table"]');
    const cells = await page.$$eval('[data-table] tbody tr td:first-child', (tds) => tds.map((td) => ({ text: td.textContent, lang: td.getAttribute('lang') })));
    const chinese = cells.filter((c) => /[\u4e00-\u9fff]/.test(c.text ?? ''));
    expect(chinese.length).toBeGreaterThan(0);
    for (const c of chinese) expect(c.lang, c.text!).toBe('zh-CN');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('lets tables grow with the page (no scroll box) and keeps section 三 headers readable at 390px', async () => {
    // An agency page linked from a province page (the home page ranks agencies only when there are enough).
    const { page: first } = await open('regions/', 1280);
    const province = (await first.getAttribute('.province-list a', 'href'))!;
    await first.goto(new URL(province, site.root).href);
    const agency = (await first.getAttribute('a[href*="/agency/"]', 'href'))!;
    await first.close();
    const rel = (h: string) => new URL(h, site.root).pathname.replace(new URL(site.root).pathname, '');
    const agencyPath = rel(agency);
    for (const path of [agencyPath, `en/${agencyPath}`, rel(province), `en/${rel(province)}`, 'quality/', 'en/quality/', 'about/', 'en/about/']) {
      const { page } = await open(path, 390);
      if (path.includes('agency/')) await recordViewsDrawn(page);
      const traps = await page.$$eval('.chart-table-wrap', (wraps) => wraps.filter((w) => w.scrollHeight > w.clientHeight + 1).length);
      expect(traps, `${path}: table boxes that scroll vertically`).toBe(0);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways, `${path} scrolls sideways`).toBeLessThanOrEqual(1);
      if (path.includes('agency/')) {
        await recordViewsDrawn(page);
        // Every header of section 三 fits in at most two lines, with its full name available.
        const heads = await page.$$eval('table[data-applications] thead th[scope="col"]', (ths) =>
          ths.map((th) => {
            const lineHeight = parseFloat(getComputedStyle(th).lineHeight) || 20;
            const visible = [...th.querySelectorAll('span')].find((s) => getComputedStyle(s).position !== 'absolute') ?? th;
            return { text: th.textContent, full: th.getAttribute('title'), lines: visible.getBoundingClientRect().height / lineHeight };
          }),
        );
        expect(heads.length).toBe(7);
        for (const h of heads) {
          expect(h.lines, h.text!).toBeLessThanOrEqual(2.1);
          expect(h.full, h.text!).toBeTruthy();
        }
      }
      await page.close();
    }
  }, 180_000);

  it('saves screenshots of every page at 390 and 1280px in both languages', async () => {
    const { page: first } = await open('regions/', 1280);
    const province = (await first.getAttribute('.province-list a', 'href'))!;
    await first.goto(new URL(province, site.root).href);
    const agency = (await first.getAttribute('a[href*="/agency/"]', 'href'))!;
    await first.close();
    const rel = (h: string) => new URL(h, site.root).pathname.replace(new URL(site.root).pathname, '');
    const pages = [
      ['overview', '?basis=all'],
      ['compare-agency', 'compare/?g=agency&m=granted_share&basis=all'],
      ['compare-mix', 'compare/?m=outcome_mix&g=agency&basis=all'],
      ['embed-mix', 'embed/?m=outcome_mix&basis=all'],
      ['embed-dark', 'embed/?m=outcome_mix&g=agency&basis=all&theme=dark'],
      ['embed-bars-dark', 'embed/?g=agency&from=2023&to=2023&theme=dark'],
      ['regions', 'regions/'],
      ['province', rel(province)],
      ['agency', rel(agency)],
      ['quality', 'quality/'],
      ['about', 'about/'],
    ] as const;
    for (const width of [390, 1280]) {
      for (const lang of ['zh', 'en'] as const) {
        for (const [name, path] of pages) {
          const { page, errors } = await open((lang === 'en' ? 'en/' : '') + path, width);
          if (await page.$('[data-panel]')) await drawn(page);
          await recordViewsDrawn(page);
          await page.screenshot({ path: `${SHOTS}/charts-${name}-${lang}-${width}.png`, fullPage: true });
          expect(errors).toEqual([]);
          await page.close();
        }
      }
    }
  }, 300_000);
});
