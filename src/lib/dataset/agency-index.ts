/**
 * The agency index (agencies.json): one entry an agency, with what pages need to name it and
 * link to it (its permanent id, names, place, division, its reports and years, the addresses that
 * forward to its page), made by the data build from the fact rows it already has. Pages read
 * this, never every full record, to draw links. Pure: fact columns in, index out.
 *
 * One agency = its permanent id (src/lib/agency/agency-id.ts, the facts' `agency_id`); a report
 * with no agency name is its own agency, addressed by its report id. The other report ids of an
 * agency (the old scheme keyed its page by its earliest report's id) forward to its page, and so
 * do the agency ids data/agencies.csv moved its reports from (a merge, a rename, a corrected
 * division: the build report's `agencies.forwards`); never an address an agency has now.
 */
import type { AgencyForward } from '../agency/changes.ts';
import type { FactsFile } from './layout.ts';

export interface AgencyReport {
  id: string;
  year: number | null;
}

/** Where an agency is and what it is (the fact row's fields). */
export interface AgencyPlace {
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
  division_code: string | null;
  level: string | null;
  kind: string | null;
  sector: string | null;
}

/** One agency; its place and kind as its latest report gives them. */
export interface AgencyEntry extends AgencyPlace {
  /** Its page's address: `agency/<id>/`. */
  id: string;
  /** The name as its latest report prints it. */
  name: string;
  /** Every name its reports print, latest first, each once. */
  names: string[];
  /** Its reports, latest year first (then id order). */
  reports: AgencyReport[];
  /** Earlier addresses of its page (report ids, the old scheme's keys, then former agency ids), forwarding to it. */
  former: string[];
}

export interface AgencyIndexFile {
  schema_version: number;
  /** Agencies in id order. */
  agencies: AgencyEntry[];
}

/** What the index reads of one report: its fact row's text fields and year. */
export interface AgencyRow extends AgencyPlace {
  id: string;
  agency_id: string | null;
  agency: string | null;
  year: number | null;
}

const ROW_FIELDS = ['id', 'agency_id', 'agency', 'province', 'city', 'county', 'township', 'division_code', 'level', 'kind', 'sector', 'year'] as const;

/** Row i of the fact columns, as the index reads it. */
export function agencyRows(columns: FactsFile['columns'], count: number): AgencyRow[] {
  const cols = ROW_FIELDS.map((f) => columns[f] ?? []);
  const rows: AgencyRow[] = [];
  for (let i = 0; i < count; i++) {
    const row: Record<string, string | number | null> = {};
    ROW_FIELDS.forEach((f, j) => (row[f] = cols[j]![i] ?? null));
    rows.push(row as unknown as AgencyRow);
  }
  return rows;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The agencies of these reports, in id order; `forwards` (old agency id → id now) adds former agency ids to the agency they lead to. */
export function agencyEntries(rows: readonly AgencyRow[], forwards: readonly AgencyForward[] = []): AgencyEntry[] {
  const groups = new Map<string, AgencyRow[]>();
  for (const r of rows) {
    const key = r.agency_id ?? `#${r.id}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const idOf = (key: string, rs: readonly AgencyRow[]) => (key.startsWith('#') ? (rs.map((r) => r.id).sort(byText)[0] as string) : key);
  const live = new Set([...groups].map(([key, rs]) => idOf(key, rs)));
  const formerIds = new Map<string, string[]>();
  for (const f of forwards) if (!live.has(f.from)) formerIds.set(f.to, [...(formerIds.get(f.to) ?? []), f.from]);
  const entries = [...groups].map(([key, rs]): AgencyEntry => {
    const ids = rs.map((r) => r.id).sort(byText);
    const latestFirst = [...rs].sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || byText(a.id, b.id));
    const latest = latestFirst[0] as AgencyRow;
    const id = key.startsWith('#') ? (ids[0] as string) : key;
    return {
      id,
      name: latest.agency ?? id,
      names: [...new Set(latestFirst.flatMap((r) => (r.agency === null ? [] : [r.agency])))],
      province: latest.province,
      city: latest.city,
      county: latest.county,
      township: latest.township,
      division_code: latest.division_code,
      level: latest.level,
      kind: latest.kind,
      sector: latest.sector,
      reports: latestFirst.map((r) => ({ id: r.id, year: r.year })),
      former: [...ids, ...(formerIds.get(id) ?? [])].filter((x) => !live.has(x)),
    };
  });
  return entries.sort((a, b) => byText(a.id, b.id));
}

export function agencyIndex(columns: FactsFile['columns'], count: number, schemaVersion: number, forwards: readonly AgencyForward[] = []): AgencyIndexFile {
  return { schema_version: schemaVersion, agencies: agencyEntries(agencyRows(columns, count), forwards) };
}

/** Report id → the id of its agency (its page's address). */
export function agencyOfReport(agencies: readonly AgencyEntry[]): Map<string, string> {
  return new Map(agencies.flatMap((a) => a.reports.map((r) => [r.id, a.id] as const)));
}

/** The agency's years, ascending, each once. */
export function agencyYears(agency: Pick<AgencyEntry, 'reports'>): number[] {
  return [...new Set(agency.reports.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
}
