/**
 * Section 三 layout stage: table events → the table's numeric rows in reading order, each with
 * the label that stood beside or before it (a hint, not a fact: text from scrambled PDF columns
 * puts labels far from their numbers).
 *
 * - a line holding a row (label + numbers, or several numbers) is one row, or several when it
 *   holds 14, 21 … numbers; fewer than 7 numbers is a sparse row (zeros dropped);
 * - a pipe or tab row under a header that names the seven applicant columns is read by position:
 *   where the layout gives positions, they decide (a figure under 商业企业 stays there, 总计 may
 *   be the first column, a blank or `—` cell is a cell with nothing in it);
 * - numbers alone on their lines accumulate until a label; blank lines split them into blocks.
 *   PDF text may set two close cells on one line (`12 181`) or a tall label's tail among its
 *   row's figures: among lone numbers, both go on the run while it is short of seven cells.
 *   Where the layout puts the same blank lines between all cells, more blank lines are blank
 *   cells (blank-lines.ts): a row they complete to seven cells is read by position when it adds
 *   up with them as 0.
 *   A total too wide for its narrow column, its digits set one a line next to the row's other
 *   six figures (`１` / `４`), is one figure when its digits joined give their sum (wrappedTotals).
 *   Seven equal blocks of k ≥ 2 numbers are a column-major k × 7 block (a PDF read column by
 *   column) when the rows' own sums say so; otherwise numbers are read row by row, 7 a row.
 */
import type { NumbersEvent, TableEvent } from './lines.ts';
import { append } from './append.ts';
import { APPLICANT_COLUMNS } from '../schema.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { headerColumns, isApplicantHeader, type ColumnMap } from './header-columns.ts';
import { isZeroMark, readCellNumber } from './numbers.ts';
import { compactLabel } from './normalize.ts';
import { remembered } from './memo.ts';
import { matchApplicationLabel } from './template.ts';
import { cellSeparator, cellsWithBlanks, type LoneNumber } from './blank-lines.ts';
import { wrappedCells } from './wrapped-cells.ts';
import { COLUMNS, rowSumsOk } from './row-sums.ts';

export interface NumberRow {
  values: number[];
  /** Fewer than 7 numbers were printed: the rest were dropped. */
  sparse: boolean;
  /** The label seen with or just before this row, if any. */
  label: string | null;
  line: number;
  /** How the row was recovered, for diagnostics. */
  via: 'line' | 'cells' | 'column-major' | 'columns';
  /**
   * Read by its columns (the header names them) with blank cells that arithmetic cannot settle:
   * the seven cells in template order, null where blank. `values` then holds only the figures.
   */
  positional?: (number | null)[];
  /** Read by its columns, with blank cells inferred as 0 (the row adds up without them, or has no figure). */
  blanksInferred?: boolean;
  /** Six cells without their total, which a page break moved further on (streamRows); `positional` holds the six and a blank total. */
  totalMoved?: boolean;
}

/** The label that stood before the next rows; each label goes to one row only. */
interface PendingLabel {
  text: string | null;
  used: boolean;
}

function takeLabel(pending: PendingLabel): string | null {
  if (pending.used) return null;
  pending.used = true;
  return pending.text;
}

type Block = { values: number[]; line: number };

