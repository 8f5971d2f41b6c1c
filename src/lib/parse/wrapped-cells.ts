/**
 * Rows whose figures wrapped within their narrow cells (full-width digits in a printed PDF's
 * table), as pdftotext sets them:
 * - one after another (`-raw`: `１６` / `１` / `８ ０ ０ ０` / `１` / `２` / `１８` / `１` for 161,
 *   8, 0, 0, 0, 12, 181): more figures than the row's seven, each line's in order. A cell's
 *   digits go on from the last figure of one line to the first of the next; which line breaks
 *   fall inside a cell is found from the row's own sum: the reading is taken only when exactly
 *   one choice of breaks gives seven cells that add up (their total last, or first where the
 *   header puts 总计 first) (wrappedCells);
 * - around their row (`-layout` centres a two-line cell on it): the pieces above and below that
 *   start together are one cell (wrappedAroundRows).
 */
import type { LoneNumber } from './blank-lines.ts';
import type { NumbersEvent, TableEvent } from './lines.ts';
import { compactLabel } from './normalize.ts';
import { readCellNumber } from './numbers.ts';
import { matchApplicationLabel } from './template.ts';
import { tokens } from './spaced-columns.ts';
import { COLUMNS, rowSumsOk } from './row-sums.ts';

/** At most this many pieces joined onto others in one row, and digits in a piece. */
const MAX_JOINS = 4;
const MAX_PIECE_DIGITS = 3;

export interface WrappedCells {
  /** The seven cells in printed order. */
  cells: number[];
  /** Each cell made of several pieces: the pieces as printed, and the figure they make. */
  joined: { pieces: number[]; value: number }[];
}

/** The one reading of `figures` (a row's figures, one line's after another) as seven cells that add up, or null; `totalFirst` asked only for a run that may be one. */
export function wrappedCells(figures: readonly LoneNumber[], totalFirst: () => boolean): WrappedCells | null {
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
  const first = totalFirst();
  for (const links of linkings(lines, lineOf, joins)) {
    const reading = join(lines, links);
    if (!reading || !addsUp(reading.cells, first)) continue;
    if (found && found.cells.join() !== reading.cells.join()) return null;
    found = reading;
  }
  return found;
}

/**
 * Every way of linking each line to the one above (lines next to each other only) that joins exactly
 * `joins` figures: `links[i]` says whether line i's first figure goes on from the last figure of line i − 1.
 */
function* linkings(lines: readonly number[][], lineOf: readonly number[], joins: number, i = 1, links: boolean[] = [false]): Generator<boolean[]> {
  if (i === lines.length) {
    if (joins === 0) yield links;
    return;
  }
  yield* linkings(lines, lineOf, joins, i + 1, [...links, false]);
  if (joins === 0 || lineOf[i] !== lineOf[i - 1]! + 1) return;
  yield* linkings(lines, lineOf, joins - 1, i + 1, [...links, true]);
}

function join(lines: readonly number[][], links: readonly boolean[]): WrappedCells | null {
  const cells: number[][] = [];
  lines.forEach((line, i) => {
    line.forEach((v, j) => {
      if (links[i] && j === 0) cells[cells.length - 1]!.push(v);
      else cells.push([v]);
    });
  });
  // No figure opens with 0 (`0` / `5` is two cells).
  if (cells.length !== COLUMNS || cells.some((pieces) => pieces.length > 1 && pieces[0] === 0)) return null;
  const values = cells.map((pieces) => Number(pieces.join('')));
  return { cells: values, joined: cells.flatMap((pieces, c) => (pieces.length > 1 ? [{ pieces, value: values[c]! }] : [])) };
}

/** Whether the seven cells add up, the total last or (`totalFirst`) first. */
function addsUp(cells: readonly number[], totalFirst: boolean): boolean {
  return rowSumsOk(totalFirst ? [...cells.slice(1), cells[0]!] : cells);
}

/** How far apart (in characters) the two pieces of one wrapped cell may start. */
const PIECES_APART = 2;

