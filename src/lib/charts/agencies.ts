/**
 * Agencies from reports: one agency = one name in one division (its reports over the years).
 * Its page is keyed by its earliest report id, a stable slug from a file name.
 */
import type { ReportRecord } from '../schema.ts';

export interface AgencyGroup {
  slug: string;
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

export function agencyKey(r: ReportRecord): string {
  return agencyIdentity(r.id, r.agency.name, r.agency.division_code, r.agency.province);
}

export function groupAgencies(records: readonly ReportRecord[]): AgencyGroup[] {
  const groups = new Map<string, ReportRecord[]>();
  for (const r of records) {
    const key = agencyKey(r);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const byId = [...rs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      slug: (byId[0] as ReportRecord).id,
      name: byId[0]?.agency.name ?? (byId[0] as ReportRecord).id,
      reports: [...rs].sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || (a.id < b.id ? -1 : 1)),
    };
  });
}

/** Report id → the slug of its agency's page. */
export function agencySlugs(groups: readonly AgencyGroup[]): Map<string, string> {
  return new Map(groups.flatMap((g) => g.reports.map((r) => [r.id, g.slug] as const)));
}
