/**
 * Section 三 template stage: numeric rows → the 25 (or 23) template rows.
 *
 * Rows always come in template order, so when the table yields exactly 25 rows (2021) or 23
 * (2019, or a 2021 report printing 其他处理 as one row) they are placed in order; labels are
 * then only cross-checked. Otherwise rows are placed by their labels. Of the two placements the
 * one whose arithmetic and labels agree best wins. Sparse rows (zeros dropped) are completed
 * only where arithmetic allows, and each completion is a diagnostic: a row of the balance
 * (本年新收 + 上年结转 = 总计 + 结转下年度) short of cells is worked out from the other three when
 * they are whole. With one row too many, a lone figure whose label names an earlier row (a cell
 * PDF text moved away) is set aside first.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  emptyApplicantCells,
  type ApplicantCells,
  type ApplicationRow,
} from '../schema.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { compactLabel } from './normalize.ts';
import { remembered } from './memo.ts';
import type { NumberRow } from './number-rows.ts';
import { COLUMNS, rowSumsOk } from './row-sums.ts';
import { ROWS_BY_VERSION, SPLIT_OTHER_ROWS } from '../template.ts';
import { isDamagedLabel, matchApplicationLabel } from './template.ts';

export interface ApplicationsResult {
  applications: Record<ApplicationRow, ApplicantCells>;
  /** True when 其他处理 was printed as one row (2019 template style). */
  singleOtherRow: boolean;
  diagnostics: Diagnostic[];
}

const ROWS_SINGLE_OTHER = ROWS_BY_VERSION['2019'];

type Hint = ApplicationRow | 'other_group' | null;
type Placement = { row: ApplicationRow; source: NumberRow; hint: Hint }[];

/** What a label says: the row it names, and whether it departs from that row's wording. */
const readLabel = remembered((label: string): { hint: Hint; damaged: boolean } => {
  const compact = compactLabel(label);
  const m = matchApplicationLabel(compact);
  const hint: Hint = m.kind === 'row' ? m.row : m.kind === 'other_group' ? 'other_group' : null;
  // Whether the label departs from the wording of the row it names (see isDamagedLabel).
  const damaged = hint !== null && hint !== 'other_group' && isDamagedLabel(hint, compact);
  return { hint, damaged };
});

function hintOf(source: NumberRow): Hint {
  return source.label ? readLabel(source.label).hint : null;
}

function inOrder(rows: readonly NumberRow[], hints: readonly Hint[]): Placement | null {
  const template = rows.length === APPLICATION_ROWS.length ? APPLICATION_ROWS : rows.length === ROWS_SINGLE_OTHER.length ? ROWS_SINGLE_OTHER : null;
  return template ? rows.map((source, i) => ({ row: template[i]!, source, hint: hints[i]! })) : null;
}

function byLabel(rows: readonly NumberRow[], hints: readonly Hint[]): Placement {
  const placement: Placement = [];
  let cursor = 0;
  rows.forEach((source, i) => {
    const h = hints[i]!;
    const target = h === 'other_group' ? 'other_misc' : h;
    const at = target ? APPLICATION_ROWS.indexOf(target) : -1;
    if (at >= cursor) cursor = at;
    const row = APPLICATION_ROWS[cursor];
    if (!row) return;
    placement.push({ row, source, hint: h });
    cursor++;
  });
  return placement;
}

function labelAgreement(placement: Placement): { agree: number; disagree: number } {
  let agree = 0;
  let disagree = 0;
  for (const { row, hint } of placement) {
    if (hint === null) continue;
    if (hint === row || (hint === 'other_group' && row === 'other_misc')) agree++;
    else disagree++;
  }
  return { agree, disagree };
}

/** How well a placement fits: the template's identities that hold, plus labels that agree. */
function score(placement: Placement): number {
  const at = new Map<ApplicationRow, readonly number[]>();
  for (const { row, source } of placement) if (!source.sparse && !at.has(row)) at.set(row, source.values);
  const singleOther = SPLIT_OTHER_ROWS.every((r) => !at.has(r));
  const outcomeRows = APPLICATION_ROWS.slice(2, -2).filter((r) => !(singleOther && SPLIT_OTHER_ROWS.includes(r)));
  let s = 0;
  for (let c = 0; c < COLUMNS; c++) {
    const v = (r: ApplicationRow) => at.get(r)?.[c];
    const [n, o, t, f] = [v('new'), v('carried_over'), v('total_processed'), v('carried_forward')];
    if (n !== undefined && o !== undefined && t !== undefined && f !== undefined && n + o === t + f) s += 2;
    let sum = 0;
    let complete = t !== undefined;
    for (const r of outcomeRows) {
      const x = v(r);
      if (x === undefined) complete = false;
      else sum += x;
    }
    if (complete && sum === t) s += 2;
  }
  const { agree, disagree } = labelAgreement(placement);
  return s + agree - disagree;
}

