import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHART_MEASURES } from '../../src/lib/charts/measures.ts';
import { BASES, DEFAULT_STATE, GROUP_BYS, stateFromParams, stateToParams, stateToSearch, type ChartState } from '../../src/lib/charts/state.ts';
import { KINDS, LEVELS } from '../../src/lib/schema.ts';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const name = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s && s !== '');
const stateArb: fc.Arbitrary<ChartState> = fc
  .record({
    measure: fc.constantFrom(...CHART_MEASURES),
    groupBy: fc.constantFrom(...GROUP_BYS),
    filters: fc.record({
      province: maybe(fc.constantFrom('北京市', '广东省', 'A&B=C?')),
      city: maybe(name),
      county: maybe(name),
      level: maybe(fc.constantFrom(...LEVELS)),
      kind: maybe(fc.constantFrom(...KINDS)),
      sector: maybe(fc.constantFrom('housing', 'education')),
    }),
    from: maybe(fc.integer({ min: 2000, max: 2030 })),
    to: maybe(fc.integer({ min: 2000, max: 2030 })),
    basis: fc.constantFrom(...BASES),
    agencies: fc.uniqueArray(fc.constantFrom('北京住房公积金管理中心|北京市', '厚街镇人民政府|东莞市', 'A&B|', '城关镇人民政府|某县'), { maxLength: 3 }),
  })
  .map((s) => (s.from !== null && s.to !== null && s.from > s.to ? { ...s, from: s.to, to: s.from } : s));

describe('ChartState ↔ URL params', () => {
  it('round-trips every state through a query string', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const search = stateToSearch(state);
        const back = stateFromParams(new URLSearchParams(search));
        expect(back.ignored).toEqual([]);
        expect(back.state).toEqual(state);
      }),
    );
  });

  it('leaves defaults out of the URL', () => {
    expect(stateToParams(DEFAULT_STATE).toString()).toBe('');
  });

  it('reports parameters it does not understand instead of dropping them silently', () => {
    const { state, ignored } = stateFromParams(new URLSearchParams('m=nonsense&level=galaxy&from=20x1&g=province'));
    expect([...ignored].sort()).toEqual(['from=20x1', 'level=galaxy', 'm=nonsense']);
    expect(state.measure).toBe(DEFAULT_STATE.measure);
    expect(state.groupBy).toBe('province');
    expect(state.filters.level).toBeNull();
  });

  it('swaps a reversed year range', () => {
    const { state } = stateFromParams(new URLSearchParams('from=2023&to=2020'));
    expect([state.from, state.to]).toEqual([2020, 2023]);
  });
});

describe('agencies chosen by name', () => {
  it('keeps each chosen agency as a repeated `a` parameter, in the order chosen, once', () => {
    const { state } = stateFromParams(new URLSearchParams('a=%E5%8E%9A%E8%A1%97%E9%95%87%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C%7C%E4%B8%9C%E8%8E%9E%E5%B8%82&a=B%7C&a=&a=B%7C'));
    expect(state.agencies).toEqual(['厚街镇人民政府|东莞市', 'B|']);
    expect(stateToSearch({ ...DEFAULT_STATE, agencies: ['甲局|乙市', '丙'] })).toBe('?a=%E7%94%B2%E5%B1%80%7C%E4%B9%99%E5%B8%82&a=%E4%B8%99');
  });
});
