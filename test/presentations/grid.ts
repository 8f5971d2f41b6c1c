/** A table as HTML writes it (row by row, merged cells once, covered positions left out), and its full grid. */

export interface Cell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}

export interface Table {
  /** Printed above the table (`表三：…`), or null. */
  caption: string | null;
  /** Rows that are headers (printed as <th>, repeated by converters). */
  headerRows: number;
  rows: Cell[][];
}

/** One grid position: the cell covering it, and whether it is that cell's first (top-left) position. */
export interface Slot {
  cell: Cell;
  origin: boolean;
  /** Whether this is the first row of the cell (a position covered only from the left). */
  firstRow: boolean;
  firstCol: boolean;
}

/** Places cells the way browsers do: each in the first column no row span from above covers. */
export function expand(table: Table): Slot[][] {
  const grid: Slot[][] = table.rows.map(() => []);
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]?.[c]) c++;
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      for (let dr = 0; dr < rs; dr++) {
        for (let dc = 0; dc < cs; dc++) {
          const line = grid[r + dr];
          if (line) line[c + dc] = { cell, origin: dr === 0 && dc === 0, firstRow: dr === 0, firstCol: dc === 0 };
        }
      }
      c += cs;
    }
  });
  return grid;
}

/**
 * A table cut in two before row `at`, as a page break cuts it: a cell spanning the cut is
 * shortened in the first part and printed again (same text) at the top of the second, which
 * starts with the header rows again when `repeatHeader`.
 */
export function splitTable(table: Table, at: number, repeatHeader: boolean): [Table, Table] {
  const grid = expand(table);
  const rebuild = (from: number, to: number): Cell[][] =>
    grid.slice(from, to).map((row, i) =>
      row.flatMap((slot): Cell[] => {
        if (!slot.firstCol) return [];
        const r = from + i;
        const top = grid.findIndex((line) => line.some((s) => s.cell === slot.cell));
        const starts = r === top || r === from;
        if (!starts) return [];
        const last = top + (slot.cell.rowSpan ?? 1);
        const rowSpan = Math.min(last, to) - r;
        return [{ ...slot.cell, rowSpan: rowSpan > 1 ? rowSpan : undefined }];
      }),
    );
  const header = repeatHeader ? table.rows.slice(0, table.headerRows) : [];
  return [
    { ...table, rows: rebuild(0, at) },
    { caption: null, headerRows: header.length, rows: [...header, ...rebuild(at, grid.length)] },
  ];
}

/**
 * The table with its merged cells undone, one cell per grid position: the merged cell's text
 * repeated in every position it covered (`repeat`), or only in its first (`empty`), as
 * spreadsheet exports write a merged range.
 */
export function unmerge(table: Table, mode: 'repeat' | 'empty'): Table {
  return { ...table, rows: expand(table).map((row) => row.map((slot) => ({ text: slot.origin || mode === 'repeat' ? slot.cell.text : '' }))) };
}
