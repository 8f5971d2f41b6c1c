/**
 * The fact columns a chart reads (aggregate.ts), so that a page fetches those and no others: the
 * year, template, checks and agency of every row, the measure's columns (and, for a prose metric,
 * its approximate flag), the columns filtered and grouped on, and the agency's name and places
 * when agencies are grouped or chosen by name. test/charts/columns-read.test.ts holds aggregate
 * over only these columns equal to aggregate over all of them.
 */
import { approxField, type FactNumberField } from '../facts.ts';
import { AGENCY_NUMBER } from '../dataset/layout.ts';
import { METRIC_KEYS, type MetricKey } from '../schema.ts';
import { fieldsOf } from './measures.ts';
import type { ChartState, Filters } from './state.ts';

export const FILTER_COLUMNS = ['province', 'city', 'county', 'level', 'kind', 'sector'] as const satisfies readonly (keyof Filters)[];

/** What names an agency on the page (aggregate.ts agencyKey, nav/agencies.ts rowKeyer); the report id stands in for a missing name. */
export const AGENCY_NAME_COLUMNS = ['agency', 'county', 'city', 'province'] as const;

/** The columns every chart reads, whatever its view: what a page asks for from its head, before its script knows the view (components/dataset.ts chartDataPreloads). */
export const EVERY_CHART_READS = ['year', 'template', 'checks_failed', AGENCY_NUMBER] as const;

const isMetric = (f: FactNumberField): f is MetricKey => (METRIC_KEYS as readonly string[]).includes(f);

/**
 * The columns the chart of `state` reads. `allFilters`: every filter column (the compare page fills
 * its filter lists from them) rather than only those the state filters on.
 */
export function columnsRead(state: ChartState, allFilters: boolean): string[] {
  const fields = fieldsOf(state.measure);
  const names = state.groupBy === 'agency' || state.agencies.length > 0;
  const grouped = state.groupBy === 'none' || state.groupBy === 'agency' ? [] : [state.groupBy];
  return [
    ...new Set([
      ...EVERY_CHART_READS,
      ...fields,
      ...fields.filter(isMetric).map(approxField),
      ...FILTER_COLUMNS.filter((k) => allFilters || state.filters[k] !== null),
      ...grouped,
      ...(names ? AGENCY_NAME_COLUMNS : []),
    ]),
  ];
}
