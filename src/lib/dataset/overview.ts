/**
 * overview.json: what the overview page loads, bounded in size whatever the number of reports
 * (sums per year, per year × province / level / sector, and the extremes of the latest year).
 */
import { FACT_NUMBER_FIELDS, type Fact, type FactNumberField } from '../facts.ts';
import { MEASURES, type MeasureKey, type Sums } from '../measures.ts';
import { SCHEMA_VERSION } from '../schema.ts';
import type { ExtremeEntry, OverviewFile, Totals } from './layout.ts';

/** Summed fields: every numeric fact column but the year. */
export const TOTAL_FIELDS: readonly FactNumberField[] = FACT_NUMBER_FIELDS.filter((f) => f !== 'year');

/** Measures listed in `extremes`, and the least an agency must have answered to be listed for a rate. */
export const EXTREME_MEASURES: readonly MeasureKey[] = [
  'applications_received',
  'granted_share',
  'refused_share',
  'unable_share',
  'backlog_share',
  'review_rate',
  'litigation_rate',
];
export const EXTREME_MIN_ANSWERED = 10;
export const EXTREME_COUNT = 10;

/** The fact columns the overview reads, one array per field, all of the same length. */
export type FactColumns = Readonly<Record<string, readonly (string | number | null)[]>>;

/** Running sums of TOTAL_FIELDS for one group; a field stays null until some report gives it. */
class Accumulator {
  reports = 0;
  readonly sums = new Float64Array(TOTAL_FIELDS.length);
  readonly seen = new Uint8Array(TOTAL_FIELDS.length);

  /** Adds row `row` of the summed columns (NaN where a report gives no value). */
  add(numbers: readonly Float64Array[], row: number): void {
    this.reports++;
    for (let i = 0; i < numbers.length; i++) {
      const v = (numbers[i] as Float64Array)[row] as number;
      if (v === v) {
        this.sums[i] = (this.sums[i] as number) + v;
        this.seen[i] = 1;
      }
    }
  }

  totals(): Totals {
    const out: Totals = { reports: this.reports };
    TOTAL_FIELDS.forEach((f, i) => (out[f] = this.seen[i] ? (this.sums[i] as number) : null));
    return out;
  }
}

/** TOTAL_FIELDS' columns as numbers, NaN for null. */
function summedColumns(columns: FactColumns, count: number): Float64Array[] {
  return TOTAL_FIELDS.map((f) => {
    const values = columns[f] ?? [];
    const out = new Float64Array(count);
    for (let row = 0; row < count; row++) {
      const v = values[row];
      out[row] = typeof v === 'number' ? v : NaN;
    }
    return out;
  });
}

