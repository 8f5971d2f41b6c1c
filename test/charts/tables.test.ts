/** The build-time tables (arquero) against figures worked out by hand on small tables with gaps. */
import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../../src/lib/charts/measures.ts';
import { provinceValues } from '../../src/lib/charts/province-values.ts';
import { buildOverview } from '../../src/lib/dataset/overview.ts';
import { toFact } from '../../src/lib/facts.ts';
import { denominatorOf, MEASURES, MIN_N, type MeasureKey } from '../../src/lib/measures.ts';
import { factsFile, record, type Spec } from './helpers.ts';

const report = (s: Partial<Spec> & { id: string }) => record({ name: s.id, year: 2023, level: 'county', sector: 'housing', ...s });

describe('province values', () => {
  const reports = [
    // 广东省 2023: eleven agencies, granted i of 10 answered (55 of 110); one of them reports twice.
    ...Array.from({ length: 11 }, (_, i) => report({ id: `g${i}`, province: '广东省', rows: { granted: i, total_processed: 10 } })),
    report({ id: 'g0-again', name: 'g0', province: '广东省', rows: { granted: 5, total_processed: 10 } }),
    // … and two that give no answered figure (missing), one of them no figures at all.
    report({ id: 'g-gap', province: '广东省', rows: { granted: 3 } }),
    report({ id: 'g-blank', province: '广东省' }),
    // 湖南省 2023: two agencies, 20 of 40 answered: too few agencies.
    report({ id: 'h0', province: '湖南省', rows: { granted: 10, total_processed: 20 } }),
    report({ id: 'h1', province: '湖南省', rows: { granted: 10, total_processed: 20 } }),
    // 北京市 2023: ten agencies but 0 of 5 answered in all: too few cases.
    ...Array.from({ length: 10 }, (_, i) => report({ id: `b${i}`, province: '北京市', rows: { granted: 0, total_processed: i < 5 ? 1 : 0 } })),
    // 四川省 2023: none gives the figures.
    report({ id: 's0', province: '四川省' }),
    // Not counted anywhere: no year, no province.
    report({ id: 'undated', province: '广东省', year: null, rows: { granted: 10, total_processed: 10 } }),
    report({ id: 'nowhere', rows: { granted: 10, total_processed: 10 } }),
  ];
  const facts = factsFile(reports);
  // Two of 广东省's counted reports fail their own checks.
  const at = (id: string) => (facts.columns.id as string[]).indexOf(id);
  (facts.columns.checks_failed as (number | null)[])[at('g1')] = 2;
  (facts.columns.checks_failed as (number | null)[])[at('g2')] = 1;
  (facts.columns.checks_failed as (number | null)[])[at('g-gap')] = 1;

  it('sums the complete cases per province and year, counts agencies once, and says what is missing or failing', () => {
    const cells = provinceValues(facts, 'granted_share')['2023']!;
    expect(Object.keys(provinceValues(facts, 'granted_share'))).toEqual(['2023']);
    // (55 + 5) of 120 answered = 50.0 %.
    expect(cells['广东省']).toEqual({ value: 50, n: 120, reports: 12, agencies: 11, missing: 2, failing: 2, approximate: 0, tooFew: false });
    expect(cells['湖南省']).toEqual({ value: null, n: 40, reports: 2, agencies: 2, missing: 0, failing: 0, approximate: 0, tooFew: true });
    expect(cells['北京市']).toEqual({ value: null, n: 5, reports: 10, agencies: 10, missing: 0, failing: 0, approximate: 0, tooFew: true });
    expect(cells['四川省']).toEqual({ value: null, n: null, reports: 0, agencies: 0, missing: 1, failing: 0, approximate: 0, tooFew: false });
    expect(Object.keys(cells).sort()).toEqual(['北京市', '四川省', '广东省', '湖南省'].sort());
  });

  it('counts the reports whose figure is approximate', () => {
    const visits = (id: string, province: string, value: number | null, approximate: boolean) => {
      const r = report({ id, province });
      if (value !== null) {
        r.metrics.website_visits = value;
        r.metric_sources.website_visits = { sentence: '', raw: String(value), approximate };
      }
      return r;
    };
    const traffic = factsFile([
      ...Array.from({ length: MIN_N }, (_, i) => visits(`v${i}`, '广东省', 100 * (i + 1), i < 3)),
      visits('none', '广东省', null, false),
    ]);
    // 100 + 200 + … + 1000 = 5,500 visits; three of them approximate; one report gives none.
    expect(provinceValues(traffic, 'website_visits')['2023']?.['广东省']).toEqual({ value: 5500, n: null, reports: MIN_N, agencies: MIN_N, missing: 1, failing: 0, approximate: 3, tooFew: false });
  });
});

describe('overview extremes', () => {
  it('ranks the latest year’s agencies whose rate rests on at least MIN_N cases, leaving out those without a value', () => {
    const facts = [
      // 2023: twelve agencies 1 … 12 granted of 20; one under the rule (1 of 1), two without figures.
      ...Array.from({ length: 12 }, (_, i) => report({ id: `a${String(i).padStart(2, '0')}`, province: '广东省', rows: { granted: i + 1, total_processed: 20 } })),
      report({ id: 'small', rows: { granted: 1, total_processed: 1 } }),
      report({ id: 'blank' }),
      report({ id: 'none', rows: { granted: 0, total_processed: 0 } }),
      // 2022: a higher rate, but not the latest year.
      report({ id: 'old', year: 2022, rows: { granted: 20, total_processed: 20 } }),
    ].map(toFact);
    const overview = buildOverview(facts);
    expect(overview.years).toEqual([2022, 2023]);
    const granted = overview.extremes.granted_share!;
    expect(granted.listed).toBe(12);
    expect(granted.top.map((e) => [e.id, e.value, e.n])).toEqual(Array.from({ length: 10 }, (_, k) => [`a${String(11 - k).padStart(2, '0')}`, (12 - k) / 20, 20]));
    expect(granted.bottom.map((e) => e.id)).toEqual(Array.from({ length: 10 }, (_, k) => `a${String(k).padStart(2, '0')}`));
    expect(granted.top[0]).toEqual({ id: 'a11', agency: 'a11', province: '广东省', value: 0.6, n: 20 });
    // Counts are ranked whatever their size; a report without the figure is left out.
    expect(overview.extremes.applications_received).toEqual({ top: [], bottom: [], listed: 0 });
  });
});

describe('the tables read what each measure reads', () => {
  it('every measure’s denominator reads only fields its value reads (the tables select fieldsOf)', () => {
    for (const measure of Object.keys(MEASURES) as MeasureKey[]) {
      const read = new Set<string>();
      denominatorOf(measure, new Proxy({}, { get: (_t, key) => (read.add(String(key)), 1) }));
      expect([...read].filter((f) => !fieldsOf(measure).includes(f as never)), measure).toEqual([]);
    }
  });
});
