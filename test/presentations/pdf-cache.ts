/**
 * Print jobs → PDF variants, printed by the system's Chromium (headless) and kept under
 * .cache/presentations/ (gitignored), named by the page's hash, so reruns read them back.
 * Without /usr/bin/chromium there are no printed variants (`chromiumAvailable`).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { PrintJob, Variant } from './variants.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const PDF_CACHE_DIR = resolve('.cache/presentations');

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM);

const run = promisify(execFile);

async function printToPdf(htmlFile: string, pdfFile: string): Promise<void> {
  const profile = join(tmpdir(), `presentations-chromium-${process.pid}`);
  await run(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-pdf-header-footer',
      `--user-data-dir=${profile}`,
      `--print-to-pdf=${pdfFile}`,
      `file://${htmlFile}`,
    ],
    { timeout: 60_000 },
  );
}

/** The printed PDF of each job (from the cache when there), as variants. */
export async function printVariants(jobs: readonly PrintJob[], cacheDir = PDF_CACHE_DIR): Promise<Variant[]> {
  mkdirSync(cacheDir, { recursive: true });
  const variants: Variant[] = [];
  for (const job of jobs) {
    const hash = createHash('sha256').update(job.html).digest('hex').slice(0, 32);
    const pdf = join(cacheDir, `${hash}.pdf`);
    if (!existsSync(pdf)) {
      const html = join(cacheDir, `${hash}.html`);
      writeFileSync(html, job.html);
      const partial = `${pdf}.part`;
      await printToPdf(html, partial);
      renameSync(partial, pdf);
      rmSync(html);
    }
    variants.push({ name: job.name, family: job.family, fileName: job.fileName, bytes: new Uint8Array(readFileSync(pdf)), truth: job.truth });
  }
  return variants;
}
