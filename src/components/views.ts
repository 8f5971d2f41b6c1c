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

/** The latest year's value of a national trend, and the year before's. */
export function headline(chart: PreparedChart): Headline {
  const values = chart.view.series[0]?.values ?? [];
  const years = chart.view.categories.map(Number);
  let last = -1;
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) { last = i; break; }
  return {
    measure: chart.state.measure,
    year: last >= 0 ? (years[last] ?? null) : null,
    value: last >= 0 ? (values[last] ?? null) : null,
    previousYear: last >= 1 ? (years[last - 1] ?? null) : null,
    previous: last >= 1 ? (values[last - 1] ?? null) : null,
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
