/**
 * The overview trend chart: national figures per year, prepared at build time (the page carries
 * them; no data file to load). The measure shown is in the URL (?m=), so a link keeps it.
 */
import './line-bar.ts';
import type { PreparedChart } from '../components/views.ts';
import { historyMode, type LastChange } from '../lib/nav/history.ts';
import { pageEnv } from './env.ts';
import { createPanel } from './panel.ts';

const env = pageEnv();
const holder = document.querySelector<HTMLElement>('[data-overview-charts]')!;
const select = document.querySelector<HTMLSelectElement>('[data-overview-form] select[name="m"]')!;
const panel = createPanel(holder.querySelector<HTMLElement>('[data-panel]')!, env);

function draw() {
  let charts: PreparedChart[];
  try {
    charts = JSON.parse(holder.dataset.overviewCharts ?? '[]') as PreparedChart[];
  } catch (e) {
    panel.error(String(e));
    return;
  }
  const wanted = new URLSearchParams(location.search).get('m');
  const chart = charts.find((c) => c.state.measure === wanted) ?? charts[0];
  if (!chart) return panel.error('no chart');
  select.value = chart.state.measure;
  panel.show(chart.state, chart.view, chart.years, chart.reports);
}

let last: LastChange | null = null;
select.addEventListener('change', () => {
  // Arrow keys through the select: one history entry, not one a step.
  const now = performance.now();
  const url = `${location.pathname}?m=${encodeURIComponent(select.value)}`;
  if (historyMode(last, 'm', now) === 'replace') history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  last = { control: 'm', at: now };
  draw();
});
window.addEventListener('popstate', () => {
  last = null;
  draw();
});
// After the first frame: the page lays out once, then the chart draws into its final size.
requestAnimationFrame(() => draw());
