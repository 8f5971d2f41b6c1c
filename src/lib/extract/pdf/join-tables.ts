/**
 * Tables that run on from one page to the next become one table: the columns are matched by
 * x-position, header rows printed again atop the new page (a browser repeats a `<thead>`) are
 * dropped, and a label cell split by the page break (`（四）无` | `法提供`) is put back together.
 */
import { joinText, type GridCell } from '../table.ts';
import { isNumberText } from './geometry.ts';
import type { PdfTable } from './page-blocks.ts';

const TOLERANCE = 4;
/** Text that starts a new row label rather than continuing one: `（一）`, `2.`, `三、`, `第`. */
const LABEL_START = /^\s*([（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+\s*[.、．]|第)/;

/** Every column boundary of the table with fewer has a match in the other. */
function sameColumns(a: number[], b: number[]): boolean {
  const [fewer, more] = a.length <= b.length ? [a, b] : [b, a];
  return fewer.every((x) => more.some((y) => Math.abs(x - y) <= TOLERANCE));
}

/**
 * Whether `next` (at the top of a page) continues `previous` (at the bottom of the one before):
 * same outer edges, and the column boundaries of one are among the other's (a continuation
 * may lack boundaries that only the header rows had).
 */
export function continues(previous: PdfTable, next: PdfTable): boolean {
  return next.page === previous.page + 1
    && Math.abs(previous.xs[0]! - next.xs[0]!) <= TOLERANCE
    && Math.abs(previous.xs.at(-1)! - next.xs.at(-1)!) <= TOLERANCE
    && sameColumns(previous.xs, next.xs);
}

/** Column boundaries of both tables together. */
function unionColumns(a: number[], b: number[]): number[] {
  const merged: number[] = [];
  for (const x of [...a, ...b].sort((p, q) => p - q)) if (merged.length === 0 || x - merged.at(-1)! > TOLERANCE) merged.push(x);
  return merged;
}

function nearest(xs: number[], x: number): number {
  let best = 0;
  xs.forEach((candidate, i) => {
    if (Math.abs(candidate - x) < Math.abs(xs[best]! - x)) best = i;
  });
  return best;
}

/** A table's cells re-indexed onto other column boundaries, rows shifted by `rowOffset`. */
function remap(table: PdfTable, xs: number[], rowOffset: number): GridCell[] {
  return table.cells.map((cell) => {
    const col = nearest(xs, table.xs[cell.col]!);
    const end = nearest(xs, table.xs[cell.col + cell.colSpan]!);
    return { ...cell, row: cell.row + rowOffset, col, colSpan: Math.max(1, end - col) };
  });
}

function covering(cells: GridCell[], row: number, col: number): GridCell | undefined {
  return cells.find((c) => row >= c.row && row < c.row + c.rowSpan && col >= c.col && col < c.col + c.colSpan);
}

const isLabel = (cell: GridCell): boolean => cell.text !== '' && !isNumberText(cell.text);

/**
 * Joins the halves of label cells cut by the page break. The text at the top of the new page
 * continues the cell above it when it starts no label of its own and either the row has a
 * label further right (so this column holds group labels, `（四）无` | `法提供`) or the row has
 * no numbers at all (a row label wrapped onto the new page).
 */
function mendSeam(cells: GridCell[], seamRow: number, cols: number): GridCell[] {
  const removed = new Set<GridCell>();
  const seam = cells.filter((c) => c.row === seamRow);
  const rowHasNumbers = seam.some((c) => isNumberText(c.text));
  for (let col = 0; col < cols; col++) {
    const above = covering(cells, seamRow - 1, col);
    const below = seam.find((c) => c.col === col);
    if (!above || !below || above.col !== col || above.colSpan !== below.colSpan) continue;
    if (!isLabel(above) || !isLabel(below) || LABEL_START.test(below.text)) continue;
    const groupColumn = seam.some((c) => c.col > col && isLabel(c));
    if (!groupColumn && rowHasNumbers) continue;
    above.text = joinText(above.text, below.text);
    above.rowSpan = below.row + below.rowSpan - above.row;
    removed.add(below);
  }
  return cells.filter((cell) => !removed.has(cell));
}

const cellsOfRow = (table: PdfTable, row: number): GridCell[] => table.cells.filter((c) => c.row === row).sort((a, b) => a.col - b.col);

/** Same text, same rows spanned, same left and right edges on the page. */
function sameCell(a: GridCell, tableA: PdfTable, b: GridCell, tableB: PdfTable): boolean {
  return a.text === b.text
    && a.rowSpan === b.rowSpan
    && Math.abs(tableA.xs[a.col]! - tableB.xs[b.col]!) <= TOLERANCE
    && Math.abs(tableA.xs[a.col + a.colSpan]! - tableB.xs[b.col + b.colSpan]!) <= TOLERANCE;
}

/**
 * How many rows atop `next` repeat the rows atop `previous`, cell for cell: a header printed
 * again on each page. The repeat ends where no cell of it runs on below, and holds a label.
 */
function repeatedHeaderRows(previous: PdfTable, next: PdfTable): number {
  let rows = 0;
  while (rows < Math.min(previous.rows, next.rows - 1)) {
    const [a, b] = [cellsOfRow(previous, rows), cellsOfRow(next, rows)];
    if (a.length === 0 || a.length !== b.length || !a.every((cell, i) => sameCell(cell, previous, b[i]!, next))) break;
    rows++;
  }
  while (rows > 0 && next.cells.some((c) => c.row < rows && c.row + c.rowSpan > rows)) rows--;
  return next.cells.some((c) => c.row < rows && isLabel(c)) ? rows : 0;
}

/** The table without its first `rows` rows. */
function withoutTopRows(table: PdfTable, rows: number): PdfTable {
  if (rows === 0) return table;
  const cells = table.cells.filter((c) => c.row >= rows).map((c) => ({ ...c, row: c.row - rows }));
  return { ...table, rows: table.rows - rows, cells };
}

export function joinTables(previous: PdfTable, continuation: PdfTable): PdfTable {
  const next = withoutTopRows(continuation, repeatedHeaderRows(previous, continuation));
  const xs = unionColumns(previous.xs, next.xs);
  const cells = [...remap(previous, xs, 0), ...remap(next, xs, previous.rows)];
  return {
    ...previous,
    xs,
    bottom: next.bottom,
    rows: previous.rows + next.rows,
    cols: xs.length - 1,
    cells: mendSeam(cells, previous.rows, xs.length - 1),
  };
}
