/**
 * Sections 三 and 四 printed as text aligned with spaces (a fixed-width copy of the table,
 * `pdftotext -layout`), their zeros left blank: a row's figures say nothing of their columns, but
 * where each stands under the header does. The header's words (自然人, 商业企业, …, 总计, or their
 * first pieces when a narrow header cell wraps; 结果维持 … 总计 three times in 四) give the
 * columns' positions; each figure goes under the nearest one. Positions are counted two ways
 * (characters, and display columns where a CJK character takes two, on the lines as printed) and
 * aligned three ways (left edges, centres, right edges). Figures are placed only when some way puts
 * every figure clearly under one column (near it, and nearer it than any other), each line's in
 * distinct columns in order, each column's figures together, a row's total under 总计 (in 四: each
 * group adding up), and every such way places them alike. Otherwise the table is left to the
 * other readings: a wrong column here would be a whole column wrong, which the table's own
 * arithmetic cannot see.
 *
 * What it gives: section 三's events with a header row and each figure line as a grid row (`row`
 * events, as a pipe table gives them), which number-rows.ts reads by position, a line under the
 * header that names a template row and holds no figure as a row of blank cells; section 四's line
 * of figures with its 15 cells, as a pipe row gives them.
 */
import { APPLICANT_COLUMNS, type ApplicantColumn } from '../schema.ts';
import { isSpace } from './chars.ts';
import type { TableEvent } from './lines.ts';
import { compactLabel, normalizeText } from './normalize.ts';
import { isZeroMark, readCellNumber } from './numbers.ts';
import { matchApplicationLabel } from './template.ts';

/** The first piece of each column's header word (a wrapped header keeps at least this on its first line). */
const HEADER_PIECES: readonly [ApplicantColumn, RegExp][] = [
  ['natural', /^自然/],
  ['commercial', /^商业/],
  ['research', /^科研/],
  ['social', /^(社会|公益)/],
  ['legal', /^法律/],
  ['other', /^其(他|$)/],
  ['total', /^(总|合)(计|$)/],
];

const HEADER_WORDS: Record<ApplicantColumn, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  social: '社会公益组织',
  legal: '法律服务机构',
  other: '其他',
  total: '总计',
};

/** How much nearer its column than any other a figure must be (in characters or display columns). */
const MARGIN = 2;
/** How far from its column's header a figure may stand. */
const REACH = 4;

export interface Token {
  text: string;
  line: number;
  /** Start and end in characters, and in display columns. */
  chars: [number, number];
  display: [number, number];
}

type Measure = 'chars' | 'display';
type Align = 'left' | 'centre' | 'right';
const WAYS: readonly [Measure, Align][] = (['chars', 'display'] as const).flatMap((m) => (['left', 'centre', 'right'] as const).map((a) => [m, a] as [Measure, Align]));

