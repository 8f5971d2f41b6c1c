/**
 * Printed PDF variants → the text `pdftotext` (poppler-utils) makes of them, as a publisher's or a
 * collector's "text extracted from PDF" arrives: reading order, `-layout` and `-raw`. Kept beside
 * the printed PDFs in .cache/presentations/, named by the PDF's hash and the mode. Without
 * /usr/bin/pdftotext there are none (`pdftotextAvailable`).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDF_CACHE_DIR } from './pdf-cache.ts';
import type { Variant } from './variants.ts';

const PDFTOTEXT = '/usr/bin/pdftotext';
export const pdftotextAvailable = (): boolean => existsSync(PDFTOTEXT);

/** pdftotext's three ways of ordering a page's text, as the corpus's extracted texts were made. */
export const PDFTOTEXT_MODES = [
  { name: 'pdftotext', args: [] },
  { name: 'pdftotext-layout', args: ['-layout'] },
  { name: 'pdftotext-raw', args: ['-raw'] },
] as const;

function extract(pdf: Uint8Array, args: readonly string[], cacheDir: string): Uint8Array {
  const hash = createHash('sha256').update(pdf).digest('hex').slice(0, 32);
  const file = join(cacheDir, `${hash}${args.join('')}.txt`);
  if (!existsSync(file)) {
    mkdirSync(cacheDir, { recursive: true });
    // pdftotext reads a file, not standard input.
    const source = `${file}.pdf.part`;
    writeFileSync(source, pdf);
    try {
      writeFileSync(`${file}.part`, execFileSync(PDFTOTEXT, [...args, '-enc', 'UTF-8', source, '-']));
    } finally {
      rmSync(source, { force: true });
    }
    renameSync(`${file}.part`, file);
  }
  return new Uint8Array(readFileSync(file));
}

/** Each printed variant's text in each pdftotext mode, family `pdf-text`. */
export function pdfTextVariants(printed: readonly Variant[], cacheDir = PDF_CACHE_DIR): Variant[] {
  return printed.flatMap((v) =>
    PDFTOTEXT_MODES.map((mode) => ({
      name: `${v.name}/${mode.name}`,
      family: 'pdf-text',
      fileName: v.fileName.replace(/\.pdf$/, `.${mode.name}.txt`),
      bytes: extract(v.bytes, mode.args, cacheDir),
      truth: v.truth,
    })),
  );
}
