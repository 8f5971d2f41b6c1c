/**
 * Row borders a table leaves out: when one ruled row holds several lines of numbers (a table
 * drawn without borders between its rows), a border is implied between each two such lines,
 * so that each line of figures stays a row of its own. Only when every line has its figures in
 * the same columns: a figure wrapped in a narrow cell (full-width digits break anywhere) puts
 * lines of a few figures above and below the row's line.
 */
import { centerX, centerY, isNumberText, type Segment, type TextPiece } from './geometry.ts';

/** The lines the pieces sit on, top to bottom: centre height and the pieces' columns (how many column lines lie left of each). */
function numberLines(pieces: TextPiece[], columnLines: number[]): Array<{ y: number; size: number; columns: Set<number> }> {
  const lines: Array<{ y: number; size: number; columns: Set<number> }> = [];
  for (const piece of [...pieces].sort((p, q) => centerY(q) - centerY(p))) {
    const column = columnLines.filter((x) => x < centerX(piece)).length;
    const last = lines.at(-1);
    if (last && last.y - centerY(piece) < 0.6 * Math.max(last.size, piece.size)) last.columns.add(column);
    else lines.push({ y: centerY(piece), size: piece.size, columns: new Set([column]) });
  }
  return lines;
}

const sameColumns = (a: Set<number>, b: Set<number>): boolean => a.size === b.size && [...a].every((column) => b.has(column));

export function impliedRowRules(horizontal: Segment[], vertical: Segment[], pieces: TextPiece[]): Segment[] {
  if (horizontal.length === 0 || vertical.length === 0) return [];
  const left = Math.min(...vertical.map((s) => s.at));
  const right = Math.max(...vertical.map((s) => s.at));
  const rows = [...new Set(horizontal.map((s) => s.at))].sort((a, b) => b - a);
  const columnLines = [...new Set(vertical.map((s) => s.at))];
  const numbers = pieces.filter((p) => isNumberText(p.text) && centerX(p) > left && centerX(p) < right);
  const implied: Segment[] = [];
  for (let i = 0; i + 1 < rows.length; i++) {
    const [top, bottom] = [rows[i]!, rows[i + 1]!];
    const lines = numberLines(numbers.filter((p) => centerY(p) < top && centerY(p) > bottom), columnLines);
    if (!lines.every((line) => sameColumns(line.columns, lines[0]!.columns))) continue;
    for (let j = 0; j + 1 < lines.length; j++) implied.push({ at: (lines[j]!.y + lines[j + 1]!.y) / 2, from: left, to: right });
  }
  return implied;
}