const samePlacement = (a: Placement, b: Placement) => a.length === b.length && a.every((p, i) => p.row === b[i]!.row);

/**
 * A figure PDF text moved out of its row: with one row more than the template, the one row of a
 * single figure whose label names a row the template puts before it (its place in the rows is
 * past that row's). Its index, or -1.
 */
function strayFigure(rows: readonly NumberRow[], hints: readonly Hint[]): number {
  if (rows.length !== APPLICATION_ROWS.length + 1 && rows.length !== ROWS_SINGLE_OTHER.length + 1) return -1;
  const strays = rows.flatMap((r, i) => {
    const h = hints[i];
    const named = h === 'other_group' ? APPLICATION_ROWS.indexOf('other_misc') : h ? APPLICATION_ROWS.indexOf(h) : -1;
    return r.values.length === 1 && r.sparse && named >= 0 && named < i ? [i] : [];
  });
  return strays.length === 1 ? strays[0]! : -1;
}

export function placeApplications(printedRows: readonly NumberRow[]): ApplicationsResult {
  const diagnostics: Diagnostic[] = [];
  const printedHints = printedRows.map(hintOf);
  const stray = strayFigure(printedRows, printedHints);
  const kept = (_: unknown, i: number) => i !== stray;
  const rows = printedRows.filter(kept);
  const hints = printedHints.filter(kept);
  if (stray >= 0) {
    const { values, line } = printedRows[stray]!;
    diagnostics.push(diagnostic('applications_stray_figure', 'applications', { value: values[0]! }, { line: line + 1 }));
  }
  const ordered = inOrder(rows, hints);
  const labelled = byLabel(rows, hints);
  let chosen = labelled;
  if (ordered) {
    chosen = samePlacement(ordered, labelled) || score(ordered) >= score(labelled) ? ordered : labelled;
    const { disagree } = labelAgreement(chosen);
    if (chosen === ordered && disagree > 0) {
      diagnostics.push(diagnostic('applications_labels_displaced', 'applications', { count: disagree }));
    }
  } else if (rows.length === 0) {
    diagnostics.push(diagnostic('applications_no_figures', 'applications'));
  } else {
    diagnostics.push(diagnostic('applications_row_count', 'applications', { found: rows.length }));
  }
  return fill(chosen, diagnostics);
}

function fill(placement: Placement, diagnostics: Diagnostic[]): ApplicationsResult {
  const placed = new Map<ApplicationRow, ApplicantCells>();
  const printed = new Map<ApplicationRow, readonly number[]>();
  for (const { row, source, hint } of placement) {
    if (hint === row && source.label && readLabel(source.label).damaged) {
      diagnostics.push(diagnostic('applications_damaged_label', 'applications', { label: source.label }, { row, line: source.line + 1 }));
    }
    if (placed.has(row)) {
      diagnostics.push(diagnostic('applications_duplicate_row', 'applications', {}, { row, line: source.line + 1 }));
      continue;
    }
    placed.set(row, source.positional ? toCells(source.positional) : source.sparse ? completeSparseRow(row, source, diagnostics) : toCells(source.values));
    printed.set(row, source.values);
    if (source.via === 'column-major') {
      // Reading a block column by column is an inference from layout and arithmetic.
      if (!diagnostics.some((d) => d.code === 'applications_column_major')) {
        diagnostics.push(diagnostic('applications_column_major', 'applications'));
      }
    }
  }
  completeFromBalance(placed, printed, diagnostics);
  const singleOtherRow = placed.has('other_misc') && SPLIT_OTHER_ROWS.every((r) => !placed.has(r));
  const missing = APPLICATION_ROWS.filter((r) => !placed.has(r) && !(singleOtherRow && SPLIT_OTHER_ROWS.includes(r)));
  if (placement.length > 0 && missing.length > 0) {
    diagnostics.push(diagnostic('applications_rows_not_found', 'applications', { rows: missing }));
  }
  return { applications: inTemplateOrder(placed), singleOtherRow, diagnostics };
}

const BALANCE_ROWS = ['new', 'carried_over', 'total_processed', 'carried_forward'] as const satisfies readonly ApplicationRow[];

/** Whether `part` is `whole` with some values left out, the rest in order. */
function isSubsequence(part: readonly number[], whole: readonly number[]): boolean {
  let at = 0;
  for (const v of whole) if (at < part.length && part[at] === v) at++;
  return at === part.length;
}