export function collectNumberRows(events: readonly TableEvent[]): { rows: NumberRow[]; notes: Diagnostic[] } {
  const rows: NumberRow[] = [];
  const notes: Diagnostic[] = [];
  let blocks: Block[] = [];
  let current: Block | null = null;
  const pending: PendingLabel = { text: null, used: false };
  const header: string[][] = [];
  let columns: ColumnMap | null | undefined;
  let readByColumns = -1;
  let zeroMarks = 0;
  /** The last row read by columns, when all its cells were blank: its label may go on in the next row. */
  let blankRow: number | null = null;
  // The header's words, up to the first figures: where positions are unknown, they still say whether 总计 comes first.
  let headerWords = '';
  let sawFigures = false;
  const separator = cellSeparator(events);
  // The numbers alone on their lines since the last line with text (at `loneFrom`).
  let lone: LoneNumber[] = [];
  let loneFrom = -1;

  // A wrapped label's tail inside the run: its lines are no longer the cells' spacing.
  let tailInRun = false;
  /** Ends the run of numbers one a line at `next`, the line with text after it (or the region's end). */
  const endRun = (next: number, atEnd = false) => {
    if (current) blocks.push(current);
    current = null;
    const row = separator === null || loneFrom < 0 || tailInRun ? null : rowOfBlankLines(lone, loneFrom, next, separator, atEnd, pending);
    tailInRun = false;
    // Figures one a line, more than a row's seven, that are one row's cells wrapped in their narrow cells.
    const wrap = row || !sameFigures(blocks, lone) ? null : wrappedCells(lone, () => headerTotalFirst(headerWords));
    if (row) rows.push(row);
    else if (wrap) {
      notes.push(diagnostic('applications_wrapped_cells', 'applications', { pieces: wrap.joined.map((j) => j.pieces.join('/')), cells: wrap.cells }, { line: lone[0]!.line + 1 }));
      rows.push({ values: wrap.cells, sparse: false, label: takeLabel(pending), line: lone[0]!.line, via: 'cells' });
    } else if (blocks.length > 0) verticalRows(blocks, pending, notes, rows);
    blocks = [];
    lone = [];
  };

  // The events with text (no blank lines): what the passes that look at neighbouring lines read.
  const text = events.filter((e) => e.type !== 'blank');
  const { merged, tails } = runContinuations(text);
  const wrapped = wrappedTotals(text);
  const pieces = new Set([...wrapped.values()].flatMap((w) => w.pieces));
  for (const event of events) {
    if (pieces.has(event)) continue;
    // A wrapped total goes where the header puts 总计 (the header's words are all read before the first figures).
    const wrap = wrapped.get(event);
    const totalBefore = wrap?.first === event && headerTotalFirst(headerWords) ? wrap.total : null;
    const totalAfter = wrap?.last === event && !headerTotalFirst(headerWords) ? wrap.total : null;
    if (wrap?.last === event) notes.push(diagnostic('applications_wrapped_total', 'applications', { pieces: wrap.pieces.map((p) => (p as NumbersEvent).values[0]!), total: wrap.total }, { line: event.line + 1 }));
    if (event.type === 'row') {
      if (columns === undefined && event.cells.every((c) => readCellNumber(c) === null) && event.cells.some(isApplicantHeader)) {
        header.push(event.cells);
        continue;
      }
      if (columns === undefined && header.length > 0) columns = headerColumns(header);
      const row = columns ? rowByColumns(event.cells, columns) : null;
      if (!row) continue;
      // A row of empty cells (a table's spacer, a split table's blank header) is no row.
      if (row.values.every((v) => v === null) && row.label === null) continue;
      endRun(event.line);
      loneFrom = -1;
      readByColumns = event.line;
      zeroMarks += row.zeroMarks;
      const label = row.label ?? takeLabel(pending);
      const blank = row.values.every((v) => v === null);
      // A label wrapped onto the next row (a merged cell's text centred across two rows, as a
      // printed PDF gives it): a row of blanks, then figures whose label names no row of the
      // template. One row: the figures under the first row's label.
      const held = blankRow !== null ? rows[blankRow] : undefined;
      if (held && !blank && !namesTemplateRow(label)) {
        rows[blankRow!] = columnsRow(row.values, `${held.label ?? ''} ${label ?? ''}`.trim(), event.line);
        blankRow = null;
        continue;
      }
      blankRow = blank ? rows.length : null;
      rows.push(columnsRow(row.values, label, event.line));
    } else if (event.line === readByColumns) {
      // The row's label and numbers, already read by their columns.
    } else if (event.type === 'blank') {
      if (current) blocks.push(current);
      current = null;
    } else if (event.type === 'label' && tails.has(event) && lone.length % COLUMNS !== 0) {
      // The tail of a row's label, wrapped around its first figures (`…不再处理其政府信息` / `150` /
      // `公开申请` / `25` …, as PDF text orders a tall label cell): the row's run goes on.
      if (!pending.used) pending.text = `${pending.text ?? ''}${event.text}`;
      tailInRun = true;
    } else if (event.type === 'label' || (event.inRow && !(merged.has(event) && (lone.length % COLUMNS) + event.values.length <= COLUMNS))) {
      // A label or a row ends the run of numbers one a line: read it first.
      endRun(event.line);
      loneFrom = event.line;
      if (event.type === 'label') {
        pending.text = event.text;
        pending.used = false;
        if (!sawFigures && headerWords.length < 400) headerWords += event.text;
      } else {
        sawFigures = true;
        zeroMarks += event.zeroMarks;
        const values = [...(totalBefore === null ? [] : [totalBefore]), ...event.values, ...(totalAfter === null ? [] : [totalAfter])];
        lineRows(values, event.line, takeLabel(pending), notes, rows);
      }
    } else {
      sawFigures = true;
      zeroMarks += event.zeroMarks;
      current ??= { values: [], line: event.line };
      // A row's six cells and its wrapped total: the blank lines between cells no longer tell positions.
      if (wrap) tailInRun = true;
      if (totalBefore !== null) current.values.push(totalBefore);
      append(current.values, event.values);
      if (totalAfter !== null) current.values.push(totalAfter);
      for (const value of event.values) lone.push({ value, line: event.line });
    }
  }
  endRun((events[events.length - 1]?.line ?? 0) + 1, true);
  joinMovedTotals(rows, notes);
  if (totalFirst(headerWords, rows)) {
    for (const row of rows) if (row.via !== 'columns' && row.values.length > 0) row.values.push(row.values.shift()!);
    notes.push(diagnostic('applications_total_first', 'applications'));
  }
  if (zeroMarks > 0) notes.push(diagnostic('zero_marks_inferred', 'applications', { count: zeroMarks }));
  const blanksRead = rows.filter((r) => r.blanksInferred).map((r) => r.line + 1);
  const blanksLeft = rows.filter((r) => r.positional).map((r) => r.line + 1);
  if (blanksRead.length > 0) notes.push(diagnostic('applications_blank_cells_inferred', 'applications', { lines: blanksRead }));
  if (blanksLeft.length > 0) notes.push(diagnostic('applications_blank_cells_left', 'applications', { lines: blanksLeft }));
  return { rows, notes };
}

