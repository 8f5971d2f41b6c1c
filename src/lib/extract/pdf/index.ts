/**
 * PDF → normalised text. pdf.js gives text with positions and the drawn table borders; tables
 * are rebuilt from the borders, joined across pages, and prose lines are re-flowed.
 */
import { openDocument } from './pdfjs.ts';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderTable } from '../table.ts';
import type { Extracted } from '../types.ts';
import { diagnostic } from '../../diagnostics.ts';
import type { PageContent } from './geometry.ts';
import { continues, joinTables } from './join-tables.ts';
import { pageBlocks, type PdfBlock, type PdfLine } from './page-blocks.ts';
import { dropPageFurniture } from './furniture.ts';
import { proseMargins, reflow } from './prose.ts';
import { readPage } from './read-page.ts';

export const NO_TEXT_LAYER = 'PDF has no text layer (scanned image?); OCR is not attempted';

/** pdf.js's character maps and standard fonts, needed for many Chinese PDFs' fonts. */
function pdfjsResource(folder: string): string {
  const packageJson = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return `${join(dirname(packageJson), folder)}/`;
}

async function readPages(bytes: Uint8Array): Promise<PageContent[]> {
  const task = await openDocument({
    data: new Uint8Array(bytes), // a copy, plain even when given a Buffer: pdf.js detaches and rejects Buffers
    cMapUrl: pdfjsResource('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: pdfjsResource('standard_fonts'),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  });
  const document = await task.promise;
  try {
    const pages: PageContent[] = [];
    for (let n = 1; n <= document.numPages; n++) pages.push(await readPage(await document.getPage(n)));
    return pages;
  } finally {
    await task.destroy();
  }
}

/** Blocks of all pages in order, page numbers dropped and run-on tables joined. */
export function documentBlocks(pages: PageContent[]): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  for (const pageBlocksInOrder of dropPageFurniture(pages.map(pageBlocks))) {
    for (const block of pageBlocksInOrder) {
      const previous = blocks.at(-1);
      if (block.kind === 'table' && previous?.kind === 'table' && continues(previous, block)) blocks[blocks.length - 1] = joinTables(previous, block);
      else blocks.push(block);
    }
  }
  return blocks;
}

export function blocksText(blocks: PdfBlock[]): string {
  const margins = proseMargins(blocks.filter((b): b is PdfLine => b.kind === 'line'));
  const out: string[] = [];
  let run: PdfLine[] = [];
  const flush = (): void => {
    out.push(...reflow(run, margins));
    run = [];
  };
  for (const block of blocks) {
    if (block.kind === 'line') {
      run.push(block);
      continue;
    }
    flush();
    out.push(...renderTable(block));
  }
  flush();
  return out.join('\n');
}

export async function extractPdf(bytes: Uint8Array): Promise<Extracted> {
  let pages: PageContent[];
  try {
    pages = await readPages(bytes);
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { format: 'pdf', text: '', diagnostics: [], error: `PDF could not be opened: ${message}` };
  }
  const characters = pages.reduce((sum, page) => sum + page.pieces.reduce((n, p) => n + p.text.length, 0), 0);
  if (characters === 0) return { format: 'pdf', text: '', diagnostics: [], error: NO_TEXT_LAYER, pages: pages.length };
  const diagnostics = pages.filter((page) => page.pieces.length === 0).map((page) => diagnostic('pdf_page_no_text', 'file', { page: page.number }));
  diagnostics.push(...pages.filter((page) => page.rotation !== 0).map((page) => diagnostic('pdf_page_rotated', 'file', { page: page.number, rotation: page.rotation })));
  const text = blocksText(documentBlocks(pages));
  const garbled = [...text].filter((char) => /[\uE000-\uF8FF\uFFFD]/.test(char)).length;
  if (garbled > 0.1 * text.replace(/\s/g, '').length) {
    diagnostics.push(diagnostic('pdf_text_garbled', 'file', { garbled }));
  }
  return { format: 'pdf', text, diagnostics, error: null, pages: pages.length };
}
