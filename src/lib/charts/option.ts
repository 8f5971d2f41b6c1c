/**
 * ChartView → ECharts option. The title, the filters line and the source line are drawn into
 * the chart itself, so a PNG or SVG download carries them. Tooltips are HTML: every name in them
 * goes through escapeHtml.
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
import { OKABE_ITO, OKABE_ITO_DARK, partColors } from './palette.ts';
import type { ChartView, Unit } from './view.ts';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | TitleComponentOption
  | TooltipComponentOption
  | GridComponentOption
  | LegendComponentOption
>;

export interface OptionContext {
  /** Second title line: the filters and years. */
  subtitle: string;
  /** Bottom line: where the numbers come from and where the chart lives. */
  source: string;
  dark: boolean;
  /** No animation: for exports and tests. */
  still?: boolean;
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

/** The tooltip: each value with ≈ when approximate, and what it rests on (the view's tips). */
export function tooltipHtml(items: TooltipItem | TooltipItem[], unit: Unit, view?: Pick<ChartView, 'series'>): string {
  const list = Array.isArray(items) ? items : [items];
  const head = list[0]?.axisValueLabel ?? list[0]?.name ?? '';
  const lines = list.map((p) => {
    const raw = p.value !== null && typeof p.value === 'object' && 'value' in p.value ? (p.value as { value: unknown }).value : p.value;
    const v = typeof raw === 'number' ? raw : null;
    const series = p.seriesIndex === undefined ? undefined : view?.series[p.seriesIndex];
    const at = p.dataIndex ?? -1;
    const approx = series?.approximate?.[at] && v !== null ? '≈' : '';
    const tip = series?.tips?.[at];
    return `${escapeHtml(p.seriesName)}: <b>${approx}${escapeHtml(formatValue(unit, v))}</b>${tip ? ` <small>(${escapeHtml(tip)})</small>` : ''}`;
  });
  return `<div class="chart-tooltip"><div>${escapeHtml(head)}</div>${lines.join('<br>')}</div>`;
}

export function buildOption(view: ChartView, ctx: OptionContext): ChartOption {
  const text = ctx.dark ? '#e6e6e6' : '#222222';
  const muted = ctx.dark ? '#aaaaaa' : '#555555';
  const horizontal = view.kind === 'mix' || (view.kind === 'bar' && view.categories.length > 6);
  const colors = view.kind === 'mix' ? partColors(view.series.map((s) => s.key)) : ctx.dark ? OKABE_ITO_DARK : OKABE_ITO;
  const valueAxis = {
    type: 'value' as const,
    max: view.kind === 'mix' ? 100 : undefined,
    axisLabel: { color: muted, formatter: (v: number) => formatValue(view.unit, v) },
    splitLine: { lineStyle: { color: ctx.dark ? '#333333' : '#e5e5e5' } },
  };
  const categoryAxis = {
    type: 'category' as const,
    data: view.categories,
    inverse: horizontal,
    axisLabel: { color: muted, width: 110, overflow: 'truncate' as const, interval: 0 },
  };
  const legendShown = view.series.length > 1;
  const series = view.series.map((s) => {
    // A figure the report gives as approximate keeps its ≈ on the chart.
    const data = s.values.map((v, i) =>
      v !== null && s.approximate?.[i] ? { value: v, label: { show: true, position: 'top' as const, color: text, formatter: `≈${formatValue(view.unit, v)}` } } : v,
    );
    if (view.kind === 'line') {
      return { type: 'line' as const, name: s.name, data, connectNulls: false, symbolSize: 7, emphasis: { focus: 'series' as const } };
    }
    return { type: 'bar' as const, name: s.name, data, stack: view.kind === 'mix' ? 'mix' : undefined, barMaxWidth: 28 };
  });
  return {
    animation: !ctx.still,
    // No entry animation: the first frame is the finished chart. Changes animate briefly.
    animationDuration: 0,
    animationDurationUpdate: 300,
    color: colors,
    backgroundColor: ctx.dark ? '#1b1b1b' : '#ffffff',
    textStyle: { fontFamily: 'system-ui, "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif' },
    title: [
      {
        text: view.title,
        subtext: ctx.subtitle,
        left: 8,
        top: 6,
        textStyle: { fontSize: 16, color: text, width: 600, overflow: 'break' },
        subtextStyle: { color: muted, width: 600, overflow: 'break' },
      },
      // The source line, drawn in so that PNG and SVG downloads carry it.
      { text: ctx.source, left: 8, bottom: 4, textStyle: { color: muted, fontSize: 11, fontWeight: 'normal' } },
    ],
    legend: legendShown ? { type: 'plain', bottom: 26, left: 8, right: 8, textStyle: { color: text } } : { show: false },
    tooltip: {
      trigger: view.kind === 'mix' ? 'item' : 'axis',
      confine: true,
      formatter: (params: unknown) => tooltipHtml(params as TooltipItem | TooltipItem[], view.unit, view),
    },
    grid: { left: 12, right: 24, top: 72, bottom: 36 + legendRows(view) * 24, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
}

/** Rows the legend wraps into (a rough count: names of about 12 characters, 4 to a row). */
function legendRows(view: ChartView): number {
  return view.series.length > 1 ? Math.ceil(view.series.length / 4) : 0;
}

/** Height that fits the bars of a horizontal chart and the legend, so names stay readable. */
export function chartHeight(view: ChartView): number {
  const horizontal = view.kind === 'mix' || (view.kind === 'bar' && view.categories.length > 6);
  const legend = legendRows(view) * 24;
  return horizontal ? Math.max(360, 130 + legend + view.categories.length * 28) : 400 + legend;
}
