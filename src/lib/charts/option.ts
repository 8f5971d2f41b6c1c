/**
 * ChartView → ECharts option. The title, the filters line, the legend and the source line are
 * drawn into the chart itself, so a PNG or SVG download carries what the screen shows. Tooltips
 * are HTML: every name in them goes through escapeHtml.
 *
 * Layout is computed here, not left to ECharts, so that nothing overlaps at any width: the
 * caller says how wide the chart is and how wide a text is (the browser measures with a canvas;
 * tests pass an estimate), and chartLayout wraps the title, the legend (below the plot, as many
 * rows as it needs) and long category names (horizontal bars, names wrapped on the left, never
 * cut), then says how tall the chart must be.
 */
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { escapeHtml } from './escape.ts';
import { DARK_BACKGROUND, LIGHT_BACKGROUND, partColors, SERIES_DARK, SERIES_LIGHT } from './palette.ts';
import type { ChartView, Unit } from './view.ts';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | TitleComponentOption
  | TooltipComponentOption
  | GridComponentOption
  | LegendComponentOption
>;

/**
 * The chart's font list. Names with spaces are quoted with single quotes: the SVG export writes
 * this into a double-quoted attribute, where a double quote would end it (and break the file).
 */
export const CHART_FONT = "system-ui, 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/** Width in px of a text drawn in CHART_FONT at a size (bold or not). */
export type TextMeasure = (text: string, size: number, bold?: boolean) => number;

/** A measure for tests and builds without a canvas: CJK and full-width characters 1 em, others 0.6 em. */
export const estimateText: TextMeasure = (text, size, bold = false) => {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.6;
  return em * size * (bold ? 1.08 : 1);
};

export interface OptionContext {
  /** Second title line: the filters and years. */
  subtitle: string;
  /** Bottom line: where the numbers come from and where the chart lives. */
  source: string;
  dark: boolean;
  /** No animation: for exports and tests. */
  still?: boolean;
  /** Width the chart is drawn at, in px (default 800). */
  width?: number;
  /** How wide a text is (default: estimateText). */
  measure?: TextMeasure;
  /** The page's language: names in the other script are marked with lang in tooltips. */
  lang?: 'zh' | 'en';
}

export function formatValue(unit: Unit, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit === 'share') return `${value}%`;
  return String(value);
}

interface TooltipItem {
  seriesName?: string;
  name?: string;
  value?: unknown;
  axisValueLabel?: string;
  seriesIndex?: number;
  dataIndex?: number;
}

const HAN = /[\u3400-\u9fff]/;

/** Escaped text, inside a span marked Chinese when it is Chinese on an English page. */
function named(text: unknown, lang: 'zh' | 'en' | undefined): string {
  const s = escapeHtml(text);
  return lang === 'en' && HAN.test(String(text ?? '')) ? `<span lang="zh-CN">${s}</span>` : s;
}

/**
 * The tooltip: each value with ≈ when approximate, and what it rests on (the view's tips); names
 * in Chinese on an English page marked with lang.
 */
export function tooltipHtml(items: TooltipItem | TooltipItem[], unit: Unit, view?: Pick<ChartView, 'series'>, lang?: 'zh' | 'en'): string {
  const list = Array.isArray(items) ? items : [items];
  const head = list[0]?.axisValueLabel ?? list[0]?.name ?? '';
  const lines = list.map((p) => {
    const raw = p.value !== null && typeof p.value === 'object' && 'value' in p.value ? (p.value as { value: unknown }).value : p.value;
    const v = typeof raw === 'number' ? raw : null;
    const series = p.seriesIndex === undefined ? undefined : view?.series[p.seriesIndex];
    const at = p.dataIndex ?? -1;
    const approx = series?.approximate?.[at] && v !== null ? '≈' : '';
    const tip = series?.tips?.[at];
    return `${named(p.seriesName, lang)}: <b>${approx}${escapeHtml(formatValue(unit, v))}</b>${tip ? ` <small>(${escapeHtml(tip)})</small>` : ''}`;
  });
  return `<div class="chart-tooltip"><div>${named(head, lang)}</div>${lines.join('<br>')}</div>`;
}

/** Break a text into lines no wider than `width`: Han characters one by one, other words whole. */
export function wrapText(text: string, width: number, size: number, measure: TextMeasure, bold = false): string[] {
  const tokens = text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s*|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && measure(line + token.trimEnd(), size, bold) > width) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line += token;
    }
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Font sizes and line heights (px) used in the layout and in the option. */
const TITLE = { size: 16, line: 22 };
const SUB = { size: 12, line: 16 };
const SOURCE = { size: 11, line: 14 };
const AXIS = { size: 12, line: 15 };
const LEGEND = { size: 12, line: 15, icon: 25, iconHeight: 14, iconGap: 5, gap: 10 };
const PAD = 8;

