/**
 * Agencies chosen by name on the compare page: an agency is its name in the most precise place its
 * report gives (county, city, province: the rule aggregate.ts groups by), written `name|place` in
 * the URL. Pure: fact columns in, rows or lists out.
 */
import { agencyKey as groupKey, agencyLabel } from '../charts/aggregate.ts';
import type { FactsFile } from '../dataset/layout.ts';

export interface AgencyChoice {
  /** `name|place` ('' place when the report gives none): the URL value. */
  key: string;
  /** The name, with its place when the name does not already say it. */
  label: string;
  /** Years it reported, ascending. */
  years: number[];
}

export function choiceKey(name: string, place: string): string {
  return `${name}|${place}`;
}

/** The key of row i of the fact columns. */
export function rowKeyer(facts: FactsFile): (i: number) => string {
  const col = (n: string) => facts.columns[n] ?? [];
  const names = col('agency');
  const ids = col('id');
  const places = ['county', 'city', 'province'].map(col);
  return (i) => {
    const place = places.map((p) => p[i]).find((v) => typeof v === 'string' && v !== '');
    return choiceKey(String(names[i] ?? ids[i] ?? ''), typeof place === 'string' ? place : '');
  };
}

/** Every agency in the facts, by label in Chinese collation order. */
export function agencyChoices(facts: FactsFile): AgencyChoice[] {
  const keyOf = rowKeyer(facts);
  const years = facts.columns.year ?? [];
  const byKey = new Map<string, Set<number>>();
  for (let i = 0; i < facts.count; i++) {
    const key = keyOf(i);
    const set = byKey.get(key) ?? byKey.set(key, new Set()).get(key)!;
    const y = years[i];
    if (typeof y === 'number') set.add(y);
  }
  return [...byKey]
    .map(([key, ys]) => ({ key, label: choiceLabel(key), years: [...ys].sort((a, b) => a - b) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh'));
}

export function choiceLabel(key: string): string {
  const cut = key.lastIndexOf('|');
  return cut < 0 ? key : agencyLabel(groupKey(key.slice(0, cut), key.slice(cut + 1)));
}

/** The fact rows of the chosen agencies only (all rows when none is chosen), as a FactsFile. */
export function onlyAgencies(facts: FactsFile, keys: readonly string[]): FactsFile {
  if (keys.length === 0) return facts;
  const wanted = new Set(keys);
  const keyOf = rowKeyer(facts);
  const rows: number[] = [];
  for (let i = 0; i < facts.count; i++) if (wanted.has(keyOf(i))) rows.push(i);
  const columns = Object.fromEntries(Object.entries(facts.columns).map(([name, values]) => [name, rows.map((i) => values[i] ?? null)]));
  return { ...facts, count: rows.length, columns };
}
