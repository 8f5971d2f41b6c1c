/**
 * State + aggregate → what the chart shows: a typed view model that the ECharts option, the
 * table and the CSV are all made from, so the three always agree. Values are rounded here,
 * once (shares in %, one decimal; rates per 100, two decimals; counts whole).
 */
import type { FactNumberField } from '../facts.ts';
import { MEASURES } from '../measures.ts';
import { mergeCells, type Aggregate, type Cell, type Group } from './aggregate.ts';
import { fieldsOf, isMix, MIX_PARTS, touchesOtherHandling, type ChartMeasure } from './measures.ts';
import type { ChartState, GroupBy } from './state.ts';

export type Unit = 'count' | 'share' | 'per100';

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
}

export interface SeriesView {
  /** Group value, or breakdown part key. */
  key: string;
  name: string;
  values: (number | null)[];
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
}

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
  if (!cell || cell.reports === 0 || isMix(measure)) return null;
  return roundFor(unitOf(measure), MEASURES[measure].value(cell.sums));
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
  const base = { title, unit, notes };
  if (agg.selected === 0) return { ...base, kind: 'line', categories: [], series: [], table: { columns: [], rows: [] }, empty: true };
  const view = isMix(state.measure)
    ? mixView(state, agg, labels, fields)
    : agg.years.length > 1 || state.groupBy === 'none'
      ? lineView(state, agg, labels)
      : barView(state, agg, labels);
  return { ...base, ...view, notes: [...notes, ...view.notes], empty: false };
}

type ViewBody = Pick<ChartView, 'kind' | 'categories' | 'series' | 'table' | 'notes'>;

function measureColumns(state: ChartState, labels: ViewLabels): string[] {
  const unit = unitOf(state.measure);
  const c = labels.column;
  return [c.group, c.year, `${labels.measure(state.measure)} (${labels.unit(unit)})`, c.reports, c.missing];
}

function lineView(state: ChartState, agg: Aggregate, labels: ViewLabels): ViewBody {
  const groups = [...agg.groups].sort(byReports);
  const shown = groups.slice(0, MAX_LINES);
  const notes = groups.length > shown.length ? [labels.noteTopGroups(shown.length, groups.length)] : [];
  const series = shown.map((g) => ({
    key: g.key,
    name: labels.group(state.groupBy, g.key),
    values: agg.years.map((y) => measureValue(state.measure, g.byYear.get(y))),
  }));
  const rows = shown.flatMap((g) =>
    agg.years.flatMap((y) => {
      const cell = g.byYear.get(y);
      return cell ? [[labels.group(state.groupBy, g.key), y, measureValue(state.measure, cell), cell.reports, cell.missing]] : [];
    }),
  );
  return { kind: 'line', categories: agg.years.map(String), series, notes, table: { columns: measureColumns(state, labels), rows } };
}

function barView(state: ChartState, agg: Aggregate, labels: ViewLabels): ViewBody {
  const year = agg.years[0] as number;
  const valued = agg.groups.map((g) => ({ g, cell: g.byYear.get(year), value: measureValue(state.measure, g.byYear.get(year)) }));
  valued.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || byReports(a.g, b.g));
  const shown = valued.slice(0, MAX_BARS);
  const notes = valued.length > shown.length ? [labels.noteTopGroups(shown.length, valued.length)] : [];
  const categories = shown.map((v) => labels.group(state.groupBy, v.g.key));
  const rows = shown.map((v, i) => [categories[i] as string, year, v.value, v.cell?.reports ?? 0, v.cell?.missing ?? 0]);
  return {
    kind: 'bar',
    categories,
    series: [{ key: state.measure, name: labels.measure(state.measure), values: shown.map((v) => v.value) }],
    notes,
    table: { columns: measureColumns(state, labels), rows },
  };
}

/** Breakdown: one stacked bar per group (its years summed) or per year when not grouped. */
function mixView(state: ChartState, agg: Aggregate, labels: ViewLabels, fields: FactNumberField[]): ViewBody {
  const { parts, denominator } = MIX_PARTS[state.measure as keyof typeof MIX_PARTS];
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
  const share = (cell: Cell, field: FactNumberField) =>
    cell.reports === 0 || !cell.sums[denominator] ? null : roundFor('share', (cell.sums[field] as number) / (cell.sums[denominator] as number));
  const series = parts.map((p) => ({ key: p.key, name: labels.part(state.measure, p.key), values: bars.map((b) => share(b.cell, p.field)) }));
  const c = labels.column;
  const rows = bars.flatMap((b) =>
    parts.map((p) => [b.label, labels.part(state.measure, p.key), share(b.cell, p.field), b.cell.reports === 0 ? null : (b.cell.sums[p.field] as number), b.cell.reports]),
  );
  const groupCol = state.groupBy === 'none' ? c.year : c.group;
  return {
    kind: 'mix',
    categories: bars.map((b) => b.label),
    series,
    notes,
    table: { columns: [groupCol, c.part, `${labels.measure(state.measure)} (${labels.unit('share')})`, c.count, c.reports], rows },
  };
}
