import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTREME_MIN_N, buildOverview } from '../../src/lib/dataset/overview.ts';
import { toFact, type Fact } from '../../src/lib/facts.ts';
import { denominatorOf, MIN_N, type MeasureKey } from '../../src/lib/measures.ts';
import { parseReport } from '../../src/lib/parse/index.ts';

const facts: Fact[] = readdirSync('data/reports')
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => toFact(parseReport(readFileSync(`data/reports/${f}`, 'utf8'), { file: f, sha256: '', format: 'txt' })));
// Place the seeds: two in one province, one with no province.
const placed = facts.map((f, i) => ({ ...f, province: i < 2 ? '广东省' : i < 4 ? '北京市' : null, level: i % 2 ? 'county' : 'prefecture', sector: 'housing' }));

describe('buildOverview', () => {
  const overview = buildOverview(placed);

  it('gives the years reported, ascending, and nothing else but the extremes', () => {
    expect(overview.years).toEqual([...new Set(placed.flatMap((f) => (f.year === null ? [] : [f.year])))].sort((a, b) => a - b));
    expect(Object.keys(overview).sort()).toEqual(['extremes', 'schema_version', 'years']);
  });

  it('lists extremes of the latest year only, rates only for agencies with enough answered', () => {
    // Ten copies of each seed in the latest year, so that MIN_N agencies can be ranked.
    const latestYear = Math.max(...placed.map((f) => f.year ?? 0));
    const many = placed.flatMap((f) => Array.from({ length: MIN_N }, (_, k) => ({ ...f, id: `${f.id}-${k}`, agency: `${f.agency}${k}` })));
    const big = buildOverview(many);
    for (const [measure, { top, bottom }] of Object.entries(big.extremes)) {
      for (const e of [...top, ...bottom]) {
        const fact = many.find((f) => f.id === e.id) as Fact;
        expect(fact.year, measure).toBe(latestYear);
        if (measure !== 'applications_received') {
          // The entry carries its denominator, and it meets the one minimum-n rule.
          expect(e.n).toBe(denominatorOf(measure as MeasureKey, fact));
          expect(e.n ?? 0).toBeGreaterThanOrEqual(EXTREME_MIN_N);
        } else expect(e.n).toBeNull();
      }
      expect(top.map((e) => e.value)).toEqual([...top.map((e) => e.value)].sort((a, b) => b - a));
    }
    expect(big.extremes.applications_received?.top.length).toBeGreaterThan(0);
    // The seeds alone: fewer than MIN_N agencies in the latest year, so no ranking, only their number.
    const latestCount = placed.filter((f) => f.year === latestYear).length;
    expect(latestCount).toBeLessThan(MIN_N);
    expect(overview.extremes.applications_received).toEqual({ top: [], bottom: [], listed: latestCount });
  });

  it('leaves out of a rate’s extremes an agency whose denominator is under MIN_N, and ranks none below MIN_N agencies', () => {
    const base = placed.find((f) => f.year !== null) as Fact;
    const agencies = [
      { ...base, id: 'small', agency: 'small', year: 2030, granted_total: 2, total_processed_total: 2 },
      ...Array.from({ length: MIN_N }, (_, i) => ({ ...base, id: `big${i}`, agency: `big${i}`, year: 2030, granted_total: i, total_processed_total: MIN_N })),
    ];
    const listed = buildOverview(agencies).extremes.granted_share;
    // small's 100% (2 of 2) would top the list; under the rule it is not ranked at all.
    expect(listed?.top[0]).toMatchObject({ id: 'big9', n: MIN_N, value: 0.9 });
    expect(listed?.listed).toBe(MIN_N);
    expect([...(listed?.top ?? []), ...(listed?.bottom ?? [])].some((e) => e.id === 'small')).toBe(false);
    // Nine agencies with enough cases are too few to rank.
    expect(buildOverview(agencies.slice(0, MIN_N)).extremes.granted_share).toEqual({ top: [], bottom: [], listed: MIN_N - 1 });
  });

  it('lists the ten highest and lowest of many agencies, ties in id order, as a full sort would', () => {
    const base = placed.find((f) => f.year !== null) as Fact;
    // 60 agencies in one year, values with many ties, ids in scrambled order.
    const many = Array.from({ length: 60 }, (_, i) => ({ ...base, id: `a${(i * 37) % 60}`, agency: `agency ${i}`, year: 2030, new_total: (i * 7) % 9 }));
    const extremes = buildOverview(many).extremes.applications_received;
    const sorted = [...many].sort((a, b) => (a.new_total as number) - (b.new_total as number) || ((a.id as string) < (b.id as string) ? -1 : 1));
    expect(extremes?.bottom.map((e) => e.id)).toEqual(sorted.slice(0, 10).map((f) => f.id));
    expect(extremes?.top.map((e) => e.id)).toEqual(sorted.slice(-10).reverse().map((f) => f.id));
  });
});
