/** One PDF page → its text pieces and ruling lines, via pdf.js. */
import type { PDFPageProxy } from './pdfjs.ts';
import type { PageContent, TextPiece } from './geometry.ts';
import { readOperators, type OperatorList } from './operators.ts';

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

/** Rough advance of a character in ems: CJK and full-width forms are square, the rest half. */
function charWidth(char: string): number {
  return /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F“”‘’]/.test(char) ? 1 : 0.55;
}

/**
 * Splits an item at runs of spaces into pieces, placing each by its share of the item's width:
 * some PDFs put a whole table row (`3001 53 0 0`) into one text item.
 */
function splitAtSpaces(piece: TextPiece): TextPiece[] {
  const parts = piece.text.split(/(\s+)/);
  if (parts.length === 1 || piece.vertical) return [{ ...piece, text: piece.text.trim() }];
  const weights = parts.map((part) => [...part].reduce((sum, char) => sum + (/\s/.test(char) ? 0.3 : charWidth(char)), 0));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const pieces: TextPiece[] = [];
  let x = piece.x0;
  parts.forEach((part, i) => {
    const width = ((piece.x1 - piece.x0) * weights[i]!) / total;
    if (part.trim() !== '') pieces.push({ ...piece, text: part, x0: x, x1: x + width });
    x += width;
  });
  return pieces;
}

/** A horizontal text item: its box from the baseline origin, width and font size. */
export function toPiece(item: TextItemLike): TextPiece {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height || 10;
  return { text: item.str, x0: e, x1: e + item.width, y0: f - 0.2 * size, y1: f + 0.8 * size, size, vertical: false };
}

export async function readPage(page: PDFPageProxy): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const [content, operators] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
  const verticalFonts = new Set(Object.entries(content.styles).filter(([, style]) => style.vertical === true).map(([name]) => name));
  const pieces: TextPiece[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '' || verticalFonts.has(item.fontName)) continue;
    pieces.push(...splitAtSpaces(toPiece(item)));
  }
  // pdf.js's text content can drop glyphs of vertical fonts; the operator list has them all.
  const { verticalRuns, ...rulings } = readOperators(operators as OperatorList, viewport.width, viewport.height, verticalFonts);
  pieces.push(...verticalRuns);
  return { number: page.pageNumber, width: viewport.width, height: viewport.height, rotation: page.rotate, pieces, ...rulings };
}