/**
 * Rows whose cells wrapped around their line (`pdftotext -layout` centres a two-line cell on its
 * row: `３００ … ３１１` above `label ５３ ０ ０ ６１ ４`, `１ … ９` below): a line of figures (alone,
 * or beside a side label's piece) just above a row and one just below, as many figures each (two or more), each figure above
 * starting within two characters of the one below it. Each pair is one cell, its digits joined;
 * the cells and the row's own figures, in the order they stand, are the row when they make seven
 * that add up (total last, or first). The row's event then holds the seven, and the lines above
 * and below are dropped. Returns the events and each joined row's pieces, for its diagnostic.
 */
export function wrappedAroundRows(printed: () => readonly string[], events: readonly TableEvent[]): { events: readonly TableEvent[]; rows: { line: number; wrap: WrappedCells }[] } {
  const unchanged = { events, rows: [] };
  const short = events.filter((e): e is NumbersEvent => e.type === 'numbers' && e.inRow && e.cells === null && e.values.length < COLUMNS);
  if (short.length === 0) return unchanged;
  const byLine = new Map<number, TableEvent[]>();
  for (const e of events) if (e.type !== 'blank') byLine.get(e.line)?.push(e) ?? byLine.set(e.line, [e]);
  const labelOn = (line: number) => byLine.get(line)?.some((e) => e.type === 'label') ?? false;
  // A line's figures when the line holds no row: figures alone, or beside a side label's piece (`三、本年度办理`, `结果`) that names no template row.
  const figuresOnly = (line: number) => {
    const onLine = byLine.get(line) ?? [];
    const figures = onLine.filter((e): e is NumbersEvent => e.type === 'numbers');
    const namesRow = onLine.some((e) => e.type === 'label' && matchApplicationLabel(compactLabel(e.text)).kind !== 'none');
    return figures.length === 1 && !namesRow && onLine.every((e) => e.type === 'numbers' || e.type === 'label') ? figures[0]! : null;
  };
  const candidates = short.filter((e) => labelOn(e.line));
  const found: { line: number; wrap: WrappedCells; row: NumbersEvent; above: NumbersEvent; below: NumbersEvent }[] = [];
  for (const row of candidates) {
    const [above, below] = [figuresOnly(row.line - 1), figuresOnly(row.line + 1)];
    if (!above || !below || above.values.length < 2 || above.values.length !== below.values.length) continue;
    if (above.values.length + row.values.length !== COLUMNS) continue;
    const lines = printed();
    const at = (e: NumbersEvent) => tokens(lines[e.line] ?? '', e.line).filter((t) => readCellNumber(t.text) !== null).map((t) => ({ value: readCellNumber(t.text)!, start: t.chars[0] }));
    const [up, own, down] = [at(above), at(row).slice(-row.values.length), at(below)];
    if (up.length !== above.values.length || down.length !== below.values.length) continue;
    if (up.some((u, i) => Math.abs(u.start - down[i]!.start) > PIECES_APART || u.value === 0)) continue;
    // A figure of the row itself standing where a pair does would be a cell of three lines: not read.
    if (own.some((o) => up.some((u) => Math.abs(u.start - o.start) <= PIECES_APART))) continue;
    const cells = [...up.map((u, i) => ({ start: u.start, pieces: [u.value, down[i]!.value] })), ...own.map((o) => ({ start: o.start, pieces: [o.value] }))].sort((a, b) => a.start - b.start);
    const values = cells.map((c) => Number(c.pieces.join('')));
    if (!addsUp(values, false) && !addsUp(values, true)) continue;
    const joined = cells.flatMap((c, i) => (c.pieces.length > 1 ? [{ pieces: c.pieces, value: values[i]! }] : []));
    found.push({ line: row.line, wrap: { cells: values, joined }, row, above, below });
  }
  if (found.length === 0) return unchanged;
  const dropped = new Set<TableEvent>(found.flatMap((f) => [f.above, f.below]));
  const joinedRow = new Map<TableEvent, number[]>(found.map((f) => [f.row, f.wrap.cells]));
  return {
    events: events.filter((e) => !dropped.has(e)).map((e) => (joinedRow.has(e) ? { ...(e as NumbersEvent), values: joinedRow.get(e)! } : e)),
    rows: found.map(({ line, wrap }) => ({ line, wrap })),
  };
}
