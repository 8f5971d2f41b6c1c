/**
 * Section 四: reconsideration and litigation, 15 cells in one row (three groups of five).
 * Cells come as one row, one a line, as a positional pipe row with blanks, one a line with
 * blank cells as more blank lines (blank-lines.ts), or (PDF text) in runs out of order; runs are
 * then reordered only when exactly the reordering makes every group add up, and that is a
 * diagnostic. Fourteen figures (one cell moved out of the table) are completed only where one
 * place alone for the missing cell makes every group add up.
 */
import { CASE_OUTCOMES, emptyCaseCells, type CaseCells } from '../schema.ts';
import type { TableEvent } from './lines.ts';
import { append } from './append.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { cellSeparator, cellsWithBlanks, type LoneNumber } from './blank-lines.ts';

export interface CasesResult {
  review: CaseCells;
  litigation_direct: CaseCells;
  litigation_after_review: CaseCells;
  diagnostics: Diagnostic[];
}

const CELLS = 15;

export function readCases(events: readonly TableEvent[]): CasesResult {
  const diagnostics: Diagnostic[] = [];
  let zeroMarks = 0;
  for (const e of events) if (e.type === 'numbers') zeroMarks += e.zeroMarks;
  if (zeroMarks > 0) diagnostics.push(diagnostic('zero_marks_inferred', 'cases', { count: zeroMarks }));
  const positional =
    events.find((e): e is Extract<TableEvent, { type: 'numbers' }> => e.type === 'numbers' && e.cells !== null && e.cells.length === CELLS)?.cells ??
    cellsOfBlankLines(events);
  if (positional) {
    const cells = [0, 5, 10].flatMap((o) => settleGroupBlanks(positional.slice(o, o + 5)));
    const read = positional.filter((c, i) => c === null && cells[i] !== null).length;
    const left = cells.filter((c) => c === null).length;
    if (read > 0) diagnostics.push(diagnostic('cases_blank_cells_inferred', 'cases', { count: read }));
    if (left > 0) diagnostics.push(diagnostic('cases_blank_cells', 'cases', { blank: left }));
    return groups(cells, diagnostics);
  }

  const runs: number[][] = [];
  let run: number[] = [];
  for (const e of events) {
    if (e.type === 'numbers') append(run, e.values);
    else if (e.type === 'label' && run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  const values: number[] = [];
  for (const r of runs) append(values, r);

  if (values.length === 0) {
    diagnostics.push(diagnostic('cases_no_figures', 'cases'));
    return groups([], diagnostics);
  }
  if (values.length < CELLS) {
    if (values.every((v) => v === 0)) {
      diagnostics.push(diagnostic('cases_zeros_inferred', 'cases', { printed: values.length }));
      return groups(Array(CELLS).fill(0), diagnostics);
    }
    const completed = values.length === CELLS - 1 ? oneCellBySums(values) : null;
    if (completed) {
      diagnostics.push(diagnostic('cases_cell_from_sums', 'cases', { printed: values, cells: completed }));
      return groups(completed, diagnostics);
    }
    diagnostics.push(diagnostic('cases_too_few_figures', 'cases', { printed: values }));
    return groups([], diagnostics);
  }
  if (values.length > CELLS) {
    diagnostics.push(diagnostic('cases_too_many_figures', 'cases', { found: values.length }));
    return groups(values.slice(-CELLS), diagnostics);
  }
  if (!allGroupsAddUp(values) && runs.length > 1 && runs.length <= 7) {
    const reordered = reorderRuns(runs);
    if (reordered) {
      diagnostics.push(diagnostic('cases_reordered', 'cases'));
      return groups(reordered, diagnostics);
    }
  }
  return groups(values, diagnostics);
}

/**
 * The 15 cells printed one a line with blank cells as more blank lines, or null: the figures
 * must come in one run (no text among them) that its blank lines complete to 15 cells.
 */
function cellsOfBlankLines(events: readonly TableEvent[]): (number | null)[] | null {
  const separator = cellSeparator(events);
  if (separator === null) return null;
  const first = events.findIndex((e) => e.type === 'numbers');
  if (first < 0) return null;
  const run: LoneNumber[] = [];
  let i = first;
  for (; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === 'label') break;
    if (e.type === 'numbers') for (const value of e.values) run.push({ value, line: e.line });
  }
  if (events.slice(i).some((e) => e.type === 'numbers')) return null;
  const before = events.slice(0, first).findLast((e) => e.type !== 'blank');
  if (!before) return null;
  const after = events[i];
  const cells = cellsWithBlanks(run, before.line, after ? after.line : events[events.length - 1]!.line + 1, separator, !after);
  return cells?.length === CELLS && cells.includes(null) ? cells : null;
}

/**
 * Blank cells of a group of five: 0 when the group's printed total says so (the group adds up
 * with them as 0); otherwise, and in a group with no figure at all, left null (no arithmetic
 * could catch a wrong guess there).
 */
function settleGroupBlanks(cells: readonly (number | null)[]): (number | null)[] {
  const zeros = cells.map((c) => c ?? 0);
  return cells.includes(null) && cells[4] !== null && groupAddsUp(zeros) ? zeros : [...cells];
}

/** The 15 cells as the three groups of five. */
function groups(cells: readonly (number | null)[], diagnostics: Diagnostic[]): CasesResult {
  return { review: group(cells, 0), litigation_direct: group(cells, 5), litigation_after_review: group(cells, 10), diagnostics };
}

function group(cells: readonly (number | null)[], offset: number): CaseCells {
  const out = emptyCaseCells();
  for (let i = 0; i < CASE_OUTCOMES.length; i++) out[CASE_OUTCOMES[i]!] = cells[offset + i] ?? null;
  return out;
}

export function groupAddsUp(cells: readonly (number | null)[]): boolean {
  if (cells.length !== 5 || cells.some((c) => c === null)) return false;
  const [a, b, c, d, total] = cells as number[];
  return a! + b! + c! + d! === total;
}

function allGroupsAddUp(values: readonly number[]): boolean {
  return [0, 5, 10].every((o) => groupAddsUp(values.slice(o, o + 5)));
}

/**
 * Fourteen figures in order, one cell lost (PDF text moved it out of the table): the 15 cells
 * when exactly one set of them puts a cell somewhere so that every group adds up, that cell
 * being what its group's sum makes it (never below 0); else null.
 */
function oneCellBySums(values: readonly number[]): number[] | null {
  let found: number[] | null = null;
  for (let p = 0; p < CELLS; p++) {
    const cells = [...values.slice(0, p), 0, ...values.slice(p)];
    const g = p - (p % 5);
    const others = cells.slice(g, g + 4).reduce((a, v) => a + v, 0);
    cells[p] = p % 5 === 4 ? others : cells[g + 4]! - others;
    if (cells[p]! < 0 || !allGroupsAddUp(cells)) continue;
    if (found && found.some((v, i) => v !== cells[i])) return null;
    found = cells;
  }
  return found;
}

/**
 * The permutation of runs that makes all groups add up, closest to the printed order (fewest
 * inversions; the last run kept last, as the last cell of the row is printed last). Depth-first,
 * dropping an order as soon as a completed group does not add up.
 */
function reorderRuns(runs: number[][]): number[] | null {
  let best: { values: number[]; cost: number } | null = null;
  const used = runs.map(() => false);
  const order: number[] = [];
  const values: number[] = [];
  const visit = () => {
    if (order.length === runs.length) {
      let cost = 0;
      for (let i = 0; i < order.length; i++) for (let j = i + 1; j < order.length; j++) if (order[i]! > order[j]!) cost += 2;
      if (order[order.length - 1] !== runs.length - 1) cost += 1;
      if (order[0] !== 0) cost += 1;
      if (!best || cost < best.cost) best = { values: [...values], cost };
      return;
    }
    for (let r = 0; r < runs.length; r++) {
      if (used[r]) continue;
      const before = values.length;
      values.push(...runs[r]!);
      const groupsDone = Math.min(3, Math.floor(values.length / 5));
      let ok = true;
      for (let g = Math.floor(before / 5); g < groupsDone && ok; g++) ok = groupAddsUp(values.slice(g * 5, g * 5 + 5));
      if (ok) {
        used[r] = true;
        order.push(r);
        visit();
        order.pop();
        used[r] = false;
      }
      values.length = before;
    }
  };
  visit();
  return (best as { values: number[] } | null)?.values ?? null;
}
