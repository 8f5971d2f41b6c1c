/**
 * The compare filters form ↔ ChartState. Fills the data-dependent lists (province → city →
 * county narrow each other; sectors; years) from the fact columns, indexed once when they have
 * come (after the first chart) so a filter change does not rescan 100,000 rows.
 */
import { dictionary, provinceLabel, sectorLabel } from '../i18n/index.ts';
import type { FactsFile } from '../lib/dataset/layout.ts';
import { stateFromParams, type ChartState } from '../lib/charts/state.ts';
import type { PageEnv } from './env.ts';

export interface OptionLists {
  provinces: string[];
  sectors: string[];
  years: string[];
  /** province → its cities; city key `province|city` → its counties. */
  cities: Map<string, string[]>;
  counties: Map<string, string[]>;
}

/** The fact columns the lists are made from (level and kind are fixed lists). */
export const OPTION_COLUMNS = ['province', 'city', 'county', 'sector', 'year'] as const;

/** The lists before their columns have come: each select offers "any" and the value the URL chose. */
export const NO_OPTIONS: OptionLists = { provinces: [], sectors: [], years: [], cities: new Map(), counties: new Map() };

const zhSort = (values: Iterable<string>) => [...values].sort((a, b) => a.localeCompare(b, 'zh'));

export function indexOptions(facts: FactsFile): OptionLists {
  const col = (name: string) => facts.columns[name] ?? [];
  const [province, city, county, sector, year] = ['province', 'city', 'county', 'sector', 'year'].map(col) as (string | number | null)[][];
  const sets = { provinces: new Set<string>(), sectors: new Set<string>(), years: new Set<string>() };
  const cities = new Map<string, Set<string>>();
  const counties = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => (map.get(key) ?? map.set(key, new Set()).get(key)!).add(value);
  for (let i = 0; i < facts.count; i++) {
    const p = province![i];
    const c = city![i];
    const k = county![i];
    if (typeof p === 'string' && p) {
      sets.provinces.add(p);
      if (typeof c === 'string' && c) {
        add(cities, p, c);
        if (typeof k === 'string' && k) add(counties, `${p}|${c}`, k);
      }
    }
    if (typeof sector![i] === 'string' && sector![i]) sets.sectors.add(sector![i] as string);
    if (typeof year![i] === 'number') sets.years.add(String(year![i]));
  }
  return {
    provinces: zhSort(sets.provinces),
    sectors: zhSort(sets.sectors),
    years: [...sets.years].sort(),
    cities: new Map([...cities].map(([p, s]) => [p, zhSort(s)])),
    counties: new Map([...counties].map(([p, s]) => [p, zhSort(s)])),
  };
}

function fill(select: HTMLSelectElement, values: [string, string][], anyLabel: string, selected: string | null) {
  const options = [['', anyLabel] as [string, string], ...values].map(([value, label]) => new Option(label, value));
  // A value in the URL that the data does not have stays selectable, so the empty state explains it.
  if (selected !== null && !values.some(([v]) => v === selected)) options.push(new Option(selected, selected));
  select.replaceChildren(...options);
  select.value = selected ?? '';
}

export function syncForm(form: HTMLFormElement, lists: OptionLists, state: ChartState, env: PageEnv): void {
  const any = dictionary(env.lang).filters.any;
  const get = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;
  const { province, city } = state.filters;
  const pairs = (values: string[]) => values.map((v) => [v, v] as [string, string]);
  const allCities = () => [...new Set([...lists.cities.values()].flat())].sort((a, b) => a.localeCompare(b, 'zh'));
  fill(get('province'), lists.provinces.map((p) => [p, provinceLabel(env.lang, p)] as [string, string]), any, province);
  fill(get('city'), pairs(province ? (lists.cities.get(province) ?? []) : allCities()), any, city);
  fill(get('county'), pairs(province && city ? (lists.counties.get(`${province}|${city}`) ?? []) : []), any, state.filters.county);
  fill(get('sector'), lists.sectors.map((s) => [s, sectorLabel(env.lang, s)]), any, state.filters.sector);
  fill(get('from'), pairs(lists.years), any, state.from === null ? null : String(state.from));
  fill(get('to'), pairs(lists.years), any, state.to === null ? null : String(state.to));
  get('m').value = state.measure;
  get('g').value = state.groupBy;
  get('level').value = state.filters.level ?? '';
  get('kind').value = state.filters.kind ?? '';
  const basis = form.elements.namedItem('basis') as HTMLSelectElement | null;
  if (basis) basis.value = state.basis;
}

/** The state the form shows. Changing a place clears the narrower places below it. */
export function readForm(form: HTMLFormElement, changed: string | null): ChartState {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value !== '') params.set(name, value);
  if (changed === 'province') params.delete('city');
  if (changed === 'province' || changed === 'city') params.delete('county');
  return stateFromParams(params).state;
}
