/**
 * The regions page: the tile map for a measure and year (both in the URL: ?m=&year=), with the
 * same numbers as a table and CSV. Values were computed at build time and come with the page.
 */
import { use } from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { dictionary, measureLabel, viewLabels } from '../i18n/index.ts';
import type { ChartOption } from '../lib/charts/option.ts';
import { tileOption, type ProvinceValues } from '../lib/charts/regions.ts';
import { DEFAULT_STATE, type ChartState } from '../lib/charts/state.ts';
import type { ChartView } from '../lib/charts/view.ts';
import { unitLabel, unitOf } from '../lib/charts/view.ts';
import { MEASURES, MIN_N, type MeasureKey } from '../lib/measures.ts';
import { historyMode, type LastChange } from '../lib/nav/history.ts';
import { pageEnv } from './env.ts';
import { createPanel } from './panel.ts';

use(ScatterChart);
const env = pageEnv();
const holder = document.querySelector<HTMLElement>('[data-regions]')!;
const form = document.querySelector<HTMLFormElement>('[data-regions-form]')!;
const panel = createPanel(holder.querySelector<HTMLElement>('[data-panel]')!, env);
const payload = JSON.parse(holder.dataset.regions ?? '{}') as Record<string, ProvinceValues>;
const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;

function draw() {
  const params = new URLSearchParams(location.search);
  const measures = Object.keys(payload) as MeasureKey[];
  const measure = (measures.find((m) => m === params.get('m')) ?? measures[0]) as MeasureKey;
  const byYear = payload[measure] ?? {};
  const years = Object.keys(byYear).sort();
  const year = years.find((y) => y === params.get('year')) ?? years[years.length - 1];
  select('m').value = measure;
  if (year) select('year').value = year;
  const cells = (year && byYear[year]) || {};
  const unit = unitOf(measure);
  const labels = viewLabels(env.lang);
  const sorted = Object.entries(cells).sort(([, a], [, b]) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  const state: ChartState = { ...DEFAULT_STATE, measure, groupBy: 'province', from: year ? Number(year) : null, to: year ? Number(year) : null };
  const stats = dictionary(env.lang).stats;
  const rate = MEASURES[measure].unit !== 'count';
  const c = labels.column;
  const few = sorted.filter(([, x]) => x.tooFew).length;
  const failing = sorted.reduce((n, [, x]) => n + x.failing, 0);
  const approximate = sorted.reduce((n, [, x]) => n + x.approximate, 0);
  const view: ChartView = {
    kind: 'bar',
    title: `${measureLabel(env.lang, measure)} · ${labels.groupBy('province')}`,
    unit,
    categories: sorted.map(([p]) => p),
    series: [{
      key: measure,
      name: measureLabel(env.lang, measure),
      values: sorted.map(([, x]) => x.value),
      tips: sorted.map(([, x]) => stats.tip({ reports: x.reports, agencies: x.agencies, n: x.n, approximate: x.approximate, failing: x.failing, tooFew: x.tooFew, min: MIN_N })),
      approximate: sorted.map(([, x]) => x.approximate > 0),
    }],
    notes: [
      stats.rule(MIN_N),
      ...(few > 0 ? [stats.mapTooFew(MIN_N)] : []),
      ...(failing > 0 ? [stats.noteFailing(failing)] : []),
      ...(approximate > 0 ? [stats.noteApprox(approximate)] : []),
    ],
    table: {
      columns: [c.group, c.year, `${measureLabel(env.lang, measure)} (${unitLabel(measure, labels)})`, ...(rate ? [stats.column.n] : []), c.reports, stats.column.agencies, c.missing, stats.column.failing, stats.tooFew],
      rows: sorted.map(([p, x]) => [p, Number(year), x.value, ...(rate ? [x.n] : []), x.reports, x.agencies, x.missing, x.failing, x.tooFew ? 1 : 0]),
    },
    empty: sorted.length === 0,
    coverage: { reports: sorted.reduce((n, [, x]) => n + x.reports, 0), agencies: sorted.reduce((n, [, x]) => n + x.agencies, 0) },
    comparison: null,
  };
  const reports = sorted.reduce((n, [, x]) => n + x.reports + x.missing, 0);
  panel.show(state, view, year ? [Number(year)] : [], reports, (ctx) =>
    tileOption(cells, { ...ctx, title: view.title, unit, lang: env.lang, tooFew: stats.tooFew, agencies: stats.mapCell }) as unknown as ChartOption,
  );
}

let last: LastChange | null = null;
form.addEventListener('change', (event) => {
  const params = new URLSearchParams({ m: select('m').value, year: select('year').value });
  // Arrow keys through a select: one history entry, not one a step.
  const control = (event.target as HTMLSelectElement).name;
  const now = performance.now();
  if (historyMode(last, control, now) === 'replace') history.replaceState(null, '', `${location.pathname}?${params}`);
  else history.pushState(null, '', `${location.pathname}?${params}`);
  last = { control, at: now };
  draw();
});
window.addEventListener('popstate', () => {
  last = null;
  draw();
});
// After the first frame: the page lays out once, then the chart draws into its final size.
requestAnimationFrame(() => draw());
