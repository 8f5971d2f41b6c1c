/**
 * Blank cells of a table printed one cell a line with the same number of blank lines between
 * cells (text copied from a web page, a paragraph a cell): a blank cell is its own paragraph,
 * s + 1 more blank lines where the layout separates cells by s. A gap of g blank lines between
 * two cells then holds (g − s) / (s + 1) blank cells; any other gap says the layout is not that
 * regular, and nothing is read from it.
 */
import type { TableEvent } from './lines.ts';

/** A number alone on its line, and its line. */
export interface LoneNumber {
  value: number;
  line: number;
}

/**
 * The blank lines between cells in a region of one cell a line: the most common gap between
 * lines with text, when it is at least one (null for any other layout: cells on consecutive
 * lines give blank lines no meaning).
 */
export function cellSeparator(events: readonly TableEvent[]): number | null {
  const counts = new Map<number, number>();
  let last: number | null = null;
  for (const e of events) {
    if (e.type === 'blank') continue;
    if (e.type === 'row' || (e.type === 'numbers' && e.inRow)) return null;
    const gap = last === null ? -1 : e.line - last - 1;
    if (gap >= 0) counts.set(gap, (counts.get(gap) ?? 0) + 1);
    last = e.line;
  }
  let separator: number | null = null;
  for (const [gap, n] of counts) if (separator === null || n > (counts.get(separator) ?? 0)) separator = gap;
  return separator !== null && separator >= 1 ? separator : null;
}

/** The blank cells a gap of `gap` blank lines holds, or null when the gap does not fit the layout. */
function blankCells(gap: number, separator: number): number | null {
  const cells = (gap - separator) / (separator + 1);
  return Number.isInteger(cells) && cells >= 0 ? cells : null;
}

/**
 * The cells of a run of numbers alone on their lines, blank cells as null, from the line with text
 * before the run (`from`) to the line with text after it (`to`, or `atEnd`: the region's end).
 * Null when a gap does not fit the layout.
 */
export function cellsWithBlanks(run: readonly LoneNumber[], from: number, to: number, separator: number, atEnd: boolean): (number | null)[] | null {
  const cells: (number | null)[] = [];
  let previous = from;
  for (const { value, line } of run) {
    const blanks = blankCells(line - previous - 1, separator);
    if (blanks === null) return null;
    for (let i = 0; i < blanks; i++) cells.push(null);
    cells.push(value);
    previous = line;
  }
  const trailing = to - previous - 1;
  // The region's last cell may or may not have its separator after it.
  const blanks = atEnd ? Math.floor(trailing / (separator + 1)) : blankCells(trailing, separator);
  if (blanks === null) return null;
  for (let i = 0; i < blanks; i++) cells.push(null);
  return cells;
}
