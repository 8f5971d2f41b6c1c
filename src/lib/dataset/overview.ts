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

/** How many values a row of TOTAL_FIELDS has. */
const WIDTH = TOTAL_FIELDS.length;

/** Running sums of TOTAL_FIELDS for one group; a field stays null until some report gives it. */
class Accumulator {
  reports = 0;
  readonly sums = new Float64Array(WIDTH);
  readonly seen = new Uint8Array(WIDTH);

  /** Adds the row whose values start at `start` (see SummedRows; NaN where a report gives no value). */
  add(values: Float64Array, start: number): void {
    this.reports++;
    for (let i = 0; i < WIDTH; i++) {
      const v = values[start + i] as number;
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

/**
 * TOTAL_FIELDS' values of each row, NaN for null: row r's field i at `values[starts[r] + i]`, so
 * that a group's sums read each row's values side by side in memory (the build's fact table holds
 * its numbers that way already, with other fields between rows).
 */
export interface SummedRows {
  values: Float64Array;
  starts: Int32Array;
}

function summedRows(columns: FactColumns, count: number): SummedRows {
  const out = new Float64Array(count * WIDTH);
  const starts = new Int32Array(count);
  const fields = TOTAL_FIELDS.map((f) => columns[f] ?? []);
  for (let row = 0, at = 0; row < count; row++) {
    starts[row] = at;
    for (let i = 0; i < WIDTH; i++, at++) {
      const v = (fields[i] as readonly (string | number | null)[])[row];
      out[at] = typeof v === 'number' ? v : NaN;
    }
  }
  return { values: out, starts };
}

/** Sums per group over the given rows; `groupOf(row)` is a group number, `labels[n]` its name. Names sorted. */
function sumsBy(summed: SummedRows, rows: readonly number[], groupOf: (row: number) => number, labels: readonly string[]): Record<string, Totals> {
  const groups: (Accumulator | undefined)[] = [];
  const { values, starts } = summed;
  for (const row of rows) {
    const g = groupOf(row);
    (groups[g] ??= new Accumulator()).add(values, starts[row] as number);
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

/**
 * The first `k` of `candidates` in `order`, in that order: what sorting all and slicing gives,
 * without sorting all (ids are unique, so the order is total).
 */
function firstInOrder(candidates: Iterable<number>, k: number, order: (a: number, b: number) => number): number[] {
  const best: number[] = [];
  for (const c of candidates) {
    if (best.length === k && order(c, best[k - 1] as number) >= 0) continue;
    let at = best.length;
    while (at > 0 && order(c, best[at - 1] as number) < 0) at--;
    best.splice(at, 0, c);
    if (best.length > k) best.pop();
  }
  return best;
}

/**
 * A Sums whose fields read row `at(row)` of the summed values (SummedRows): the measures
 * read the few fields they need through it, where filling an object with every field for each
 * report cost ~60 keyed stores a row.
 */
function rowView(summed: SummedRows): { sums: Sums; at(row: number): void } {
  const { values: numbers, starts } = summed;
  let start = 0;
  const sums = {} as Sums;
  TOTAL_FIELDS.forEach((field, i) =>
    Object.defineProperty(sums, field, {
      enumerable: true,
      get: () => {
        const v = numbers[start + i] as number;
        return v === v ? v : null;
      },
    }),
  );
  return { sums, at: (row) => void (start = starts[row] as number) };
}

/** Agencies at either end of each extreme measure, among the given rows (`numbers`: the summed values of all rows). */
function extremes(columns: FactColumns, numbers: SummedRows, rows: readonly number[]): OverviewFile['extremes'] {
  const defs = EXTREME_MEASURES.map((m) => MEASURES[m]);
  // Each measure's value for each row it lists (NaN: not listed); entries are made for the winners only.
  const values = defs.map(() => new Float64Array(rows.length).fill(NaN));
  const text = (field: string, row: number) => (columns[field]?.[row] ?? null) as string | null;
  const view = rowView(numbers);
  const sums = view.sums;
  rows.forEach((row, r) => {
    view.at(row);
    defs.forEach((def, m) => {
      if (def.unit !== 'count' && (sums.total_processed_total ?? 0) < EXTREME_MIN_ANSWERED) return;
      const value = def.value(sums);
      if (value !== null && Number.isFinite(value)) (values[m] as Float64Array)[r] = value;
    });
  });
  const id = (r: number) => text('id', rows[r] as number) ?? '';
  const out: OverviewFile['extremes'] = {};
  EXTREME_MEASURES.forEach((measure, m) => {
    const of = values[m] as Float64Array;
    const listed = rows.flatMap((_, r) => (Number.isNaN(of[r]) ? [] : [r]));
    const byValue = (a: number, b: number) => (of[a] as number) - (of[b] as number) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);
    const entry = (r: number): ExtremeEntry => {
      const row = rows[r] as number;
      return { id: id(r), agency: text('agency', row) ?? '', province: text('province', row), value: of[r] as number };
    };
    out[measure] = { top: firstInOrder(listed, EXTREME_COUNT, (a, b) => byValue(b, a)).map(entry), bottom: firstInOrder(listed, EXTREME_COUNT, byValue).map(entry) };
  });
  return out;
}

/**
 * The overview of reports given as fact columns (as in facts.json): the build's path, no object
 * per report. `summed`, when the caller has it, is where each row's TOTAL_FIELDS values lie (the
 * build's fact table holds them that way already); otherwise they are read from the columns.
 */
export function overviewOfColumns(columns: FactColumns, count: number, summed?: SummedRows): OverviewFile {
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
  if (summed && summed.starts.length !== count) throw new Error(`overview: summed values for ${summed.starts.length} rows, not ${count}`);
  if (summed && summed.starts.some((start) => start < 0 || start + WIDTH > summed.values.length)) throw new Error('overview: summed values start outside their memory');
  const numbers = summed ?? summedRows(columns, count);
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
    extremes: latest === undefined ? emptyExtremes() : extremes(columns, numbers, byYear.get(latest) ?? []),
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
