/**
 * overview.json: what the overview page loads, bounded in size whatever the number of reports
 * (sums per year, per year × province / level / sector, and the extremes of the latest year).
 */
import { FACT_NUMBER_FIELDS, type Fact, type FactNumberField } from '../facts.ts';
import { MEASURES, sumFacts, type MeasureKey, type Sums } from '../measures.ts';
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

function totals(facts: readonly Fact[]): Totals {
  return { reports: facts.length, ...sumFacts(facts, TOTAL_FIELDS) };
}

function groupBy(facts: readonly Fact[], key: (f: Fact) => string): Map<string, Fact[]> {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const k = key(f);
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function sumsByGroup(facts: readonly Fact[], field: 'province' | 'level' | 'sector'): Record<string, Totals> {
  const out: Record<string, Totals> = {};
  for (const [k, group] of groupBy(facts, (f) => f[field] ?? 'unknown')) out[k] = totals(group);
  return out;
}

function extremes(facts: readonly Fact[], measure: MeasureKey): { top: ExtremeEntry[]; bottom: ExtremeEntry[] } {
  const def = MEASURES[measure];
  const entries: ExtremeEntry[] = [];
  for (const f of facts) {
    if (def.unit !== 'count' && (f.total_processed_total ?? 0) < EXTREME_MIN_ANSWERED) continue;
    const value = def.value(f as Sums);
    if (value === null || !Number.isFinite(value)) continue;
    entries.push({ id: f.id ?? '', agency: f.agency ?? '', province: f.province, value });
  }
  const byValue = (a: ExtremeEntry, b: ExtremeEntry) => a.value - b.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const ascending = entries.sort(byValue);
  return {
    top: ascending.slice(-EXTREME_COUNT).reverse(),
    bottom: ascending.slice(0, EXTREME_COUNT),
  };
}

export function buildOverview(facts: readonly Fact[]): OverviewFile {
  const byYear = groupBy(
    facts.filter((f) => f.year !== null),
    (f) => String(f.year),
  );
  const years = [...byYear.keys()].map(Number).sort((a, b) => a - b);
  const overview: OverviewFile = {
    schema_version: SCHEMA_VERSION,
    years,
    by_year: {},
    by_year_province: {},
    by_year_level: {},
    by_year_sector: {},
    extremes: {},
  };
  for (const [year, group] of byYear) {
    overview.by_year[year] = totals(group);
    overview.by_year_province[year] = sumsByGroup(group, 'province');
    overview.by_year_level[year] = sumsByGroup(group, 'level');
    overview.by_year_sector[year] = sumsByGroup(group, 'sector');
  }
  const latest = years[years.length - 1];
  const latestFacts = latest === undefined ? [] : (byYear.get(String(latest)) ?? []);
  for (const m of EXTREME_MEASURES) overview.extremes[m] = extremes(latestFacts, m);
  return overview;
}