/**
 * A row of the balance (本年新收 + 上年结转 = 总计 + 结转下年度) with cells lost (a sparse row kept
 * as its total, a cell PDF text moved away): when the other three rows are whole, the identity
 * gives each of its cells. Taken only when every cell comes out ≥ 0, the row adds up, and the
 * figures it printed stand among them in order; said with a diagnostic.
 */
function completeFromBalance(placed: Map<ApplicationRow, ApplicantCells>, printed: ReadonlyMap<ApplicationRow, readonly number[]>, diagnostics: Diagnostic[]): void {
  const whole = (r: ApplicationRow) => {
    const cells = placed.get(r);
    return cells !== undefined && Object.values(cells).every((v) => v !== null);
  };
  const missing = BALANCE_ROWS.filter((r) => !whole(r));
  const row = missing[0];
  // A row placed has its printed figures: one not found at all is not worked out.
  const shown = row === undefined ? undefined : printed.get(row);
  if (missing.length !== 1 || row === undefined || !shown?.length) return;
  const values = APPLICANT_COLUMNS.map((c) => {
    const [n, o, t, f] = BALANCE_ROWS.map((r) => (r === row ? 0 : placed.get(r)![c]!)) as [number, number, number, number];
    return row === 'new' ? t + f - o : row === 'carried_over' ? t + f - n : row === 'total_processed' ? n + o - f : n + o - t;
  });
  if (values.some((x) => x < 0) || !rowSumsOk(values) || !isSubsequence(shown, values)) return;
  placed.set(row, toCells(values));
  // What the sparse row's reading said (only its total kept) no longer holds.
  const superseded = new Set<string>(['applications_total_only', 'applications_total_kept', 'applications_row_not_adding_up']);
  for (let i = diagnostics.length - 1; i >= 0; i--) if (diagnostics[i]!.row === row && superseded.has(diagnostics[i]!.code)) diagnostics.splice(i, 1);
  diagnostics.push(diagnostic('applications_row_from_balance', 'applications', { printed: [...shown], cells: values }, { row }));
}

/** Every template row, in template order: the cells placed, or empty cells. */
function inTemplateOrder(placed: ReadonlyMap<ApplicationRow, ApplicantCells>): Record<ApplicationRow, ApplicantCells> {
  const applications = {} as Record<ApplicationRow, ApplicantCells>;
  for (const row of APPLICATION_ROWS) applications[row] = placed.get(row) ?? emptyApplicantCells();
  return applications;
}

function toCells(values: readonly (number | null)[]): ApplicantCells {
  const [natural = null, commercial = null, research = null, social = null, legal = null, other = null, total = null] = values;
  return { natural, commercial, research, social, legal, other, total };
}

/**
 * A row printed with zeros dropped (`本年新收 | 6 | 6 |`). Counts are never negative, so a total
 * of 0 makes every cell 0; a single applicant figure equal to the total is placed under 自然人,
 * the usual applicant, with a diagnostic; anything else keeps only the total.
 */
function completeSparseRow(row: ApplicationRow, source: NumberRow, diagnostics: Diagnostic[]): ApplicantCells {
  const v = source.values;
  const at = { row, line: source.line + 1 };
  if (v.length > 0 && v.every((x) => x === 0)) {
    // One diagnostic per count of printed cells, listing its rows.
    const same = diagnostics.find((d) => d.code === 'applications_zero_rows_inferred' && d.values.printed === v.length);
    if (same) (same.values.rows as string[]).push(row);
    else diagnostics.push(diagnostic('applications_zero_rows_inferred', 'applications', { printed: v.length, rows: [row] }));
    return toCells(Array(COLUMNS).fill(0));
  }
  const total = v[v.length - 1]!;
  const applicants = v.slice(0, -1);
  if (applicants.length === 1 && applicants[0] === total) {
    diagnostics.push(diagnostic('applications_single_figure_as_natural', 'applications', { printed: [...v], total }, at));
    return toCells([total, 0, 0, 0, 0, 0, total]);
  }
  if (applicants.length === 0) {
    diagnostics.push(diagnostic('applications_total_only', 'applications', { total }, at));
  } else if (rowSumsOk([...applicants, ...Array(COLUMNS - 1 - applicants.length).fill(0), total])) {
    diagnostics.push(diagnostic('applications_total_kept', 'applications', { printed: [...v] }, at));
  } else {
    diagnostics.push(diagnostic('applications_row_not_adding_up', 'applications', { printed: [...v] }, at));
  }
  return { ...toCells([]), total };
}
