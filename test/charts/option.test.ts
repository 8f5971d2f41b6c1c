/**
 * The chart option at phone and desktop widths: nothing overlaps (by the layout's own numbers),
 * names are wrapped, never cut, the legend gets the rows it needs, and every chart kind's SVG
 * (ECharts' server-side SVG renderer, as the download uses) is well-formed XML.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { describe, expect, it } from 'vitest';
import { viewLabels } from '../../src/i18n/index.ts';
import { MIX_PARTS } from '../../src/lib/charts/measures.ts';
import { buildOption, CHART_FONT, chartLayout, estimateText, legendLayout, tooltipHtml, wrapText, type ChartOption } from '../../src/lib/charts/option.ts';
import { tileOption } from '../../src/lib/charts/regions.ts';
import type { ChartView } from '../../src/lib/charts/view.ts';
import { xmlProblems } from './xml.ts';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendPlainComponent, TitleComponent, TooltipComponent, SVGRenderer]);

const AGENCIES = ['北京住房公积金管理中心', '东莞市住房公积金管理中心', '厚街镇人民政府（东莞市）', '衡阳市住房保障服务中心', '中山市住房公积金管理中心'];
const base = { unit: 'count' as const, notes: [], table: { columns: [], rows: [] }, empty: false, coverage: { reports: 5, agencies: 5 }, comparison: null };
const labels = viewLabels('zh');

const VIEWS: Record<string, ChartView> = {
  line: { ...base, kind: 'line', title: '新收申请', categories: ['2020', '2021', '2022', '2023'], series: [{ key: 'x', name: '新收申请', values: [1, 2, null, 4] }] },
  'lines by agency': {
    ...base,
    kind: 'line',
    title: '予以公开占比 · 机关',
    unit: 'share',
    categories: ['2020', '2023'],
    series: AGENCIES.map((a, i) => ({ key: a, name: a, values: [i * 10, null] })),
  },
  'bars by agency': {
    ...base,
    kind: 'bar',
    title: '新收申请 · 机关',
    categories: [...AGENCIES, '北京市东城区人民政府东华门街道办事处', '"><img src=x onerror=alert(1)>中心', 'A & B <Bureau> of "Quotes"'],
    series: [{ key: 'x', name: '新收申请', values: [5, 4, 3, 2, 1, 1, 1, 1] }],
  },
  'outcome mix by agency': {
    ...base,
    kind: 'mix',
    title: '办理结果构成 · 机关',
    unit: 'share',
    categories: AGENCIES,
    series: MIX_PARTS.outcome_mix.parts.map((p) => ({ key: p.key, name: labels.part('outcome_mix', p.key), values: AGENCIES.map(() => 5) })),
  },
  'review mix': {
    ...base,
    kind: 'mix',
    title: '行政复议结果构成',
    unit: 'share',
    categories: ['2020', '2023'],
    series: MIX_PARTS.review_mix.parts.map((p) => ({ key: p.key, name: labels.part('review_mix', p.key), values: [25, 25] })),
  },
};

const ctx = (width: number) => ({
  subtitle: '全部 · 2020–2023 · 5 份报告',
  source: '来源：各机关《政府信息公开工作年度报告》（自报数字） · http://127.0.0.1:4321/tp/?a=1&b="2"',
  dark: false,
  still: true,
  width,
});

function svgOf(option: ChartOption | ReturnType<typeof tileOption>, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(option as ChartOption);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe('wrapText', () => {
  it('breaks Chinese between characters and other text between words, never losing a character', () => {
    expect(wrapText('北京住房公积金管理中心', 60, 12, estimateText)).toEqual(['北京住房公', '积金管理中', '心']);
    expect(wrapText('Beijing Housing Provident Fund', 110, 12, estimateText)).toEqual(['Beijing Housing', 'Provident Fund']);
    expect(wrapText('短', 100, 12, estimateText)).toEqual(['短']);
    // A word wider than the line stays whole on its own line.
    expect(wrapText('Supercalifragilistic x', 30, 12, estimateText)).toEqual(['Supercalifragilistic', 'x']);
  });
});

describe('legendLayout', () => {
  it('starts a new row when the next item does not fit, as ECharts does', () => {
    // Each item: 25 icon + 5 + 4 × 12 text = 78 px, 10 px apart: two fit in 170, not three.
    expect(legendLayout([['一二三四'], ['一二三四'], ['一二三四']], 170)).toEqual([15, 15]);
    expect(legendLayout([['一二三四'], ['一二三四'], ['一二三四']], 260)).toEqual([15]);
    expect(legendLayout([['一二', '三四']], 260)).toEqual([30]);
    expect(legendLayout([], 260)).toEqual([]);
  });
});

describe('chart layout', () => {
  for (const width of [390, 1280]) {
    for (const [name, view] of Object.entries(VIEWS)) {
      it(`${name} at ${width}px: legend below the plot, names whole, height to fit`, () => {
        const c = ctx(width);
        const layout = chartLayout(view, c.subtitle, c.source, width);
        // Top to bottom: title, plot, legend, source line, each in its own band.
        const legendTop = layout.height - layout.legendBottom - layout.legendHeight;
        expect(layout.gridTop).toBeGreaterThanOrEqual(6 + layout.title.length * 22);
        expect(legendTop).toBeGreaterThanOrEqual(layout.height - layout.gridBottom);
        expect(layout.legendBottom).toBeGreaterThanOrEqual(4 + layout.source.length * 14);
        expect(layout.height - layout.gridTop - layout.gridBottom).toBeGreaterThanOrEqual(view.kind === 'line' ? 240 : view.categories.length * 26);
        // Every text line fits the width.
        for (const line of layout.title) expect(estimateText(line, 16, true)).toBeLessThanOrEqual(width - 16);
        for (const line of layout.subtitle) expect(estimateText(line, 12)).toBeLessThanOrEqual(width - 16);
        for (const line of layout.source) expect(estimateText(line, 11)).toBeLessThanOrEqual(width - 16);
        // Names are wrapped, never cut: the lines put back together are the name.
        const squeeze = (t: string) => t.replace(/\s/g, '');
        expect(layout.categories.map(squeeze)).toEqual(view.categories.map(squeeze));
        expect(layout.legendRows > 0).toBe(view.series.length > 1);
      });
    }
  }

  it('gives the outcome mix more legend rows on a phone than on a desktop, and a taller chart', () => {
    const view = VIEWS['outcome mix by agency']!;
    const phone = chartLayout(view, '', 'source', 390);
    const desk = chartLayout(view, '', 'source', 1280);
    expect(phone.legendRows).toBeGreaterThan(desk.legendRows);
    expect(phone.legendRows).toBeGreaterThanOrEqual(6);
    expect(phone.gridBottom).toBeGreaterThan(desk.gridBottom);
  });

  it('puts names on bars that run sideways, with room for a whole agency name at 1280px', () => {
    const view = VIEWS['bars by agency']!;
    const layout = chartLayout(view, '', '', 1280);
    expect(layout.horizontal).toBe(true);
    expect(layout.categories[5]).toBe('北京市东城区人民政府东华门街道办事处');
    const phone = chartLayout(view, '', '', 390);
    expect(phone.categories[5]!.split('\n').length).toBe(2);
    expect(phone.categories[5]!.replace(/\n/g, '')).toBe('北京市东城区人民政府东华门街道办事处');
  });

  it('keeps years on a vertical axis (line charts)', () => {
    expect(chartLayout(VIEWS.line!, '', '', 390).horizontal).toBe(false);
  });
});

describe('the option', () => {
  it('quotes font names with single quotes (a double quote breaks the SVG attribute it is written into)', () => {
    expect(CHART_FONT).not.toContain('"');
    const option = buildOption(VIEWS.line!, ctx(800));
    expect(JSON.stringify(option.textStyle)).not.toMatch(/\\"/);
  });

  it('never truncates an axis label, and gives the full name to the axis formatter', () => {
    const option = buildOption(VIEWS['bars by agency']!, ctx(390));
    const axis = option.yAxis as { axisLabel: { overflow?: string; formatter: (v: string, i: number) => string } };
    expect(axis.axisLabel.overflow).toBeUndefined();
    expect(axis.axisLabel.formatter('', 0).replace(/\n/g, '')).toBe('北京住房公积金管理中心');
  });

  it('marks Chinese names in English tooltips with lang, and escapes them', () => {
    const html = tooltipHtml([{ seriesName: '北京<中心>', axisValueLabel: '2023', value: 3 }], 'count', undefined, 'en');
    expect(html).toContain('<span lang="zh-CN">北京&lt;中心&gt;</span>');
    expect(tooltipHtml([{ seriesName: '北京', axisValueLabel: '2023', value: 3 }], 'count', undefined, 'zh')).not.toContain('lang=');
  });
});

describe('SVG export', () => {
  for (const width of [390, 1280]) {
    for (const [name, view] of Object.entries(VIEWS)) {
      it(`${name} at ${width}px is well-formed XML with the title, the source and every name`, () => {
        const c = ctx(width);
        const svg = svgOf(buildOption(view, c), width, chartLayout(view, c.subtitle, c.source, width).height);
        expect(xmlProblems(svg)).toEqual([]);
        expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        expect(svg).toContain('来源');
        expect(svg).toContain('ecmeta_ssr_type="legend"'.slice(0, view.series.length > 1 ? undefined : 0));
      });
    }
    it(`the tile map at ${width}px is well-formed XML and carries its colour key`, () => {
      const option = tileOption(
        {
          北京市: { value: 10, n: null, reports: 3, agencies: 3, missing: 0, failing: 0, approximate: 0, tooFew: false },
          广东省: { value: 30, n: null, reports: 3, agencies: 3, missing: 0, failing: 0, approximate: 0, tooFew: false },
          湖南省: { value: null, n: null, reports: 1, agencies: 1, missing: 0, failing: 0, approximate: 0, tooFew: true },
        },
        { ...ctx(width), title: '新收申请 · 省份', unit: 'count', lang: 'zh', height: 480, noData: '无数据', tooFew: '太少', agencies: (n) => `${n} 个机关` },
      );
      const svg = svgOf(option, width, 480);
      expect(xmlProblems(svg)).toEqual([]);
      expect(svg).toContain('无数据');
      expect(svg).toContain('10 – 30');
    });
  }

  it('the check catches the old font list', () => {
    const option = { ...buildOption(VIEWS.line!, ctx(800)), textStyle: { fontFamily: 'system-ui, "WenQuanYi Micro Hei", sans-serif' } };
    expect(xmlProblems(svgOf(option, 800, 400))).not.toEqual([]);
  });
});
