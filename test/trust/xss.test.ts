/**
 * Output safety of the built site (issue 5): agency names, prose, file names and error details
 * that carry `<script>`, `"><svg/onload=…>` and `"><img src=x onerror=…>` are shown as text on
 * every page; no page gains an element or an event handler from them; every page carries a
 * Content-Security-Policy (before any script) that allows no eval and no inline script but one
 * fixed line, by its hash (components/csp.ts); and in
 * Chromium nothing runs: no dialog opens on any page, chart tooltips and table views included.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../browser/site.ts';
import { readRecords } from '../support/records.ts';
import { buildSiteCopy, serveSiteCopy, type SiteCopy } from './site-copy.ts';
import { safeId } from '../../src/lib/dataset/report-ids.ts';
import { agencyOfReport, type AgencyIndexFile } from '../../src/lib/dataset/agency-index.ts';
import { recordViewHtml } from '../../src/lib/nav/record-view.ts';
import { isSiteInlineScript, scriptHash } from '../support/inline-scripts.ts';

const SEED_2020 = readFileSync('data/reports/002_55e9e64a1d176d60.txt', 'utf8');
const SEED_TOWN = readFileSync('data/reports/004_d14223c41a91255a.txt', 'utf8');
const NAME_SCRIPT = '<script>alert(1)</script>管理中心';
const NAME_SVG = '"><svg/onload=alert(2)>局';
const PROSE_IMG = '"><img src=x onerror=alert(3)>';
const FILE_IMG = '<img src=x onerror=alert(4)>';
/** Its report id: < and > cannot be in a file name (on Windows), so they are not in an id (the page shows the file name). */
const FILE_IMG_ID = safeId(FILE_IMG);

const SCRIPT_REPORT = SEED_2020.replaceAll('中山市住房公积金管理中心', NAME_SCRIPT).replace('公布了各类信息441条', `公布了各类信息${PROSE_IMG}441条`);
const SVG_REPORT = SEED_TOWN.replaceAll('厚街镇人民政府', NAME_SVG);
const REPORTS = {
  'script-name.txt': SCRIPT_REPORT,
  [`${FILE_IMG}.txt`]: SVG_REPORT,
  // Refused (two reports in one file): its detail, naming both agencies, goes to the quality page.
  'two-hostile.txt': `${SCRIPT_REPORT}\n${SEED_TOWN}`,
  '<svg onload=alert(5)>.txt': '<b>会议纪要</b> 下周继续讨论。',
  ...Object.fromEntries(readdirSync('data/reports').filter((f) => f.endsWith('.txt')).filter((f) => !/^00[24]_/.test(f)).map((f) => [f, readFileSync(join('data/reports', f), 'utf8')])),
};
const PAYLOADS = [NAME_SCRIPT, NAME_SVG, PROSE_IMG, FILE_IMG];

let copy: SiteCopy;
let pages: string[];
/** Report id → its agency page's address (the agency's permanent id). */
let slugs: Map<string, string>;
const html = (file: string) => readFileSync(join(copy.dist, file), 'utf8');

