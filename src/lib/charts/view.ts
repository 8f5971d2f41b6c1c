/**
 * State + aggregate → what the chart shows: a typed view model that the ECharts option, the
 * table and the CSV are all made from, so the three always agree. Values are rounded here,
 * once (shares in %, one decimal; rates per 100, two decimals; counts whole).
 *
 * Every value carries what it rests on, in the table (and so the CSV) and the tooltip: its
 * denominator for a rate, its reports and agencies, how many of its figures are approximate and
 * how many of its reports fail their own checks. A rate under the minimum-n rule (MIN_N) is not
 * drawn and its table cell is empty; the notes say how many and why.
 */
import type { FactNumberField } from '../facts.ts';
import { countedOf, denominatorOf, MEASURES, MIN_N, tooFew, type Counted, type MeasureKey } from '../measures.ts';
import { mergeCells, type Aggregate, type Cell, type Comparison, type Group } from './aggregate.ts';
import { fieldsOf, isMix, MIX_PARTS, touchesOtherHandling, type ChartMeasure } from './measures.ts';
import type { ChartState, GroupBy } from './state.ts';

export type Unit = 'count' | 'share' | 'per100';

/** What a tooltip says a point rests on. */
export interface PointFacts {
  reports: number;
  agencies: number;
  n: number | null;
  approximate: number;
  failing: number;
  tooFew: boolean;
  min: number;
}

/** The words for what figures rest on (src/i18n: dictionary().stats). */
export interface StatsWords {
  countUnits: Record<string, string>;
  reviewParts: Record<string, string>;
  column: { agencies: string; n: string; approximate: string; failing: string; leftOut: string };
  noteMatched(matched: number, agencies: number, years: number[], leftOut: number): string;
  noteNoneMatched(agencies: number, years: number[]): string;
  noteRaw(matched: number, agencies: number, years: number[]): string;
  noteFailing(n: number): string;
  noteApprox(n: number): string;
  noteMinN(hidden: number, min: number): string;
  rule(min: number): string;
  tip(t: PointFacts): string;
  approxMark: string;
}

/** Words the view needs, supplied by src/i18n (kept out of here so this stays pure and bilingual). */
export interface ViewLabels {
  measure(measure: ChartMeasure): string;
  unit(unit: Unit): string;
  groupBy(groupBy: GroupBy): string;
  /** A group value: a level/kind/sector key gets its label, a place or agency name stays as is. */
  group(groupBy: GroupBy, key: string): string;
  part(measure: ChartMeasure, part: string): string;
  column: { group: string; year: string; part: string; count: string; reports: string; missing: string };
  noteTopGroups(shown: number, total: number): string;
  noteSummedYears(from: number, to: number): string;
  noteTemplates: string;
  noteMissing(missing: number): string;
  stats: StatsWords;
}

export interface SeriesView {
  /** Group value, or breakdown part key. */
  key: string;
  name: string;
  values: (number | null)[];
  /** Per point: what it rests on, for the tooltip (null where there is no point). */
  tips?: (string | null)[];
  /** Per point: true when a figure summed is one the report gives as approximate (drawn with ≈). */
  approximate?: boolean[];
}

export interface TableView {
  columns: string[];
  rows: (string | number | null)[][];
}

export interface ChartView {
  kind: 'line' | 'bar' | 'mix';
  title: string;
  unit: Unit;
  categories: string[];
  series: SeriesView[];
  notes: string[];
  table: TableView;
  empty: boolean;
  /** Reports and agencies behind the values shown. */
  coverage: { reports: number; agencies: number };
  /** How years are compared (null when the chart does not compare years). */
  comparison: Comparison | null;
}

/** A view with reports behind it whose every value is empty (a like-with-like change no agency can give, a rate no report has the figures for): nothing to draw, said in place of the chart. */
export const drawsNothing = (view: Pick<ChartView, 'empty' | 'series'>): boolean => !view.empty && view.series.every((s) => s.values.every((v) => v === null));

export const MAX_LINES = 8;
export const MAX_BARS = 30;
export const MAX_MIX_BARS = 15;

export function unitOf(measure: ChartMeasure): Unit {
  return isMix(measure) ? 'share' : MEASURES[measure].unit;
}

