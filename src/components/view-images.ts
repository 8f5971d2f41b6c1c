/**
 * The views a shared link most often names, drawn at build time as a page's own first chart is
 * (drawn-chart.ts) and served as files under `views/`: every measure, on either basis, alone or
 * grouped by level, kind or province, with no filter, year range or chosen agency. A compare
 * or embed page whose address names one of them shows its image at first paint, before any module
 * has loaded (csp.ts: the head's line marks the page with the view, the line after the picture
 * points the picture at its files), until the page script draws the live chart in its place. Any
 * other view is drawn live.
 */
import { LANGS, viewLabels, type Lang } from '../i18n/index.ts';
import { aggregate } from '../lib/charts/aggregate.ts';
import { CHART_MEASURES, fieldsOf } from '../lib/charts/measures.ts';
import { BASES, DEFAULT_STATE, type ChartState, type GroupBy } from '../lib/charts/state.ts';
import { buildView } from '../lib/charts/view.ts';
import type { FactsFile } from '../lib/dataset/layout.ts';
import { drawSvgs } from './drawn-chart.ts';

/**
 * The groupings drawn: none, and those a national comparison names most. Not by city or agency (too
 * many lines to draw ahead), nor by sector: its images and the province's are the largest (~13 MB
 * each at 100,000 reports), and the site has room for one of them within its 1 GB.
 */
export const IMAGE_GROUPS = ['none', 'level', 'kind', 'province'] as const satisfies readonly GroupBy[];

/** A view's name in its images' file names: `granted_share.province.all`. */
export const imageKey = (state: Pick<ChartState, 'measure' | 'groupBy' | 'basis'>): string => `${state.measure}.${state.groupBy}.${state.basis}`;

/** Every view drawn as images. */
export function imageStates(): ChartState[] {
  return CHART_MEASURES.flatMap((measure) => IMAGE_GROUPS.flatMap((groupBy) => BASES.map((basis) => ({ ...DEFAULT_STATE, measure, groupBy, basis }))));
}

export interface ViewImageFile {
  lang: Lang;
  /** `<key>.<variant>.svg`, under the language's `views/`. */
  name: string;
  svg: string;
}

export interface ViewImages {
  /** The views that have images, per language (a view that draws nothing has none: it is drawn live and says why). */
  keys: Record<Lang, string[]>;
  files: ViewImageFile[];
}

let drawn: { facts: FactsFile; stamp: string; images: ViewImages } | null = null;

/**
 * The images of every view of imageStates(), in both languages; drawn once per build (the pages
 * that name them and the route that writes them ask for the same). `version` and `root` make the
 * source line, as on the page's own drawn chart.
 */
export function viewImages(facts: FactsFile, version: string, root: string): ViewImages {
  const stamp = `${version}\n${root}`;
  if (drawn?.facts === facts && drawn.stamp === stamp) return drawn.images;
  const images: ViewImages = { keys: { zh: [], en: [] }, files: [] };
  for (const state of imageStates()) {
    const agg = aggregate(facts, state, fieldsOf(state.measure));
    for (const lang of LANGS) {
      const svgs = drawSvgs({ state, view: buildView(state, agg, viewLabels(lang)), years: agg.years, reports: agg.selected }, lang, version, root);
      if (!svgs) continue;
      const key = imageKey(state);
      images.keys[lang].push(key);
      for (const { variant, svg } of svgs) images.files.push({ lang, name: `${key}.${variant}.svg`, svg });
    }
  }
  drawn = { facts, stamp, images };
  return images;
}