/**
 * What goes on a run of numbers alone on their lines although it is not a lone number (none
 * where no number stands alone on its line):
 * - `merged`: lines of several bare numbers among lone numbers, cells set close together that
 *   PDF text put on one line (`12 181` in a column of one figure a line);
 * - `tails`: labels between lone numbers (one or several lines of them, on lines of their own)
 *   that name no row of the template: a wrapped label's tail, or a side label's pieces, that PDF
 *   text set among a row's figures.
 * Both continue the run only while it is short of a row's seven cells (the caller checks).
 */
function runContinuations(text: readonly TableEvent[]): { merged: Set<TableEvent>; tails: Set<TableEvent> } {
  const merged = new Set<TableEvent>();
  const tails = new Set<TableEvent>();
  if (!text.some((e) => e.type === 'numbers' && !e.inRow)) return { merged, tails };
  const isLone = (e: TableEvent | undefined) => e?.type === 'numbers' && !e.inRow;
  for (let i = 0; i < text.length; i++) {
    const e = text[i]!;
    // A label on the same line makes it a row (`label 5 5`).
    if (e.type !== 'numbers' || !e.inRow || e.cells !== null || e.values.length >= COLUMNS || text[i - 1]?.line === e.line) continue;
    if (isLone(text[i - 1]) || isLone(text[i + 1])) merged.add(e);
  }
  const lone = (e: TableEvent | undefined) => isLone(e) || (e !== undefined && merged.has(e));
  for (let i = 1; i < text.length; i++) {
    if (text[i]!.type !== 'label' || !lone(text[i - 1])) continue;
    let end = i;
    while (text[end]?.type === 'label') end++;
    if (lone(text[end]) && text[end]!.line !== text[end - 1]!.line) {
      let named = false;
      for (let j = i; j < end && !named; j++) named = namesTemplateRow((text[j] as { text: string }).text);
      if (!named) for (let j = i; j < end; j++) tails.add(text[j]!);
    }
    i = end;
  }
  return { merged, tails };
}

