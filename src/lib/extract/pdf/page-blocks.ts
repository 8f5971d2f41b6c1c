/**
 * A page's pieces and ruled frames → blocks in reading order: text lines outside tables, and
 * tables whose cells hold the pieces that fall inside them.
 */
import type { PageContent, TextPiece } from './geometry.ts';
import { findFrames } from './frames.ts';
import { frameTables, slotOf, type PdfTable } from './frame-tables.ts';
import { groupLines, type TextLine } from './lines.ts';
import { mergeStackedCharacters } from './stacks.ts';

export type { PdfTable } from './frame-tables.ts';

export interface PdfLine {
  kind: 'line';
  page: number;
  line: TextLine;
}

export type PdfBlock = PdfTable | PdfLine;

export function pageBlocks(page: PageContent): PdfBlock[] {
  const frames = findFrames(page.horizontal, page.vertical, page.pieces);
  const inFrame = frames.map(() => [] as TextPiece[]);
  const outside: TextPiece[] = [];
  for (const piece of page.pieces) {
    const index = frames.findIndex((frame) => slotOf(frame, piece) !== null);
    if (index >= 0) inFrame[index]!.push(piece);
    else outside.push(piece);
  }
  const tables: PdfTable[] = [];
  frames.forEach((frame, i) => {
    const found = frameTables(frame, inFrame[i]!, page.number);
    tables.push(...found.tables);
    outside.push(...found.prose);
  });
  const lines = groupLines(mergeStackedCharacters(outside));
  const blocks: PdfBlock[] = [...tables, ...lines.map((line): PdfLine => ({ kind: 'line', page: page.number, line }))];
  const topOf = (block: PdfBlock): number => (block.kind === 'table' ? block.top : block.line.y1);
  return blocks.sort((a, b) => topOf(b) - topOf(a));
}
