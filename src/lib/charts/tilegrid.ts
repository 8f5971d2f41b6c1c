/**
 * The tile-grid map: each province-level division a square in its rough geographic place.
 * Deliberately not a boundary map (maps of China need an approval number, and a wrong border is a
 * story about us). Positions are our own rough layout: column 0 = west, row 0 = north.
 */
import { sequentialColor } from './palette.ts';

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
export function tileData(values: ReadonlyMap<string, number | null>): { data: TileDatum[]; min: number | null; max: number | null; unplaced: string[] } {
  const known = [...values.values()].filter((v): v is number => v !== null);
  const min = known.length ? Math.min(...known) : null;
  const max = known.length ? Math.max(...known) : null;
  const unplaced = [...values.keys()].filter((p) => !tileOf(p));
  const data = TILES.map((tile) => {
    const province = [...values.keys()].find((p) => tileOf(p) === tile) ?? null;
    const value = province === null ? null : (values.get(province) ?? null);
    return { tile, province, value, color: sequentialColor(value, min ?? 0, max ?? 0) };
  });
  return { data, min, max, unplaced };
}
