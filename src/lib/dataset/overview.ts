/**
 * overview.json: what the overview page reads, bounded in size whatever the number of reports:
 * the years reported and the agencies at either end of each headline measure in the latest year.
 */
import { FACT_NUMBER_FIELDS, type Fact } from '../facts.ts';
import { denominatorOf, MEASURES, MIN_N, tooFew, type MeasureKey, type Sums } from '../measures.ts';
import { SCHEMA_VERSION } from '../schema.ts';
import type { ExtremeEntry, OverviewFile } from './layout.ts';

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
 * A Sums whose fields read row `at(row)` of the fact columns: the measures read the few fields
 * they need through it, with no object filled per report.
 */
function rowView(columns: FactColumns): { sums: Sums; at(row: number): void } {
  let current = 0;
  const sums = {} as Sums;
  FACT_NUMBER_FIELDS.forEach((field) => {
    const values = columns[field] ?? [];
    Object.defineProperty(sums, field, {
      enumerable: true,
      get: () => {
        const v = values[current];
        return typeof v === 'number' ? v : null;
      },
    });
  });
  return { sums, at: (row) => void (current = row) };
}

/** Agencies at either end of each extreme measure, among the given rows. */
function extremes(columns: FactColumns, rows: readonly number[]): OverviewFile['extremes'] {
  const defs = EXTREME_MEASURES.map((m) => MEASURES[m]);
  // Each measure's value for each row it lists (NaN: not listed); entries are made for the winners only.
  const values = defs.map(() => new Float64Array(rows.length).fill(NaN));
  const ns = defs.map(() => new Float64Array(rows.length).fill(NaN));
  const text = (field: string, row: number) => (columns[field]?.[row] ?? null) as string | null;
  const view = rowView(columns);
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

/** The overview of reports given as fact columns (as in facts.json): the build's path, no object per report. */
export function overviewOfColumns(columns: FactColumns, count: number): OverviewFile {
  const year = (columns.year ?? []) as readonly (number | null)[];
  const byYear = new Map<number, number[]>();
  for (let row = 0; row < count; row++) {
    const y = year[row];
    if (y == null) continue;
    const list = byYear.get(y);
    if (list) list.push(row);
    else byYear.set(y, [row]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const latest = years[years.length - 1];
  return {
    schema_version: SCHEMA_VERSION,
    years,
    extremes: latest === undefined ? emptyExtremes() : extremes(columns, byYear.get(latest) ?? []),
  };
}

function emptyExtremes(): OverviewFile['extremes'] {
  return Object.fromEntries(EXTREME_MEASURES.map((m) => [m, { top: [], bottom: [], listed: 0 }]));
}

/** The overview of these reports' facts. */
export function buildOverview(facts: readonly Fact[]): OverviewFile {
  const fields = new Set<string>(['year', 'province', 'id', 'agency', ...FACT_NUMBER_FIELDS]);
  for (const f of facts) for (const k of Object.keys(f)) fields.add(k);
  const columns: Record<string, (string | number | null)[]> = {};
  for (const field of fields) columns[field] = facts.map((f) => (f as Record<string, string | number | null>)[field] ?? null);
  return overviewOfColumns(columns, facts.length);
}
