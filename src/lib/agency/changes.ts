/**
 * Over a build's used reports: the merges, renames and splits data/agencies.csv made (one entry
 * per row and agency it led to), and the old agency ids that must keep answering (each forwards
 * to the agency its reports are under now). Pure.
 */
import type { AgencyChangeApplied, AgencyChangeKind } from '../dataset/overrides.ts';

/** What the build keeps of one used report for this. */
export interface AgencyOfReport {
  /** The report id. */
  id: string;
  agencyId: string | null;
  change: AgencyChangeApplied | null;
  /** Ids its agency had before agencies.csv changed them. */
  formerIds: readonly string[];
}

export interface AgencyChangeListed {
  /** The row of agencies.csv. */
  line: number;
  change: AgencyChangeKind;
  /** The ids the reports had before (the ids their fields give). */
  from: string[];
  /** The id they have now. */
  to: string;
  /** The reports moved, by id. */
  reports: string[];
  /** Reports already under `to` without this row: 0 for a merge or rename says same_as names no agency of this build. */
  joined: number;
}

/** An agency id no agency has any more, and the agency its page forwards to. */
export interface AgencyForward {
  from: string;
  to: string;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function agencyChanges(reports: readonly AgencyOfReport[]): { changes: AgencyChangeListed[]; forwards: AgencyForward[] } {
  const live = new Map<string, number>();
  for (const r of reports) if (r.agencyId !== null) live.set(r.agencyId, (live.get(r.agencyId) ?? 0) + 1);

  const changes = new Map<string, AgencyChangeListed>();
  for (const r of reports) {
    const c = r.change;
    if (c === null || c.to === null) continue;
    const key = `${c.line}\u0000${c.to}`;
    const entry = changes.get(key) ?? { line: c.line, change: c.change, from: [], to: c.to, reports: [], joined: 0 };
    changes.set(key, entry);
    if (c.from !== null && !entry.from.includes(c.from)) entry.from.push(c.from);
    entry.reports.push(r.id);
  }
  const listed = [...changes.values()].map((c) => ({ ...c, from: c.from.sort(byText), reports: c.reports.sort(byText), joined: (live.get(c.to) ?? 0) - c.reports.length }));
  listed.sort((a, b) => a.line - b.line || byText(a.to, b.to));

  // An old id answers for the agency most of its reports went to (then the id that sorts first); never for a live one.
  const moved = new Map<string, Map<string, number>>();
  for (const r of reports) {
    if (r.agencyId === null) continue;
    for (const former of r.formerIds) {
      if (live.has(former)) continue;
      const targets = moved.get(former) ?? new Map<string, number>();
      moved.set(former, targets);
      targets.set(r.agencyId, (targets.get(r.agencyId) ?? 0) + 1);
    }
  }
  const forwards = [...moved.entries()]
    .map(([from, targets]) => ({ from, to: [...targets.entries()].sort((a, b) => b[1] - a[1] || byText(a[0], b[0]))[0]?.[0] as string }))
    .sort((a, b) => byText(a.from, b.from));
  return { changes: listed, forwards };
}