export function roundFor(unit: Unit, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (unit === 'share') return Math.round(value * 1000) / 10;
  if (unit === 'per100') return Math.round(value * 100) / 100;
  return Math.round(value);
}

function measureValue(measure: ChartMeasure, cell: Cell | undefined): number | null {
  if (!cell || cell.reports === 0 || isMix(measure) || tooFew(measure, cell.sums)) return null;
  return roundFor(unitOf(measure), MEASURES[measure].value(cell.sums));
}

/** A rate whose cell has reports but rests on fewer than MIN_N cases. */
function hiddenByRule(measure: ChartMeasure, cell: Cell | undefined): boolean {
  return !!cell && cell.reports > 0 && !isMix(measure) && tooFew(measure, cell.sums);
}

function denominator(measure: ChartMeasure, cell: Cell | undefined): number | null {
  if (!cell || cell.reports === 0 || isMix(measure)) return null;
  return denominatorOf(measure, cell.sums);
}

function tipOf(measure: ChartMeasure, cell: Cell | undefined, words: StatsWords, n: number | null = denominator(measure, cell)): string | null {
  if (!cell || cell.reports === 0) return null;
  const small = n === null ? false : n < MIN_N;
  return words.tip({ reports: cell.reports, agencies: cell.agencies.size, n, approximate: cell.approximate, failing: cell.failing, tooFew: small, min: MIN_N });
}

/** The unit word of a measure: 件, 次 … for a count, % or per 100 for a rate. */
export function unitLabel(measure: ChartMeasure, labels: ViewLabels): string {
  const unit = unitOf(measure);
  return unit === 'count' && !isMix(measure) ? (labels.stats.countUnits[countedOf(measure as MeasureKey)] ?? labels.unit(unit)) : labels.unit(unit);
}

/** Whether a measure reads a prose figure (which a report may give as approximate). */
function readsMetric(measure: ChartMeasure): boolean {
  return !isMix(measure) && countedOf(measure) !== 'applications' && MEASURES[measure].unit === 'count';
}

/** The notes every view carries: how years are compared, failing checks, approximate figures, the minimum-n rule. */
function statsNotes(state: ChartState, agg: Aggregate, words: StatsWords, cells: Cell[], hidden: number): string[] {
  const notes: string[] = [];
  const c = agg.comparison;
  if (c) {
    const years = c.years;
    if (c.basis === 'matched') notes.push(c.matched === 0 ? words.noteNoneMatched(c.agencies, years) : words.noteMatched(c.matched, c.agencies, years, c.leftOut));
    else if (c.matched < c.agencies) notes.push(words.noteRaw(c.matched, c.agencies, years));
  }
  const failing = cells.reduce((n, x) => n + x.failing, 0);
  if (failing > 0) notes.push(words.noteFailing(failing));
  const approximate = cells.reduce((n, x) => n + x.approximate, 0);
  if (approximate > 0) notes.push(words.noteApprox(approximate));
  if (hidden > 0) notes.push(words.noteMinN(hidden, MIN_N));
  else if (unitOf(state.measure) !== 'count') notes.push(words.rule(MIN_N));
  return notes;
}

const byReports = (a: Group, b: Group) => b.reports - a.reports || a.key.localeCompare(b.key);

export function buildView(state: ChartState, agg: Aggregate, labels: ViewLabels): ChartView {
  const unit = unitOf(state.measure);
  const fields = fieldsOf(state.measure);
  const title = `${labels.measure(state.measure)}${state.groupBy === 'none' ? '' : ` · ${labels.groupBy(state.groupBy)}`}`;
  const notes: string[] = [];
  if (touchesOtherHandling(state.measure) && agg.templates.length > 1) notes.push(labels.noteTemplates);
  const missing = agg.groups.reduce((n, g) => n + [...g.byYear.values()].reduce((m, c) => m + c.missing, 0), 0);
  if (missing > 0) notes.push(labels.noteMissing(missing));
  const base = { title, unit, notes, comparison: agg.comparison };
  if (agg.selected === 0) {
    return { ...base, kind: 'line', categories: [], series: [], table: { columns: [], rows: [] }, empty: true, coverage: { reports: 0, agencies: 0 } };
  }
  const view = isMix(state.measure)
    ? mixView(state, agg, labels, fields)
    : agg.years.length > 1 || state.groupBy === 'none'
      ? lineView(state, agg, labels)
      : barView(state, agg, labels);
  const shown = mergeCells(view.cells, fields);
  return {
    ...base,
    kind: view.kind,
    categories: view.categories,
    series: view.series,
    table: view.table,
    notes: [...notes, ...view.notes, ...statsNotes(state, agg, labels.stats, view.cells, view.hidden)],
    empty: false,
    coverage: { reports: shown.reports, agencies: shown.agencies.size },
  };
}

