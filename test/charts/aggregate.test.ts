import * as aq from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, selectRows } from '../../src/lib/charts/aggregate.ts';
import { fieldsOf } from '../../src/lib/charts/measures.ts';
import { DEFAULT_STATE } from '../../src/lib/charts/state.ts';
import { factsFile, record } from './helpers.ts';

const specArb = fc.array(
  fc.record({
    province: fc.constantFrom('北京市', '广东省', '四川省'),
    level: fc.constantFrom('county' as const, 'township' as const),
    year: fc.option(fc.integer({ min: 2019, max: 2023 }), { nil: null }),
    granted: fc.option(fc.nat(50), { nil: undefined }),
    answered: fc.option(fc.nat(100), { nil: undefined }),
  }),
  { maxLength: 40 },
);

describe('aggregate', () => {
  it('sums complete cases per group and year exactly as arquero does', () => {
    fc.assert(
      fc.property(specArb, fc.constantFrom(null, 2020), (specs, from) => {
        const facts = factsFile(
          specs.map((s, i) =>
            record({ id: `r${i}`, name: `机关${i}`, province: s.province, level: s.level, year: s.year, rows: { granted: s.granted, total_processed: s.answered } }),
          ),
        );
        const state = { ...DEFAULT_STATE, measure: 'granted_share' as const, groupBy: 'province' as const, filters: { ...DEFAULT_STATE.filters, level: 'county' as const }, from, basis: 'all' as const };
        const fields = fieldsOf(state.measure);
        const ours = aggregate(facts, state, fields);
        const expected = aq
          .table(facts.columns)
          .params({ from: from ?? 0 })
          .filter((d: any, $: any) => d.level === 'county' && d.year != null && d.year >= $.from)
          .derive({ complete: (d: any) => (d.granted_total != null && d.total_processed_total != null ? 1 : 0) })
          .groupby('province', 'year')
          .rollup({
            reports: (d: any) => aq.op.sum(d.complete),
            n: aq.op.count(),
            granted: (d: any) => aq.op.sum(d.complete ? d.granted_total : 0),
            answered: (d: any) => aq.op.sum(d.complete ? d.total_processed_total : 0),
          })
          .objects() as { province: string; year: number; reports: number; n: number; granted: number; answered: number }[];
        const got = ours.groups.flatMap((g) =>
          [...g.byYear].map(([year, c]) => ({ province: g.key, year, reports: c.reports, n: c.reports + c.missing, granted: c.sums.granted_total, answered: c.sums.total_processed_total })),
        );
        const order = (a: { province: string; year: number }, b: { province: string; year: number }) => a.province.localeCompare(b.province) || a.year - b.year;
        expect(got.sort(order)).toEqual(expected.sort(order));
        expect(ours.selected).toBe(expected.reduce((n, e) => n + e.n, 0));
      }),
      { numRuns: 60 },
    );
  });

  it('never selects reports without a year, and honours every filter', () => {
    const facts = factsFile([
      record({ id: 'a', name: 'A', province: '北京市', city: null, sector: 'housing', year: 2022 }),
      record({ id: 'b', name: 'B', province: '北京市', sector: 'education', year: 2022 }),
      record({ id: 'c', name: 'C', province: '北京市', sector: 'housing', year: null }),
    ]);
    expect(selectRows(facts, { ...DEFAULT_STATE, filters: { ...DEFAULT_STATE.filters, sector: 'housing' } })).toEqual([0]);
    expect(selectRows(facts, { ...DEFAULT_STATE, to: 2021 })).toEqual([]);
  });
});
