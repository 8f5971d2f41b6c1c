/**
 * Agencies from reports: one agency = its permanent id (src/lib/agency/agency-id.ts: its division
 * and its name without the place names in front), its reports over the years. Its page is keyed
 * by that id; the addresses pages had before forward to it: its reports' ids (the old scheme's
 * keys) and the agency ids data/agencies.csv moved its reports from (a merge, a rename, a
 * correction of the division: build-report.json's agencies.forwards).
 */
import { agencyIdOf } from '../agency/agency-id.ts';
import type { AgencyForward } from '../agency/changes.ts';
import type { ReportRecord } from '../schema.ts';

export interface AgencyGroup {
  slug: string;
  /** Earlier addresses of its page that forward to it: its reports' ids (the old scheme's keys), then former agency ids. */
  formerSlugs: string[];
  name: string;
  /** Its reports, latest year first. */
  reports: ReportRecord[];
}

/**
 * Who an agency is, across its years: its name in its division (the province when no division
 * code was found). The agency pages and the like-with-like comparisons (aggregate.ts) both use it.
 */
export function agencyIdentity(id: string, name: string | null, divisionCode: string | null, province: string | null): string {
  return `${name ?? `#${id}`}|${divisionCode ?? province ?? ''}`;
}

/** The agency's permanent id; a report with no agency name is its own agency (`#<report id>`). */
export function agencyKey(r: ReportRecord): string {
  return agencyIdOf(r.agency) ?? `#${r.id}`;
}

/** The agencies of these reports; `forwards` (old agency id → id now) adds former agency ids to the agency they lead to. No former address is any agency's address now. */
export function groupAgencies(records: readonly ReportRecord[], forwards: readonly AgencyForward[] = []): AgencyGroup[] {
  const groups = new Map<string, ReportRecord[]>();
  for (const r of records) {
    const key = agencyKey(r);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const slugOf = (key: string, rs: ReportRecord[]) => (key.startsWith('#') ? (rs[0] as ReportRecord).id : key);
  const live = new Set([...groups.entries()].map(([key, rs]) => slugOf(key, rs)));
  const formerIds = new Map<string, string[]>();
  for (const f of forwards) if (!live.has(f.from)) formerIds.set(f.to, [...(formerIds.get(f.to) ?? []), f.from]);
  return [...groups.entries()].map(([key, rs]) => {
    const byId = [...rs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const latest = [...rs].sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || (a.id < b.id ? -1 : 1));
    const slug = slugOf(key, byId);
    return {
      slug,
      formerSlugs: [...byId.map((r) => r.id), ...(formerIds.get(slug) ?? [])].filter((id) => !live.has(id)),
      // The name as its latest report prints it.
      name: latest[0]?.agency.name ?? slug,
      reports: latest,
    };
  });
}

/** Report id → the slug of its agency's page. */
export function agencySlugs(groups: readonly AgencyGroup[]): Map<string, string> {
  return new Map(groups.flatMap((g) => g.reports.map((r) => [r.id, g.slug] as const)));
}
