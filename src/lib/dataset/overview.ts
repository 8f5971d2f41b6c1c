/**
 * overview.json: what the overview page reads, bounded in size whatever the number of reports:
 * the years reported and the agencies at either end of each headline measure in the latest year.
 * Computed with arquero over the fact columns; each row's value comes from src/lib/measures.ts.
 */
import * as aq from 'arquero';
import { fieldsOf } from '../charts/measures.ts';
import { FACT_NUMBER_FIELDS, type Fact } from '../facts.ts';
import { denominatorOf, MEASURES, MIN_N, tooFew, type MeasureKey, type Sums } from '../measures.ts';
import { SCHEMA_VERSION } from '../schema.ts';
import { factTable, type FactColumns } from './fact-table.ts';
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
 * The agencies at either end of one measure among `rows`: a table of its listed agencies, each
 * with its value and denominator (a rate only where its denominator meets the minimum-n rule).
 */
function extremesOf(rows: aq.ColumnTable, measure: MeasureKey): OverviewFile['extremes'][string] {
  const def = MEASURES[measure];
  const listedValue = (d: Sums) => {
    if (def.unit !== 'count' && tooFew(measure, d)) return null;
    const value = def.value(d);
    return value !== null && Number.isFinite(value) ? value : null;
  };
  const listed = rows
    .select('id', 'agency', 'province', ...fieldsOf(measure))
    .derive({ value: aq.escape(listedValue) })
    .filter('d.value != null')
    .reify();
  // A ranking of fewer than MIN_N agencies is not given (the minimum-n rule): only their number.
  if (listed.numRows() < MIN_N) return { top: [], bottom: [], listed: listed.numRows() };
  const [ids, agencies, provinces, values] = ['id', 'agency', 'province', 'value'].map((c) => listed.array(c) as ArrayLike<string | number | null>) as [
    ArrayLike<string | null>, ArrayLike<string | null>, ArrayLike<string | null>, ArrayLike<number>,
  ];
  const id = (r: number) => ids[r] ?? '';
  const byValue = (a: number, b: number) => (values[a] as number) - (values[b] as number) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);
  const entry = (r: number): ExtremeEntry => ({ id: id(r), agency: agencies[r] ?? '', province: provinces[r] ?? null, value: values[r] as number, n: denominatorOf(measure, listed.object(r) as Sums) });
  const all = Array.from({ length: listed.numRows() }, (_, r) => r);
  // Hand-picked ten rather than arquero's orderby: it sorts every listed agency, ~5 times the time at 100,000 reports.
  return { top: firstInOrder(all, EXTREME_COUNT, (a, b) => byValue(b, a)).map(entry), bottom: firstInOrder(all, EXTREME_COUNT, byValue).map(entry), listed: listed.numRows() };
}

/** The overview of reports given as fact columns (FactsFile): the build's path, no object per report. */
export function overviewOfColumns(columns: FactColumns, count: number): OverviewFile {
  const fields = EXTREME_MEASURES.flatMap((m) => fieldsOf(m));
  const table = factTable(columns, ['id', 'agency', 'province', 'year', ...fields], count);
  const years = ((table.rollup({ years: 'op.array_agg_distinct(d.year)' }).get('years', 0) ?? []) as number[]).sort((a, b) => a - b);
  const latest = years[years.length - 1];
  if (latest === undefined) return { schema_version: SCHEMA_VERSION, years: [], extremes: emptyExtremes() };
  const rows = table.params({ latest }).filter('(d, $) => d.year === $.latest').reify();
  return { schema_version: SCHEMA_VERSION, years, extremes: Object.fromEntries(EXTREME_MEASURES.map((m) => [m, extremesOf(rows, m)])) };
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
