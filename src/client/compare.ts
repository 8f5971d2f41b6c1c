/**
 * The compare page: state from the URL → filters, chosen agencies, chart, table. A change adds a
 * history entry (so Back works and a link reproduces the view), except a change right after one to
 * the same control (arrow keys through a select), which replaces it; popstate restores the view.
 */
import './line-bar.ts';
import { dictionary, viewLabels } from '../i18n/index.ts';
import type { FactsFile } from '../lib/dataset/layout.ts';
import { aggregate } from '../lib/charts/aggregate.ts';
import { AGENCY_NAME_COLUMNS, columnsRead } from '../lib/charts/columns-read.ts';
import { fieldsOf } from '../lib/charts/measures.ts';
import { stateFromParams, stateToSearch, type ChartState } from '../lib/charts/state.ts';
import { buildView } from '../lib/charts/view.ts';
import { agencyChoices, onlyAgencies } from '../lib/nav/agencies.ts';
import { historyMode, type LastChange } from '../lib/nav/history.ts';
import { agencyPicker } from './agency-picker.ts';
import { pageEnv } from './env.ts';
import { factStore } from './fact-store.ts';
import { indexOptions, NO_OPTIONS, OPTION_COLUMNS, readForm, syncForm, type OptionLists } from './filters.ts';
import { createPanel } from './panel.ts';

const env = pageEnv();
const form = document.querySelector<HTMLFormElement>('[data-filters]')!;
const panel = createPanel(document.querySelector<HTMLElement>('[data-panel]')!, env);
const ignoredBox = document.querySelector<HTMLElement>('[data-ignored]');
const pickerRoot = document.querySelector<HTMLElement>('[data-agency-picker]');
const store = factStore(env);
const fail = (e: unknown) => panel.error(e instanceof Error ? e.message : String(e));

function draw(facts: FactsFile, state: ChartState) {
  const started = performance.now();
  const agg = aggregate(onlyAgencies(facts, state.agencies), state, fieldsOf(state.measure));
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
  let state = fromUrl();
  let lists: OptionLists = NO_OPTIONS;
  let last: LastChange | null = null;

  const commit = (next: ChartState, control: string) => {
    state = next;
    const now = performance.now();
    const url = `${location.pathname}${stateToSearch(state)}`;
    if (historyMode(last, control, now) === 'replace') history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    last = { control, at: now };
    show().catch(fail);
  };
  const picker = pickerRoot
    ? agencyPicker(pickerRoot, env.lang, () => store.load(['year', ...AGENCY_NAME_COLUMNS]).then(agencyChoices), (agencies) =>
        // The first agency chosen shows each agency on its own, not their sum.
        commit({ ...state, agencies, groupBy: state.agencies.length === 0 && agencies.length > 0 && state.groupBy === 'none' ? 'agency' : state.groupBy }, 'agencies'),
      )
    : null;
  /** Draw the state; the columns it reads are fetched first if they have not come (then drawn unless the state moved on). */
  const show = (): Promise<void> => {
    syncForm(form, lists, state, env);
    picker?.show(state.agencies);
    const names = columnsRead(state, false);
    const ready = store.ready(names);
    if (ready) return Promise.resolve(draw(ready, state));
    const wanted = state;
    panel.loading();
    return store.load(names).then((f) => {
      if (state === wanted) draw(f, state);
    });
  };

  form.addEventListener('change', (event) => {
    const name = (event.target as HTMLSelectElement).name;
    commit({ ...readForm(form, name), agencies: state.agencies }, name);
  });
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    last = null;
    commit(stateFromParams(new URLSearchParams()).state, 'reset');
  });
  window.addEventListener('popstate', () => {
    last = null;
    state = fromUrl();
    show().catch(fail);
  });

  try {
    await show();
    // The filter lists come from every place, sector and year: fetched once the first chart is drawn.
    lists = indexOptions(await store.load(OPTION_COLUMNS));
    syncForm(form, lists, state, env);
  } catch (e) {
    fail(e);
  }
}

void main();
