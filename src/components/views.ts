/**
 * Chart views computed at build time from the fact columns with the same functions the browser uses
 * (so the overview and regions pages agree with compare), handed to the page script as a data
 * attribute (escaped by Astro; never injected as HTML).
 */
import { viewLabels, type Lang } from '../i18n/index.ts';
import { aggregate, type Cell } from '../lib/charts/aggregate.ts';
import { fieldsOf, type ChartMeasure } from '../lib/charts/measures.ts';
import { denominatorOf, MEASURES, tooFew, type MeasureKey } from '../lib/measures.ts';
import { DEFAULT_STATE, type ChartState } from '../lib/charts/state.ts';
import { buildView, roundFor, type ChartView } from '../lib/charts/view.ts';
import type { FactsFile } from '../lib/dataset/layout.ts';

export interface PreparedChart {
  state: ChartState;
  view: ChartView;
  years: number[];
  reports: number;
}

export function prepare(facts: FactsFile, lang: Lang, state: Partial<Omit<ChartState, 'filters'>> & { filters?: Partial<ChartState['filters']> }): PreparedChart {
  const full: ChartState = { ...DEFAULT_STATE, ...state, filters: { ...DEFAULT_STATE.filters, ...state.filters } };
  const agg = aggregate(facts, full, fieldsOf(full.measure));
  return { state: full, view: buildView(full, agg, viewLabels(lang)), years: agg.years, reports: agg.selected };
}

export const HEADLINE_MEASURES = [
  'applications_received',
  'granted_share',
  'partly_granted_share',
  'review_rate',
  'review_correction_rate',
  'litigation_rate',
] as const satisfies readonly ChartMeasure[];

/** What a figure rests on. */
export interface Coverage {
  reports: number;
  agencies: number;
  /** Reports counted that fail their own checks. */
  failing: number;
  /** Reports counted whose figure is approximate. */
  approximate: number;
  /** A rate's denominator (null for a count). */
  n: number | null;
  /** Under the minimum-n rule (its value is then null). */
  tooFew: boolean;
}

/** Two years' values of a measure on one basis, and what they rest on. */
export interface Change {
  previous: number | null;
  value: number | null;
  previousCoverage: Coverage;
  coverage: Coverage;
}

export interface Headline {
  measure: MeasureKey;
  /** The latest year with a report giving the figures. */
  year: number | null;
  /** Its value over every report of that year. */
  value: number | null;
  coverage: Coverage;
  /** The last earlier year with a report giving the figures. */
  previousYear: number | null;
  /** Like with like: the agencies giving the figures in both years (agencies: 0 when none did). */
  matched: (Change & { agencies: number }) | null;
  /** The raw totals of the two years (different agencies). */
  raw: Change | null;
}

function coverageOf(measure: MeasureKey, cell: Cell | undefined): Coverage {
  if (!cell || cell.reports === 0) return { reports: 0, agencies: 0, failing: 0, approximate: 0, n: null, tooFew: false };
  return { reports: cell.reports, agencies: cell.agencies.size, failing: cell.failing, approximate: cell.approximate, n: denominatorOf(measure, cell.sums), tooFew: tooFew(measure, cell.sums) };
}

function valueOf(measure: MeasureKey, cell: Cell | undefined): number | null {
  if (!cell || cell.reports === 0 || tooFew(measure, cell.sums)) return null;
  return roundFor(MEASURES[measure].unit, MEASURES[measure].value(cell.sums));
}

/**
 * A headline: the latest year's national value of a measure (every report of that year), and its
 * change from the last earlier year with figures, like with like (only the agencies giving the
 * figures in both years) and as raw totals, each with what it rests on.
 */
export function headline(facts: FactsFile, measure: MeasureKey): Headline {
  const fields = fieldsOf(measure);
  const all = aggregate(facts, { ...DEFAULT_STATE, measure, basis: 'all' }, fields);
  const cells = all.groups[0]?.byYear ?? new Map<number, Cell>();
  const given = [...cells].filter(([, c]) => c.reports > 0).map(([y]) => y).sort((a, b) => a - b);
  const year = given[given.length - 1] ?? null;
  const previousYear = given[given.length - 2] ?? null;
  const latest = year === null ? undefined : cells.get(year);
  const change = (byYear: Map<number, Cell> | undefined): Change => ({
    previous: valueOf(measure, byYear?.get(previousYear as number)),
    value: valueOf(measure, byYear?.get(year as number)),
    previousCoverage: coverageOf(measure, byYear?.get(previousYear as number)),
    coverage: coverageOf(measure, byYear?.get(year as number)),
  });
  let matched: Headline['matched'] = null;
  if (year !== null && previousYear !== null) {
    const pair = aggregate(facts, { ...DEFAULT_STATE, measure, from: previousYear, to: year, basis: 'matched' }, fields);
    matched = { ...change(pair.groups[0]?.byYear), agencies: pair.comparison?.matched ?? 0 };
  }
  return {
    measure,
    year,
    value: valueOf(measure, latest),
    coverage: coverageOf(measure, latest),
    previousYear,
    matched,
    raw: previousYear === null ? null : change(cells),
  };
}

/** Measures offered on the regions map. */
export const REGION_MEASURES = [
  'applications_received',
  'granted_share',
  'refused_share',
  'unable_share',
  'backlog_share',
  'review_rate',
  'review_correction_rate',
  'litigation_rate',
] as const satisfies readonly MeasureKey[];
