/**
 * A table as cells on a grid, and its rendering as pipe rows: the one table shape every
 * reader (HTML, Word, PDF) produces, so the report parser sees tables the same way whatever
 * the source format.
 */

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

export interface GridTable {
  rows: number;
  cols: number;
  cells: GridCell[];
}

/** A cell as a row-by-row source gives it: HTML `<td rowspan colspan>` or Word `w:tc`. */
export interface SpannedCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/**
 * Places row-by-row cells on a grid the way browsers do: each cell goes to the first column
 * not already covered by a row span from above.
 */
export function placeSpannedRows(rows: SpannedCell[][]): GridTable {
  const covered = new Set<string>();
  const cells: GridCell[] = [];
  let cols = 0;
  rows.forEach((sourceRow, row) => {
    let col = 0;
    for (const cell of sourceRow) {
      while (covered.has(`${row},${col}`)) col++;
      const rowSpan = Math.max(1, Math.min(cell.rowSpan, rows.length - row));
      const colSpan = Math.max(1, cell.colSpan);
      for (let r = row; r < row + rowSpan; r++) {
        for (let c = col; c < col + colSpan; c++) covered.add(`${r},${c}`);
      }
      cells.push({ row, col, rowSpan, colSpan, text: cell.text });
      col += colSpan;
    }
    cols = Math.max(cols, col);
  });
  for (const key of covered) cols = Math.max(cols, Number(key.split(',')[1]) + 1);
  return { rows: rows.length, cols, cells };
}

const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F“”‘’';
const CJK_CHAR = new RegExp(`[${CJK}]`);
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}])\\s+(?=[${CJK}])`, 'g');

/** White space collapsed, and none left between two CJK characters (`政府 信息` → `政府信息`). */
export function tidySpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').replace(SPACE_BETWEEN_CJK, '$1').trim();
}

/** One cell's text, made safe for a pipe row: one line, no pipe characters. */
export function cleanCellText(text: string): string {
  return tidySpaces(text.replace(/\|/g, '｜'));
}

/**
 * Renders a table as lines: `| a | | b |`, every grid column a slot, opened and closed by a pipe
 * as a markdown row is, so that a leading empty cell keeps its slot. Positions a merged cell
 * covers after its first are empty cells, so column positions survive. Rows with no text at all
 * are left out.
 */
export function renderTable(table: GridTable): string[] {
  const grid: string[][] = Array.from({ length: table.rows }, () => Array<string>(table.cols).fill(''));
  for (const cell of table.cells) {
    const line = grid[cell.row];
    if (line && cell.col < table.cols) line[cell.col] = cleanCellText(cell.text);
  }
  return grid
    .filter((cells) => cells.some((text) => text !== ''))
    .map((cells) => `|${cells.map((text) => (text === '' ? ' |' : ` ${text} |`)).join('')}`);
}

/** Joins two pieces of one cell or line: no space between CJK characters, one space otherwise. */
export function joinText(left: string, right: string): string {
  if (left === '') return right;
  if (right === '') return left;
  const a = left.at(-1) ?? '';
  const b = right[0] ?? '';
  return CJK_CHAR.test(a) || CJK_CHAR.test(b) ? left + right : `${left} ${right}`;
}
