/**
 * Layout reading: lines of a table region → a stream of events (labels, numbers, blank lines),
 * whatever the layout: one cell a line, cells ending ` |` with `||` fillers, markdown pipes,
 * space-aligned `pdftotext -layout` columns, `label n n n` rows. Knows nothing of the template.
 */
import { isDigit, isSpace } from './chars.ts';
import { isZeroMark, readCellNumber } from './numbers.ts';

export type TableEvent =
  | { type: 'label'; text: string; line: number }
  /**
   * Numbers from one line. `inRow` is true when the line holds a row (a label with numbers, or
   * several numbers); false for a number alone on its line (one cell a line layouts).
   * `cells` keeps positions, with null for empty cells, when the line is a pipe or tab row of
   * several cells: the cells after its last text cell. `zeroMarks` counts cells printed as
   * `—`, `-` or `/` (nothing to count), read as 0.
   */
  | { type: 'numbers'; values: number[]; inRow: boolean; line: number; cells: (number | null)[] | null; zeroMarks: number }
  /**
   * A pipe or tab row of several cells, every cell's text in its column (empty for an empty
   * cell), sent before the row's label and numbers: what a table reader that knows its header
   * reads by position.
   */
  | { type: 'row'; cells: string[]; line: number }
  | { type: 'blank'; line: number };

/** A line's numbers (see TableEvent). */
export type NumbersEvent = Extract<TableEvent, { type: 'numbers' }>;

const PAGE_FOOTER = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[/／共]\s*\d+\s*页?)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;
const MARKDOWN_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Page footers (`-3-`, `- 4 -`, `第2页`) that PDF text leaves inside tables. */
export function isPageFooter(line: string): boolean {
  return PAGE_FOOTER.test(line);
}

/** Events of `lines[start, end)`; each event's `line` is its index in `lines`. */
export function tableEvents(lines: readonly string[], start = 0, end = lines.length): TableEvent[] {
  const events: TableEvent[] = [];
  for (let line = start; line < end; line++) {
    const trimmed = lines[line]!.trim();
    if (trimmed === '') {
      events.push({ type: 'blank', line });
      continue;
    }
    if (mayBeFooter(trimmed) && isPageFooter(trimmed)) continue;
    if (mayBeRule(trimmed) && MARKDOWN_RULE.test(trimmed)) continue;
    if (holdsPipe(trimmed)) pipeLine(trimmed, line, events);
    // Cells between tabs, the leading empty ones kept (a header's label column).
    else if (holdsTabs(lines[line]!)) pipeLine(`|${lines[line]!.replace(/^[ \r\n]+|[ \r\n]+$/g, '').replaceAll('\t', '|')}|`, line, events);
    else spacedLine(trimmed, line, events);
  }
  return events;
}

const PIPE = 0x7c;


/**
 * A page footer opens with a dash or 第, or with a digit when it is `3/12` (then it also ends
 * with a digit and holds a `/`): the only lines PAGE_FOOTER needs to be run on.
 */
function mayBeFooter(trimmed: string): boolean {
  const c = trimmed.charCodeAt(0);
  if (isDigit(c)) return isDigit(trimmed.charCodeAt(trimmed.length - 1)) && trimmed.includes('/');
  return c === 0x2d || c === 0x2014 || c === 0x2013 || c === 0x7b2c;
}

/** A markdown rule opens with `|`, `:` or `-` and holds `---`: the only lines MARKDOWN_RULE needs. */
function mayBeRule(trimmed: string): boolean {
  const c = trimmed.charCodeAt(0);
  return (c === PIPE || c === 0x3a || c === 0x2d) && trimmed.includes('---');
}

/** Most pipe rows open or close with their pipe: the whole line is searched only otherwise. */
function holdsPipe(trimmed: string): boolean {
  return trimmed.charCodeAt(0) === PIPE || trimmed.charCodeAt(trimmed.length - 1) === PIPE || trimmed.includes('|');
}

/** Rows pasted from a spreadsheet or a Word table: cells between tabs. */
function holdsTabs(trimmed: string): boolean {
  return trimmed.includes('\t');
}

/** `text.slice(from, to).trim()`, cut once. */
function trimmedSlice(text: string, from: number, to: number): string {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to);
}

