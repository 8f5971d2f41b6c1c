/**
 * overview.json: what the overview page loads, bounded in size whatever the number of reports
 * (sums per year, per year × province / level / sector, and the extremes of the latest year).
 */
import { FACT_NUMBER_FIELDS, type Fact, type FactNumberField } from '../facts.ts';
import { denominatorOf, MEASURES, MIN_N, tooFew, type MeasureKey, type Sums } from '../measures.ts';
import { SCHEMA_VERSION } from '../schema.ts';
import type { ExtremeEntry, OverviewFile, Totals } from './layout.ts';

/** Summed fields: every numeric fact column but the year. */
export const TOTAL_FIELDS: readonly FactNumberField[] = FACT_NUMBER_FIELDS.filter((f) => f !== 'year');

/**
 * Measures listed in `extremes`. A rate lists only agencies whose rate rests on at least MIN_N
 * cases (its denominator: the one minimum-n rule, src/lib/measures.ts), and each entry carries it;
 * a measure with fewer than MIN_N agencies to rank lists none, and says how many there were.
 */
export const EXTREME_MEASURES: readonly MeasureKey[] = [
  'applications_received',
  'granted_share',
  'refused_share',
  'unable_share',
  'backlog_share',
  'review_rate',
  'litigation_rate',
];
/** The least a rate's denominator must be for its agency to be listed: the site's one minimum-n rule. */
export const EXTREME_MIN_N = MIN_N;
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

  /** Adds another group's sums. */
  merge(other: Accumulator): void {
    this.reports += other.reports;
    for (let i = 0; i < WIDTH; i++) {
      if (!other.seen[i]) continue;
      this.sums[i] = (this.sums[i] as number) + (other.sums[i] as number);
      this.seen[i] = 1;
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

/** Groups by name, names sorted, as Totals. */
function namedTotals(groups: ReadonlyMap<string, Accumulator>): Record<string, Totals> {
  const out: Record<string, Totals> = {};
  for (const name of [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[name] = (groups.get(name) as Accumulator).totals();
  return out;
}

/**
 * Sums per year, and per year × province, level and sector, over the dated rows: one pass over the
 * rows into each (year, province, level, sector) seen, then those few thousand combined (four
 * passes over 100,000 rows of 74 values took ~180 ms).
 */
function sumsByYear(summed: SummedRows, dated: readonly number[], year: Numbered, pairs: Record<'province' | 'level' | 'sector', Numbered>) {
  const { values, starts } = summed;
  const { province, level, sector } = pairs;
  interface Combo {
    y: number;
    p: number;
    l: number;
    s: number;
    acc: Accumulator;
  }
  // Keyed by (year, province) then (level, sector): each key stays far below 2^53 however many names there are.
  const index = new Map<number, Map<number, Combo>>();
  const combos: Combo[] = [];
  const [P, S] = [province.labels.length, sector.labels.length];
  for (const row of dated) {
    const y = year.of[row] as number;
    const p = province.of[row] as number;
    const l = level.of[row] as number;
    const s = sector.of[row] as number;
    let inner = index.get(y * P + p);
    if (!inner) index.set(y * P + p, (inner = new Map()));
    let combo = inner.get(l * S + s);
    if (!combo) {
      inner.set(l * S + s, (combo = { y, p, l, s, acc: new Accumulator() }));
      combos.push(combo);
    }
    combo.acc.add(values, starts[row] as number);
  }
  const byYear = new Map<string, Accumulator>();
  const byPair = { province: new Map<string, Map<string, Accumulator>>(), level: new Map<string, Map<string, Accumulator>>(), sector: new Map<string, Map<string, Accumulator>>() };
  const into = (groups: Map<string, Accumulator>, name: string, acc: Accumulator) => {
    let sum = groups.get(name);
    if (!sum) groups.set(name, (sum = new Accumulator()));
    sum.merge(acc);
  };
  // Combined in one fixed order (by year, province, level, sector number).
  combos.sort((a, b) => a.y - b.y || a.p - b.p || a.l - b.l || a.s - b.s);
  for (const { y, p, l, s, acc } of combos) {
    const yearName = year.labels[y] as string;
    into(byYear, yearName, acc);
    for (const [field, group, g] of [['province', province, p], ['level', level, l], ['sector', sector, s]] as const) {
      let perYear = byPair[field].get(yearName);
      if (!perYear) byPair[field].set(yearName, (perYear = new Map()));
      into(perYear, group.labels[g] as string, acc);
    }
  }
  const pairTotals = (field: 'province' | 'level' | 'sector') => {
    const out: Record<string, Record<string, Totals>> = {};
    for (const name of [...byPair[field].keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) out[name] = namedTotals(byPair[field].get(name) as Map<string, Accumulator>);
    return out;
  };
  return { by_year: namedTotals(byYear), by_year_province: pairTotals('province'), by_year_level: pairTotals('level'), by_year_sector: pairTotals('sector') };
}

/** A column's values numbered: `of[row]` is the number of row's value, `labels` their names. */
interface Numbered {
  of: Int32Array;
  labels: string[];
}

/** A column's distinct values as small numbers: `of[row]` is the number of row's value, `labels` their names. */
function numbered(values: readonly (string | number | null)[], count: number): Numbered {
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
  const ns = defs.map(() => new Float64Array(rows.length).fill(NaN));
  const text = (field: string, row: number) => (columns[field]?.[row] ?? null) as string | null;
  const view = rowView(numbers);
  const sums = view.sums;
  rows.forEach((row, r) => {
    view.at(row);
    defs.forEach((def, m) => {
      const measure = EXTREME_MEASURES[m] as MeasureKey;
      if (def.unit !== 'count' && tooFew(measure, sums)) return;
      const value = def.value(sums);
      if (value !== null && Number.isFinite(value)) {
        (values[m] as Float64Array)[r] = value;
        (ns[m] as Float64Array)[r] = denominatorOf(measure, sums) ?? NaN;
      }
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
      const n = (ns[m] as Float64Array)[r] as number;
      return { id: id(r), agency: text('agency', row) ?? '', province: text('province', row), value: of[r] as number, n: Number.isNaN(n) ? null : n };
    };
    // A ranking of fewer than MIN_N agencies is not given (the minimum-n rule): only their number.
    if (listed.length < MIN_N) out[measure] = { top: [], bottom: [], listed: listed.length };
    else out[measure] = { top: firstInOrder(listed, EXTREME_COUNT, (a, b) => byValue(b, a)).map(entry), bottom: firstInOrder(listed, EXTREME_COUNT, byValue).map(entry), listed: listed.length };
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
  const pairs = { province: numbered(columns.province ?? [], count), level: numbered(columns.level ?? [], count), sector: numbered(columns.sector ?? [], count) };
  const latest = years[years.length - 1];
  return {
    schema_version: SCHEMA_VERSION,
    years,
    ...sumsByYear(numbers, dated, numbered(year, count), pairs),
    extremes: latest === undefined ? emptyExtremes() : extremes(columns, numbers, byYear.get(latest) ?? []),
  };
}

function emptyExtremes(): OverviewFile['extremes'] {
  return Object.fromEntries(EXTREME_MEASURES.map((m) => [m, { top: [], bottom: [], listed: 0 }]));
}

/** The overview of these reports' facts. */
export function buildOverview(facts: readonly Fact[]): OverviewFile {
  const fields = new Set<string>(['year', 'province', 'level', 'sector', 'id', 'agency', ...TOTAL_FIELDS]);
  for (const f of facts) for (const k of Object.keys(f)) fields.add(k);
  const columns: Record<string, (string | number | null)[]> = {};
  for (const field of fields) columns[field] = facts.map((f) => (f as Record<string, string | number | null>)[field] ?? null);
  return overviewOfColumns(columns, facts.length);
}
