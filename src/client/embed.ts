/**
 * The embed page: theme and plain variant from the URL, the chart for the state in the URL (drawn
 * from the fact columns it reads, and no others), a link back to the same view, and its height
 * posted to the host page on every change (the host may run public/embed-resize.js; without it the
 * iframe keeps its own height).
 */
import './line-bar.ts';
import { viewLabels } from '../i18n/index.ts';
import { aggregate } from '../lib/charts/aggregate.ts';
import { columnsRead } from '../lib/charts/columns-read.ts';
import { RESIZE_MESSAGE } from '../lib/charts/embed.ts';
import { fieldsOf } from '../lib/charts/measures.ts';
import { stateFromParams, stateToSearch } from '../lib/charts/state.ts';
import { buildView } from '../lib/charts/view.ts';
import { onlyAgencies } from '../lib/nav/agencies.ts';
import { pageEnv } from './env.ts';
import { factStore } from './fact-store.ts';
import { createPanel } from './panel.ts';

const params = new URLSearchParams(location.search);
const theme = params.get('theme');
if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
if (params.get('plain') === '1') for (const el of document.querySelectorAll<HTMLElement>('[data-embed-chrome]')) el.hidden = true;

const env = pageEnv();
const { state } = stateFromParams(params);
const back = document.querySelector<HTMLAnchorElement>('[data-back-link]');
if (back) back.href = `${back.pathname}${stateToSearch(state)}`;

function postHeight() {
  if (window.parent === window) return;
  window.parent.postMessage({ type: RESIZE_MESSAGE, height: Math.ceil(document.documentElement.getBoundingClientRect().height) }, '*');
}
new ResizeObserver(postHeight).observe(document.documentElement);

async function main() {
  const panel = createPanel(document.querySelector<HTMLElement>('[data-panel]')!, env);
  // The embed's own foot carries the source, the dataset version and the link back: no citation line (it would only add height).
  for (const el of document.querySelectorAll<HTMLElement>('[data-cite]')) el.hidden = true;
  panel.loading();
  try {
    // Only the columns this chart reads.
    const facts = await factStore(env).load(columnsRead(state, false));
    const agg = aggregate(onlyAgencies(facts, state.agencies), state, fieldsOf(state.measure));
    const view = buildView(state, agg, viewLabels(env.lang));
    document.title = `${view.title} · ${document.title}`;
    panel.show(state, view, agg.years, agg.selected);
  } catch (e) {
    panel.error(e instanceof Error ? e.message : String(e));
  }
  postHeight();
}

void main();
