/**
 * The two lines a chart carries around its plot: the subtitle (what was filtered, which years,
 * how many reports and agencies) and the source line (where the numbers come from, the dataset
 * version, the site). One function for the page script and the build-time drawing, so both say
 * the same.
 */
import { dictionary, filtersSummary, type Lang } from '../../i18n/index.ts';
import type { ChartState } from './state.ts';
import type { ChartView } from './view.ts';

export interface FrameText {
  subtitle: string;
  source: string;
}

/** `version`: the dataset version label; `root`: the site's absolute address (with base path). */
export function frameText(lang: Lang, state: ChartState, view: ChartView, years: number[], reports: number, version: string, root: string): FrameText {
  const d = dictionary(lang);
  const filters = { ...state.filters, agencies: state.agencies.length > 0 ? String(state.agencies.length) : null };
  return {
    subtitle: filtersSummary(lang, filters, years, view.empty ? reports : view.coverage.reports, view.empty ? undefined : view.coverage.agencies),
    source: `${d.source} · ${d.nav2.citeShort(version)} · ${root}`,
  };
}
