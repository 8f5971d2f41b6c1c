/**
 * Row borders a table leaves out: when one ruled row holds several lines of numbers (a table
 * drawn without borders between its rows), a border is implied between each two such lines,
 * so that each line of figures stays a row of its own. Only between lines with a figure in the
 * same column: a figure wrapped in a narrow cell (full-width digits break anywhere) puts a line
 * of figures in other columns than the row's above and below the row's line.
 */
import { centerX, centerY, isNumberText, type Segment, type TextPiece } from './geometry.ts';

interface NumberLine {
  /** Centre heights of its highest and lowest pieces. */
  top: number;
  bottom: number;
  size: number;
  /** The pieces' columns: how many column lines lie left of each. */
  columns: Set<number>;
}

/**
 * The lines the pieces sit on, top to bottom. A piece less than 0.8 of its size below the line's
 * lowest piece is on that line: the two halves of a figure wrapped in its cell sit half a line
 * above and below the figures beside it, and rows are a whole line apart or more.
 */
function numberLines(pieces: TextPiece[], columnLines: number[]): NumberLine[] {
  const lines: NumberLine[] = [];
  for (const piece of [...pieces].sort((p, q) => centerY(q) - centerY(p))) {
    const column = columnLines.filter((x) => x < centerX(piece)).length;
    const last = lines.at(-1);
    if (last && last.bottom - centerY(piece) < 0.8 * Math.max(last.size, piece.size)) {
      last.columns.add(column);
      last.bottom = centerY(piece);
    } else lines.push({ top: centerY(piece), bottom: centerY(piece), size: piece.size, columns: new Set([column]) });
  }
  return lines;
}

const shareColumn = (a: Set<number>, b: Set<number>): boolean => [...a].some((column) => b.has(column));

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
    for (let j = 0; j + 1 < lines.length; j++) {
      if (shareColumn(lines[j]!.columns, lines[j + 1]!.columns)) implied.push({ at: (lines[j]!.bottom + lines[j + 1]!.top) / 2, from: left, to: right });
    }
  }
  return implied;
}
