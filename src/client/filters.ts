/**
 * The compare filters form ↔ ChartState. Fills the data-dependent lists (province → city →
 * county narrow each other; sectors; years) from the fact columns.
 */
import { dictionary, sectorLabel } from '../i18n/index.ts';
import type { FactsFile } from '../lib/dataset/layout.ts';
import { stateFromParams, type ChartState } from '../lib/charts/state.ts';
import type { PageEnv } from './env.ts';

function distinct(facts: FactsFile, column: string, where: [string, string | null][] = []): string[] {
  const values = facts.columns[column] ?? [];
  const tests = where.filter(([, v]) => v !== null).map(([c, v]) => [facts.columns[c] ?? [], v] as const);
  const out = new Set<string>();
  for (let i = 0; i < facts.count; i++) {
    const v = values[i];
    if (v == null || v === '') continue;
    if (tests.every(([col, wanted]) => col[i] === wanted)) out.add(String(v));
  }
  return [...out].sort((a, b) => a.localeCompare(b, 'zh'));
}

function fill(select: HTMLSelectElement, values: [string, string][], anyLabel: string, selected: string | null) {
  const options = [['', anyLabel] as [string, string], ...values].map(([value, label]) => new Option(label, value));
  // A value in the URL that the data does not have stays selectable, so the empty state explains it.
  if (selected !== null && !values.some(([v]) => v === selected)) options.push(new Option(selected, selected));
  select.replaceChildren(...options);
  select.value = selected ?? '';
}

export function syncForm(form: HTMLFormElement, facts: FactsFile, state: ChartState, env: PageEnv): void {
  const d = dictionary(env.lang);
  const any = d.filters.any;
  const get = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;
  const { province, city } = state.filters;
  const pairs = (values: string[]) => values.map((v) => [v, v] as [string, string]);
  fill(get('province'), pairs(distinct(facts, 'province')), any, state.filters.province);
  fill(get('city'), pairs(distinct(facts, 'city', [['province', province]])), any, state.filters.city);
  fill(get('county'), pairs(distinct(facts, 'county', [['province', province], ['city', city]])), any, state.filters.county);
  fill(get('sector'), distinct(facts, 'sector').map((s) => [s, sectorLabel(env.lang, s)]), any, state.filters.sector);
  const years = distinct(facts, 'year').sort();
  fill(get('from'), pairs(years), any, state.from === null ? null : String(state.from));
  fill(get('to'), pairs(years), any, state.to === null ? null : String(state.to));
  get('m').value = state.measure;
  get('g').value = state.groupBy;
  get('level').value = state.filters.level ?? '';
  get('kind').value = state.filters.kind ?? '';
}

/** The state the form shows. Changing a place clears the narrower places below it. */
export function readForm(form: HTMLFormElement, changed: string | null): ChartState {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value !== '') params.set(name, value);
  if (changed === 'province') params.delete('city');
  if (changed === 'province' || changed === 'city') params.delete('county');
  return stateFromParams(params).state;
}
