/**
 * The views a link may name, drawn as images at build time (src/components/view-images.ts), and the
 * head's line that tells a page which of them its address names (src/components/csp.ts): it must
 * name the view the page script then draws, or none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { viewInUrlScript } from '../../src/components/csp.ts';
import { DRAWN_IMAGES } from '../../src/components/drawn-chart.ts';
import { IMAGE_GROUPS, imageKey, imageStates, viewImages } from '../../src/components/view-images.ts';
import { prepare } from '../../src/components/views.ts';
import { CHART_MEASURES } from '../../src/lib/charts/measures.ts';
import { BASES, DEFAULT_STATE, stateFromParams, type ChartState } from '../../src/lib/charts/state.ts';
import { factsFile, record } from '../charts/helpers.ts';

const two = (id: string, name: string, year: number, received: number) => record({ id, name, province: '广东省', year, rows: { new: received } });

describe('viewImages', () => {
  it('draws every measure on both bases, alone and by level, kind and province, and nothing else', () => {
    const states = imageStates();
    expect(states.length).toBe(CHART_MEASURES.length * IMAGE_GROUPS.length * BASES.length);
    expect(new Set(states.map(imageKey)).size).toBe(states.length);
    for (const s of states) expect({ ...s, measure: DEFAULT_STATE.measure, groupBy: DEFAULT_STATE.groupBy, basis: DEFAULT_STATE.basis }).toEqual(DEFAULT_STATE);
  });

  it('gives each view that draws six files, one per width and theme, as the page draws its own chart; a view that draws nothing has none', () => {
    // Two agencies in 2022, another in 2023: like with like finds no agency in both years, so every matched view draws nothing.
    const facts = factsFile([two('a1', '甲局', 2022, 120), two('b1', '乙局', 2022, 7), two('c2', '丙局', 2023, 31)]);
    const images = viewImages(facts, '2026-12-06 · abc', 'https://example.org/');
    expect(images.keys.zh).toContain('applications_received.none.all');
    expect(images.keys.zh.some((k) => k.endsWith('.matched'))).toBe(false);
    expect(images.keys.en).toEqual(images.keys.zh);
    const files = images.files.filter((f) => f.lang === 'en' && f.name.startsWith('applications_received.level.all.'));
    expect(files.map((f) => f.name)).toEqual(DRAWN_IMAGES.map((i) => `applications_received.level.all.${i.variant}.svg`));
    const view = prepare(facts, 'en', { measure: 'applications_received', groupBy: 'level', basis: 'all' }).view;
    for (const f of files) {
      expect(f.svg).toContain(view.title);
      expect(f.svg).toContain('https://example.org/');
    }
    // Asked again for the same build: the same drawing, not another.
    expect(viewImages(facts, '2026-12-06 · abc', 'https://example.org/')).toBe(images);
  });
});

/** Run the head's line for an address: the page's marks. */
function headLine(search: string, keys: string[]): { marked: boolean; key: string | undefined } {
  const root = { classList: new Set<string>(), dataset: {} as Record<string, string> };
  const document = { documentElement: { classList: { add: (c: string) => root.classList.add(c) }, dataset: root.dataset } };
  new Function('location', 'document', viewInUrlScript(keys))({ search }, document);
  return { marked: root.classList.has('view-in-url'), key: root.dataset.viewImage };
}

const ALL_KEYS = imageStates().map(imageKey);

describe('the head line (viewInUrlScript)', () => {
  it('marks a page whose address has a query, and names its view when the query names nothing but a view with images', () => {
    expect(headLine('', ALL_KEYS)).toEqual({ marked: false, key: undefined });
    expect(headLine('?', ALL_KEYS)).toEqual({ marked: false, key: undefined });
    expect(headLine('?basis=matched', ALL_KEYS)).toEqual({ marked: true, key: 'applications_received.none.matched' });
    expect(headLine('?m=granted_share&g=province&basis=all', ALL_KEYS)).toEqual({ marked: true, key: 'granted_share.province.all' });
    // An embed's look is not part of the view.
    expect(headLine('?m=review_rate&theme=dark&plain=1', ALL_KEYS)).toEqual({ marked: true, key: 'review_rate.none.matched' });
    // A filter, a year, a chosen agency, a grouping without images, a measure not known: drawn live.
    for (const q of ['?province=%E5%B9%BF%E4%B8%9C%E7%9C%81', '?from=2021', '?a=%E7%94%B2%E5%B1%80%7C', '?g=city', '?g=sector', '?m=nonsense', '?basis=some'])
      expect(headLine(q, ALL_KEYS), q).toEqual({ marked: true, key: undefined });
    // A view that drew nothing has no images.
    expect(headLine('?m=granted_share', ALL_KEYS.filter((k) => k !== 'granted_share.none.matched'))).toEqual({ marked: true, key: undefined });
  });

  it('names only the view the page script reads from the same address', () => {
    const name = fc.constantFrom('m', 'g', 'basis', 'theme', 'plain', 'province', 'level', 'from', 'a', 'x');
    const value = fc.constantFrom('', 'granted_share', 'review_mix', 'nonsense', 'province', 'level', 'city', 'sector', 'none', 'all', 'matched', 'dark', '1', '2022', '广东省', ' all');
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { maxLength: 5 }), (pairs) => {
        const params = new URLSearchParams(pairs);
        const search = params.size > 0 ? `?${params}` : '';
        const { key } = headLine(search, ALL_KEYS);
        if (key === undefined) return;
        const { state } = stateFromParams(params);
        const named = imageStates().find((s) => imageKey(s) === key) as ChartState;
        expect(state).toEqual(named);
      }),
      { numRuns: 2000 },
    );
  });
});
