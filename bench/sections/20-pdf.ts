/**
 * The extractor's speed on PDF (pdf.js text and drawing, tables rebuilt) on one thread, over the
 * PDFs in ../shared/corpus: `extract_pages_per_s` and its inverse `pdf_seconds_per_page`. Each
 * file is read once to warm up, then timed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText } from '../../src/lib/extract/index.ts';

const corpus = join(fileURLToPath(new URL('../..', import.meta.url)), '..', 'shared', 'corpus');

export async function run(): Promise<Record<string, number | string>> {
  const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.pdf')).sort() : [];
  if (files.length === 0) return { extract_pages_per_s: 'skipped (no corpus)' };
  const inputs = files.map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(corpus, file))) }));
  await extractText(inputs[0]!.bytes, inputs[0]!.file);
  let pages = 0;
  const start = performance.now();
  for (const { file, bytes } of inputs) {
    const result = await extractText(bytes, file);
    if (result.error) throw new Error(`bench: ${result.error}`);
    pages += result.pages ?? 0;
  }
  const seconds = (performance.now() - start) / 1000;
  return { extract_pages_per_s: Number((pages / seconds).toFixed(1)), pdf_seconds_per_page: Number((seconds / pages).toFixed(3)), pdf_pages: pages };
}
