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

/** Running sums of TOTAL_FIELDS for one group; a field stays null until some report gives it. */
class Accumulator {
  reports = 0;
  readonly sums = new Float64Array(TOTAL_FIELDS.length);
  readonly seen = new Uint8Array(TOTAL_FIELDS.length);

  add(fact: Fact): void {
    this.reports++;
    for (let i = 0; i < TOTAL_FIELDS.length; i++) {
      const v = fact[TOTAL_FIELDS[i] as FactNumberField];
      if (v != null) {
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

/** One pass: sums per key of each grouping, keys sorted. */
function sumsBy(facts: readonly Fact[], key: (f: Fact) => string): Record<string, Totals> {
  const groups = new Map<string, Accumulator>();
  for (const f of facts) {
    const k = key(f);
    let acc = groups.get(k);
    if (!acc) groups.set(k, (acc = new Accumulator()));
    acc.add(f);
  }
  const out: Record<string, Totals> = {};
  for (const k of [...groups.keys()].sort()) out[k] = (groups.get(k) as Accumulator).totals();
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
  const dated = facts.filter((f) => f.year !== null);
  const byYear = new Map<string, Fact[]>();
  for (const f of dated) {
    const k = String(f.year);
    const list = byYear.get(k);
    if (list) list.push(f);
    else byYear.set(k, [f]);
  }
  const years = [...byYear.keys()].map(Number).sort((a, b) => a - b);
  const byPair = (field: 'province' | 'level' | 'sector') => {
    const flat = sumsBy(dated, (f) => `${f.year}\u0000${f[field] ?? 'unknown'}`);
    const out: Record<string, Record<string, Totals>> = {};
    for (const [key, totals] of Object.entries(flat)) {
      const [year, group] = key.split('\u0000') as [string, string];
      (out[year] ??= {})[group] = totals;
    }
    return out;
  };
  const latest = years[years.length - 1];
  const latestFacts = latest === undefined ? [] : (byYear.get(String(latest)) ?? []);
  const extremesByMeasure: OverviewFile['extremes'] = {};
  for (const m of EXTREME_MEASURES) extremesByMeasure[m] = extremes(latestFacts, m);
  return {
    schema_version: SCHEMA_VERSION,
    years,
    by_year: sumsBy(dated, (f) => String(f.year)),
    by_year_province: byPair('province'),
    by_year_level: byPair('level'),
    by_year_sector: byPair('sector'),
    extremes: extremesByMeasure,
  };
}
