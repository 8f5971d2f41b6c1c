/**
 * Finding, sharing, citing, in Chromium on the built site: the language switch keeps the whole
 * state; arrow keys through a select add one history entry; the source link opens the original
 * file; the embed code names the address the page is served from (the site is built with a
 * different SITE_URL) and its iframe shows the whole chart without the host script; the search
 * box finds an agency; agencies chosen by name are in the URL; a light PNG on a dark screen; every
 * page carries the dataset version, description and Open Graph tags; an agency page joins each
 * report's own figures with its peer group's from data/peers.json, and says so when it cannot;
 * screenshots of every page at
 * 390 and 1280 px in both languages go to test-results/screenshots/nav-*.png.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startSite, type Site, openPage, panelSettled, recordViewsDrawn } from './site.ts';
import type { AgencyIndexFile } from '../../src/lib/dataset/agency-index.ts';
import { PEER_MEASURES } from '../../src/lib/charts/peers.ts';
import type { PeerGroupFile } from '../../src/lib/nav/peer-figures.ts';

const SHOTS = 'test-results/screenshots';
const OUT = 'test/tmp/nav-dist';
/** The address the build is told; the tests serve the site elsewhere (127.0.0.1:port). */
const BUILD_SITE = 'https://build-time.example';
let site: Site;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await startSite({ outDir: OUT, env: { SITE_URL: BUILD_SITE } });
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  site?.stop();
});

const open = (path: string, width = 1280, colorScheme: 'light' | 'dark' = 'light') => openPage(browser, site.root, path, { width, colorScheme });

const settled = panelSettled;

const here = (page: Page) => new URL(page.url());

/** An agency page's path (from the search index), e.g. `agency/441900113-…/`. */
async function agencyPath(name: string): Promise<string> {
  const index = (await (await fetch(`${site.root}search-index.json`)).json()) as { name: string; path: string }[];
  const entry = index.find((e) => e.name === name);
  expect(entry, name).toBeDefined();
  return entry!.path;
}

