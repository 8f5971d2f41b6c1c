/**
 * A frame (ruled grid) and the text pieces inside it → tables, and the pieces that are prose
 * after all. Word-made PDFs often draw a box behind every line of a paragraph; when those
 * boxes touch a table they join its frame as rows that are one merged cell, full width.
 */
import type { GridCell } from '../table.ts';
import { centerX, centerY, type TextPiece } from './geometry.ts';
import type { Frame } from './frames.ts';
import { piecesText } from './lines.ts';

export interface PdfTable {
  kind: 'table';
  page: number;
  xs: number[];
  top: number;
  bottom: number;
  rows: number;
  cols: number;
  cells: GridCell[];
}

/** Index of the interval of `bounds` (ascending or descending) containing `value`, or -1. */
function intervalIndex(bounds: number[], value: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) {
    const lo = Math.min(bounds[i]!, bounds[i + 1]!);
    const hi = Math.max(bounds[i]!, bounds[i + 1]!);
    if (value >= lo && value <= hi) return i;
  }
  return -1;
}

/** The grid slot of a frame a piece's centre falls in, or null. */
export function slotOf(frame: Frame, piece: TextPiece): [number, number] | null {
  const row = intervalIndex(frame.ys, centerY(piece));
  const col = intervalIndex(frame.xs, centerX(piece));
  return row >= 0 && col >= 0 ? [row, col] : null;
}

function isSingleCellRow(frame: Frame, row: number): boolean {
  return new Set(frame.region[row]).size === 1;
}

/** A report's section heading: `三、收到和处理政府信息公开申请情况`. */
const SECTION_HEADING = /^[一二三四五六七八九十]+、/;

/**
 * Rows that are prose: full-width rows holding a section heading, and in a run of two or more
 * full-width rows all but the last one before a row of several cells (that one is the
 * table's title row: `第二十条第（一）项`).
 */
function proseRows(frame: Frame, rowPieces: Map<number, TextPiece[]>): Set<number> {
  const prose = new Set<number>();
  const rows = frame.region.length;
  for (let row = 0; row < rows; row++) {
    if (isSingleCellRow(frame, row) && SECTION_HEADING.test(piecesText(rowPieces.get(row) ?? []))) prose.add(row);
  }
  for (let start = 0; start < rows; ) {
    let end = start;
    while (end < rows && isSingleCellRow(frame, end)) end++;
    if (end - start >= 2) for (let r = start; r < (end < rows ? end - 1 : end); r++) prose.add(r);
    start = Math.max(end, start + 1);
  }
  return prose;
}

/** One table from frame rows [first, last], its cells re-indexed from 0. */
function tableOf(frame: Frame, first: number, last: number, texts: Map<number, TextPiece[]>, page: number): PdfTable {
  const cols = frame.xs.length - 1;
  const cells: GridCell[] = [];
  const seen = new Set<number>();
  for (let r = first; r <= last; r++) {
    for (let c = 0; c < cols; c++) {
      const id = frame.region[r]![c]!;
      if (seen.has(id)) continue;
      seen.add(id);
      let lastRow = r;
      let lastCol = c;
      for (let rr = r; rr <= last; rr++) for (let cc = c; cc < cols; cc++) {
        if (frame.region[rr]![cc] === id) [lastRow, lastCol] = [Math.max(lastRow, rr), Math.max(lastCol, cc)];
      }
      cells.push({ row: r - first, col: c, rowSpan: lastRow - r + 1, colSpan: lastCol - c + 1, text: piecesText(texts.get(id) ?? []) });
    }
  }
  return { kind: 'table', page, xs: frame.xs, top: frame.ys[first]!, bottom: frame.ys[last + 1]!, rows: last - first + 1, cols, cells };
}

/**
 * A table is real when two of its rows have text in two or more cells, or one row has text in
 * three or more (the last row of a table, alone at the top of a page).
 */
function holdsTable(table: PdfTable): boolean {
  const filledByRow = new Map<number, number>();
  for (const cell of table.cells) if (cell.text !== '') filledByRow.set(cell.row, (filledByRow.get(cell.row) ?? 0) + 1);
  const counts = [...filledByRow.values()];
  return counts.filter((n) => n >= 2).length >= 2 || counts.some((n) => n >= 3);
}

export function frameTables(frame: Frame, pieces: TextPiece[], page: number): { tables: PdfTable[]; prose: TextPiece[] } {
  const texts = new Map<number, TextPiece[]>();
  const rowPieces = new Map<number, TextPiece[]>();
  for (const piece of pieces) {
    const [row, col] = slotOf(frame, piece)!;
    const id = frame.region[row]![col]!;
    if (!texts.has(id)) texts.set(id, []);
    if (!rowPieces.has(row)) rowPieces.set(row, []);
    texts.get(id)!.push(piece);
    rowPieces.get(row)!.push(piece);
  }
  const prose = proseRows(frame, rowPieces);
  const tables: PdfTable[] = [];
  const prosePieces: TextPiece[] = [];
  const rows = frame.region.length;
  for (let first = 0; first < rows; ) {
    if (prose.has(first)) {
      prosePieces.push(...(rowPieces.get(first) ?? []));
      first++;
      continue;
    }
    let last = first;
    while (last + 1 < rows && !prose.has(last + 1)) last++;
    const table = tableOf(frame, first, last, texts, page);
    if (holdsTable(table)) tables.push(table);
    else for (let r = first; r <= last; r++) prosePieces.push(...(rowPieces.get(r) ?? []));
    first = last + 1;
  }
  return { tables, prose: prosePieces };
}