/** A wrapped total: its value, the pieces it was printed in, and the first and last events of the six figures of its row. */
interface WrappedTotal {
  total: number;
  pieces: TableEvent[];
  first: TableEvent;
  last: TableEvent;
}

/** At most this many lines for one wrapped figure. */
const MAX_PIECES = 4;

/**
 * A total too wide for its narrow column, its digits wrapped onto lines of their own (`１` / `４`):
 * single figures on lines one after another, next to a row of six figures (a line of them, or
 * six one a line after a label that names a row): after it, around it (`pdftotext -layout`
 * centres the cell on the row), or before its six figures or its label (PDF text in reading
 * order). They are one figure only when their digits, joined, give the sum of the six: then the
 * row's total. Found: the first and the last event of each such row's six → its wrapped total.
 */
function wrappedTotals(text: readonly TableEvent[]): Map<TableEvent, WrappedTotal> {
  const found = new Map<TableEvent, WrappedTotal>();
  if (!text.some(isPiece)) return found;
  const claimed = new Set<TableEvent>();
  /** The pieces from text[i] on (step 1) or back (step -1), each on the line next to the one before, at most `max`. */
  const piecesFrom = (i: number, step: 1 | -1, max = Infinity): TableEvent[] => {
    const out: TableEvent[] = [];
    for (let j = i; out.length < max && isPiece(text[j]) && (out.length === 0 || text[j]!.line === out[out.length - 1]!.line + step); j += step) out.push(text[j]!);
    return step === 1 ? out : out.reverse();
  };
  /** The first candidate whose digits give the six's sum, recorded for the six's first and last events. */
  const take = (six: readonly NumbersEvent[], candidates: TableEvent[][]) => {
    const sum = six.reduce((a, e) => a + e.values.reduce((b, v) => b + v, 0), 0);
    const pieces = candidates.find((r) => r.length >= 2 && r.length <= MAX_PIECES && joinedDigits(r) === sum && !r.some((p) => claimed.has(p)));
    if (!pieces) return false;
    for (const p of pieces) claimed.add(p);
    const wrap = { total: sum, pieces, first: six[0]!, last: six[six.length - 1]! };
    found.set(wrap.first, wrap).set(wrap.last, wrap);
    return true;
  };
  const single = (e: TableEvent | undefined): e is NumbersEvent => e?.type === 'numbers' && !e.inRow && e.values.length === 1;
  // Pieces are a whole run of single figures on lines one after another: never the tail of a longer run.
  const whole = (run: TableEvent[]) => (run.length <= MAX_PIECES ? run : []);
  for (let i = 0; i < text.length; i++) {
    const e = text[i]!;
    if (e.type === 'numbers' && e.inRow && e.cells === null && e.values.length === COLUMNS - 1) {
      // A line of six: the pieces on the lines after it, or those on the lines above and below it.
      let first = i;
      while (text[first - 1]?.line === e.line) first--;
      const after = text[i + 1]?.line === e.line + 1 ? whole(piecesFrom(i + 1, 1)) : [];
      const before = text[first - 1]?.line === e.line - 1 ? whole(piecesFrom(first - 1, -1)) : [];
      take([e], [after, before.length > 0 && after.length > 0 ? [...before, ...after] : []]);
    } else if (e.type === 'label' && namesTemplateRow(e.text)) {
      // A label and figures one a line, not already a row that adds up: six and the pieces after
      // them (the rest of the run), the pieces just before the label, or the pieces before the six.
      let end = i + 1;
      while (single(text[end])) end++;
      const run = text.slice(i + 1, end) as NumbersEvent[];
      if (run.length < COLUMNS - 1 || (run.length >= COLUMNS && rowSumsOk(run.slice(0, COLUMNS).map((n) => n.values[0]!)))) continue;
      const rest = run.slice(COLUMNS - 1);
      const after = piecesFrom(i + COLUMNS, 1);
      if (take(run.slice(0, COLUMNS - 1), [whole(piecesFrom(i - 1, -1)), after.length === rest.length ? whole(after) : []])) continue;
      const lead = piecesFrom(i + 1, 1, MAX_PIECES);
      for (let k = 2; k <= lead.length && run.length >= k + COLUMNS - 1; k++) if (take(run.slice(k, k + COLUMNS - 1), [lead.slice(0, k)])) break;
    }
  }
  return found;
}