describe('finding, sharing, citing', () => {
  it('keeps the whole state across the language switch: filters, chosen agencies, measure, fragment', async () => {
    const { page, errors } = await open('compare/?m=granted_share&g=agency&level=prefecture&a=%E4%B8%9C%E8%8E%9E%E5%B8%82%E4%BD%8F%E6%88%BF%E5%85%AC%E7%A7%AF%E9%87%91%E7%AE%A1%E7%90%86%E4%B8%AD%E5%BF%83%7C%E4%B8%9C%E8%8E%9E%E5%B8%82');
    await settled(page);
    await page.selectOption('select[name="kind"]', 'department');
    await page.waitForURL(/kind=department/);
    const before = here(page).searchParams;
    await page.click('[data-lang-switch]');
    await page.waitForURL(/\/en\/compare\//);
    await settled(page);
    const after = here(page).searchParams;
    expect([...after].sort()).toEqual([...before].sort());
    expect(after.get('a')).toBe('东莞市住房公积金管理中心|东莞市');
    expect(await page.inputValue('select[name="m"]')).toBe('granted_share');
    expect(await page.inputValue('select[name="kind"]')).toBe('department');
    expect(await page.inputValue('select[name="level"]')).toBe('prefecture');
    expect(await page.textContent('[data-chips]')).toContain('东莞市住房公积金管理中心');
    // And back to Chinese, still the same.
    await page.click('[data-lang-switch]');
    await page.waitForURL((u) => !u.pathname.includes('/en/'));
    expect([...here(page).searchParams].sort()).toEqual([...before].sort());
    // The overview's measure and the regions page's measure and year, too.
    await page.goto(`${site.root}regions/?m=review_rate&year=2023`);
    await page.click('[data-lang-switch]');
    await page.waitForURL(/\/en\/regions\/\?m=review_rate&year=2023$/);
    // The page's script sets the select from the URL once it runs (after the first frame).
    await page.waitForFunction(() => document.querySelector<HTMLSelectElement>('select[name="m"]')?.value === 'review_rate', null, { timeout: 10_000 });
    // An agency page keeps the year it was scrolled to (the fragment).
    const agency = await agencyPath('厚街镇人民政府');
    await page.goto(`${site.root}${agency}#y-004_d14223c41a91255a`);
    await page.click('[data-lang-switch]');
    await page.waitForURL((u) => u.pathname.endsWith(`/en/${agency}`) && u.hash === '#y-004_d14223c41a91255a');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('adds one history entry, not one a step, when arrow keys move through a select', async () => {
    for (const [path, select] of [['compare/', 'select[name="m"]'], ['', '[data-overview-form] select[name="m"]'], ['regions/', 'select[name="m"]']] as const) {
      const { page, errors } = await open(path);
      await settled(page);
      const start = await page.evaluate(() => history.length);
      const url = page.url();
      await page.focus(select);
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
      await page.waitForFunction((u) => location.href !== u, url);
      expect(await page.evaluate(() => history.length), path).toBe(start + 1);
      await page.goBack();
      await page.waitForURL(url);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 120_000);

  it('links every agency page to the original file, served by the site byte for byte', async () => {
    const agency = await agencyPath('厚街镇人民政府');
    for (const lang of ['', 'en/']) {
      const { page, errors } = await open(`${lang}${agency}`);
      const link = page.locator('[data-source-file]').first();
      expect(await link.textContent()).toContain('004_d14223c41a91255a.txt');
      const href = new URL((await link.getAttribute('href'))!, page.url()).href;
      const served = Buffer.from(await (await fetch(href)).arrayBuffer());
      expect(served.equals(readFileSync('data/reports/004_d14223c41a91255a.txt'))).toBe(true);
      expect(errors).toEqual([]);
      // Chromium shows the text file itself (and asks for /favicon.ico, which the site does not have: not counted).
      const [response] = await Promise.all([page.waitForResponse(href), link.click()]);
      expect(response.status()).toBe(200);
      await page.waitForURL(href);
      await page.close();
    }
  }, 120_000);

  it('keeps an agency at a permanent address made from what it is, and forwards its old address there', async () => {
    const agency = await agencyPath('厚街镇人民政府');
    // The division code of 厚街镇 (a township of 东莞市) and a hash of its name without the place.
    expect(agency).toMatch(/^agency\/4419\d+-[0-9a-z]{11}\/$/);
    for (const lang of ['', 'en/']) {
      const { page, errors } = await open(`${lang}agency/004_d14223c41a91255a/`);
      await page.waitForURL((u) => u.pathname.endsWith(`/${lang}${agency}`));
      expect(await page.textContent('h1')).toBe('厚街镇人民政府');
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 60_000);

  it('gives every agency of the index one page in each language, with its reports drawn from their records, and forwards every former address', async () => {
    const { agencies } = JSON.parse(readFileSync(join(OUT, 'data', 'agencies.json'), 'utf8')) as AgencyIndexFile;
    const reports = new Set<string>();
    for (const agency of agencies) {
      for (const lang of ['', 'en/']) {
        const html = readFileSync(join(OUT, lang, 'agency', agency.id, 'index.html'), 'utf8');
        expect(html, agency.id).toContain(`<h1 lang="zh-CN">${agency.name}</h1>`);
        expect([...html.matchAll(/data-report="([^"]+)"/g)].map((m) => m[1]), agency.id).toEqual(agency.reports.map((r) => r.id));
        for (const former of agency.former) {
          const forward = readFileSync(join(OUT, lang, 'agency', former, 'index.html'), 'utf8');
          expect(forward, former).toContain(`<meta http-equiv="refresh" content="0; url=${new URL(site.root).pathname}${lang}agency/${agency.id}/">`);
        }
      }
      for (const r of agency.reports) {
        expect(reports.has(r.id), `${r.id} listed twice`).toBe(false);
        reports.add(r.id);
      }
    }
    const manifest = JSON.parse(readFileSync(join(OUT, 'data', 'manifest.json'), 'utf8')) as { reports: number };
    expect(reports.size).toBe(manifest.reports);
    // In Chromium: each report's tables as read, from its gzipped shard.
    const agency = agencies.find((a) => a.reports.length > 1) ?? agencies[0]!;
    for (const lang of ['', 'en/']) {
      const { page, errors } = await open(`${lang}agency/${agency.id}/`);
      await recordViewsDrawn(page);
      expect(await page.$$eval('[data-record-view]', (vs) => vs.map((v) => v.getAttribute('data-state')))).toEqual(agency.reports.map(() => 'ok'));
      expect(await page.$$eval('table[data-applications]', (ts) => ts.length)).toBe(agency.reports.length);
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 120_000);

  it('lists every page for search engines in the sitemap robots.txt names, in both languages and at the address the build was given (each page naming its twin), but the embeds, files and forwarding pages', async () => {
    const root = `${BUILD_SITE}${new URL(site.root).pathname}`;
    const robots = await (await fetch(`${site.root}robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${root}sitemap-index.xml`);
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string);
    const sitemaps = locs(await (await fetch(`${site.root}sitemap-index.xml`)).text());
    expect(sitemaps.length).toBeGreaterThan(0);
    const listed: string[] = [];
    for (const sitemap of sitemaps) {
      expect(sitemap.startsWith(root), sitemap).toBe(true);
      const response = await fetch(site.root + sitemap.slice(root.length));
      expect(response.ok, sitemap).toBe(true);
      listed.push(...locs(await response.text()).map((url) => url.slice(root.length)));
    }
    const { agencies } = JSON.parse(readFileSync(join(OUT, 'data', 'agencies.json'), 'utf8')) as AgencyIndexFile;
    const pages = ['', 'compare/', 'regions/', 'quality/', 'about/', ...agencies.map((a) => `agency/${a.id}/`)];
    expect(listed.sort()).toEqual(expect.arrayContaining([...pages, ...pages.map((p) => `en/${p}`)]));
    const formers = new Set(agencies.flatMap((a) => a.former.map((f) => `agency/${f}/`)));
    expect(formers.size).toBeGreaterThan(0);
    for (const url of listed) {
      expect(url, 'an embed').not.toMatch(/(^|\/)embed\//);
      expect(url, 'a file').not.toMatch(/\.[a-z0-9]+$/i);
      expect(formers.has(url.replace(/^en\//, '')), `${url}: a forwarding page`).toBe(false);
      // Every address listed is a page of the site, which names itself and its twin in the other language by their public addresses.
      const html = readFileSync(join(OUT, url, 'index.html'), 'utf8');
      const zh = url.replace(/^en\//, '');
      expect(html, url).toContain(`<link rel="alternate" hreflang="zh-CN" href="${root}${zh}">`);
      expect(html, url).toContain(`<link rel="alternate" hreflang="en" href="${root}en/${zh}">`);
    }
  }, 60_000);

  it('draws each report among its peers from its own figures and data/peers.json, and leaves the peers out with a notice when that file cannot be used', async () => {
    const file = JSON.parse(readFileSync(join(OUT, 'data', 'peers.json'), 'utf8')) as PeerGroupFile;
    const { agencies } = JSON.parse(readFileSync(join(OUT, 'data', 'agencies.json'), 'utf8')) as AgencyIndexFile;
    // An agency with a report whose peer group has figures: the page names the group, the file holds its counts.
    const found = agencies
      .map((a) => ({ agency: a, group: readFileSync(join(OUT, 'agency', a.id, 'index.html'), 'utf8').match(/data-peer-group="([^"]+)"/)?.[1] }))
      .find(({ group }) => group !== undefined && file.groups[group]?.some(([peers]) => peers > 0));
    expect(found, 'an agency report with peers').toBeDefined();
    const { agency, group } = found as { agency: AgencyIndexFile['agencies'][number]; group: string };
    const section = `section[data-peer-group="${group}"]`;
    for (const lang of ['', 'en/']) {
      const { page, errors } = await open(`${lang}agency/${agency.id}/`);
      await recordViewsDrawn(page);
      const rows = await page.$$eval(`${section} tr[data-peer]`, (trs) => trs.map((tr) => [tr.getAttribute('data-peer'), tr.lastElementChild!.textContent]));
      expect(rows).toEqual(PEER_MEASURES.map((m, i) => [m, String(file.groups[group]![i]![0])]));
      expect(await page.$$('[data-peers-failed]')).toHaveLength(0);
      expect(errors).toEqual([]);
      await page.close();
    }
    // The file unreachable (zh), then of another dataset version (en): the tables as read, no peers, a notice.
    for (const [lang, answer, notice] of [
      ['', { status: 503, body: '' }, /同层级、同领域机关中的位置未能读取.*HTTP 503/],
      ['en/', { status: 200, contentType: 'application/json', body: JSON.stringify({ ...file, version: '2000-01-01 · 00000000' }) }, /among its peers could not be read.*of dataset 2000-01-01 · 00000000/],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.route('**/data/peers.json*', (route) => route.fulfill(answer));
      await page.goto(`${site.root}${lang}agency/${agency.id}/`);
      await recordViewsDrawn(page);
      expect(await page.getAttribute(`${section} [data-record-view]`, 'data-state')).toBe('ok');
      expect(await page.$$(`${section} table[data-applications]`)).toHaveLength(1);
      expect(await page.$$(`${section} tr[data-peer]`)).toHaveLength(0);
      expect(await page.textContent(`${section} [data-peers-failed]`)).toMatch(notice);
      await page.close();
    }
  }, 120_000);

  it('builds the embed code from the serving address, in four styles, tall enough without the host script', async () => {
    const { page, errors } = await open('compare/?g=province&basis=all');
    await settled(page);
    await page.click('[data-action="embed"]');
    const code = async () => page.inputValue('[data-embed-code]');
    expect(await code()).toContain(`src="${site.root}embed/?g=province&amp;basis=all"`);
    expect(await code()).toContain(`${site.root}embed-resize.js`);
    expect(await code()).not.toContain(BUILD_SITE);
    expect(await page.$$eval('[data-embed-style]', (els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['light', 'dark', 'auto', 'plain']);
    await page.check('[data-embed-style="dark"]');
    expect(await code()).toContain('theme=dark');
    await page.check('[data-embed-style="plain"]');
    expect(await code()).toContain('plain=1');
    await page.check('[data-embed-style="light"]');
    const snippet = await code();
    expect(snippet).toContain('theme=light');
    await (await page.$('[data-embed-box]'))!.screenshot({ path: `${SHOTS}/nav-embed-dialog-1280.png` });
    // The host strips scripts: only the iframe is left, at the height the snippet gives.
    const iframe = snippet.split('\n')[0]!.replace(/&amp;/g, '&');
    const height = Number(/height="(\d+)"/.exec(iframe)![1]);
    for (const width of [390, 800]) {
      const host = await browser.newPage({ viewport: { width, height: 900 } });
      await host.setContent(`<!doctype html><html><body style="margin:8px"><p>A post.</p>${iframe}<p>After.</p></body></html>`);
      const frame = await (await host.waitForSelector('iframe'))!.contentFrame();
      await frame!.waitForFunction(() => document.querySelector<HTMLElement>('[data-panel]')?.dataset.state === 'ok' && document.documentElement.dataset.chartFinished === '1');
      const inner = await frame!.evaluate(() => ({ scroll: document.documentElement.scrollHeight, foot: document.querySelector('.embed-foot')!.getBoundingClientRect().bottom }));
      expect(inner.scroll, `embed content at ${width}px fits the iframe's ${height}px`).toBeLessThanOrEqual(height);
      expect(inner.foot).toBeLessThanOrEqual(height);
      await host.screenshot({ path: `${SHOTS}/nav-embed-no-script-${width}.png`, fullPage: true });
      await host.close();
    }
    // Open Graph and canonical tags name the address the build was given.
    expect(await page.getAttribute('meta[property="og:url"]', 'content')).toBe(`${BUILD_SITE}/tp/compare/`);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('puts the citation, with the dataset version, under the chart and into the PNG and SVG', async () => {
    const { page, errors } = await open('compare/?basis=all');
    await settled(page);
    const version = (await page.getAttribute('html', 'data-version'))!;
    expect(version).toMatch(/^\d{4}-\d{2}-\d{2} · [0-9a-f]{8}$/);
    expect(await page.textContent('[data-cite]')).toContain(version);
    expect(await page.textContent('[data-cite]')).toContain(decodeURI(page.url()));
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="svg"]')]);
    expect(readFileSync((await svg.path()) as string, 'utf8')).toContain(version.split(' · ')[1]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('downloads a light PNG when the screen is dark', async () => {
    const { page, errors } = await open('compare/?basis=all', 1280, 'dark');
    await settled(page);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="png"]')]);
    const data = readFileSync((await png.path()) as string).toString('base64');
    const corner = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return [...ctx.getImageData(3, 3, 1, 1).data];
    }, data);
    expect(corner).toEqual([255, 255, 255, 255]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('finds an agency from the search box on any page, by part of its name or pinyin initials', async () => {
    const agency = await agencyPath('厚街镇人民政府');
    for (const [path, query] of [['quality/', '厚街'], ['en/about/', 'hjz']] as const) {
      const { page, errors } = await open(path);
      await page.fill('#agency-search-input', query);
      await page.waitForSelector('#agency-search-results:not([hidden]) a');
      expect(await page.textContent('#agency-search-results')).toContain('厚街镇人民政府');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname.endsWith(`/${agency}`));
      expect(await page.textContent('h1')).toBe('厚街镇人民政府');
      expect(page.url().includes('/en/')).toBe(path.startsWith('en/'));
      expect(errors).toEqual([]);
      await page.close();
    }
    const { page } = await open('');
    await page.fill('#agency-search-input', '公积金');
    await page.waitForSelector('#agency-search-results:not([hidden]) a');
    expect(await page.$$eval('#agency-search-results a', (as) => as.map((a) => a.textContent))).toEqual(['北京住房公积金管理中心', '东莞市住房公积金管理中心', '中山市住房公积金管理中心']);
    await page.close();
  }, 120_000);

  it('compares agencies chosen by name, the choice in the URL, one series or bar each', async () => {
    const { page, errors } = await open('compare/?m=applications_received');
    await settled(page);
    for (const name of ['北京住房', '中山']) {
      await page.fill('[data-agency-input]', name);
      await page.waitForSelector('[data-agency-options]:not([hidden]) li');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelector('[data-chips]')!.textContent!.includes(n), name);
    }
    const params = here(page).searchParams;
    expect(params.getAll('a')).toEqual(['北京住房公积金管理中心|北京市', '中山市住房公积金管理中心|中山市']);
    expect(params.get('g')).toBe('agency');
    await page.click('[data-action="table"]');
    const groups = await page.$$eval('[data-table] tbody tr td:first-child', (tds) => [...new Set(tds.map((t) => t.textContent))]);
    expect(groups.sort()).toEqual(['中山市住房公积金管理中心', '北京住房公积金管理中心'].sort());
    // A link with the choice reproduces it; removing a chip updates the URL.
    await page.goto(page.url());
    await settled(page);
    expect(await page.$$eval('[data-chips] li', (lis) => lis.length)).toBe(2);
    await page.click('[data-chips] li:first-child button');
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('a').length === 1);
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.getAll('a').length === 2);
    expect(await page.$$eval('[data-chips] li', (lis) => lis.length)).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('gives every page a description, Open Graph tags and the dataset version with what it covers', () => {
    const pages = (readdirSync(OUT, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const html = readFileSync(join(OUT, file), 'utf8');
      // An old address's small forwarding page (noindex) carries only where it forwards to.
      if (/<meta http-equiv="refresh"/.test(html)) {
        expect(html, file).toMatch(/<meta name="robots" content="noindex">/);
        continue;
      }
      expect(html, file).toMatch(/<meta name="description" content="[^"]+"/);
      expect(html, file).toMatch(/<meta property="og:title" content="[^"]+"/);
      expect(html, file).toMatch(/<meta property="og:description" content="[^"]+"/);
      expect(html, file).toMatch(/data-version="\d{4}-\d{2}-\d{2} · [0-9a-f]{8}"/);
      if (!file.includes('embed')) expect(html, file).toMatch(file.startsWith('en') ? /2020: 1 report, 1 agency; 2023: 4 reports, 4 agencies/ : /2020 年：1 份报告，1 个机关；2023 年：4 份报告，4 个机关/);
    }
    const overview = readFileSync(join(OUT, 'en', 'index.html'), 'utf8');
    expect(overview).toMatch(/og:description" content="[^"]*Applications received/);
  });

  it('serves the data dictionary as CSV beside the downloads, linked from the about page', async () => {
    const { page, errors } = await open('en/about/');
    const href = (await page.getAttribute('[data-dictionary-csv]', 'href'))!;
    const text = await (await fetch(new URL(href, site.root))).text();
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('column,type,label_zh,label_en,description');
    expect(await page.textContent('[data-downloads]')).toMatch(/\(1 report\)/);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('says in place of the chart when no agency can give a like-with-like figure, with why below and a link to the raw totals, and offers no image of nothing', async () => {
    // The seed reports: one agency in 2020, four others in 2023, so no agency reports in both years.
    for (const [lang, message] of [['', /这些报告都没有可供此图显示的数字/], ['en/', /None of these reports gives a figure for this chart/]] as const) {
      const { page, errors } = await open(`${lang}compare/?g=province`);
      await settled(page);
      expect(await page.getAttribute('[data-panel]', 'data-state')).toBe('empty');
      expect(await page.textContent('.chart-status')).toMatch(message);
      expect(await page.textContent('[data-notes]')).toMatch(lang ? /Like with like: none of the 5 agencies/ : /同口径/);
      expect(await page.isDisabled('[data-action="png"]')).toBe(true);
      // One click to the raw totals, the rest of the view kept.
      await page.click('.chart-status a.raw-totals');
      await page.waitForURL(/basis=all/);
      await settled(page);
      expect(new URL(page.url()).searchParams.get('g')).toBe('province');
      expect(await page.getAttribute('[data-panel]', 'data-state')).toBe('ok');
      expect(await page.inputValue('select[name="basis"]')).toBe('all');
      expect(await page.$('.chart-status a.raw-totals')).toBeNull();
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 60_000);

  it('saves screenshots of every page at 390 and 1280 px in both languages, none scrolling sideways', async () => {
    const agency = await agencyPath('东莞市住房公积金管理中心');
    const pages: [string, string][] = [
      ['overview', ''],
      ['compare', 'compare/?g=agency&a=%E5%8C%97%E4%BA%AC%E4%BD%8F%E6%88%BF%E5%85%AC%E7%A7%AF%E9%87%91%E7%AE%A1%E7%90%86%E4%B8%AD%E5%BF%83%7C%E5%8C%97%E4%BA%AC%E5%B8%82&a=%E4%B8%9C%E8%8E%9E%E5%B8%82%E4%BD%8F%E6%88%BF%E5%85%AC%E7%A7%AF%E9%87%91%E7%AE%A1%E7%90%86%E4%B8%AD%E5%BF%83%7C%E4%B8%9C%E8%8E%9E%E5%B8%82'],
      ['regions', 'regions/'],
      ['province', 'regions/44/'],
      ['agency', agency],
      ['quality', 'quality/'],
      ['about', 'about/'],
      ['embed', 'embed/?g=province&basis=all'],
      ['embed-no-figure', 'embed/?g=province'],
    ];
    const wide: string[] = [];
    for (const lang of ['zh', 'en'] as const) {
      for (const width of [390, 1280]) {
        for (const [name, path] of pages) {
          const { page, errors } = await open(`${lang === 'en' ? 'en/' : ''}${path}`, width);
          if (await page.$('[data-panel]')) {
            await settled(page);
            if ((await page.getAttribute('[data-panel]', 'data-state')) === 'ok') await page.waitForFunction(() => document.documentElement.dataset.chartFinished === '1');
          }
          await recordViewsDrawn(page);
          await page.screenshot({ path: `${SHOTS}/nav-${name}-${lang}-${width}.png`, fullPage: true });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 1) wide.push(`${lang} ${name} ${width}px: ${overflow}px`);
          expect(errors).toEqual([]);
          await page.close();
        }
      }
    }
    expect(wide).toEqual([]);
  }, 300_000);
});