export interface ChartLayout {
  width: number;
  height: number;
  /** Bars run sideways, with the category names on the left. */
  horizontal: boolean;
  /** Texts as wrapped to fit (joined with \n in the option). */
  title: string[];
  subtitle: string[];
  source: string[];
  /** Category names as wrapped (horizontal bars), else as given. */
  categories: string[];
  /** Legend names as wrapped. */
  legend: string[];
  legendRows: number;
  /** Legend height in px, and its distance from the bottom edge. */
  legendHeight: number;
  legendBottom: number;
  gridTop: number;
  gridBottom: number;
}

/** Where everything goes at a width, and how tall the chart must be for it. */
export function chartLayout(view: ChartView, subtitle: string, source: string, width = 800, measure: TextMeasure = estimateText): ChartLayout {
  const inner = Math.max(160, width - 2 * PAD);
  const narrow = width < 600;
  const title = wrapText(view.title, inner, TITLE.size, measure, true);
  const sub = subtitle ? wrapText(subtitle, inner, SUB.size, measure) : [];
  const src = wrapText(source, inner, SOURCE.size, measure);
  // Names go on bars that run sideways (bar charts, breakdowns), where they have room; years stay below.
  const horizontal = view.kind === 'mix' || view.kind === 'bar';
  const labelWidth = horizontal
    ? Math.ceil(Math.min(Math.max(0, ...view.categories.map((c) => measure(c, AXIS.size))) + 2, narrow ? inner * 0.42 : Math.min(320, inner * 0.34)))
    : 0;
  const wrapped = horizontal ? view.categories.map((c) => wrapText(c, labelWidth, AXIS.size, measure)) : view.categories.map((c) => [c]);
  const labelLines = Math.max(1, ...wrapped.map((w) => w.length));
  const legendNames = view.series.length > 1 ? view.series.map((s) => wrapText(s.name, legendTextWidth(inner), LEGEND.size, measure)) : [];
  const rows = legendLayout(legendNames, inner, measure);
  const legendHeight = rows.reduce((h, r) => h + r, 0) + Math.max(0, rows.length - 1) * LEGEND.gap;
  const legendBottom = 4 + src.length * SOURCE.line + 10;
  const gridTop = 6 + title.length * TITLE.line + (sub.length ? 4 + sub.length * SUB.line : 0) + 18;
  const gridBottom = legendBottom + (rows.length ? legendHeight + 14 : 0);
  const slot = Math.max(26, labelLines * AXIS.line + 10);
  const plot = horizontal ? view.categories.length * slot + 30 : narrow ? 240 : 300;
  return {
    width,
    height: Math.ceil(gridTop + plot + gridBottom),
    horizontal,
    title,
    subtitle: sub,
    source: src,
    categories: wrapped.map((w) => w.join('\n')),
    legend: legendNames.map((w) => w.join('\n')),
    legendRows: rows.length,
    legendHeight,
    legendBottom,
    gridTop,
    gridBottom,
  };
}

/** The widest a legend name may be before it wraps within its item. */
function legendTextWidth(width: number): number {
  return Math.max(60, width - LEGEND.icon - LEGEND.iconGap - 2 * LEGEND.gap);
}

/**
 * Row heights of a plain horizontal legend of these (wrapped) names in `width`, laid out as
 * ECharts does: icon, 5 px, text; items 10 px apart; a new row when the next item does not fit.
 */
export function legendLayout(names: readonly string[][], width: number, measure: TextMeasure = estimateText): number[] {
  const rows: number[] = [];
  let x = 0;
  for (const lines of names) {
    const w = LEGEND.icon + LEGEND.iconGap + Math.max(...lines.map((l) => measure(l, LEGEND.size)));
    const h = Math.max(LEGEND.iconHeight, lines.length * LEGEND.line);
    if (rows.length === 0 || (x > 0 && x + w > width)) {
      rows.push(h);
      x = 0;
    } else {
      rows[rows.length - 1] = Math.max(rows[rows.length - 1] as number, h);
    }
    x += w + LEGEND.gap;
  }
  return rows;
}

