/**
 * Page furniture: page numbers (`-3-`, `第 3 页 共 5 页`), running headers or footers (the
 * same line at the top or bottom of most pages) and a browser's header and footer (however
 * few the pages). Dropped so that tables and paragraphs cut by a page break join up again.
 */
import { isBrowserFurniture, type PageEdge } from './browser-furniture.ts';
import type { PdfBlock, PdfLine } from './page-blocks.ts';
import { isPageNumber, lineText } from './prose.ts';

/** Lines at the top or bottom of a page: the first and last two blocks. */
function edgeLines(blocks: PdfBlock[]): PdfLine[] {
  const edges = [...blocks.slice(0, 2), ...blocks.slice(-2)];
  return edges.filter((block): block is PdfLine => block.kind === 'line');
}

/** A line's text with its digits masked, so `第1页` and `第2页` count as the same line. */
const shape = (line: PdfLine): string => lineText(line).replace(/\d+/g, '#');

/** Most lines a browser prints above or below a page's content. */
const BROWSER_LINES = 2;

/** A page's blocks without the browser's header and footer lines at its two ends. */
function withoutBrowserFurniture(blocks: PdfBlock[]): PdfBlock[] {
  const isFurniture = (block: PdfBlock | undefined, edge: PageEdge): boolean => block?.kind === 'line' && isBrowserFurniture(block, edge);
  let first = 0;
  let end = blocks.length;
  while (first < Math.min(BROWSER_LINES, end) && isFurniture(blocks[first], 'top')) first++;
  while (end > Math.max(first, blocks.length - BROWSER_LINES) && isFurniture(blocks[end - 1], 'bottom')) end--;
  return blocks.slice(first, end);
}

export function dropPageFurniture(printed: PdfBlock[][]): PdfBlock[][] {
  const pages = printed.map(withoutBrowserFurniture);
  const pagesWithShape = new Map<string, number>();
  for (const blocks of pages) {
    for (const key of new Set(edgeLines(blocks).map(shape))) pagesWithShape.set(key, (pagesWithShape.get(key) ?? 0) + 1);
  }
  const running = (line: PdfLine): boolean => pages.length >= 3 && (pagesWithShape.get(shape(line)) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((blocks) => {
    const edges = new Set<PdfBlock>([blocks[0], blocks.at(-1)].filter((b): b is PdfBlock => b !== undefined));
    const candidates = new Set<PdfBlock>(edgeLines(blocks));
    return blocks.filter((block) => {
      if (block.kind !== 'line') return true;
      if (edges.has(block) && isPageNumber(block)) return false;
      return !(candidates.has(block) && running(block));
    });
  });
}
