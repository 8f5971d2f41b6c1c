/**
 * The overview trend chart: national figures per year, prepared at build time (the page carries
 * them; no data file to load). The measure shown and the basis of comparison (like with like,
 * or the raw totals) are in the URL (?m=&basis=), so a link keeps them.
 */
import './line-bar.ts';
import type { PreparedChart } from '../components/views.ts';
import { historyMode, type LastChange } from '../lib/nav/history.ts';
import { pageEnv } from './env.ts';
import { createPanel } from './panel.ts';

const env = pageEnv();
const holder = document.querySelector<HTMLElement>('[data-overview-charts]')!;
const select = document.querySelector<HTMLSelectElement>('[data-overview-form] select[name="m"]')!;
const basisSelect = document.querySelector<HTMLSelectElement>('[data-overview-form] select[name="basis"]');
const panel = createPanel(holder.querySelector<HTMLElement>('[data-panel]')!, env);

function draw() {
  let charts: PreparedChart[];
  try {
    charts = JSON.parse(holder.dataset.overviewCharts ?? '[]') as PreparedChart[];
  } catch (e) {
    panel.error(String(e));
    return;
  }
  const params = new URLSearchParams(location.search);
  const wanted = params.get('m');
  const basis = params.get('basis') === 'all' ? 'all' : 'matched';
  const ofBasis = charts.filter((c) => c.state.basis === basis);
  const chart = ofBasis.find((c) => c.state.measure === wanted) ?? ofBasis[0];
  if (!chart) return panel.error('no chart');
  select.value = chart.state.measure;
  if (basisSelect) basisSelect.value = chart.state.basis;
  panel.show(chart.state, chart.view, chart.years, chart.reports);
}

let last: LastChange | null = null;
/** The measure and basis into the URL; arrow keys through a select give one history entry, not one a step. */
function pick(control: 'm' | 'basis') {
  const params = new URLSearchParams({ m: select.value });
  if (basisSelect?.value === 'all') params.set('basis', 'all');
  const url = `${location.pathname}?${params}`;
  const now = performance.now();
  if (historyMode(last, control, now) === 'replace') history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  last = { control, at: now };
  draw();
}
select.addEventListener('change', () => pick('m'));
basisSelect?.addEventListener('change', () => pick('basis'));
window.addEventListener('popstate', () => {
  last = null;
  draw();
});
// After the first frame: the page lays out once, then the chart draws into its final size.
requestAnimationFrame(() => draw());
