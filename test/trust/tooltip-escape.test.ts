/**
 * Chart tooltips are HTML (ECharts sets them with innerHTML): for any text at all, escapeHtml
 * gives text an HTML parser reads back unchanged and with no markup, and tooltipHtml with any
 * series name or axis label makes only its own elements (div, b, br). Property tests over
 * arbitrary strings and over strings built from markup fragments.
 */
import fc from 'fast-check';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/lib/charts/escape.ts';
import { tooltipHtml } from '../../src/lib/charts/option.ts';

const FRAGMENTS = ['<', '>', '"', "'", '&', '&amp;', '&lt;', '<script>', '</script>', '<img src=x onerror=alert(1)>', '"><svg/onload=alert(1)>', '<!--', '-->', '<![CDATA[', 'javascript:', '局', '管理中心', ' ', '='];
const hostile = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((a) => a.join('')));

const elementsOf = (html: string) => (DomUtils.findAll(() => true, parseDocument(html).children) as Element[]).map((e) => e.name);
/** HTML parsing itself changes NUL and CR (as browsers do): such text is checked for markup only. */
const readsBackAsIs = (s: string) => !/[\0\r]/.test(s);

describe('tooltip escaping', () => {
  it('escapeHtml: no markup survives, and the text reads back unchanged', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const escaped = escapeHtml(s);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(elementsOf(`<div>${escaped}</div>`)).toEqual(['div']);
        if (!readsBackAsIs(s)) return;
        expect(DomUtils.textContent(parseDocument(`<div>${escaped}</div>`))).toBe(s);
        expect((DomUtils.findOne((e) => e.name === 'div', parseDocument(`<div title="${escaped}"></div>`).children) as Element).attribs.title).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('tooltipHtml: any series name, axis label or name makes only the tooltip’s own elements', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, fc.option(fc.integer(), { nil: undefined }), (series, axis, name, value) => {
        for (const items of [{ seriesName: series, name, value }, [{ seriesName: series, axisValueLabel: axis, value }, { seriesName: name, value: 1 }]]) {
          const html = tooltipHtml(items, 'count');
          expect(elementsOf(html).filter((e) => !['div', 'b', 'br'].includes(e))).toEqual([]);
          const text = DomUtils.textContent(parseDocument(html));
          const shown = Array.isArray(items) ? [axis, series, name] : [name, series];
          for (const s of shown) if (readsBackAsIs(s)) expect(text).toContain(s);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the payloads of issue 5 in particular', () => {
    const html = tooltipHtml([{ seriesName: '"><img src=x onerror=alert(1)>', axisValueLabel: '<script>alert(1)</script>局', value: 3 }], 'count');
    expect(html).toBe('<div class="chart-tooltip"><div>&lt;script&gt;alert(1)&lt;/script&gt;局</div>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;: <b>3</b></div>');
  });
});
