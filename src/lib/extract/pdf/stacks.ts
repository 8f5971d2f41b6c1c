/**
 * Labels set one or two characters a line (`三` / `、` / `本` / `年` …), outside any ruled
 * table: the stack becomes one piece on the line of its first character, so it reads as one
 * label instead of a line of its own per character.
 */
import { centerY, type TextPiece } from './geometry.ts';

const STACKABLE = /^[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]{1,2}$/;
const MIN_STACK = 3;

function continuesStack(stack: TextPiece[], piece: TextPiece): boolean {
  const last = stack.at(-1)!;
  return Math.abs(piece.x0 - last.x0) <= 0.3 * last.size && last.y0 - piece.y1 <= 1.5 * last.size && piece.y1 < last.y1;
}

/** Whether another piece sits right beside this one on its line (text set glyph by glyph). */
function hasNeighbour(piece: TextPiece, pieces: TextPiece[]): boolean {
  const near = 1.5 * piece.size;
  return pieces.some((other) =>
    other !== piece
    && Math.abs(centerY(other) - centerY(piece)) < 0.5 * piece.size
    && other.x0 - piece.x1 < near && piece.x0 - other.x1 < near);
}

export function mergeStackedCharacters(pieces: TextPiece[]): TextPiece[] {
  const candidates = pieces
    .filter((p) => !p.vertical && STACKABLE.test(p.text) && !hasNeighbour(p, pieces))
    .sort((p, q) => p.x0 - q.x0 || q.y1 - p.y1);
  const stacks: TextPiece[][] = [];
  for (const piece of candidates) {
    const stack = stacks.find((s) => continuesStack(s, piece));
    if (stack) stack.push(piece);
    else stacks.push([piece]);
  }
  const merged = new Set<TextPiece>();
  const replacements: TextPiece[] = [];
  for (const stack of stacks.filter((s) => s.length >= MIN_STACK)) {
    stack.forEach((piece) => merged.add(piece));
    const first = stack[0]!;
    replacements.push({ ...first, text: stack.map((p) => p.text).join(''), x1: Math.max(...stack.map((p) => p.x1)) });
  }
  return [...pieces.filter((p) => !merged.has(p)), ...replacements];
}
