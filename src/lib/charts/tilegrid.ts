/**
 * The tile-grid map: each province-level division a square in its rough geographic place.
 * Deliberately not a boundary map (maps of China need an approval number, and a wrong border is a
 * story about us). Positions are our own rough layout: column 0 = west, row 0 = north.
 */
import { formatValue } from './option.ts';
import { NO_DATA_DARK, NO_DATA_LIGHT, SEQUENTIAL, sequentialColor } from './palette.ts';
import type { Unit } from './view.ts';

export interface Tile {
  code: string;
  /** Short Chinese name: the data's province name starts with it. */
  zh: string;
  en: string;
  col: number;
  row: number;
}

export const TILES: readonly Tile[] = [
  { code: '23', zh: '黑龙江', en: 'Heilongjiang', col: 8, row: 0 },
  { code: '65', zh: '新疆', en: 'Xinjiang', col: 0, row: 1 },
  { code: '15', zh: '内蒙古', en: 'Inner Mongolia', col: 4, row: 1 },
  { code: '11', zh: '北京', en: 'Beijing', col: 5, row: 1 },
  { code: '21', zh: '辽宁', en: 'Liaoning', col: 7, row: 1 },
  { code: '22', zh: '吉林', en: 'Jilin', col: 8, row: 1 },
  { code: '63', zh: '青海', en: 'Qinghai', col: 1, row: 2 },
  { code: '62', zh: '甘肃', en: 'Gansu', col: 2, row: 2 },
  { code: '64', zh: '宁夏', en: 'Ningxia', col: 3, row: 2 },
  { code: '14', zh: '山西', en: 'Shanxi', col: 4, row: 2 },
  { code: '13', zh: '河北', en: 'Hebei', col: 5, row: 2 },
  { code: '12', zh: '天津', en: 'Tianjin', col: 6, row: 2 },
  { code: '54', zh: '西藏', en: 'Tibet', col: 1, row: 3 },
  { code: '51', zh: '四川', en: 'Sichuan', col: 2, row: 3 },
  { code: '61', zh: '陕西', en: 'Shaanxi', col: 3, row: 3 },
  { code: '41', zh: '河南', en: 'Henan', col: 4, row: 3 },
  { code: '37', zh: '山东', en: 'Shandong', col: 5, row: 3 },
  { code: '50', zh: '重庆', en: 'Chongqing', col: 3, row: 4 },
  { code: '42', zh: '湖北', en: 'Hubei', col: 4, row: 4 },
  { code: '34', zh: '安徽', en: 'Anhui', col: 5, row: 4 },
  { code: '32', zh: '江苏', en: 'Jiangsu', col: 6, row: 4 },
  { code: '31', zh: '上海', en: 'Shanghai', col: 7, row: 4 },
  { code: '53', zh: '云南', en: 'Yunnan', col: 2, row: 5 },
  { code: '52', zh: '贵州', en: 'Guizhou', col: 3, row: 5 },
  { code: '43', zh: '湖南', en: 'Hunan', col: 4, row: 5 },
  { code: '36', zh: '江西', en: 'Jiangxi', col: 5, row: 5 },
  { code: '33', zh: '浙江', en: 'Zhejiang', col: 6, row: 5 },
  { code: '45', zh: '广西', en: 'Guangxi', col: 3, row: 6 },
  { code: '44', zh: '广东', en: 'Guangdong', col: 4, row: 6 },
  { code: '35', zh: '福建', en: 'Fujian', col: 5, row: 6 },
  { code: '71', zh: '台湾', en: 'Taiwan', col: 7, row: 6 },
  { code: '46', zh: '海南', en: 'Hainan', col: 3, row: 7 },
  { code: '82', zh: '澳门', en: 'Macao', col: 4, row: 7 },
  { code: '81', zh: '香港', en: 'Hong Kong', col: 5, row: 7 },
];

export const GRID_COLS = 9;
export const GRID_ROWS = 8;

/** The tile of a province as the data names it (北京市, 内蒙古自治区 …), or undefined. */
export function tileOf(province: string | null | undefined): Tile | undefined {
  if (!province) return undefined;
  return TILES.find((t) => province.startsWith(t.zh));
}

export interface TileDatum {
  tile: Tile;
  /** The data's own name for the province, when it has one. */
  province: string | null;
  value: number | null;
  color: string;
}

/** Values by data province name → one datum per tile, coloured on a shared scale. */
export function tileData(values: ReadonlyMap<string, number | null>, dark = false): { data: TileDatum[]; min: number | null; max: number | null; unplaced: string[] } {
  const known = [...values.values()].filter((v): v is number => v !== null);
  const min = known.length ? Math.min(...known) : null;
  const max = known.length ? Math.max(...known) : null;
  const unplaced = [...values.keys()].filter((p) => !tileOf(p));
  const data = TILES.map((tile) => {
    const province = [...values.keys()].find((p) => tileOf(p) === tile) ?? null;
    const value = province === null ? null : (values.get(province) ?? null);
    return { tile, province, value, color: sequentialColor(value, min ?? 0, max ?? 0, dark) };
  });
  return { data, min, max, unplaced };
}

export interface ScaleKeyContext {
  unit: Unit;
  /** "No data" in the page's language. */
  noData: string;
  dark: boolean;
  /** Distance from the chart's bottom edge, px. */
  bottom: number;
}

/**
 * The colour scale drawn into the chart (a title line of swatches, low to high, the range, and
 * the no-data swatch), so that the PNG and SVG downloads carry it as the screen does.
 */
export function scaleKey(min: number | null, max: number | null, ctx: ScaleKeyContext) {
  const swatch = (color: string) => ({ backgroundColor: color, width: 18, height: 12, borderColor: ctx.dark ? '#777777' : '#bdbdbd', borderWidth: 0.5 });
  const rich: Record<string, object> = { t: { fontSize: 12, padding: [0, 4], color: ctx.dark ? '#e6e6e6' : '#222222' } };
  SEQUENTIAL.forEach((c, i) => (rich[`s${i}`] = swatch(c)));
  rich.nd = swatch(ctx.dark ? NO_DATA_DARK : NO_DATA_LIGHT);
  const range = min === null || max === null ? '' : `{t|${formatValue(ctx.unit, min)} – ${formatValue(ctx.unit, max)}}  `;
  return {
    text: `${SEQUENTIAL.map((_, i) => `{s${i}|}`).join('')}${range}{nd|}{t|${ctx.noData.replace(/[{}|]/g, '')}}`,
    left: 8,
    bottom: ctx.bottom,
    padding: 0,
    textStyle: { rich, fontSize: 12, fontWeight: 'normal' as const },
  };
}