/** Whether the blocks hold just the lone numbers, in order (no wrapped total set among them). */
function sameFigures(blocks: readonly Block[], lone: readonly LoneNumber[]): boolean {
  let i = 0;
  for (const b of blocks) for (const v of b.values) if (lone[i++]?.value !== v) return false;
  return i === lone.length;
}

/** A single figure alone on its line that may be a piece of a wrapped figure: one or two digits. */
function isPiece(e: TableEvent | undefined): e is NumbersEvent {
  return e?.type === 'numbers' && !e.inRow && e.values.length === 1 && Number.isInteger(e.values[0]) && (e.values[0] as number) < 100;
}

/** The figure the pieces' digits make, joined in order (NaN when the first is 0: no figure opens with 0). */
function joinedDigits(pieces: readonly TableEvent[]): number {
  const digits = pieces.map((p) => String((p as NumbersEvent).values[0]));
  return digits[0] === '0' ? NaN : Number(digits.join(''));
}

/** A row read by its columns, its blank cells settled where arithmetic allows (else kept by position). */
function columnsRow(values: readonly (number | null)[], label: string | null, line: number): NumberRow {
  const settled = settleBlanks(values);
  if (settled) return { values: settled, sparse: false, label, line, via: 'columns', blanksInferred: values.includes(null) };
  const figures = values.filter((v): v is number => v !== null);
  return { values: figures, sparse: true, label, line, via: 'columns', positional: [...values] };
}

/**
 * The row a run of numbers one a line makes with the blank cells its blank lines hold, or null:
 * read only when they complete it to seven cells, some blank, and it adds up with those as 0 (a
 * label with only blank lines after it, when it names a template row).
 */
function rowOfBlankLines(run: readonly LoneNumber[], from: number, to: number, separator: number, atEnd: boolean, pending: PendingLabel): NumberRow | null {
  if (run.length === 0 && pending.used) return null;
  const cells = cellsWithBlanks(run, from, to, separator, atEnd);
  if (cells?.length !== COLUMNS || !cells.includes(null)) return null;
  if (run.length === 0 && !namesTemplateRow(pending.text)) return null;
  const values = settleBlanks(cells);
  return values ? { values, sparse: false, label: takeLabel(pending), line: run[0]?.line ?? from, via: 'columns', blanksInferred: true } : null;
}

/** Whether a label names a row of the template (not the tail of a wrapped label). */
function namesTemplateRow(label: string | null): boolean {
  return label !== null && namesRow(label);
}

const namesRow = remembered((label: string) => matchApplicationLabel(compactLabel(label)).kind !== 'none');

/** Whether the header's words put 总计 before 自然人. */
function headerTotalFirst(headerWords: string): boolean {
  // A narrow column's header stacks its characters (`总 自然` / `计 人 商业企`): 总 then 计 a few words on.
  const words = headerWords.replace(/\s+/g, '');
  const total = words.search(/总[^总]{0,40}?计/);
  const natural = words.indexOf('自然');
  return total >= 0 && natural >= 0 && total < natural;
}

/**
 * Whether rows read without positions print 总计 first: the header says so (总计 before 自然人,
 * or 总 before 自然 when the header's characters are stacked),
 * and the rows' own sums agree (some add up only with the first figure as the total, none only
 * with the last).
 */