beforeAll(async () => {
  copy = await buildSiteCopy(REPORTS);
  pages = (readdirSync(copy.dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).sort();
  slugs = agencyOfReport((JSON.parse(readFileSync(join(copy.root, 'public', 'data', 'agencies.json'), 'utf8')) as AgencyIndexFile).agencies);
}, 240_000);
afterAll(() => {
  if (copy) rmSync(copy.root, { recursive: true, force: true });
});

const agencyPage = (id: string) => pages.find((p) => p.replaceAll('\\', '/') === `agency/${slugs.get(id) ?? id}/index.html`);

describe('hostile text in the built HTML', () => {
  it('the hostile reports made it into the site (else this test proves nothing)', () => {
    const records = [...readRecords(join(copy.root, 'public', 'data')).values()];
    const names = records.map((r) => r.agency.name);
    expect(names).toContain(NAME_SCRIPT);
    expect(names).toContain(NAME_SVG);
    expect(agencyPage('script-name')).toBeDefined();
    expect(agencyPage(FILE_IMG_ID)).toBeDefined();
    expect(pages.length).toBeGreaterThan(10);
  });

  it('no page gains an element or an event handler from the text; no inline script but the site\'s own lines', () => {
    for (const file of pages) {
      const doc = parseDocument(html(file));
      for (const el of DomUtils.findAll(() => true, doc.children) as Element[]) {
        const handlers = Object.keys(el.attribs).filter((a) => /^on/i.test(a));
        expect(handlers, `${file}: <${el.name}> with ${handlers.join(' ')}`).toEqual([]);
        if (el.name === 'script' && !el.attribs.src) expect(isSiteInlineScript(DomUtils.textContent(el)), `${file}: inline <script> ${DomUtils.textContent(el)}`).toBe(true);
        if (el.name === 'img') expect(el.attribs.src, file).not.toBe('x');
      }
    }
  });

  it('the agency pages show the names, the prose and the file name as text', () => {
    const text = (file: string) => DomUtils.textContent(parseDocument(html(file)));
    const scriptPage = text(agencyPage('script-name')!);
    expect(DomUtils.textContent(DomUtils.findOne((e) => e.name === 'h1', parseDocument(html(agencyPage('script-name')!)).children)!)).toBe(NAME_SCRIPT);
    // The prose is drawn in the browser from the record (src/lib/nav/record-view.ts): as text there, no element from it.
    const record = readRecords(join(copy.root, 'public', 'data')).get('script-name')!;
    const view = parseDocument(recordViewHtml(record, 'zh', []));
    expect(DomUtils.textContent(view)).toContain(`公布了各类信息${PROSE_IMG}441条`);
    expect(DomUtils.findAll((e) => e.name === 'img', view.children)).toEqual([]);
    expect(scriptPage).toContain(NAME_SCRIPT);
    const svgPage = text(agencyPage(FILE_IMG_ID)!);
    expect(svgPage).toContain(NAME_SVG);
    expect(svgPage).toContain(`${FILE_IMG}.txt`);
    expect(html(agencyPage('script-name')!)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;管理中心');
  });

  it('the quality page lists the refused files, hostile names and details as text', () => {
    const quality = DomUtils.textContent(parseDocument(html('quality/index.html')));
    expect(quality).toContain('<svg onload=alert(5)>.txt');
    expect(quality).toContain(NAME_SCRIPT);
  });

  it('every page carries a CSP meta tag, before any script, with no eval and no inline script but the site\'s own lines, each allowed by its hash', () => {
    for (const file of pages) {
      const page = html(file);
      const doc = parseDocument(page);
      const metas = DomUtils.findAll((e) => e.name === 'meta' && /^content-security-policy$/i.test(e.attribs['http-equiv'] ?? ''), doc.children);
      expect(metas.length, file).toBe(1);
      const csp = metas[0]!.attribs.content ?? '';
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
      expect(csp, file).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
      // Scripts from the site only (and on a page with a chart drawn at build time, the two lines that
      // choose what it shows for a view in the URL, by their hashes), or none at all (a forwarding page: default-src 'none').
      const inline = DomUtils.findAll((e) => e.name === 'script' && e.attribs.src === undefined, doc.children).map((e) => DomUtils.textContent(e));
      expect(inline.filter((text) => !isSiteInlineScript(text)), file).toEqual([]);
      expect([["'self'", ...inline.map(scriptHash)], ["'none'"]], file).toContainEqual(directives.get('script-src') ?? directives.get('default-src'));
      expect(directives.get('object-src') ?? directives.get('default-src'), file).toEqual(["'none'"]);
      const firstScript = page.search(/<script[\s>]/);
      if (firstScript >= 0) expect(page.search(/http-equiv="Content-Security-Policy"/i), file).toBeLessThan(firstScript);
    }
  });
});

describe('hostile text in Chromium', () => {
  let browser: Browser;
  let site: { root: string; stop: () => void };
  beforeAll(async () => {
    browser = await launchBrowser();
    site = await serveSiteCopy(copy);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    site?.stop();
  });

  it('no script runs and no element is injected on any page, chart tooltips and table views included', async () => {
    const paths = [
      '',
      'en/',
      'compare/?g=agency&m=granted_share&basis=all',
      'embed/?g=agency&m=granted_share&basis=all',
      'quality/',
      'regions/',
      `agency/${encodeURIComponent(slugs.get('script-name')!)}/`,
      `agency/${encodeURIComponent(slugs.get(FILE_IMG_ID)!)}/`,
    ];
    const dialogs: string[] = [];
    const injected: string[] = [];
    const tooltips: string[] = [];
    const tables: string[] = [];
    for (const path of paths) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('dialog', (d) => {
        dialogs.push(`${path}: ${d.message()}`);
        void d.dismiss();
      });
      const response = await page.goto(site.root + path, { waitUntil: 'networkidle' });
      expect(response?.status(), path).toBe(200);
      for (const canvas of await page.$$('[data-canvas]')) {
        const box = await canvas.boundingBox();
        if (!box) continue;
        for (const x of [0.2, 0.4, 0.6, 0.8]) {
          for (const y of [0.4, 0.7]) {
            await canvas.hover({ position: { x: box.width * x, y: box.height * y } }).catch(() => {});
            const tip = await page.evaluate(() => [...document.querySelectorAll('.chart-tooltip')].map((e) => e.textContent ?? '').join(' '));
            if (tip) tooltips.push(tip);
          }
        }
      }
      const tableButton = await page.$('[data-action="table"]');
      if (tableButton) {
        await tableButton.click();
        tables.push(await page.textContent('[data-table]').then((t) => t ?? ''));
      }
      const found = await page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .filter((e) => [...e.attributes].some((a) => /^on/i.test(a.name)) || (e.tagName === 'IMG' && e.getAttribute('src') === 'x') || (e.tagName === 'SCRIPT' && !e.getAttribute('src')))
          .map((e) => ({ html: e.outerHTML.slice(0, 120), script: e.tagName === 'SCRIPT' ? (e.textContent ?? '') : null })),
      );
      // The site's own lines (a page with a chart drawn at build time) are not injected.
      injected.push(...found.filter((f) => f.script === null || !isSiteInlineScript(f.script)).map((f) => `${path}: ${f.html}`));
      if (path === paths[6]) expect(await page.textContent('h1')).toBe(NAME_SCRIPT);
      if (path === paths[7]) expect(await page.textContent('h1')).toBe(NAME_SVG);
      await page.close();
    }
    expect(dialogs).toEqual([]);
    expect(injected).toEqual([]);
    expect(tables.length, 'the compare pages have a table view').toBeGreaterThan(0);
    expect(tables.join('\n')).toContain(NAME_SCRIPT);
    expect(tables.join('\n')).toContain(NAME_SVG);
    expect(tooltips.length, 'some tooltip was shown').toBeGreaterThan(0);
    expect(tooltips.join('\n')).toMatch(new RegExp(PAYLOADS.slice(0, 2).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')));
  }, 120_000);
});