interface ViewBody extends Pick<ChartView, 'kind' | 'categories' | 'series' | 'table' | 'notes'> {
  /** The cells the view shows (for the notes and the coverage). */
  cells: Cell[];
  /** Values not shown under the minimum-n rule. */
  hidden: number;
}

/** The table's columns after the value: what the value rests on. */
function restColumns(state: ChartState, agg: Aggregate, labels: ViewLabels): string[] {
  const c = labels.column;
  const s = labels.stats.column;
  return [
    ...(unitOf(state.measure) === 'count' ? [] : [s.n]),
    ...(readsMetric(state.measure) ? [s.approximate] : []),
    c.reports,
    s.agencies,
    c.missing,
    s.failing,
    ...(agg.comparison?.basis === 'matched' ? [s.leftOut] : []),
  ];
}

function restValues(state: ChartState, agg: Aggregate, cell: Cell | undefined): (number | null)[] {
  const none = cell === undefined;
  return [
    ...(unitOf(state.measure) === 'count' ? [] : [denominator(state.measure, cell)]),
    ...(readsMetric(state.measure) ? [none ? 0 : cell.approximate] : []),
    cell?.reports ?? 0,
    cell?.agencies.size ?? 0,
    cell?.missing ?? 0,
    cell?.failing ?? 0,
    ...(agg.comparison?.basis === 'matched' ? [cell?.leftOut ?? 0] : []),
  ];
}

function measureColumns(state: ChartState, agg: Aggregate, labels: ViewLabels): string[] {
  const c = labels.column;
  return [c.group, c.year, `${labels.measure(state.measure)} (${unitLabel(state.measure, labels)})`, ...restColumns(state, agg, labels)];
}

/** The series' point details (tooltip text, approximate marks) for these cells. */
function pointsOf(state: ChartState, cells: (Cell | undefined)[], labels: ViewLabels): Pick<SeriesView, 'tips' | 'approximate'> {
  return {
    tips: cells.map((cell) => tipOf(state.measure, cell, labels.stats)),
    approximate: cells.map((cell) => (cell?.approximate ?? 0) > 0),
  };
}

function lineView(state: ChartState, agg: Aggregate, labels: ViewLabels): ViewBody {
  const groups = [...agg.groups].sort(byReports);
  const shown = groups.slice(0, MAX_LINES);
  const notes = groups.length > shown.length ? [labels.noteTopGroups(shown.length, groups.length)] : [];
  const series = shown.map((g) => {
    const cells = agg.years.map((y) => g.byYear.get(y));
    return {
      key: g.key,
      name: labels.group(state.groupBy, g.key),
      values: cells.map((cell) => measureValue(state.measure, cell)),
      ...pointsOf(state, cells, labels),
    };
  });
  const cells = shown.flatMap((g) => [...g.byYear.values()]);
  const rows = shown.flatMap((g) =>
    agg.years.flatMap((y) => {
      const cell = g.byYear.get(y);
      return cell ? [[labels.group(state.groupBy, g.key), y, measureValue(state.measure, cell), ...restValues(state, agg, cell)]] : [];
    }),
  );
  const hidden = cells.filter((cell) => hiddenByRule(state.measure, cell)).length;
  return { kind: 'line', categories: agg.years.map(String), series, notes, table: { columns: measureColumns(state, agg, labels), rows }, cells, hidden };
}

