/**
 * ChartState: everything a reader chose on a chart (measure, grouping, filters, years), and its
 * round trip through URL query parameters, so a link reproduces exactly what was seen.
 * Pure: no window, no DOM.
 */
import { KINDS, LEVELS, type Kind, type Level } from '../schema.ts';
import { CHART_MEASURES, type ChartMeasure } from './measures.ts';

export const GROUP_BYS = ['none', 'province', 'city', 'level', 'kind', 'sector', 'agency'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface Filters {
  province: string | null;
  city: string | null;
  county: string | null;
  level: Level | null;
  kind: Kind | null;
  sector: string | null;
}

/**
 * What a change over time compares: `matched` (the default) only the agencies that reported in
 * every year shown; `all` every report, the raw totals (the agencies may differ between years).
 */
export const BASES = ['matched', 'all'] as const;
export type Basis = (typeof BASES)[number];

export interface ChartState {
  measure: ChartMeasure;
  groupBy: GroupBy;
  filters: Filters;
  /** First and last year shown (inclusive); null = from the first / to the last year in the data. */
  from: number | null;
  to: number | null;
  basis: Basis;
  /**
   * Agencies chosen by name (compare page multi-select), as their keys `name|place` (the place the
   * report gives most precisely, '' when none): empty = every agency the filters select.
   */
  agencies: string[];
}

export const DEFAULT_STATE: ChartState = {
  measure: 'applications_received',
  groupBy: 'none',
  filters: { province: null, city: null, county: null, level: null, kind: null, sector: null },
  from: null,
  to: null,
  basis: 'matched',
  agencies: [],
};

/** URL parameter names, short enough for iframe snippets. */
const P = { measure: 'm', groupBy: 'g', from: 'from', to: 'to', basis: 'basis', agency: 'a' } as const;
const FILTER_KEYS = ['province', 'city', 'county', 'level', 'kind', 'sector'] as const satisfies readonly (keyof Filters)[];

export function stateToParams(state: ChartState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.measure !== DEFAULT_STATE.measure) params.set(P.measure, state.measure);
  if (state.groupBy !== DEFAULT_STATE.groupBy) params.set(P.groupBy, state.groupBy);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value !== null) params.set(key, value);
  }
  if (state.from !== null) params.set(P.from, String(state.from));
  if (state.to !== null) params.set(P.to, String(state.to));
  if (state.basis !== DEFAULT_STATE.basis) params.set(P.basis, state.basis);
  for (const a of state.agencies) params.append(P.agency, a);
  return params;
}

export interface ParsedState {
  state: ChartState;
  /** Parameters present but not understood, as `name=value`: shown to the reader, never silently dropped. */
  ignored: string[];
}

export function stateFromParams(params: URLSearchParams): ParsedState {
  const ignored: string[] = [];
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = params.get(name);
    if (raw === null) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    ignored.push(`${name}=${raw}`);
    return fallback;
  };
  const year = (name: string): number | null => {
    const raw = params.get(name);
    if (raw === null) return null;
    if (/^\d{4}$/.test(raw)) return Number(raw);
    ignored.push(`${name}=${raw}`);
    return null;
  };
  const optional = <T extends string>(name: string, allowed: readonly T[]): T | null => {
    const raw = params.get(name);
    if (raw === null || raw === '') return null;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    ignored.push(`${name}=${raw}`);
    return null;
  };
  const text = (name: string): string | null => {
    const raw = params.get(name)?.trim();
    return raw ? raw : null;
  };
  let from = year(P.from);
  let to = year(P.to);
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  const state: ChartState = {
    measure: pick(P.measure, CHART_MEASURES, DEFAULT_STATE.measure),
    groupBy: pick(P.groupBy, GROUP_BYS, DEFAULT_STATE.groupBy),
    filters: {
      province: text('province'),
      city: text('city'),
      county: text('county'),
      level: optional('level', LEVELS),
      kind: optional('kind', KINDS),
      sector: text('sector'),
    },
    from,
    to,
    basis: pick(P.basis, BASES, DEFAULT_STATE.basis),
    agencies: [...new Set(params.getAll(P.agency).map((a) => a.trim()).filter((a) => a !== ''))],
  };
  return { state, ignored };
}

/** The query string for a state, with the leading `?` when not empty. */
export function stateToSearch(state: ChartState): string {
  const s = stateToParams(state).toString();
  return s ? `?${s}` : '';
}