/** Sums per group over the given rows; `groupOf(row)` is a group number, `labels[n]` its name. Names sorted. */
function sumsBy(numbers: readonly Float64Array[], rows: readonly number[], groupOf: (row: number) => number, labels: readonly string[]): Record<string, Totals> {
  const groups: (Accumulator | undefined)[] = [];
  for (const row of rows) {
    const g = groupOf(row);
    (groups[g] ??= new Accumulator()).add(numbers, row);
  }
  const named: [string, Accumulator][] = [];
  groups.forEach((acc, g) => acc && named.push([labels[g] as string, acc]));
  const out: Record<string, Totals> = {};
  for (const [name, acc] of named.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[name] = acc.totals();
  return out;
}

/** A column's distinct values as small numbers: `of[row]` is the number of row's value, `labels` their names. */
function numbered(values: readonly (string | number | null)[], count: number): { of: Int32Array; labels: string[] } {
  const index = new Map<string, number>();
  const of = new Int32Array(count);
  for (let row = 0; row < count; row++) {
    const name = String(values[row] ?? 'unknown');
    let n = index.get(name);
    if (n === undefined) index.set(name, (n = index.size));
    of[row] = n;
  }
  return { of, labels: [...index.keys()] };
}

/** The first `k` entries in `order`, in that order: what sorting all and slicing gives, without sorting all (ids are unique, so the order is total). */
function firstInOrder(entries: readonly ExtremeEntry[], k: number, order: (a: ExtremeEntry, b: ExtremeEntry) => number): ExtremeEntry[] {
  const best: ExtremeEntry[] = [];
  for (const e of entries) {
    if (best.length === k && order(e, best[k - 1] as ExtremeEntry) >= 0) continue;
    let at = best.length;
    while (at > 0 && order(e, best[at - 1] as ExtremeEntry) < 0) at--;
    best.splice(at, 0, e);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Agencies at either end of each extreme measure, among the given rows. */
function extremes(columns: FactColumns, rows: readonly number[]): OverviewFile['extremes'] {
  const defs = EXTREME_MEASURES.map((m) => MEASURES[m]);
  const entries: ExtremeEntry[][] = defs.map(() => []);
  const numberFields = TOTAL_FIELDS.map((f) => [f, columns[f] ?? []] as const);
  const text = (field: string, row: number) => (columns[field]?.[row] ?? null) as string | null;
  // One object, refilled for each row, is what the measures read: no object per report.
  const sums: Sums = {};
  for (const row of rows) {
    for (const [field, values] of numberFields) sums[field] = (values[row] ?? null) as number | null;
    defs.forEach((def, m) => {
      if (def.unit !== 'count' && (sums.total_processed_total ?? 0) < EXTREME_MIN_ANSWERED) return;
      const value = def.value(sums);
      if (value === null || !Number.isFinite(value)) return;
      (entries[m] as ExtremeEntry[]).push({ id: text('id', row) ?? '', agency: text('agency', row) ?? '', province: text('province', row), value });
    });
  }
  const byValue = (a: ExtremeEntry, b: ExtremeEntry) => a.value - b.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const out: OverviewFile['extremes'] = {};
  EXTREME_MEASURES.forEach((m, i) => {
    const list = entries[i] as ExtremeEntry[];
    out[m] = { top: firstInOrder(list, EXTREME_COUNT, (a, b) => byValue(b, a)), bottom: firstInOrder(list, EXTREME_COUNT, byValue) };
  });
  return out;
}

/** The overview of reports given as fact columns (as in facts.json): the build's path, no object per report. */
export function overviewOfColumns(columns: FactColumns, count: number): OverviewFile {
  const year = (columns.year ?? []) as readonly (number | null)[];
  const dated: number[] = [];
  const byYear = new Map<number, number[]>();
  for (let row = 0; row < count; row++) {
    const y = year[row];
    if (y == null) continue;
    dated.push(row);
    const list = byYear.get(y);
    if (list) list.push(row);
    else byYear.set(y, [row]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const numbers = summedColumns(columns, count);
  const yearNo = numbered(year, count);
  const byPair = (field: 'province' | 'level' | 'sector') => {
    const group = numbered(columns[field] ?? [], count);
    const out: Record<string, Record<string, Totals>> = {};
    yearNo.labels.forEach((label, y) => {
      if (label === 'unknown') return;
      const rows = dated.filter((row) => yearNo.of[row] === y);
      out[label] = sumsBy(numbers, rows, (row) => group.of[row] as number, group.labels);
    });
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  };
  const latest = years[years.length - 1];
  return {
    schema_version: SCHEMA_VERSION,
    years,
    by_year: sumsBy(numbers, dated, (row) => yearNo.of[row] as number, yearNo.labels),
    by_year_province: byPair('province'),
    by_year_level: byPair('level'),
    by_year_sector: byPair('sector'),
    extremes: latest === undefined ? emptyExtremes() : extremes(columns, byYear.get(latest) ?? []),
  };
}

function emptyExtremes(): OverviewFile['extremes'] {
  return Object.fromEntries(EXTREME_MEASURES.map((m) => [m, { top: [], bottom: [] }]));
}

/** The overview of these reports' facts. */
export function buildOverview(facts: readonly Fact[]): OverviewFile {
  const fields = new Set<string>(['year', 'province', 'level', 'sector', 'id', 'agency', ...TOTAL_FIELDS]);
  for (const f of facts) for (const k of Object.keys(f)) fields.add(k);
  const columns: Record<string, (string | number | null)[]> = {};
  for (const field of fields) columns[field] = facts.map((f) => (f as Record<string, string | number | null>)[field] ?? null);
  return overviewOfColumns(columns, facts.length);
}