function totalFirst(headerWords: string, rows: readonly NumberRow[]): boolean {
  if (!headerTotalFirst(headerWords)) return false;
  let support = 0;
  for (const row of rows) {
    if (row.via === 'columns' || row.values.length !== COLUMNS) continue;
    const rotated = [...row.values.slice(1), row.values[0]!];
    const asPrinted = rowSumsOk(row.values);
    const asRotated = rowSumsOk(rotated);
    if (asPrinted && !asRotated) return false;
    if (asRotated && !asPrinted) support++;
  }
  return support > 0;
}

/**
 * A row's seven cells by the header's columns (null where blank), its label (its text cells
 * outside those columns) and how many cells were printed as dashes; null when the row does not
 * fit the header: text under a figure's column, or a figure outside them (a row whose merged
 * label cell was dropped, shifting its figures).
 */
function rowByColumns(cells: readonly string[], columns: ColumnMap): { values: (number | null)[]; label: string | null; zeroMarks: number } | null {
  const mapped = new Set<number>(Object.values(columns));
  const labels: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    if (mapped.has(i) || cells[i] === '') continue;
    if (readCellNumber(cells[i]!) !== null || isZeroMark(cells[i]!)) return null;
    labels.push(cells[i]!);
  }
  let zeroMarks = 0;
  const values: (number | null)[] = [];
  for (const key of APPLICANT_COLUMNS) {
    const cell = cells[columns[key]] ?? '';
    const value = readCellNumber(cell);
    if (value !== null) values.push(value);
    else if (cell === '') values.push(null);
    else if (isZeroMark(cell)) {
      values.push(0);
      zeroMarks++;
    } else return null;
  }
  return { values, label: labels.length > 0 ? labels.join(' ') : null, zeroMarks };
}

/**
 * Blank cells of a row read by its columns: a row with no figure at all is a row of zeros; blank
 * cells are 0 when the row adds up with them as 0 (its total printed); otherwise null. A wrong
 * guess would break the table's column identities, which the checks report.
 */
function settleBlanks(values: readonly (number | null)[]): number[] | null {
  if (!values.includes(null)) return values as number[];
  const zeros = values.map((v) => v ?? 0);
  if (values.every((v) => v === null)) return zeros;
  return values[COLUMNS - 1] !== null && rowSumsOk(zeros) ? zeros : null;
}

/** The rows of one line's numbers, pushed onto `out`. */
function lineRows(values: number[], line: number, label: string | null, notes: Diagnostic[], out: NumberRow[]): void {
  if (values.length <= COLUMNS) {
    out.push({ values, sparse: values.length < COLUMNS, label, line, via: 'line' });
  } else if (values.length % COLUMNS !== 0) {
    notes.push(diagnostic('applications_line_too_many_numbers', 'applications', { count: values.length, kept: COLUMNS }, { line: line + 1 }));
    out.push({ values: values.slice(-COLUMNS), sparse: false, label, line, via: 'line' });
  } else {
    for (let i = 0; i < values.length; i += COLUMNS) {
      out.push({ values: values.slice(i, i + COLUMNS), sparse: false, label: i === 0 ? label : null, line, via: 'line' });
    }
  }
}

/**
 * Numbers read row by row, 7 a row, from `stream`; the last row may be short. Where the stream is
 * one figure short of whole rows and the next seven figures after six add up while the first seven
 * do not, the six are a row whose total PDF text set after a page break (`34 0 0 0 0 0`, then the
 * next row's `1288 21 0 0 50 3 1362`, the 34 after the page's footer): kept as six cells and a
 * blank total, which a lone figure further on equal to their sum fills (joinMovedTotals).
 */
