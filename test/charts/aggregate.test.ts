import * as aq from 'arquero';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, mergeCells, selectRows } from '../../src/lib/charts/aggregate.ts';
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

  it('like with like: sums only the agencies giving the figures in every year compared, as arquero counts them', () => {
    const rowsArb = fc.array(
      fc.record({
        agency: fc.integer({ min: 0, max: 5 }),
        year: fc.integer({ min: 2019, max: 2022 }),
        granted: fc.option(fc.nat(50), { nil: undefined }),
        answered: fc.option(fc.nat(100), { nil: undefined }),
      }),
      { maxLength: 40 },
    );
    const provinces = ['北京市', '广东省', '四川省'];
    fc.assert(
      fc.property(rowsArb, fc.constantFrom('none' as const, 'province' as const), (specs, groupBy) => {
        // An agency is its name in its province: the same name always in the same province here.
        const facts = factsFile(
          specs.map((s, i) => record({ id: `r${i}`, name: `机关${s.agency}`, province: provinces[s.agency % 3], level: 'county', year: s.year, rows: { granted: s.granted, total_processed: s.answered } })),
        );
        const state = { ...DEFAULT_STATE, measure: 'granted_share' as const, groupBy, basis: 'matched' as const };
        const ours = aggregate(facts, state, fieldsOf(state.measure));
        const rows = aq
          .table(facts.columns)
          .derive({ complete: (d: any) => (d.granted_total != null && d.total_processed_total != null ? 1 : 0) });
        const compared = rows.filter((d: any) => d.complete === 1).groupby('year').count().array('year') as number[];
        const matched = new Set(
          rows
            .filter((d: any) => d.complete === 1)
            .groupby('agency')
            .rollup({ years: aq.op.distinct('year') })
            .params({ n: compared.length })
            .filter((d: any, $: any) => d.years === $.n)
            .array('agency') as string[],
        );
        const comparing = compared.length > 1;
        const expected = rows
          .derive({ key: groupBy === 'none' ? () => '' : (d: any) => d.province })
          .objects() as { key: string; year: number; agency: string; complete: number; granted_total: number; total_processed_total: number }[];
        const cells = new Map<string, { reports: number; missing: number; leftOut: number; agencies: Set<string>; granted: number; answered: number }>();
        for (const e of expected) {
          const id = `${e.key}|${e.year}`;
          const c = cells.get(id) ?? { reports: 0, missing: 0, leftOut: 0, agencies: new Set<string>(), granted: 0, answered: 0 };
          cells.set(id, c);
          if (!e.complete) c.missing++;
          else if (comparing && !matched.has(e.agency)) c.leftOut++;
          else {
            c.reports++;
            c.agencies.add(e.agency);
            c.granted += e.granted_total;
            c.answered += e.total_processed_total;
          }
        }
        const got = new Map(
          ours.groups.flatMap((g) =>
            [...g.byYear].map(([year, c]) => [`${g.key}|${year}`, { reports: c.reports, missing: c.missing, leftOut: c.leftOut, agencies: c.agencies.size, granted: c.sums.granted_total, answered: c.sums.total_processed_total }] as const),
          ),
        );
        expect(got).toEqual(new Map([...cells].map(([k, c]) => [k, { ...c, agencies: c.agencies.size }])));
        // A group's years merged count each agency once, however many years it is summed in.
        for (const g of ours.groups) {
          const inGroup = new Set([...cells].filter(([k]) => k.startsWith(`${g.key}|`)).flatMap(([, c]) => [...c.agencies]));
          expect(mergeCells(g.byYear.values(), fieldsOf(state.measure)).agencies.size).toBe(inGroup.size);
        }
        expect(ours.comparison?.matched ?? null).toBe(comparing ? matched.size : null);
        expect(ours.comparison?.leftOut ?? 0).toBe([...cells.values()].reduce((n, c) => n + c.leftOut, 0));
        // Years run from the first to the last with a report, gaps kept.
        const seen = specs.map((s) => s.year);
        expect(ours.years).toEqual(seen.length === 0 ? [] : Array.from({ length: Math.max(...seen) - Math.min(...seen) + 1 }, (_, k) => Math.min(...seen) + k));
      }),
      { numRuns: 80 },
    );
  });

  it('never selects reports without a year, and honours every filter', () => {
    const facts = factsFile([
      record({ id: 'a', name: 'A', province: '北京市', city: null, sector: 'housing', year: 2022 }),
      record({ id: 'b', name: 'B', province: '北京市', sector: 'education', year: 2022 }),
      record({ id: 'c', name: 'C', province: '北京市', sector: 'housing', year: null }),
    ]);
    expect([...selectRows(facts, { ...DEFAULT_STATE, filters: { ...DEFAULT_STATE.filters, sector: 'housing' } })]).toEqual([0]);
    expect([...selectRows(facts, { ...DEFAULT_STATE, to: 2021 })]).toEqual([]);
  });
});