export function buildOption(view: ChartView, ctx: OptionContext): ChartOption {
  const layout = chartLayout(view, ctx.subtitle, ctx.source, ctx.width ?? 800, ctx.measure ?? estimateText);
  const text = ctx.dark ? '#e6e6e6' : '#222222';
  const muted = ctx.dark ? '#aaaaaa' : '#555555';
  const colors = view.kind === 'mix' ? partColors(view.series.map((s) => s.key), ctx.dark) : ctx.dark ? SERIES_DARK : SERIES_LIGHT;
  const background = ctx.dark ? DARK_BACKGROUND : LIGHT_BACKGROUND;
  const valueAxis = {
    type: 'value' as const,
    max: view.kind === 'mix' ? 100 : undefined,
    axisLabel: { color: muted, fontSize: AXIS.size, formatter: (v: number) => formatValue(view.unit, v), hideOverlap: true },
    splitLine: { lineStyle: { color: ctx.dark ? '#333333' : '#e5e5e5' } },
  };
  const categoryAxis = {
    type: 'category' as const,
    data: view.categories,
    inverse: layout.horizontal,
    axisLabel: {
      color: muted,
      fontSize: AXIS.size,
      lineHeight: AXIS.line,
      interval: 0,
      // Full names, wrapped to fit (the tooltip and the table carry them too); never cut.
      formatter: (_value: string, index: number) => layout.categories[index] ?? _value,
    },
  };
  const legendName = new Map(view.series.map((s, i) => [s.name, layout.legend[i] ?? s.name]));
  const series = view.series.map((s) => {
    // A figure the report gives as approximate keeps its ≈ on the chart.
    const data = s.values.map((v, i) =>
      v !== null && s.approximate?.[i] ? { value: v, label: { show: true, position: 'top' as const, color: text, formatter: `≈${formatValue(view.unit, v)}` } } : v,
    );
    if (view.kind === 'line') {
      return { type: 'line' as const, name: s.name, data, connectNulls: false, symbolSize: 7, emphasis: { focus: 'series' as const } };
    }
    return {
      type: 'bar' as const,
      name: s.name,
      data,
      stack: view.kind === 'mix' ? 'mix' : undefined,
      barMaxWidth: 28,
      // A thin gap between the parts of a stacked bar, so neighbours never run together.
      itemStyle: view.kind === 'mix' ? { borderColor: background, borderWidth: 1 } : undefined,
    };
  });
  return {
    animation: !ctx.still,
    // No entry animation: the first frame is the finished chart. Changes animate briefly.
    animationDuration: 0,
    animationDurationUpdate: 300,
    color: colors,
    backgroundColor: background,
    textStyle: { fontFamily: CHART_FONT },
    title: [
      {
        text: layout.title.join('\n'),
        subtext: layout.subtitle.join('\n'),
        left: PAD,
        top: 6,
        padding: 0,
        itemGap: 4,
        textStyle: { fontSize: TITLE.size, lineHeight: TITLE.line, color: text },
        subtextStyle: { fontSize: SUB.size, lineHeight: SUB.line, color: muted },
      },
      // The source line, drawn in so that PNG and SVG downloads carry it.
      {
        text: layout.source.join('\n'),
        left: PAD,
        bottom: 4,
        padding: 0,
        textStyle: { color: muted, fontSize: SOURCE.size, lineHeight: SOURCE.line, fontWeight: 'normal' },
      },
    ],
    legend:
      layout.legendRows > 0
        ? {
            type: 'plain',
            bottom: layout.legendBottom,
            left: PAD,
            right: PAD,
            padding: 0,
            itemGap: LEGEND.gap,
            textStyle: { color: text, fontSize: LEGEND.size, lineHeight: LEGEND.line },
            formatter: (name: string) => legendName.get(name) ?? name,
          }
        : { show: false },
    tooltip: {
      trigger: view.kind === 'mix' ? 'item' : 'axis',
      confine: true,
      formatter: (params: unknown) => tooltipHtml(params as TooltipItem | TooltipItem[], view.unit, view, ctx.lang),
    },
    // The axis labels stay inside the grid's box (what containLabel did before ECharts 6).
    grid: { left: PAD, right: 16, top: layout.gridTop, bottom: layout.gridBottom, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: layout.horizontal ? valueAxis : categoryAxis,
    yAxis: layout.horizontal ? categoryAxis : valueAxis,
    series,
  };
}

/** Height that fits the title, the plot, the legend and the source line at a width. */
export function chartHeight(view: ChartView, subtitle = '', source = '', width = 800, measure: TextMeasure = estimateText): number {
  return chartLayout(view, subtitle, source, width, measure).height;
}