function streamRows(stream: readonly number[], line: number, pending: PendingLabel, notes: Diagnostic[], out: NumberRow[]): void {
  for (let i = 0; i < stream.length; ) {
    const rest = stream.length - i;
    if (rest > COLUMNS && rest % COLUMNS === COLUMNS - 1 && !rowSumsOk(stream.slice(i, i + COLUMNS)) && rowSumsOk(stream.slice(i + COLUMNS - 1, i + 2 * COLUMNS - 1))) {
      const six = stream.slice(i, i + COLUMNS - 1);
      out.push({ values: six, sparse: false, positional: [...six, null], totalMoved: true, label: takeLabel(pending), line, via: 'cells' });
      i += COLUMNS - 1;
      continue;
    }
    const values = stream.slice(i, i + COLUMNS);
    const sparse = values.length < COLUMNS;
    if (sparse) notes.push(diagnostic('applications_numbers_left_over', 'applications', { count: values.length }, { line: line + 1 }));
    out.push({ values, sparse, label: takeLabel(pending), line, via: 'cells' });
    i += COLUMNS;
  }
}

/**
 * A row of six figures whose total a page break moved (streamRows; or six figures before a label)
 * takes the next lone figure after it when that figure is the sum of its six: the figure is its
 * total, not a row of its own. Otherwise the row stays as it was read (and is said).
 */
function joinMovedTotals(rows: NumberRow[], notes: Diagnostic[]): void {
  const dropNote = (line: number, count: number) => {
    const at = notes.findIndex((n) => n.code === 'applications_numbers_left_over' && n.line === line + 1 && n.values?.count === count);
    if (at >= 0) notes.splice(at, 1);
  };
  for (const row of rows.filter((r) => r.totalMoved || (r.sparse && r.via === 'cells' && r.values.length === COLUMNS - 1))) {
    const at = rows.indexOf(row);
    const lone = rows.findIndex((r, i) => i > at && r.sparse && r.values.length === 1);
    const total = row.values.reduce((a, v) => a + v, 0);
    if (lone < 0 || rows[lone]!.values[0] !== total) continue;
    const moved = rows[lone]!;
    rows.splice(lone, 1);
    dropNote(moved.line, 1);
    if (row.sparse) dropNote(row.line, COLUMNS - 1);
    row.values = [...row.values, total];
    row.sparse = false;
    delete row.positional;
    delete row.totalMoved;
    notes.push(diagnostic('applications_total_moved', 'applications', { total, from: moved.line + 1 }, { line: row.line + 1 }));
  }
}

/** The rows of a run of numbers one a line (in blocks split by blank lines), pushed onto `out`. */
function verticalRows(blocks: readonly Block[], pending: PendingLabel, notes: Diagnostic[], out: NumberRow[]): void {
  let stream: number[] = [];
  let streamLine = blocks[0]?.line ?? 0;

  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i]!;
    const k = block.values.length;
    // Seven blocks of the same k ≥ 2 numbers may be a column-major block.
    const group = k >= 2 && blocks.length - i >= COLUMNS ? blocks.slice(i, i + COLUMNS) : null;
    const columnMajor = group && group.every((b) => b.values.length === k) ? group : null;
    if (columnMajor && preferColumnMajor(columnMajor.map((b) => b.values))) {
      streamRows(stream, streamLine, pending, notes, out);
      stream = [];
      for (let r = 0; r < k; r++) {
        out.push({
          values: columnMajor.map((b) => b.values[r]!),
          sparse: false,
          label: takeLabel(pending),
          line: block.line,
          via: 'column-major',
        });
      }
      i += COLUMNS;
      continue;
    }
    if (stream.length === 0) streamLine = block.line;
    append(stream, block.values);
    i += 1;
  }
  streamRows(stream, streamLine, pending, notes, out);
}

/** Read a k × 7 block column by column only when that makes more rows add up than row by row. */
function preferColumnMajor(columns: number[][]): boolean {
  const k = columns[0]?.length ?? 0;
  const flat = columns.flat();
  let byColumn = 0;
  let byRow = 0;
  for (let r = 0; r < k; r++) {
    if (rowSumsOk(columns.map((c) => c[r]!))) byColumn++;
    if (rowSumsOk(flat.slice(r * COLUMNS, (r + 1) * COLUMNS))) byRow++;
  }
  return byColumn > byRow;
}
