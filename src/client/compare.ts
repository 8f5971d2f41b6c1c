/**
 * The compare page: state from the URL → filters, chart, table; every change pushes a new URL
 * (so Back works and a link reproduces the view), popstate restores it.
 */
import './line-bar.ts';
import { dictionary, viewLabels } from '../i18n/index.ts';
import { DATA_FILES, type FactsFile } from '../lib/dataset/layout.ts';
import { aggregate } from '../lib/charts/aggregate.ts';
import { fieldsOf } from '../lib/charts/measures.ts';
import { stateFromParams, stateToSearch, type ChartState } from '../lib/charts/state.ts';
import { buildView } from '../lib/charts/view.ts';
import { fetchData, pageEnv } from './env.ts';
import { indexOptions, readForm, syncForm } from './filters.ts';
import { createPanel } from './panel.ts';

const env = pageEnv();
const form = document.querySelector<HTMLFormElement>('[data-filters]')!;
const panel = createPanel(document.querySelector<HTMLElement>('[data-panel]')!, env);
const ignoredBox = document.querySelector<HTMLElement>('[data-ignored]');

function draw(facts: FactsFile, state: ChartState) {
  const started = performance.now();
  const agg = aggregate(facts, state, fieldsOf(state.measure));
  panel.show(state, buildView(state, agg, viewLabels(env.lang)), agg.years, agg.selected);
  document.documentElement.dataset.drawMs = String(Math.round(performance.now() - started));
}

function fromUrl(): ChartState {
  const { state, ignored } = stateFromParams(new URLSearchParams(location.search));
  if (ignoredBox) {
    ignoredBox.hidden = ignored.length === 0;
    ignoredBox.textContent = `${dictionary(env.lang).state.ignored}${ignored.join(', ')}`;
  }
  return state;
}

async function main() {
  panel.loading();
  let facts: FactsFile;
  try {
    facts = await fetchData<FactsFile>(env, DATA_FILES.facts);
  } catch (e) {
    panel.error(e instanceof Error ? e.message : String(e));
    return;
  }
  const lists = indexOptions(facts);
  let state = fromUrl();
  syncForm(form, lists, state, env);
  draw(facts, state);
  form.addEventListener('change', (event) => {
    const name = (event.target as HTMLSelectElement).name;
    state = readForm(form, name);
    history.pushState(null, '', `${location.pathname}${stateToSearch(state)}`);
    syncForm(form, lists, state, env);
    draw(facts, state);
  });
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    state = stateFromParams(new URLSearchParams()).state;
    history.pushState(null, '', location.pathname);
    syncForm(form, lists, state, env);
    draw(facts, state);
  });
  window.addEventListener('popstate', () => {
    state = fromUrl();
    syncForm(form, lists, state, env);
    draw(facts, state);
  });
}

void main();