/** Display width of a character: two for CJK and full-width forms. */
function width(c: number): number {
  return c >= 0x2e80 && c <= 0xa4cf ? 2 : (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ? 2 : 1;
}

/** A line's tokens (runs without white space) with their positions. */
export function tokens(line: string, lineIndex: number): Token[] {
  const out: Token[] = [];
  let display = 0;
  let start = -1;
  let startDisplay = 0;
  for (let i = 0; i <= line.length; i++) {
    const c = i < line.length ? line.charCodeAt(i) : 32;
    if (isSpace(c)) {
      if (start >= 0) out.push({ text: normalizeText(line.slice(start, i)), line: lineIndex, chars: [start, start + (display - startDisplay)], display: [startDisplay, display] });
      start = -1;
    } else if (start < 0) {
      start = i;
      startDisplay = display;
    }
    display += i < line.length ? width(c) : 0;
  }
  return out;
}

/** A token's position: its extent is its display width from where it starts, in either count. */
function at(t: Token, measure: Measure, align: Align): number {
  const [from, to] = t[measure];
  return align === 'left' ? from : align === 'right' ? to : (from + to) / 2;
}

/** The numbers events of spaced lines that hold a row (a label with figures, or several figures). */
function figureLines(events: readonly TableEvent[]): Extract<TableEvent, { type: 'numbers' }>[] {
  return events.filter((e): e is Extract<TableEvent, { type: 'numbers' }> => e.type === 'numbers' && e.inRow && e.cells === null);
}

/**
 * A table's events (tableEvents) with the figure lines as grid rows under a header row, when their
 * positions place every figure; otherwise `events` as they are. `printed`: the file's lines before
 * normalizing, made when asked for (full-width forms take two columns there, as the publisher aligned them).
 */
export function alignSpacedColumns(printedLines: () => readonly string[], events: readonly TableEvent[]): { events: readonly TableEvent[]; lines: number } {
  const unchanged = { events, lines: 0 };
  // Only a table of spaced lines, every figure on a line of its row (no figure alone on its
  // line), some of whose rows are short of cells needs this.
  if (events.some((e) => e.type === 'row' || (e.type === 'numbers' && !e.inRow))) return unchanged;
  const rows = figureLines(events);
  if (!rows.some((e) => e.values.length < APPLICANT_COLUMNS.length)) return unchanged;
  const printed = printedLines();

  // The header: the words above the first figures, each column's found once.
  const firstFigures = rows[0]!.line;
  const headerLines = events.filter((e) => e.type === 'label' && e.line < firstFigures).map((e) => e.line);
  const anchors = new Map<ApplicantColumn, Token>();
  for (const line of new Set(headerLines)) {
    for (const t of tokens(printed[line] ?? '', line)) {
      const key = HEADER_PIECES.find(([, piece]) => piece.test(t.text))?.[0];
      if (!key) continue;
      if (anchors.has(key)) return unchanged;
      anchors.set(key, t);
    }
  }
  if (anchors.size !== APPLICANT_COLUMNS.length) return unchanged;

  // Each figure line's figures and their positions; where every way that places them clearly
  // agrees (a line's last figure that is the sum of the others, its total, under 总计).
  const figures = figureTokens(printed, rows);
  const total = APPLICANT_COLUMNS.indexOf('total');
  const totalsUnderTotal = (columns: number[][], positions: readonly number[]) =>
    columns.every((placed, l) => !lastIsSum(rows[l]!.values) || placed[placed.length - 1] === total || positions[total]! < positions[placed[0]!]!);
  const columns = figures && agreedPlacement(figures, (measure, align) => APPLICANT_COLUMNS.map((c) => at(anchors.get(c)!, measure, align)), totalsUnderTotal);
  if (!columns) return unchanged;

  // The header row, then each figure line as a row (its label, then its seven cells) before the
  // line's own events; a line under the header that names a template row and holds no figure is
  // a row of blank cells.
  const gridRow = new Map(rows.map((e, i) => [e.line, columns[i]!]));
  const headerEnd = Math.max(...[...anchors.values()].map((t) => t.line));
  const out: TableEvent[] = [];
  let headerSent = false;
  for (const e of events) {
    const placed = gridRow.get(e.line);
    const blankRow = e.type === 'label' && e.line > headerEnd && !gridRow.has(e.line) && matchApplicationLabel(compactLabel(e.text)).kind === 'row';
    if (placed || blankRow) {
      gridRow.delete(e.line);
      if (!headerSent) out.push({ type: 'row', cells: ['', ...APPLICANT_COLUMNS.map((c) => HEADER_WORDS[c])], line: e.line });
      headerSent = true;
      const label = events.find((l): l is Extract<TableEvent, { type: 'label' }> => l.type === 'label' && l.line === e.line);
      const values = rows.find((r) => r.line === e.line)?.values ?? [];
      const cells = APPLICANT_COLUMNS.map((_, c) => (placed?.includes(c) ? String(values[placed.indexOf(c)]) : ''));
      out.push({ type: 'row', cells: [label?.text ?? '', ...cells], line: e.line });
    }
    out.push(e);
  }
  return { events: out, lines: rows.length };
}

/** How far apart the figures of one column may stand (in characters or display columns). */
const SPREAD = 2;

/**
 * Each line's figures' columns (indices into `positions`, the columns' positions in one way of
 * counting and aligning), or null unless every figure is clearly under one column (near it, and
 * nearer it than any other by MARGIN), each line's figures fall in distinct columns in order, and
 * each column's figures stand together.
 */
function placeFigures(figures: readonly Token[][], positions: readonly number[], measure: Measure, align: Align): number[][] | null {
  const columns: number[][] = [];
  const seen = positions.map(() => ({ min: Infinity, max: -Infinity }));
  for (const line of figures) {
    const placed: number[] = [];
    for (const t of line) {
      const x = at(t, measure, align);
      const distance = positions.map((p) => Math.abs(p - x));
      const order = distance.map((_, i) => i).sort((a, b) => distance[a]! - distance[b]!);
      const [best, second] = [distance[order[0]!]!, distance[order[1]!]!];
      if (best > REACH || second - best < MARGIN) return null;
      // Distinct columns, in the order the header gives them.
      if (placed.length > 0 && positions[order[0]!]! <= positions[placed[placed.length - 1]!]!) return null;
      placed.push(order[0]!);
      const range = seen[order[0]!]!;
      range.min = Math.min(range.min, x);
      range.max = Math.max(range.max, x);
      if (range.max - range.min > SPREAD) return null;
    }
    columns.push(placed);
  }
  return columns;
}

/** The placement every way that places each figure clearly (and that `fits`) agrees on, or null. */
function agreedPlacement(figures: readonly Token[][], positionsOf: (measure: Measure, align: Align) => number[] | null, fits: (columns: number[][], positions: readonly number[]) => boolean): number[][] | null {
  const clear = WAYS.flatMap(([measure, align]) => {
    const positions = positionsOf(measure, align);
    const columns = positions && placeFigures(figures, positions, measure, align);
    return columns && fits(columns, positions) ? [columns] : [];
  });
  const first = clear[0];
  return first && clear.every((p) => JSON.stringify(p) === JSON.stringify(first)) ? first : null;
}

/** Each line's figures (tokens of the printed line), the same figures its event holds, or null when they differ. */
function figureTokens(printed: readonly string[], rows: readonly Extract<TableEvent, { type: 'numbers' }>[]): Token[][] | null {
  const figures: Token[][] = [];
  for (const e of rows) {
    const found = tokens(printed[e.line] ?? '', e.line).filter((t) => readCellNumber(t.text) !== null || isZeroMark(t.text));
    const tail = found.slice(found.length - e.values.length);
    if (tail.length !== e.values.length || tail.some((t, i) => (readCellNumber(t.text) ?? 0) !== e.values[i])) return null;
    figures.push(tail);
  }
  return figures;
}

/** Whether a line's last figure is the sum of the others. */
function lastIsSum(values: readonly number[]): boolean {
  const last = values.length - 1;
  return last > 0 && values[last] === values.slice(0, last).reduce((a, b) => a + b, 0);
}

/** Section 四's header words, each printed once for each of its three groups (复议, 直接起诉, 复议后起诉). */
const CASE_WORDS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
const CASE_CELLS = CASE_WORDS.length * 3;

/**
 * Section 四 printed as text aligned with spaces, its zeros left blank: its one line of figures
 * with each figure's cell (of the 15) by where it stands under the header, as a pipe row gives
 * them, when every way that places them clearly agrees and each group adds up; otherwise `events`
 * as they are.
 */
export function alignSpacedCases(printedLines: () => readonly string[], events: readonly TableEvent[]): { events: readonly TableEvent[]; placed: boolean } {
  const unchanged = { events, placed: false };
  if (events.some((e) => e.type === 'row' || (e.type === 'numbers' && !e.inRow))) return unchanged;
  const rows = figureLines(events);
  const row = rows[0];
  if (rows.length !== 1 || !row || row.values.length >= CASE_CELLS) return unchanged;
  const printed = printedLines();

  const found = new Map<string, Token[]>(CASE_WORDS.map((w) => [w, []]));
  for (const line of new Set(events.filter((e) => e.type === 'label' && e.line < row.line).map((e) => e.line))) {
    for (const t of tokens(printed[line] ?? '', line)) found.get(t.text.replace(/^合计$/, '总计'))?.push(t);
  }
  if (CASE_WORDS.some((w) => found.get(w)!.length !== 3)) return unchanged;

  /** The 15 cells' positions, group by group: each word's three printed in order; null unless they rise. */
  const positionsOf = (measure: Measure, align: Align) => {
    const byWord = CASE_WORDS.map((w) => found.get(w)!.map((t) => at(t, measure, align)).sort((a, b) => a - b));
    const positions = [0, 1, 2].flatMap((g) => byWord.map((p) => p[g]!));
    return positions.every((p, i) => i === 0 || p > positions[i - 1]!) ? positions : null;
  };
  // Each group adds up with its blank cells as 0, and a group whose total is blank has no figure.
  const groupsAddUp = (columns: number[][]) => {
    const cells = Array<number>(CASE_CELLS).fill(0);
    const printedAt = new Set(columns[0]);
    columns[0]!.forEach((c, i) => (cells[c] = row.values[i]!));
    return [0, 5, 10].every((g) => (printedAt.has(g + 4) ? cells[g]! + cells[g + 1]! + cells[g + 2]! + cells[g + 3]! === cells[g + 4] : [0, 1, 2, 3].every((k) => !printedAt.has(g + k))));
  };
  const figures = figureTokens(printed, rows);
  const columns = figures && agreedPlacement(figures, positionsOf, groupsAddUp);
  if (!columns) return unchanged;
  const cells: (number | null)[] = Array(CASE_CELLS).fill(null);
  columns[0]!.forEach((c, i) => (cells[c] = row.values[i]!));
  return { events: events.map((e) => (e === row ? { ...row, cells } : e)), placed: true };
}
