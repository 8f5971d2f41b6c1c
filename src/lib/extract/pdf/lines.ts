/** Text pieces → lines of text: grouped by height on the page, ordered left to right. */
import { joinText } from '../table.ts';
import { centerY, type TextPiece } from './geometry.ts';

export interface TextLine {
  pieces: TextPiece[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  size: number;
}

function lineOf(pieces: TextPiece[]): TextLine {
  const sorted = [...pieces].sort((p, q) => p.x0 - q.x0);
  return {
    pieces: sorted,
    x0: Math.min(...sorted.map((p) => p.x0)),
    x1: Math.max(...sorted.map((p) => p.x1)),
    y0: Math.min(...sorted.map((p) => p.y0)),
    y1: Math.max(...sorted.map((p) => p.y1)),
    size: Math.max(...sorted.map((p) => p.size)),
  };
}

/**
 * Groups pieces into lines, top to bottom. A piece joins a line when its vertical middle lies
 * within the line's band (numbers set in a larger font than their label stay on its line).
 * Vertical-writing pieces each stay their own line, in top-to-bottom order.
 */
export function groupLines(pieces: TextPiece[]): TextLine[] {
  const sorted = [...pieces].sort((p, q) => q.y1 - p.y1 || p.x0 - q.x0);
  const groups: TextPiece[][] = [];
  const bands: Array<{ y0: number; y1: number }> = [];
  for (const piece of sorted) {
    const middle = centerY(piece);
    const index = piece.vertical ? -1 : bands.findIndex((band, i) => !groups[i]![0]!.vertical && middle > band.y0 && middle < band.y1);
    if (index >= 0) {
      groups[index]!.push(piece);
      const band = bands[index]!;
      const pieceMiddleHalf = (piece.y1 - piece.y0) * 0.35;
      band.y0 = Math.min(band.y0, middle - pieceMiddleHalf);
      band.y1 = Math.max(band.y1, middle + pieceMiddleHalf);
    } else {
      groups.push([piece]);
      const half = piece.vertical ? (piece.y1 - piece.y0) / 2 : (piece.y1 - piece.y0) * 0.35;
      bands.push({ y0: middle - half, y1: middle + half });
    }
  }
  return groups.map(lineOf).sort((p, q) => q.y1 - p.y1);
}

/** Gap (in ems, either way) within which two pieces touch: one word split into two text items. */
const TOUCHING_EMS = 0.1;

/**
 * `text` (ending with `previous`) and the next piece on its line: pieces that touch are one
 * word and join without a space (Chrome sets a ligature such as `fi` apart: `fi` + `le:///`).
 */
function joinPiece(text: string, previous: TextPiece | null, piece: TextPiece): string {
  if (previous !== null && text !== '' && Math.abs(piece.x0 - previous.x1) < TOUCHING_EMS * piece.size) return text + piece.text;
  return joinText(text, piece.text);
}

/** A line's text; pieces further apart than `gap` ems become separate cells. */
export function lineCells(line: TextLine, gapEms: number): string[] {
  const cells: string[] = [];
  let current = '';
  let previous: TextPiece | null = null;
  for (const piece of line.pieces) {
    if (current !== '' && previous !== null && piece.x0 - previous.x1 > gapEms * line.size) {
      cells.push(current);
      current = '';
    }
    current = joinPiece(current, previous, piece);
    previous = piece;
  }
  if (current !== '') cells.push(current);
  return cells;
}

function textOfLine(line: TextLine): string {
  let text = '';
  let previous: TextPiece | null = null;
  for (const piece of line.pieces) {
    text = joinPiece(text, previous, piece);
    previous = piece;
  }
  return text;
}

/** All the text of a set of pieces (one table cell), lines joined. */
export function piecesText(pieces: TextPiece[]): string {
  return groupLines(pieces).map(textOfLine).reduce(joinText, '');
}