function pipeLine(trimmed: string, line: number, events: TableEvent[]): void {
  // The cells between the pipes: a leading or trailing pipe opens or closes the row, not a cell
  // (a lone `|` does both, and holds no cell).
  const first = trimmed.charCodeAt(0) === PIPE ? 1 : 0;
  const end = trimmed.charCodeAt(trimmed.length - 1) === PIPE ? trimmed.length - 1 : trimmed.length;
  if (first > end) return;
  const inner = trimmed.indexOf('|', first);
  if (inner < 0 || inner >= end) {
    oneCell(trimmedSlice(trimmed, first, end), line, events);
    return;
  }
  // The text cells joined by spaces; the numbers; the cells after the last text cell by position.
  let label: string | null = null;
  let values: number[] | null = null;
  let zeroMarks = 0;
  let positional: (number | null)[] = [];
  const texts: string[] = [];
  for (let from = first; ; ) {
    const bar = trimmed.indexOf('|', from);
    const to = bar < 0 || bar > end ? end : bar;
    const cell = trimmedSlice(trimmed, from, to);
    texts.push(cell);
    const value = readCellNumber(cell) ?? (isZeroMark(cell) ? 0 : null);
    if (value !== null) {
      if (isZeroMark(cell)) zeroMarks++;
      (values ??= []).push(value);
      positional.push(value);
    } else if (cell === '') {
      positional.push(null);
    } else {
      label = label === null ? cell : `${label} ${cell}`;
      positional = [];
    }
    if (to === end) break;
    from = to + 1;
  }
  if (texts.length >= 3) events.push({ type: 'row', cells: texts, line });
  if (label !== null) events.push({ type: 'label', text: label, line });
  if (values) {
    const inRow = label !== null || values.length > 1;
    events.push({ type: 'numbers', values, inRow, line, cells: positional, zeroMarks });
  }
}

/**
 * A pipe row of one cell (`49 |`, the one-cell-a-line layout): a label or a number alone on its
 * line, with no positions to keep.
 */
function oneCell(cell: string, line: number, events: TableEvent[]): void {
  const value = readCellNumber(cell);
  if (value !== null) events.push({ type: 'numbers', values: [value], inRow: false, line, cells: null, zeroMarks: 0 });
  else if (isZeroMark(cell)) events.push({ type: 'numbers', values: [0], inRow: false, line, cells: null, zeroMarks: 1 });
  else if (cell !== '') events.push({ type: 'label', text: cell, line });
}

/** `3 . ` or `3 、` before a CJK character: a row label's numbering printed with spaces. */
const SPACED_NUMBERING = /^\d{1,2}\s+[.、．]\s*(?=[\u4e00-\u9fa5])|^\d{1,2}\s*[.、．]\s+(?=[\u4e00-\u9fa5])/;

/** `trimmed` (no white space at either end, not empty) split at runs of white space, as `split(/\s+/)`. */
function spacedLine(trimmed: string, line: number, events: TableEvent[]): void {
  // A cell alone on its line printed as a dash (one cell a line): nothing to count.
  if (isZeroMark(trimmed)) {
    events.push({ type: 'numbers', values: [0], inRow: false, line, cells: null, zeroMarks: 1 });
    return;
  }
  let label: string | null = null;
  const values: number[] = [];
  let zeroMarks = 0;
  let start = 0;
  // A label's numbering spaced out (`3 . 其 他`, a justified line copied from a PDF) is no figure.
  const numbering = SPACED_NUMBERING.exec(trimmed);
  if (numbering) {
    label = numbering[0].replace(/\s+/g, '');
    start = numbering[0].length;
  }
  for (let i = start; i <= trimmed.length; i++) {
    if (i < trimmed.length && !isSpace(trimmed.charCodeAt(i))) continue;
    if (i > start) {
      const token = trimmed.slice(start, i);
      const value = readCellNumber(token);
      if (value !== null) values.push(value);
      // A dash among a row's figures (after its label) stands for a cell with nothing to count
      // (无 only as a cell of its own: in a label spaced out it is a word, `4 . 无 正 当 理 由`).
      else if ((label !== null || values.length > 0) && token !== '无' && isZeroMark(token)) {
        values.push(0);
        zeroMarks++;
      } else label = label === null ? token : `${label} ${token}`;
    }
    start = i + 1;
  }
  if (label !== null) events.push({ type: 'label', text: label, line });
  if (values.length > 0) {
    events.push({ type: 'numbers', values, inRow: label !== null || values.length > 1, line, cells: null, zeroMarks });
  }
}
