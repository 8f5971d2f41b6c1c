/**
 * Per-province values of a measure, per year (complete cases, as everywhere), and the tile-map
 * ECharts option drawn from them: a scatter series of square symbols on a 9 × 8 grid.
 */
import type { FactsFile } from '../dataset/layout.ts';
import { MEASURES, type MeasureKey } from '../measures.ts';
import { aggregate } from './aggregate.ts';
import { escapeHtml } from './escape.ts';
import { fieldsOf } from './measures.ts';
import { formatValue } from './option.ts';
import { DEFAULT_STATE } from './state.ts';
import { textOn } from './palette.ts';
import { GRID_COLS, GRID_ROWS, scaleKey, tileData, type TileDatum } from './tilegrid.ts';
import { roundFor, type Unit } from './view.ts';

export interface ProvinceCell {
  value: number | null;
  reports: number;
  missing: number;
}

/** year → province name → cell. */
export type ProvinceValues = Record<string, Record<string, ProvinceCell>>;

export function provinceValues(facts: FactsFile, measure: MeasureKey): ProvinceValues {
  const state = { ...DEFAULT_STATE, measure, groupBy: 'province' as const };
  const agg = aggregate(facts, state, fieldsOf(measure));
  const out: ProvinceValues = {};
  for (const g of agg.groups) {
    if (g.key === '') continue;
    for (const [year, cell] of g.byYear) {
      (out[year] ??= {})[g.key] = {
        value: cell.reports === 0 ? null : roundFor(MEASURES[measure].unit, MEASURES[measure].value(cell.sums)),
        reports: cell.reports,
        missing: cell.missing,
      };
    }
  }
  return out;
}

export interface TileOptionContext {
  title: string;
  subtitle: string;
  source: string;
  unit: Unit;
  lang: 'zh' | 'en';
  width: number;
  height: number;
  dark: boolean;
  /** "No data" in the page's language (the colour key drawn into the chart). */
  noData?: string;
}

export function tileOption(cells: Record<string, ProvinceCell>, ctx: TileOptionContext) {
  const { data, min, max } = tileData(new Map(Object.entries(cells).map(([p, c]) => [p, c.value])), ctx.dark);
  // Room below the tiles for the colour key and the source line (which may wrap), above them for the title.
  const sourceLines = ctx.source.split('\n').length;
  const top = 60 + ctx.subtitle.split('\n').length * 14;
  const bottom = 36 + sourceLines * 14;
  const size = Math.max(24, Math.min((ctx.width - 24) / GRID_COLS, (ctx.height - top - bottom) / GRID_ROWS) * 0.92);
  const muted = ctx.dark ? '#aaaaaa' : '#555555';
  const name = (d: TileDatum) => (ctx.lang === 'en' ? d.tile.en : d.tile.zh);
  return {
    animation: false,
    backgroundColor: ctx.dark ? '#1b1b1b' : '#ffffff',
    title: [
      { text: ctx.title, subtext: ctx.subtitle, left: 8, top: 6, textStyle: { fontSize: 16, color: ctx.dark ? '#e6e6e6' : '#222222' }, subtextStyle: { color: muted, fontSize: 12, lineHeight: 14 } },
      { text: ctx.source, left: 8, bottom: 4, textStyle: { color: muted, fontSize: 11, lineHeight: 14, fontWeight: 'normal' as const } },
      scaleKey(min, max, { unit: ctx.unit, noData: ctx.noData ?? '', dark: ctx.dark, bottom: 12 + sourceLines * 14 }),
    ],
    tooltip: {
      trigger: 'item' as const,
      formatter: (p: { dataIndex: number }) => {
        const d = data[p.dataIndex];
        if (!d) return '';
        return `${escapeHtml(d.province ?? name(d))}: <b>${escapeHtml(formatValue(ctx.unit, d.value))}</b>`;
      },
    },
    grid: { left: 12, right: 12, top, bottom },
    xAxis: { type: 'value' as const, min: -0.5, max: GRID_COLS - 0.5, show: false },
    yAxis: { type: 'value' as const, min: -0.5, max: GRID_ROWS - 0.5, inverse: true, show: false },
    series: [
      {
        type: 'scatter' as const,
        symbol: 'rect',
        symbolSize: size,
        data: data.map((d) => ({
          value: [d.tile.col, d.tile.row],
          itemStyle: { color: d.color, opacity: 1, borderColor: ctx.dark ? '#1b1b1b' : '#ffffff', borderWidth: 1 },
          label: {
            show: true,
            formatter: `${name(d)}\n${formatValue(ctx.unit, d.value)}`,
            color: textOn(d.color),
            fontSize: Math.max(8, Math.min(12, size / 6)),
          },
        })),
      },
    ],
  };
}
