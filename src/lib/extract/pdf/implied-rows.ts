/**
 * Row borders a table leaves out: when one ruled row holds several lines of numbers (a table
 * drawn without borders between its rows), a border is implied between each two such lines,
 * so that each line of figures stays a row of its own.
 */
import { centerX, centerY, isNumberText, type Segment, type TextPiece } from './geometry.ts';

/** Centre heights of the lines the pieces sit on, top to bottom. */
function lineHeights(pieces: TextPiece[]): number[] {
  const lines: Array<{ y: number; size: number }> = [];
  for (const piece of [...pieces].sort((p, q) => centerY(q) - centerY(p))) {
    const last = lines.at(-1);
    if (last && last.y - centerY(piece) < 0.6 * Math.max(last.size, piece.size)) continue;
    lines.push({ y: centerY(piece), size: piece.size });
  }
  return lines.map((line) => line.y);
}

export function impliedRowRules(horizontal: Segment[], vertical: Segment[], pieces: TextPiece[]): Segment[] {
  if (horizontal.length === 0 || vertical.length === 0) return [];
  const left = Math.min(...vertical.map((s) => s.at));
  const right = Math.max(...vertical.map((s) => s.at));
  const rows = [...new Set(horizontal.map((s) => s.at))].sort((a, b) => b - a);
  const numbers = pieces.filter((p) => isNumberText(p.text) && centerX(p) > left && centerX(p) < right);
  const implied: Segment[] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    const [top, bottom] = [rows[i]!, rows[i + 1]!];
    const heights = lineHeights(numbers.filter((p) => centerY(p) < top && centerY(p) > bottom));
    for (let j = 0; j + 1 < heights.length; j++) implied.push({ at: (heights[j]! + heights[j + 1]!) / 2, from: left, to: right });
  }
  return implied;
}