function barView(state: ChartState, agg: Aggregate, labels: ViewLabels): ViewBody {
  const year = agg.years[0] as number;
  const valued = agg.groups.map((g) => ({ g, cell: g.byYear.get(year), value: measureValue(state.measure, g.byYear.get(year)) }));
  valued.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || byReports(a.g, b.g));
  const shown = valued.slice(0, MAX_BARS);
  const notes = valued.length > shown.length ? [labels.noteTopGroups(shown.length, valued.length)] : [];
  const categories = shown.map((v) => labels.group(state.groupBy, v.g.key));
  const rows = shown.map((v, i) => [categories[i] as string, year, v.value, ...restValues(state, agg, v.cell)]);
  const cells = shown.flatMap((v) => (v.cell ? [v.cell] : []));
  return {
    kind: 'bar',
    categories,
    series: [{ key: state.measure, name: labels.measure(state.measure), values: shown.map((v) => v.value), ...pointsOf(state, shown.map((v) => v.cell), labels) }],
    notes,
    table: { columns: measureColumns(state, agg, labels), rows },
    cells,
    hidden: cells.filter((cell) => hiddenByRule(state.measure, cell)).length,
  };
}

/** Breakdown: one stacked bar per group (its years summed) or per year when not grouped. */
function mixView(state: ChartState, agg: Aggregate, labels: ViewLabels, fields: FactNumberField[]): ViewBody {
  const { parts, denominator: whole } = MIX_PARTS[state.measure as keyof typeof MIX_PARTS];
  let bars: { label: string; cell: Cell }[];
  const notes: string[] = [];
  if (state.groupBy === 'none') {
    const only = agg.groups[0];
    bars = agg.years.map((y) => ({ label: String(y), cell: only?.byYear.get(y) ?? mergeCells([], fields) }));
  } else {
    const groups = [...agg.groups].sort(byReports);
    const shown = groups.slice(0, MAX_MIX_BARS);
    if (groups.length > shown.length) notes.push(labels.noteTopGroups(shown.length, groups.length));
    const first = agg.years[0] as number;
    const last = agg.years[agg.years.length - 1] as number;
    if (first !== last) notes.push(labels.noteSummedYears(first, last));
    bars = shown.map((g) => ({ label: labels.group(state.groupBy, g.key), cell: mergeCells(g.byYear.values(), fields) }));
  }
  const n = (cell: Cell) => (cell.reports === 0 ? null : (cell.sums[whole] as number));
  const small = (cell: Cell) => cell.reports > 0 && (n(cell) ?? 0) < MIN_N;
  const share = (cell: Cell, field: FactNumberField) =>
    cell.reports === 0 || !cell.sums[whole] || small(cell) ? null : roundFor('share', (cell.sums[field] as number) / (cell.sums[whole] as number));
  const series = parts.map((p) => ({
    key: p.key,
    name: labels.part(state.measure, p.key),
    values: bars.map((b) => share(b.cell, p.field)),
    tips: bars.map((b) => tipOf(state.measure, b.cell, labels.stats, n(b.cell))),
    approximate: bars.map(() => false),
  }));
  const c = labels.column;
  const s = labels.stats.column;
  const matched = agg.comparison?.basis === 'matched';
  const rows = bars.flatMap((b) =>
    parts.map((p) => [
      b.label,
      labels.part(state.measure, p.key),
      share(b.cell, p.field),
      b.cell.reports === 0 ? null : (b.cell.sums[p.field] as number),
      n(b.cell),
      b.cell.reports,
      b.cell.agencies.size,
      b.cell.missing,
      b.cell.failing,
      ...(matched ? [b.cell.leftOut] : []),
    ]),
  );
  const groupCol = state.groupBy === 'none' ? c.year : c.group;
  return {
    kind: 'mix',
    categories: bars.map((b) => b.label),
    series,
    notes,
    table: {
      columns: [groupCol, c.part, `${labels.measure(state.measure)} (${labels.unit('share')})`, c.count, s.n, c.reports, s.agencies, c.missing, s.failing, ...(matched ? [s.leftOut] : [])],
      rows,
    },
    cells: bars.map((b) => b.cell),
    hidden: bars.filter((b) => small(b.cell)).length,
  };
}
