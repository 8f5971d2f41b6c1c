/**
 * Statistics a journalist can quote, seen in Chromium on a site built for this test from a dataset
 * of its own (stats-reports.ts): agencies that report in different years. The home cards compare
 * like with like and state their counts, the raw totals are there and labelled, the trend chart
 * switches between the two, approximate figures keep their mark to the CSV, the minimum-n rule is
 * stated and applied on the tile map. Screenshots at 390 and 1280 px in both languages go to
 * test-results/screenshots/stats-*.png.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_N } from '../../src/lib/measures.ts';
import { launchBrowser, startSite, type Site, openPage, panelSettled, recordViewsDrawn } from './site.ts';
import { reportText, STATS_REPORTS } from './stats-reports.ts';

const SHOTS = 'test-results/screenshots';
const TMP = 'test/tmp/stats';
const REPORTS = `${TMP}/reports`;
const PUBLIC = `${TMP}/public`;
let site: Site;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  for (const r of STATS_REPORTS) writeFileSync(join(REPORTS, `${r.file}.txt`), reportText(r));
  execFileSync('node', ['scripts/run-bundled.mjs', 'scripts/build-data.ts', '--reports', REPORTS, '--out', `${PUBLIC}/data`, '--no-cache', '--agencies='], { stdio: 'pipe' });
  for (const f of ['embed-resize.js', 'favicon.svg']) copyFileSync(join('public', f), join(PUBLIC, f));
  site = await startSite({ buildData: false, env: { PUBLIC_DIR: PUBLIC, REPORTS_DIR: REPORTS }, outDir: `${TMP}/dist` });
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  site?.stop();
});

const open = (path: string, width = 1280) => openPage(browser, site.root, path, { width });

const settled = panelSettled;

const text = (page: Page, selector: string) => page.textContent(selector).then((t) => (t ?? '').replace(/\s+/g, ' ').trim());

describe('statistics on a dataset whose agencies report in different years', () => {
  it('home cards compare like with like, say on how many agencies, and give the raw totals labelled as such', async () => {
    const { page, errors } = await open('');
    const card = '[data-headline="applications_received"]';
    // 2023: 广州 120 + 深圳 40 + 长沙 7 + 株洲 3, four reports of four agencies, one failing its checks.
    expect(await text(page, `${card} .value`)).toBe('170');
    expect(await text(page, `${card} [data-coverage]`)).toBe('4 份报告 · 4 个机关 · 含 1 份未通过自身核对的报告');
    // Like with like: 广州 and 深圳, 150 → 160.
    expect(await page.getAttribute(`${card} [data-change="matched"]`, 'data-agencies')).toBe('2');
    expect(await text(page, `${card} [data-change="matched"]`)).toBe('+10 较 2022 年 · 两年都有报告的 2 个机关');
    // Raw totals: 1150 → 170, labelled.
    expect(await text(page, `${card} [data-change="raw"]`)).toBe('-980 较 2022 年 · 原始合计（2022 年 3 份报告，2023 年 4 份，不论机关是否相同）');
    // A share: 广州 + 深圳 granted 75/150 in 2022 and 80/160 in 2023.
    expect(await text(page, '[data-headline="granted_share"] [data-change="matched"]')).toBe('0 个百分点 较 2022 年 · 两年都有报告的 2 个机关');
    // Too few agencies to rank at either end (the minimum-n rule), said with their number.
    const unranked = await text(page, '[data-unranked]');
    expect(unranked).toContain(`新收申请: 只有 4 个机关的数字够格（不足 ${MIN_N} 个），不排名。`);
    expect(unranked).toContain(`予以公开占比: 只有 2 个机关的数字够格（不足 ${MIN_N} 个），不排名。`);
    expect(errors).toEqual([]);
    await page.close();

    const en = await open('en/');
    expect(await text(en.page, `${card} [data-coverage]`)).toBe('4 reports · 4 agencies · includes 1 report failing its own checks');
    expect(await text(en.page, `${card} [data-change="matched"]`)).toBe('+10 vs 2022 · 2 agencies reporting in both years');
    expect(await text(en.page, `${card} [data-change="raw"]`)).toBe('-980 vs 2022 · raw totals (2022: 3 reports; 2023: 4; whichever agencies reported)');
    expect(en.errors).toEqual([]);
    await en.page.close();
  }, 120_000);

  it('draws the trend on the matched agencies by default, and the raw totals when asked, each said in the notes and the table', async () => {
    const { page, errors } = await open('');
    await settled(page);
    expect(await text(page, '[data-notes]')).toContain('同口径比较：只计 2022、2023 年每年都有报告的 2 个机关（共 5 个机关有数），另有 3 份报告未计入');
    await page.click('[data-action="table"]');
    const values = () => page.$$eval('[data-table] tbody tr', (trs) => trs.map((tr) => [tr.children[1]?.textContent, tr.children[2]?.textContent]));
    expect(await values()).toEqual([['2022', '150'], ['2023', '160']]);
    await page.selectOption('select[name="basis"]', 'all');
    await page.waitForURL(/basis=all/);
    await page.waitForFunction(() => (document.querySelector('[data-notes]')?.textContent ?? '').includes('原始合计'));
    expect(await values()).toEqual([['2022', '1150'], ['2023', '170']]);
    expect(await text(page, '[data-notes]')).toContain('所计报告中有 1 份未通过自身的核对');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('keeps an approximate figure’s mark in the table and the CSV, counted in 次', async () => {
    const { page, errors } = await open('compare/?m=website_visits&g=agency&basis=all');
    await settled(page);
    await page.click('[data-action="table"]');
    const head = await page.$$eval('[data-table] thead th', (ths) => ths.map((t) => t.textContent));
    expect(head.slice(2, 4)).toEqual(['网站访问量 (次)', '约数报告数']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="csv"]')]);
    const csv = Papa.parse<string[]>(readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const col = csv[0]!.indexOf('约数报告数');
    expect(col).toBeGreaterThan(0);
    // 广州 gives both years' visits as approximate (637万多次, 约1200万次).
    expect(csv.filter((r) => r[0]!.startsWith('广州')).map((r) => [r[1], r[2], r[col]])).toEqual([
      ['2022', '6370000', '1'],
      ['2023', '12000000', '1'],
    ]);
    expect(await text(page, '[data-notes]')).toContain('所计数字中有 2 个是报告给出的约数');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('states the minimum-n rule and shows provinces under it as too few, with n, on the tile map', async () => {
    const { page, errors } = await open('regions/?m=granted_share&year=2023');
    await settled(page);
    expect(await text(page, '[data-notes]')).toContain(`最少样本规则：比率的分母（如办结件数）不足 ${MIN_N} 件时不显示数值`);
    await page.click('[data-action="table"]');
    const rows = await page.$$eval('[data-table] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    const head = await page.$$eval('[data-table] thead th', (ths) => ths.map((t) => t.textContent));
    const at = (name: string) => head.indexOf(name);
    const guangdong = rows.find((r) => r[0] === '广东省')!;
    // 广州 and 深圳: two agencies, fewer than MIN_N: no value, marked too few, with its counts.
    expect(guangdong[2]).toBe('—');
    expect(guangdong[at('机关数')]).toBe('2');
    expect(guangdong[at('分母（件）')]).toBe('160');
    expect(guangdong[at('样本过少')]).toBe('1');
    expect(errors).toEqual([]);
    await page.close();
    const about = await open('en/about/');
    expect(await text(about.page, '[data-min-n-rule]')).toContain(`Minimum-n rule: a rate whose denominator (e.g. applications answered) is under ${MIN_N} is not shown`);
    await about.page.close();
  }, 120_000);

  it('saves screenshots of each page at 390 and 1280 px in both languages', async () => {
    const index = (await (await fetch(`${site.root}search-index.json`)).json()) as { name: string; path: string }[];
    const guangzhou = index.find((e) => e.name === '广州市住房公积金管理中心')!.path;
    const pages: [string, string][] = [
      ['overview', ''],
      ['overview-raw', '?basis=all'],
      ['compare-visits', 'compare/?m=website_visits&g=agency&basis=all'],
      ['compare-granted', 'compare/?m=granted_share&g=province'],
      ['regions', 'regions/?m=granted_share&year=2023'],
      ['about', 'about/'],
      ['province', 'regions/44/'],
      ['agency', guangzhou],
    ];
    for (const lang of ['', 'en/']) {
      for (const width of [1280, 390]) {
        for (const [name, path] of pages) {
          const { page, errors } = await open(`${lang}${path}`, width);
          if (await page.$('[data-panel]')) {
            await settled(page);
            await page.waitForFunction(() => document.documentElement.dataset.chartFinished === '1' || document.querySelector<HTMLElement>('[data-panel]')?.dataset.state !== 'ok');
          }
          await recordViewsDrawn(page);
          await page.screenshot({ path: `${SHOTS}/stats-${name}-${lang ? 'en' : 'zh'}-${width}.png`, fullPage: true });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `${lang}${path} at ${width}px scrolls sideways`).toBeLessThanOrEqual(1);
          expect(errors).toEqual([]);
          await page.close();
        }
      }
    }
  }, 240_000);
});
