/**
 * A row whose figures wrapped within their narrow cells (full-width digits in a printed PDF's
 * table, as pdftotext sets them: `１６` / `１` / `８ ０ ０ ０` / `１` / `２` / `１８` / `１` for 161,
 * 8, 0, 0, 0, 12, 181): more figures than the row's seven cells, each line's figures in order.
 * A cell's digits go on from the last figure of one line to the first of the next; which line
 * breaks fall inside a cell is found from the row's own sum: the reading is taken only when
 * exactly one choice of breaks gives seven cells that add up (their total last, or first where
 * the header puts 总计 first).
 */
import type { LoneNumber } from './blank-lines.ts';

const COLUMNS = 7;
/** At most this many pieces joined onto others in one row, and digits in a piece. */
const MAX_JOINS = 4;
const MAX_PIECE_DIGITS = 3;

export interface WrappedCells {
  /** The seven cells in printed order. */
  cells: number[];
  /** Each cell made of several pieces: the pieces as printed, and the figure they make. */
  joined: { pieces: number[]; value: number }[];
}

/** Whether a line's first figure goes on from the last figure of the line above. */
type Link = 'none' | 'sequential';

/** The one reading of `figures` (a row's figures, one line's after another) as seven cells that add up, or null. */
export function wrappedCells(figures: readonly LoneNumber[], totalFirst: boolean): WrappedCells | null {
  const joins = figures.length - COLUMNS;
  if (joins < 1 || joins > MAX_JOINS) return null;
  if (figures.some((f) => !Number.isInteger(f.value) || f.value < 0 || String(f.value).length > MAX_PIECE_DIGITS)) return null;
  const lines: number[][] = [];
  const lineOf: number[] = [];
  for (const f of figures) {
    if (lineOf.length > 0 && lineOf[lineOf.length - 1] === f.line) lines[lines.length - 1]!.push(f.value);
    else {
      lines.push([f.value]);
      lineOf.push(f.line);
    }
  }
  let found: WrappedCells | null = null;
  for (const links of linkings(lines, lineOf, joins)) {
    const reading = join(lines, links);
    if (!reading || !addsUp(reading.cells, totalFirst)) continue;
    if (found && found.cells.join() !== reading.cells.join()) return null;
    found = reading;
  }
  return found;
}

/** Every way of linking each line to the one above (lines next to each other only) that joins exactly `joins` figures. */
function* linkings(lines: readonly number[][], lineOf: readonly number[], joins: number, i = 1, links: Link[] = ['none']): Generator<Link[]> {
  if (i === lines.length) {
    if (joins === 0) yield links;
    return;
  }
  yield* linkings(lines, lineOf, joins, i + 1, [...links, 'none']);
  if (joins === 0 || lineOf[i] !== lineOf[i - 1]! + 1) return;
  yield* linkings(lines, lineOf, joins - 1, i + 1, [...links, 'sequential']);
}

function join(lines: readonly number[][], links: readonly Link[]): WrappedCells | null {
  const cells: number[][] = [];
  lines.forEach((line, i) => {
    const link = links[i];
    line.forEach((v, j) => {
      if (link === 'sequential' && j === 0) cells[cells.length - 1]!.push(v);
      else cells.push([v]);
    });
  });
  // No figure opens with 0 (`0` / `5` is two cells).
  if (cells.length !== COLUMNS || cells.some((pieces) => pieces.length > 1 && pieces[0] === 0)) return null;
  const values = cells.map((pieces) => Number(pieces.join('')));
  return { cells: values, joined: cells.flatMap((pieces, c) => (pieces.length > 1 ? [{ pieces, value: values[c]! }] : [])) };
}

function addsUp(cells: readonly number[], totalFirst: boolean): boolean {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  return totalFirst ? sum(cells.slice(1)) === cells[0] : sum(cells.slice(0, -1)) === cells[COLUMNS - 1];
}
