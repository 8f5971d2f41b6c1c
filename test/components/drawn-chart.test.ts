/**
 * A page's first chart drawn at build time (src/components/drawn-chart.ts): an SVG image per
 * width and theme that says what the live chart says, with its notes, and none when the live
 * chart would draw nothing.
 */
import { describe, expect, it } from 'vitest';
import { DRAWN_WIDTHS, drawChart } from '../../src/components/drawn-chart.ts';
import { prepare } from '../../src/components/views.ts';
import { factsFile, record } from '../charts/helpers.ts';

const svgOf = (src: string) => Buffer.from(src.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString('utf8');
const two = (id: string, name: string, year: number, received: number) => record({ id, name, province: '广东省', year, rows: { new: received } });

describe('drawChart', () => {
  // Two agencies, both in 2022 and 2023: like with like compares them.
  const facts = factsFile([two('a1', '甲局', 2022, 120), two('a2', '甲局', 2023, 90), two('b1', '乙局', 2022, 7), two('b2', '乙局', 2023, 31)]);

  it('draws the chart the page script shows, once per width and theme, with its title, figures and source line', () => {
    const chart = prepare(facts, 'zh', { measure: 'applications_received', basis: 'matched' });
    const drawn = drawChart(chart, 'zh', '2026-12-03 · abc', 'https://example.org/tp/')!;
    expect(drawn).not.toBeNull();
    const images = [...drawn.sources, drawn.fallback];
    expect(images.map((i) => i.width)).toEqual([DRAWN_WIDTHS.narrow, DRAWN_WIDTHS.narrow, DRAWN_WIDTHS.medium, DRAWN_WIDTHS.medium, DRAWN_WIDTHS.wide, DRAWN_WIDTHS.wide]);
    expect(drawn.sources.map((s) => s.media)).toEqual([
      '(max-width: 600px) and (prefers-color-scheme: dark)',
      '(max-width: 600px)',
      '(max-width: 900px) and (prefers-color-scheme: dark)',
      '(max-width: 900px)',
      '(prefers-color-scheme: dark)',
    ]);
    for (const image of images) {
      const svg = svgOf(image.src);
      expect(svg).toMatch(/^<svg[^>]* width="\d+" height="\d+"/);
      expect(svg).toMatch(new RegExp(`width="${image.width}" height="${image.height}"`));
      expect(svg).toContain(chart.view.title);
      expect(svg).toContain('2022');
      expect(svg).toContain('2023');
      expect(svg).toContain('https://example.org/tp/');
      expect(svg).toContain('2026-12-03 · abc');
      // The subtitle: both agencies, both years (4 reports).
      expect(svg).toContain('4 份报告 · 2 个机关');
    }
    // The dark images are drawn dark: another background than the light ones.
    const background = (src: string) => svgOf(src).match(/<rect[^>]*fill="([^"]+)"/)?.[1];
    expect(background(drawn.sources[0]!.src)).not.toBe(background(drawn.sources[1]!.src));
    expect(drawn.alt.startsWith(chart.view.title)).toBe(true);
    // The notes the page shows under the chart come with it: here, which agencies like with like counts.
    expect(drawn.notes).toEqual(chart.view.notes);
    expect(drawn.notes.some((n) => n.startsWith('同口径比较：只计 2022、2023 年每年都有报告的 2 个机关'))).toBe(true);
  });

  it('draws nothing when the live chart would say it has no figure (no agency in every year) or no report', () => {
    const apart = factsFile([two('a', '甲局', 2020, 5), two('b', '乙局', 2023, 9)]);
    expect(drawChart(prepare(apart, 'en', { measure: 'applications_received', basis: 'matched' }), 'en', 'v', '/')).toBeNull();
    expect(drawChart(prepare(factsFile([]), 'en', { measure: 'applications_received', basis: 'matched' }), 'en', 'v', '/')).toBeNull();
    // The raw totals of the same reports do draw.
    expect(drawChart(prepare(apart, 'en', { measure: 'applications_received', basis: 'all' }), 'en', 'v', '/')).not.toBeNull();
  });
});
