/**
 * Chart views computed at build time from facts.json with the same functions the browser uses
 * (so the overview and regions pages agree with compare), handed to the page script as a data
 * attribute (escaped by Astro; never injected as HTML).
 */
import { viewLabels, type Lang } from '../i18n/index.ts';
import { aggregate } from '../lib/charts/aggregate.ts';
import { fieldsOf, type ChartMeasure } from '../lib/charts/measures.ts';
import type { MeasureKey } from '../lib/measures.ts';
import { DEFAULT_STATE, type ChartState } from '../lib/charts/state.ts';
import { buildView, type ChartView } from '../lib/charts/view.ts';
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

export interface Headline {
  measure: ChartMeasure;
  year: number | null;
  value: number | null;
  previousYear: number | null;
  previous: number | null;
}

/** The latest year's value of a national trend, and the last earlier year that has one. */
export function headline(chart: PreparedChart): Headline {
  const values = chart.view.series[0]?.values ?? [];
  const years = chart.view.categories.map(Number);
  const given = values.flatMap((v, i) => (v === null ? [] : [i]));
  const last = given[given.length - 1];
  const before = given[given.length - 2];
  return {
    measure: chart.state.measure,
    year: last === undefined ? null : (years[last] ?? null),
    value: last === undefined ? null : (values[last] ?? null),
    previousYear: before === undefined ? null : (years[before] ?? null),
    previous: before === undefined ? null : (values[before] ?? null),
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
