/**
 * Per-province values of a measure, per year, for the regions map: an arquero rollup per
 * (province, year) over every report of the year (basis `all`: no change over time), complete
 * cases only, as aggregate() sums them for the compare page. Build-time only: arquero compiles its
 * expressions with `new Function`, which the pages' Content-Security-Policy forbids in the browser.
 *
 * The minimum-n rule applies: a province with fewer than MIN_N agencies giving the figures (or,
 * for a rate, fewer than MIN_N cases in its denominator) has no value, and says how many it has.
 */
import type * as aq from 'arquero';
import type { FactsFile } from '../dataset/layout.ts';
import { factTable } from '../dataset/fact-table.ts';
import { approxField, FACT_FIELDS } from '../facts.ts';
import { denominatorOf, MEASURES, MIN_N, tooFew, type MeasureKey, type Sums } from '../measures.ts';
import { METRIC_KEYS, type MetricKey } from '../schema.ts';
import { agencyNumbers } from './aggregate.ts';
import { fieldsOf } from './measures.ts';
import type { ProvinceValues } from './regions.ts';
import { roundFor } from './view.ts';

interface Groups {
  /** The reports with a year and a province, grouped by both. */
  table: aq.ColumnTable;
  /** Each group's province, year and number of reports, by province in the order first given. */
  selected: { province: string; year: number; selected: number }[];
}
const cache = new WeakMap<FactsFile, Groups>();

/** The reports grouped by province and year: once per facts file, for every measure. */
function byProvinceAndYear(facts: FactsFile): Groups {
  let groups = cache.get(facts);
  if (!groups) {
    const table = factTable({ ...facts.columns, agency_number: agencyNumbers(facts) }, [...FACT_FIELDS, ...Object.keys(facts.columns), 'agency_number'], facts.count)
      .filter("d.year != null && d.province != null && d.province !== ''")
      .groupby('province', 'year');
    // Provinces in the order the facts first give them (the order of the page's data, as before).
    const first = table.ungroup().rollup({ provinces: 'op.array_agg_distinct(d.province)' }).get('provinces', 0) as string[];
    const rank = new Map(first.map((p, i) => [p, i]));
    const selected = (table.rollup({ selected: 'op.count()' }).objects() as Groups['selected']).sort((a, b) => (rank.get(a.province) as number) - (rank.get(b.province) as number));
    groups = { table, selected };
    cache.set(facts, groups);
  }
  return groups;
}

const cellKey = (province: unknown, year: unknown) => `${province}\u001f${year}`;

export function provinceValues(facts: FactsFile, measure: MeasureKey): ProvinceValues {
  const fields = fieldsOf(measure);
  const approx = fields.filter((f): f is MetricKey => (METRIC_KEYS as readonly string[]).includes(f)).map(approxField);
  const { table, selected } = byProvinceAndYear(facts);
  // Complete cases only: the groups' rows that give every field the measure reads.
  const complete = table
    .filter(fields.map((f) => `d.${f} != null`).join(' && ') || 'true')
    .rollup({
      reports: 'op.count()',
      agencies: 'op.distinct(d.agency_number)',
      failing: 'op.sum(d.checks_failed > 0 ? 1 : 0)',
      approximate: approx.length === 0 ? '0' : `op.sum(${approx.map((a) => `d.${a} === 1`).join(' || ')} ? 1 : 0)`,
      ...Object.fromEntries(fields.map((f) => [f, `op.sum(d.${f})`])),
    })
    .objects() as Record<string, string | number | null>[];
  const byCell = new Map(complete.map((c) => [cellKey(c.province, c.year), c]));
  const def = MEASURES[measure];
  const out: ProvinceValues = {};
  for (const group of selected) {
    const cell = byCell.get(cellKey(group.province, group.year)) ?? {};
    const reports = (cell.reports ?? 0) as number;
    const agencies = (cell.agencies ?? 0) as number;
    const sums = Object.fromEntries(fields.map((f) => [f, cell[f] ?? 0])) as Sums;
    const few = reports > 0 && (agencies < MIN_N || tooFew(measure, sums));
    (out[String(group.year)] ??= {})[group.province] = {
      value: reports === 0 || few ? null : roundFor(def.unit, def.value(sums)),
      n: reports === 0 ? null : denominatorOf(measure, sums),
      reports,
      agencies,
      missing: group.selected - reports,
      failing: (cell.failing ?? 0) as number,
      approximate: (cell.approximate ?? 0) as number,
      tooFew: few,
    };
  }
  return out;
}
