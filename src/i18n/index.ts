/**
 * The two languages: Chinese at the site root, English under /en/ (Astro i18n routing), and the
 * labels the chart views need (ViewLabels) built from the dictionaries and MEASURES.
 */
import { MEASURES } from '../lib/measures.ts';
import { SECTORS } from '../lib/agency/sectors.ts';
import { agencyLabel } from '../lib/charts/aggregate.ts';
import { tileOf } from '../lib/charts/tilegrid.ts';
import type { ChartMeasure } from '../lib/charts/measures.ts';
import { isMix } from '../lib/charts/measures.ts';
import type { GroupBy } from '../lib/charts/state.ts';
import type { DescribeWords } from '../lib/charts/describe.ts';
import type { ViewLabels } from '../lib/charts/view.ts';
import { en } from './en.ts';
import { zh, type Dictionary } from './zh.ts';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function dictionary(lang: Lang): Dictionary {
  return lang === 'en' ? en : zh;
}

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/** Site-relative path for a page in a language, under the base path: localePath('en', 'compare/'). */
export function localePath(lang: Lang, path: string, base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const clean = path.replace(/^\//, '');
  return lang === 'zh' ? `${root}${clean}` : `${root}en/${clean}`;
}

export function measureLabel(lang: Lang, measure: ChartMeasure): string {
  return isMix(measure) ? (dictionary(lang).mix[measure] ?? measure) : MEASURES[measure][lang];
}

export function sectorLabel(lang: Lang, key: string): string {
  return SECTORS.find((s) => s.key === key)?.[lang] ?? key;
}

/** A province's name: in English pages its English name with the Chinese beside it (`Guangdong 广东省`). */
export function provinceLabel(lang: Lang, name: string): string {
  if (lang === 'zh') return name;
  const tile = tileOf(name);
  return tile ? `${tile.en} ${name}` : name;
}

export function groupLabel(lang: Lang, groupBy: GroupBy, key: string): string {
  const d = dictionary(lang);
  if (groupBy === 'none') return d.all;
  if (key === '') return d.unknown;
  if (groupBy === 'level') return d.levels[key] ?? key;
  if (groupBy === 'kind') return d.kinds[key] ?? key;
  if (groupBy === 'sector') return sectorLabel(lang, key);
  if (groupBy === 'agency') return agencyLabel(key);
  if (groupBy === 'province') return provinceLabel(lang, key);
  return key;
}

export function viewLabels(lang: Lang): ViewLabels {
  const d = dictionary(lang);
  return {
    measure: (m) => measureLabel(lang, m),
    unit: (u) => d.units[u] ?? u,
    groupBy: (g) => d.groupBy[g] ?? g,
    group: (g, key) => groupLabel(lang, g, key),
    part: (m, part) => (m === 'review_mix' ? d.stats.reviewParts[part] : undefined) ?? d.parts[part] ?? part,
    column: d.column,
    noteTopGroups: d.notes.topGroups,
    noteSummedYears: d.notes.summedYears,
    noteTemplates: d.notes.templates,
    noteMissing: d.notes.missing,
    stats: d.stats,
  };
}

export function describeWords(lang: Lang): DescribeWords {
  return dictionary(lang).describe;
}

/** The chart's second line: what was filtered (`agencies`: how many were chosen by name), which years, how many reports (and agencies, when known). */
export function filtersSummary(lang: Lang, filters: Record<string, string | null>, years: number[], reports: number, agencies?: number): string {
  const d = dictionary(lang);
  const parts: string[] = [];
  if (filters.province) parts.push(provinceLabel(lang, filters.province));
  for (const key of ['city', 'county'] as const) if (filters[key]) parts.push(filters[key] as string);
  if (filters.level) parts.push(d.levels[filters.level] ?? filters.level);
  if (filters.kind) parts.push(d.kinds[filters.kind] ?? filters.kind);
  if (filters.sector) parts.push(sectorLabel(lang, filters.sector));
  if (filters.agencies) parts.push(d.nav2.chosenN(Number(filters.agencies)));
  if (parts.length === 0) parts.push(d.all);
  if (years.length > 0) parts.push(years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`);
  parts.push(agencies === undefined ? d.nav2.reportsN(reports) : d.stats.coverage(reports, agencies));
  return parts.join(' · ');
}
