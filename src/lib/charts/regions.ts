/**
 * Per-province values of a measure, per year (complete cases, as everywhere; computed at build
 * time by ./province-values.ts), and the tile-map ECharts option drawn from them: a scatter series
 * of square symbols on a 9 × 8 grid.
 *
 * The minimum-n rule applies: a province with fewer than MIN_N agencies giving the figures (or,
 * for a rate, fewer than MIN_N cases in its denominator) has no value and is drawn as "too few",
 * outside the colour scale; every tile says how many agencies it rests on.
 */
import { escapeHtml } from './escape.ts';
import { estimateText, formatValue } from './option.ts';
import { textOn } from './palette.ts';
import { GRID_COLS, GRID_ROWS, scaleKey, tileData, type TileDatum } from './tilegrid.ts';
import type { Unit } from './view.ts';

export interface ProvinceCell {
  /** Null when the report gives none, or when the province is under the minimum-n rule. */
  value: number | null;
  /** A rate's denominator (null for a count). */
  n: number | null;
  reports: number;
  agencies: number;
  missing: number;
  /** Reports counted that fail their own checks. */
  failing: number;
  /** Reports counted whose figure is approximate. */
  approximate: number;
  /** Under the minimum-n rule: fewer than MIN_N agencies, or a rate on fewer than MIN_N cases. */
  tooFew: boolean;
}

/** year → province name → cell. */
export type ProvinceValues = Record<string, Record<string, ProvinceCell>>;

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
  /** Words for a tile under the minimum-n rule, and for its count of agencies. */
  tooFew: string;
  agencies(n: number): string;
}

/** Fill and border of a tile under the minimum-n rule: paler than no-data grey, dashed. */
const TOO_FEW = { light: { fill: '#f4f4f4', border: '#8c8c8c' }, dark: { fill: '#2a2a2a', border: '#8c8c8c' } };

export function tileOption(cells: Record<string, ProvinceCell>, ctx: TileOptionContext) {
  const { data, min, max } = tileData(new Map(Object.entries(cells).map(([p, c]) => [p, c.value])), ctx.dark);
  // Room below the tiles for the colour key and the source line (which may wrap), above them for the title.
  const sourceLines = ctx.source.split('\n').length;
  const top = 60 + ctx.subtitle.split('\n').length * 14;
  const bottom = 36 + sourceLines * 14;
  const size = Math.max(24, Math.min((ctx.width - 24) / GRID_COLS, (ctx.height - top - bottom) / GRID_ROWS) * 0.92);
  const muted = ctx.dark ? '#aaaaaa' : '#555555';
  const name = (d: TileDatum) => (ctx.lang === 'en' ? d.tile.en : d.tile.zh);
  const cellOf = (d: TileDatum) => (d.province === null ? undefined : cells[d.province]);
  const few = ctx.dark ? TOO_FEW.dark : TOO_FEW.light;
  const fontSize = Math.max(8, Math.min(12, size / 6));
  // "Too few" where the tile has room for it (not on a phone): the dashed tile and its n say it anyway.
  const fewWord = estimateText(ctx.tooFew, fontSize) <= size - 4 ? `\n${ctx.tooFew}` : '';
  const caption = (d: TileDatum) => {
    const c = cellOf(d);
    if (!c) return `${name(d)}\n${formatValue(ctx.unit, null)}`;
    return c.tooFew ? `${name(d)}${fewWord}\nn=${c.agencies}` : `${name(d)}\n${formatValue(ctx.unit, d.value)}\nn=${c.agencies}`;
  };
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
        const c = cellOf(d);
        const value = c?.tooFew ? ctx.tooFew : formatValue(ctx.unit, d.value);
        const rest = c ? ` · ${escapeHtml(ctx.agencies(c.agencies))}${c.n !== null ? ` · n=${c.n}` : ''}` : '';
        return `${escapeHtml(d.province ?? name(d))}: <b>${escapeHtml(value)}</b>${rest}`;
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
          itemStyle: cellOf(d)?.tooFew
            ? { color: few.fill, opacity: 1, borderColor: few.border, borderWidth: 1, borderType: 'dashed' as const }
            : { color: d.color, opacity: 1, borderColor: ctx.dark ? '#1b1b1b' : '#ffffff', borderWidth: 1 },
          label: {
            show: true,
            formatter: caption(d),
            color: cellOf(d)?.tooFew ? (ctx.dark ? '#e6e6e6' : '#1f1f1f') : textOn(d.color),
            fontSize,
          },
        })),
      },
    ],
  };
}
