/**
 * Print jobs → PDF variants, printed by the system's Chromium (/usr/bin/chromium, headless,
 * driven by playwright-core as the browser tests drive it: one browser for all jobs, A4, no
 * header or footer) and kept under .cache/presentations/ (gitignored), named by the page's hash,
 * so reruns read them back. Without Chromium there are no printed variants (`chromiumAvailable`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchBrowser } from '../browser/site.ts';
import type { PrintJob, Variant } from './variants.ts';

export const PDF_CACHE_DIR = resolve('.cache/presentations');
/** Part of the cache key: change it when the way pages are printed changes. */
const PRINT_SETTINGS = 'playwright page.pdf A4 printBackground';

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM);

/** A page number centred at the foot of every page (`- 3 -`), as reports print them. */
const FOOTER = '<div style="width:100%;text-align:center;font-size:10px">- <span class="pageNumber"></span> -</div>';

async function printToPdf(browser: Browser, job: PrintJob): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(job.html, { waitUntil: 'load' });
    const footer = job.pageNumbers
      ? { displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: FOOTER, margin: { top: '15mm', bottom: '20mm', left: '15mm', right: '15mm' } }
      : {};
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, ...footer }));
  } finally {
    await page.close();
  }
}

/** The printed PDF of each job (from the cache when there), as variants. */
export async function printVariants(jobs: readonly PrintJob[], cacheDir = PDF_CACHE_DIR): Promise<Variant[]> {
  mkdirSync(cacheDir, { recursive: true });
  const variants: Variant[] = [];
  let browser: Browser | null = null;
  try {
    for (const job of jobs) {
      const settings = job.pageNumbers ? `${PRINT_SETTINGS} footer ${FOOTER}` : PRINT_SETTINGS;
      const hash = createHash('sha256').update(settings).update('\0').update(job.html).digest('hex').slice(0, 32);
      const pdf = join(cacheDir, `${hash}.pdf`);
      if (!existsSync(pdf)) {
        browser ??= await launchBrowser();
        writeFileSync(`${pdf}.part`, await printToPdf(browser, job));
        renameSync(`${pdf}.part`, pdf);
      }
      variants.push({ name: job.name, family: job.family, fileName: job.fileName, bytes: new Uint8Array(readFileSync(pdf)), truth: job.truth });
    }
  } finally {
    await browser?.close();
  }
  return variants;
}
